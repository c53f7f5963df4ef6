// npm run lint: the type check, knip (unused files, exports, dependencies), dependency-cruiser (layers,
// cycles), the bundle checks and the package check, run side by side; the first failure's output is shown in full.
import { spawn } from 'node:child_process';

const npmRun = (script) => ['npm', ['run', '-s', script]];
const CHECKS = [
  ['types', 'node_modules/.bin/tsc', ['--noEmit']],
  ['dead code', ...npmRun('lint:dead-code')],
  ['layers and cycles', ...npmRun('lint:layers')],
  // The package check lists dist/, so it runs after the build, not beside it.
  ['bundles, file sizes and package contents', process.execPath, ['-e', "await import('./scripts/build.mjs'); await import('./scripts/lint-bundles.mjs'); await import('./scripts/lint-package.mjs');"]],
];

const started = Date.now();
const results = await Promise.all(
  CHECKS.map(
    ([name, command, args]) =>
      new Promise((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('error', (err) => resolve({ name, code: 1, output: String(err) }));
        child.on('close', (code) => resolve({ name, code: code ?? 1, output }));
      }),
  ),
);
for (const r of results) {
  console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name}`);
  if (r.code !== 0) console.log(r.output.trimEnd().replace(/^/gm, '     '));
}
console.log(`lint: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
