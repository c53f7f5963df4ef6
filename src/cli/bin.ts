// Entry of the start-up bundle (scripts/build.mjs). It only ever runs bundled, as CommonJS: it knows its
// own path from __filename, and the build sets __RMPREP_BUILD__ so that start-up reads no package.json.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { resolveHome } from '../core/paths.js';
import { createRng, randomSeed } from '../core/random.js';
import { main } from './main.js';
import { createOutput } from './output.js';

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
  // skips tearing down the heap, about 2 ms of every lookup. Otherwise Node exits once the streams drain.
  if (!streamsOpened) process.exit(code);
});
