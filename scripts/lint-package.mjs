// Checks what `npm pack` would publish and the package metadata: the tarball holds what runs (bin, the built
// dist/, the bundled questions and plans), the licence and README, and nothing else (no tests, eval sets,
// sources or source maps); bin, files and exports point at packed files; nothing is installed beside it,
// since dist/ bundles every library. Run by npm run lint after a build.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_TARBALL_BYTES = 1.5e6;
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'bin/rmprep.js', 'dist/rmprep.cjs'];
const ALLOWED = [/^(package\.json|README\.md|LICENSE)$/, /^bin\/[\w.-]+\.(js|json)$/, /^dist\/[\w./-]+\.(c?js)$/, /^questions\/[\w-]+\/[\w.-]+\.md$/, /^plans\/[\w.-]+\.ya?ml$/];
// Files run at install time would defeat an install without a build or a compiler.
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

const problems = [];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
if (pack.status !== 0) {
  console.error(`lint: npm pack --dry-run failed: ${pack.stderr.trim().split('\n').pop()}`);
  process.exit(1);
}
const [packed] = JSON.parse(pack.stdout);
const files = new Set(packed.files.map((f) => f.path));

for (const file of REQUIRED) if (!files.has(file)) problems.push(`the package lacks ${file}`);
if (![...files].some((f) => f.startsWith('questions/'))) problems.push('the package holds no question files');
for (const file of files) if (!ALLOWED.some((re) => re.test(file))) problems.push(`the package would publish ${file}, which is not needed to run rmprep`);
if (packed.size > MAX_TARBALL_BYTES) problems.push(`the tarball is ${(packed.size / 1e6).toFixed(2)} MB, more than ${MAX_TARBALL_BYTES / 1e6} MB`);

if (!/^>=\s*\d+\.\d+(\.\d+)?$/.test(pkg.engines?.node ?? '')) problems.push(`package.json engines.node should be ">=major.minor", found ${JSON.stringify(pkg.engines?.node)}`);
if (typeof pkg.bin !== 'object' || Object.keys(pkg.bin).join() !== 'rmprep') problems.push('package.json bin should name exactly one command, rmprep');
for (const target of Object.values(pkg.bin ?? {})) {
  if (!files.has(target)) problems.push(`package.json bin points at ${target}, which is not packed`);
  else if (!readFileSync(target, 'utf8').startsWith('#!/usr/bin/env node\n')) problems.push(`${target} does not start with #!/usr/bin/env node`);
}
for (const entry of pkg.files ?? []) {
  if (entry.startsWith('!')) continue;
  if (![...files].some((f) => f === entry || f.startsWith(`${entry}/`))) problems.push(`package.json files names ${entry}, which packs nothing`);
}
for (const target of exportTargets(pkg.exports)) if (!files.has(target.replace(/^\.\//, ''))) problems.push(`package.json exports points at ${target}, which is not packed`);
if (pkg.exports === undefined) problems.push('package.json has no exports: without it every packed file can be imported');
for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) {
  if (Object.keys(pkg[field] ?? {}).length > 0) problems.push(`package.json ${field} lists ${Object.keys(pkg[field]).join(', ')}; dist/ bundles every library, so they would be installed for nothing`);
}
for (const script of INSTALL_SCRIPTS) if (pkg.scripts?.[script]) problems.push(`package.json has a ${script} script, which would run when the package is installed`);
if (!pkg.license) problems.push('package.json names no license');

function exportTargets(exports) {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

for (const p of problems) console.error(`lint: ${p}`);
if (problems.length > 0) process.exit(1);
console.log(`lint: the package holds ${files.size} files, ${(packed.size / 1e6).toFixed(2)} MB packed; its metadata is sound`);
