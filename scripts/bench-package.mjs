// What a user downloads and what a global install puts on disk: packs the project as `npm pack` does, then
// installs the tarball with --omit=dev into a fresh prefix and HOME (no network: the package needs nothing
// from the registry). Prints { tarballBytes, installedBytes, rmprepWorks } as JSON.
// usage: node scripts/bench-package.mjs   (after npm run build)
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'rmprep-bench-package-'));
try {
  const home = join(work, 'home');
  const prefix = join(work, 'prefix');
  mkdirSync(home);
  const npm = (args, cwd) => {
    const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, npm_config_prefix: prefix } });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    return r.stdout;
  };
  // The build is fresh (npm run bench builds first), so prepare is not run again.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT));
  const tarball = join(work, packed.filename);
  npm(['install', '--global', '--omit=dev', '--offline', '--no-audit', '--no-fund', tarball], work);
  const list = spawnSync(join(prefix, 'bin', 'rmprep'), ['list'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, NO_COLOR: '1' } });
  process.stdout.write(JSON.stringify({ tarballBytes: lstatSync(tarball).size, installedBytes: diskUsage(prefix), rmprepWorks: list.status === 0 && list.stdout.includes('release-process') }));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Bytes of disk the files take (as du counts them: whole blocks, links as themselves). */
function diskUsage(path) {
  const st = lstatSync(path);
  let total = st.blocks * 512;
  if (st.isDirectory()) for (const name of readdirSync(path)) total += diskUsage(join(path, name));
  return total;
}
