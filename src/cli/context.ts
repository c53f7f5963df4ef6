import type { QuestionSource } from '../core/questions/source.js';
import type { Paths } from '../core/paths.js';
import type { Rng } from '../core/random.js';
import type { Style } from '../ui/style.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  /** The underlying stream, for prompts; the output itself when it is one. */
  stream?: NodeJS.WritableStream;
}

export interface Input extends NodeJS.ReadableStream {
  isTTY?: boolean | undefined;
}

/** What varies between a real run and a test: streams, environment, folders, clock and randomness. */
export interface Context {
  stdout: Output;
  stderr: Output;
  stdin: Input;
  env: Record<string, string | undefined>;
  cwd: string;
  home: string;
  packageRoot: string;
  version: string;
  /** Changes with every build, so caches written by another build are not trusted. */
  buildId: string;
  now(): Date;
  /** A seeded source when --seed is given, otherwise random. */
  makeRng(seed?: string): Rng;
}

export interface GlobalOptions {
  history?: string;
  questions?: string[];
  color?: boolean;
}

/** The context plus what the global options resolve to, handed to every command. */
export interface Run extends Context, QuestionSource {
  paths: Paths;
  style: Style;
  color: boolean;
  width: number;
  /** Prints one line to stderr. */
  warn(message: string): void;
}
