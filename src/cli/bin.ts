import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackageRoot } from '../core/paths.js';
import { createRng, randomSeed } from '../core/random.js';
import { main } from './main.js';

const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
const buildId = `${version}+${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;

// A closed pipe (rmprep list | head) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Opening standard input costs start-up time; only commands that read it touch it.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
  home: process.env.HOME ?? (await import('node:os')).homedir(),
  packageRoot,
  version,
  buildId,
  now: () => new Date(),
  makeRng: (seed) => createRng(seed ?? randomSeed()),
});
