// Bundles the CLI into dist/. Start-up loads one file: the command tree plus the commands that must be
// instant (list, show, help). Every other command, and the question parser, is a bundle of its own that is
// imported only when it runs, so their libraries (zod, yaml, inquirer, ts-fsrs) cost nothing at start-up.
import { build, context } from 'esbuild';
import { rmSync } from 'node:fs';

const LAZY = {
  'lazy/drill': 'src/cli/commands/drill.ts',
  'lazy/coach': 'src/cli/commands/coach.ts',
  'lazy/next': 'src/cli/commands/next.ts',
  'lazy/stats': 'src/cli/commands/stats.ts',
  'lazy/history': 'src/cli/commands/history.ts',
  'lazy/report': 'src/cli/commands/report.ts',
  'lazy/export': 'src/cli/commands/export.ts',
  'lazy/validate': 'src/cli/commands/validate.ts',
  'lazy/new': 'src/cli/commands/new.ts',
  'lazy/completion': 'src/cli/commands/completion.ts',
  'lazy/read-file': 'src/core/questions/read-file.ts',
};
const lazyByImport = new Map(Object.entries(LAZY).map(([out, src]) => [src.split('/').pop().replace(/\.ts$/, '.js'), out]));

/** Leaves dynamic imports of lazy modules in place, pointed at their own bundles. */
const lazyImports = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const out = lazyByImport.get(args.path.split('/').pop());
      return out ? { path: `./${out}.js`, external: true } : undefined;
    });
  },
};

/**
 * commander requires child_process at load time, only to run executable subcommands, which rmprep has none
 * of; loading it lazily keeps it (and net, dgram...) off start-up.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander') ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * In an ES module, each `import ... from 'node:fs'` makes Node build a module facade over the built-in,
 * which costs about 10 ms at start-up in all; require() does not. So the start-up bundle requires them.
 */
const requireBuiltins = {
  name: 'require-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:[a-z_/]+$/ }, (args) =>
      args.namespace === 'builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minify: !process.env.RMPREP_NO_MINIFY,
  legalComments: 'none',
  banner: { js: "import { createRequire as __rmprepCreateRequire } from 'node:module'; const require = __rmprepCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

const hot = { ...common, entryPoints: { rmprep: 'src/cli/bin.ts' }, outdir: 'dist', splitting: false, plugins: [lazyImports, lazyChildProcess, requireBuiltins] };
const lazy = { ...common, entryPoints: LAZY, outdir: 'dist', splitting: true, chunkNames: 'lazy/chunks/[name]-[hash]' };

// Old chunks would pile up otherwise: their names change with their content.
rmSync('dist', { recursive: true, force: true });
if (process.argv.includes('--watch')) {
  await Promise.all([(await context(hot)).watch(), (await context(lazy)).watch()]);
} else {
  await Promise.all([build(hot), build(lazy)]);
}
