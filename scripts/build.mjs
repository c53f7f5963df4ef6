// Bundles the CLI into dist/. Start-up loads one file, dist/rmprep.cjs: the commands that must be
// instant (list, show, help, version) and a reader for their command lines (src/cli/fast-path.ts). It is
// emitted as CommonJS because Node starts a CommonJS entry about 8 ms faster than an ES module one; the
// source stays ES modules. Every other command, the command tree built with commander, and the question
// parser are ES module bundles of their own, imported only when needed, so their libraries (commander,
// zod, yaml, inquirer, ts-fsrs) cost nothing at start-up.
import { build, context } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The commands the start-up bundle runs itself (marked `fast` in src/cli/commands.ts); every other one is lazy. */
const FAST_COMMANDS = ['list.ts', 'show.ts'];
const LAZY = {
  'lazy/program': 'src/cli/program.ts',
  'lazy/read-file': 'src/core/questions/read-file.ts',
  // list reads the history through it when the practice digest is stale (src/core/history/practice-file.ts peeks otherwise).
  'lazy/summary-cache': 'src/core/history/summary-cache.ts',
  ...Object.fromEntries(
    readdirSync('src/cli/commands')
      .filter((f) => f.endsWith('.ts') && !FAST_COMMANDS.includes(f))
      .map((f) => [`lazy/${f.replace(/\.ts$/, '')}`, `src/cli/commands/${f}`]),
  ),
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

/** rmprep always tells chalk its color level, so chalk's terminal detection (which loads tty and net) is skipped. */
const noColorDetection = {
  name: 'no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-color-detection' }));
    b.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/**
 * chalk builds its tables of styles as soon as it is loaded (about 1.5 ms). In the start-up bundle it is
 * replaced by a stand-in that loads the real chalk (dist/lazy/chalk.cjs) the first time colors are made,
 * so plain output (a pipe, NO_COLOR) never loads it.
 */
const lazyChalk = {
  name: 'lazy-chalk',
  setup(b) {
    b.onResolve({ filter: /^chalk$/ }, () => ({ path: 'chalk', namespace: 'lazy-chalk' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-chalk' }, () => ({
      contents: "let real; export class Chalk { constructor(options) { real ??= require(__dirname + '/lazy/chalk.cjs'); return new real.Chalk(options); } }",
      loader: 'js',
    }));
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

const BUILD = { version: JSON.parse(readFileSync('package.json', 'utf8')).version, id: Date.now().toString(36) };

const hot = {
  ...common,
  // Read by scripts/lint-bundles.mjs, which keeps heavy libraries out of this bundle.
  metafile: true,
  entryPoints: { rmprep: 'src/cli/bin.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  splitting: false,
  banner: {
    js: [
      // First line: bin/rmprep.js names its code cache after this build without a stat call.
      `// rmprep build ${BUILD.id}`,
      // Lazy bundles are loaded through a hook when bin/rmprep.js runs this file from its code cache (a
      // script compiled by node:vm cannot use import() itself); a plain require uses import(). The file
      // URL is made only then: making it costs about 0.4 ms.
      "const __rmprepImport = (p) => { const url = new URL(p, require('node:url').pathToFileURL(__filename)).href; return globalThis.__rmprepImportHook ? globalThis.__rmprepImportHook(url) : import(url); };",
    ].join('\n'),
  },
  // import.meta does not exist in CommonJS: the build stops if start-up code still uses it once dead
  // branches are gone (see routeLazyImports).
  define: { __RMPREP_BUILD__: JSON.stringify(BUILD), 'import.meta.url': '__rmprepNoImportMeta' },
  plugins: [lazyImports, lazyChalk],
};
const lazy = { ...common, plugins: [noColorDetection, lazyChildProcess], entryPoints: LAZY, outdir: 'dist', splitting: true, chunkNames: 'lazy/chunks/[name]-[hash]' };

const chalkForHot = { ...common, plugins: [noColorDetection], entryPoints: { 'lazy/chalk': 'chalk' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, format: 'cjs', banner: {} };

// Old chunks would pile up otherwise: their names change with their content.
rmSync('dist', { recursive: true, force: true });
if (process.argv.includes('--watch')) {
  await Promise.all([(await context(hot)).watch(), (await context(lazy)).watch(), (await context(chalkForHot)).watch()]);
} else {
  const [hotResult] = await Promise.all([build(hot), build(lazy), build(chalkForHot)]);
  routeLazyImports('dist/rmprep.cjs');
  mkdirSync('.rmprep-cache', { recursive: true });
  writeFileSync('.rmprep-cache/startup-meta.json', JSON.stringify(hotResult.metafile));
}

/** Sends the start-up bundle's import() calls of lazy bundles through __rmprepImport (see the banner). */
function routeLazyImports(file) {
  const text = readFileSync(file, 'utf8');
  if (/\b(?:import_meta|__rmprepNoImportMeta)\b/.test(text)) throw new Error('start-up code uses import.meta, which a CommonJS bundle does not have; use __filename there');
  const routed = text.replace(/\bimport\("(\.\/lazy\/[^"]+)"\)/g, '__rmprepImport("$1")');
  if (routed === text) throw new Error('no lazy imports found in the start-up bundle');
  writeFileSync(file, routed);
}
