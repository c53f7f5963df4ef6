// Runs a TypeScript script of the project: bundles it with esbuild into a temporary file and imports it.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args...]');
  process.exit(2);
}
// Inside the project so that bare imports resolve against its node_modules.
const cache = resolve('.rmprep-cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'script-'));
const out = join(dir, 'script.mjs');
try {
  await build({
    entryPoints: [resolve(entry)],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  process.argv = [process.argv[0], resolve(entry), ...rest];
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
