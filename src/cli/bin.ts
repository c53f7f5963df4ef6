import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackageRoot } from '../core/paths.js';
import { createRng, randomSeed } from '../core/random.js';
import { main } from './main.js';
import { createOutput } from './output.js';

// Set by the build (scripts/build.mjs), so start-up reads no package.json.
declare const __RMPREP_BUILD__: { version: string; id: string } | undefined;

const self = fileURLToPath(import.meta.url);
// The bundle sits in dist/, one level below the package root; unbundled source is found by looking.
const packageRoot = typeof __RMPREP_BUILD__ === 'object' ? dirname(dirname(self)) : findPackageRoot(dirname(self));
const build =
  typeof __RMPREP_BUILD__ === 'object'
    ? __RMPREP_BUILD__
    : { version: (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version, id: String(statSync(self).mtimeMs) };
const version = build.version;
const buildId = `${build.version}+${build.id}`;

// Whether any of process.stdout, stderr or stdin was opened: output through them may still be queued.
let streamsOpened = false;
let stdoutReady = false;
const stdout = () => {
  streamsOpened = true;
  if (!stdoutReady) {
    stdoutReady = true;
    // A closed pipe (rmprep list | head) is not an error worth a stack trace.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  return process.stdout;
};

void main(process.argv.slice(2), {
  stdout: createOutput(1, stdout),
  stderr: createOutput(2, () => {
    streamsOpened = true;
    return process.stderr;
  }),
  // Opening standard input costs start-up time; only commands that read it touch it.
  get stdin() {
    streamsOpened = true;
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
  // node:os is loaded only when HOME is not set: it is not otherwise needed at start-up.
  home: process.env.HOME ?? (createRequire(import.meta.url)('node:os') as typeof import('node:os')).homedir(),
  packageRoot,
  version,
  buildId,
  now: () => new Date(),
  makeRng: (seed) => createRng(seed ?? randomSeed()),
}).then((code) => {
  process.exitCode = code;
  // Everything was written straight to the file descriptors, so nothing is left to flush: exiting now
  // skips tearing down the heap, about 2 ms of every lookup. Otherwise Node exits once the streams drain.
  if (!streamsOpened) process.exit(code);
});
