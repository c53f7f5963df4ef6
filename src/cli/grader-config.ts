/**
 * Whether a model grader is configured, and how to reach it: RMPREP_GRADER_* in the environment, else
 * `grader:` in $XDG_CONFIG_HOME/rmprep/config.yaml, field by field (the environment wins). Nothing is sent
 * anywhere unless a URL is set; --offline or an empty RMPREP_GRADER_URL turns the grader off.
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeReadError, readFileBoundedSync } from '../core/fs/read-bounded.js';
import { clip } from '../core/text/sanitize.js';

export const DEFAULT_TIMEOUT_SECONDS = 20;
const MAX_CONFIG_BYTES = 64 * 1024;
const MAX_TIMEOUT_SECONDS = 600;

export interface GraderConfig {
  url: string;
  /** Scheme, host and port of the URL: all that any message names. */
  origin: string;
  model: string;
  key?: string | undefined;
  timeoutMs: number;
}

export type GraderSetup =
  | { kind: 'off'; why: 'not configured' | 'offline' }
  | { kind: 'on'; config: GraderConfig }
  /** Configured but unusable: `notice` says why in one line, and the words-only reading is shown. */
  | { kind: 'broken'; notice: string };

const fileSchema = z.looseObject({
  grader: z
    .strictObject({
      url: z.string().max(2000).optional(),
      model: z.string().max(200).optional(),
      key: z.string().max(4000).optional(),
      timeout: z.number().positive().max(MAX_TIMEOUT_SECONDS).optional(),
    })
    .optional(),
});

/** $XDG_CONFIG_HOME/rmprep/config.yaml, else ~/.config/rmprep/config.yaml. */
export function configFile(env: Record<string, string | undefined>, home: string): string {
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(base, 'rmprep', 'config.yaml');
}

export function resolveGrader(env: Record<string, string | undefined>, home: string, offline: boolean): GraderSetup {
  if (offline) return { kind: 'off', why: 'offline' };
  if (env.RMPREP_GRADER_URL !== undefined && env.RMPREP_GRADER_URL.trim() === '') return { kind: 'off', why: 'offline' };
  const path = configFile(env, home);
  const file = readConfig(path);
  if (typeof file === 'string') return { kind: 'broken', notice: file };
  const url = nonEmpty(env.RMPREP_GRADER_URL) ?? nonEmpty(file?.url);
  if (url === undefined) return { kind: 'off', why: 'not configured' };
  const model = nonEmpty(env.RMPREP_GRADER_MODEL) ?? nonEmpty(file?.model);
  const envKey = nonEmpty(env.RMPREP_GRADER_KEY);
  if (!envKey && file?.key !== undefined && file.exposed) {
    return { kind: 'broken', notice: `model grader not used: ${clip(path)} holds a key and others can read it; run chmod 600 on it, or set RMPREP_GRADER_KEY instead` };
  }
  const key = envKey ?? nonEmpty(file?.key);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'broken', notice: 'model grader not used: the grader URL is not a URL (for example http://localhost:11434/v1)' };
  }
  const origin = parsed.origin;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'broken', notice: 'model grader not used: the grader URL must start with http:// or https://' };
  if (parsed.username !== '' || parsed.password !== '') {
    return { kind: 'broken', notice: `model grader not used: the URL for ${origin} holds a user name or password; put the key in RMPREP_GRADER_KEY instead` };
  }
  if (model === undefined) return { kind: 'broken', notice: `model grader not used: no model named for ${origin}; set RMPREP_GRADER_MODEL (for example llama3.1)` };
  const timeout = timeoutSeconds(env.RMPREP_GRADER_TIMEOUT) ?? file?.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (Number.isNaN(timeout)) return { kind: 'broken', notice: `model grader not used: RMPREP_GRADER_TIMEOUT must be a number of seconds up to ${MAX_TIMEOUT_SECONDS}` };
  return { kind: 'on', config: { url, origin, model, ...(key ? { key } : {}), timeoutMs: Math.round(timeout * 1000) } };
}

interface FileGrader {
  url?: string | undefined;
  model?: string | undefined;
  key?: string | undefined;
  timeout?: number | undefined;
  /** The file can be read by its group or others. */
  exposed: boolean;
}

/** The file's grader section; undefined when there is no file; a one-line notice when it cannot be used. */
function readConfig(path: string): FileGrader | undefined | string {
  let stats: Stats | undefined;
  let text: string;
  try {
    const capture = { openSync, readSync, closeSync, fstatSync: (fd: number) => (stats = fstatSync(fd)) };
    text = readFileBoundedSync(path, MAX_CONFIG_BYTES, capture as never).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    return `model grader not used: cannot read ${clip(path)}: ${describeReadError(err)}`;
  }
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    const pos = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return `${clip(path)}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML; model grader not used`;
  }
  if (data === null || data === undefined) return undefined;
  const checked = fileSchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return `${clip(path)}: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'not a valid config'}; model grader not used`;
  }
  return { ...checked.data.grader, exposed: ((stats?.mode ?? 0) & 0o077) !== 0 };
}

function timeoutSeconds(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 && n <= MAX_TIMEOUT_SECONDS ? n : Number.NaN;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
