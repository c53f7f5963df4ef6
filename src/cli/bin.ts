// Entry of the start-up bundle (scripts/build.mjs). It only ever runs bundled, as CommonJS: it knows its
// own path from __filename, and the build sets __RMPREP_BUILD__ so that start-up reads no package.json.
import { createRequire } from 'node:module';
import { writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolveHome } from '../core/paths.js';
import { createRng, randomSeed } from '../core/random.js';
import { main } from './main.js';
import { createOutput, outputError } from './output.js';

declare const __RMPREP_BUILD__: { version: string; id: string };

const self = __filename;
// The bundle sits in dist/, one level below the package root.
const packageRoot = dirname(dirname(self));
const version = __RMPREP_BUILD__.version;
const buildId = `${__RMPREP_BUILD__.version}+${__RMPREP_BUILD__.id}`;

// Whether any of process.stdout, stderr or stdin was opened: output through them may still be queued.
let streamsOpened = false;
let stdoutReady = false;
const stdout = () => {
  streamsOpened = true;
  if (!stdoutReady) {
    stdoutReady = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => failedOutput(1, err));
  }
  return process.stdout;
};
let stderrReady = false;
const stderr = () => {
  streamsOpened = true;
  if (!stderrReady) {
    stderrReady = true;
    process.stderr.on('error', (err: NodeJS.ErrnoException) => failedOutput(2, err));
  }
  return process.stderr;
};

/**
 * Output queued in a stream that could not be written. A closed pipe (rmprep list | head) is not an
 * error worth a word; anything else is one line on standard error, if that still works, and exit 1.
 */
function failedOutput(fd: 1 | 2, err: NodeJS.ErrnoException): never {
  if (err.code === 'EPIPE') process.exit(fd === 1 ? 0 : (process.exitCode ?? 0));
  try {
    if (fd === 1) writeSync(2, `rmprep: ${outputError(fd, err).message}\n`);
  } catch {
    // Standard error is gone too: the exit code is all that is left.
  }
  process.exit(1);
}

void main(process.argv.slice(2), {
  stdout: createOutput(1, stdout),
  stderr: createOutput(2, stderr),
  // Opening standard input costs start-up time; only commands that read it touch it.
  get stdin() {
    streamsOpened = true;
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
  // node:os is loaded only when HOME is not usable: it is not otherwise needed at start-up.
  home: resolveHome(process.env.HOME, () => (createRequire(self)('node:os') as typeof import('node:os')).userInfo().homedir),
  packageRoot,
  version,
  buildId,
  now: () => new Date(),
  makeRng: (seed) => createRng(seed ?? randomSeed()),
}).then((code) => {
  process.exitCode = code;
  // Everything was written straight to the file descriptors, so nothing is left to flush: exiting now
  // skips tearing down the heap, about 2 ms of every lookup. Otherwise Node exits once the streams drain,
  // except after a signal (128 + n): a prompt may still be open then, and nothing more is to be written.
  if (!streamsOpened || code > 128) process.exit(code);
});
