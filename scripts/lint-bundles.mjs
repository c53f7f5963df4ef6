// Checks of what type checking, knip and dependency-cruiser cannot see: that the start-up bundle
// (dist/rmprep.cjs, which list, show, help and version run) carries none of the heavy libraries, and
// that no source file grows past 300 lines. Run by npm run lint after a build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FORBIDDEN = ['zod', 'commander', 'yaml', '@inquirer', 'ts-fsrs'];
const FORBIDDEN_BUILTINS = ['node:crypto', 'crypto'];
const MAX_LINES = 300;

const problems = [];
const meta = JSON.parse(readFileSync('.rmprep-cache/startup-meta.json', 'utf8'));
const startup = meta.outputs['dist/rmprep.cjs'];
if (!startup) problems.push('the build wrote no metafile entry for dist/rmprep.cjs');
const packages = new Set();
for (const input of Object.keys(startup?.inputs ?? {})) {
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
  if (name && FORBIDDEN.some((f) => name === f || name.startsWith(`${f}/`))) packages.add(name);
}
for (const name of packages) problems.push(`dist/rmprep.cjs: the start-up bundle contains ${name}`);
for (const imported of startup?.imports ?? []) {
  if (FORBIDDEN_BUILTINS.includes(imported.path) && !imported.path.startsWith('./lazy/')) {
    problems.push(`dist/rmprep.cjs: the start-up bundle imports ${imported.path}`);
  }
}
// A require() of node:crypto in a source file bundled at start-up shows as an input import too.
for (const [file, input] of Object.entries(meta.inputs)) {
  if (!(file in (startup?.inputs ?? {}))) continue;
  for (const imported of input.imports ?? []) {
    if (FORBIDDEN_BUILTINS.includes(imported.path)) problems.push(`${file}: imports ${imported.path}, which would load at start-up`);
  }
}

for (const file of walk('src')) {
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  if (lines > MAX_LINES) problems.push(`${file}: ${lines} lines, more than ${MAX_LINES}; split it by what it holds`);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

for (const p of problems) console.error(`lint: ${p}`);
if (problems.length > 0) process.exit(1);
console.log(`lint: start-up bundle holds ${Object.keys(startup.inputs).length} modules and none of the heavy libraries; every source file within ${MAX_LINES} lines`);
