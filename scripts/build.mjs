// Bundles the CLI into dist/ so start-up loads one small file; heavy modules stay in chunks loaded on demand.
import { build, context } from 'esbuild';
import { rmSync } from 'node:fs';

const options = {
  entryPoints: { rmprep: 'src/cli/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: "import { createRequire as __rmprepCreateRequire } from 'node:module'; const require = __rmprepCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

// Old chunks would pile up otherwise: their names change with their content.
rmSync('dist', { recursive: true, force: true });
if (process.argv.includes('--watch')) {
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
