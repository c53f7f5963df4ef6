import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, ROOT } from '../helpers/cli.js';

/** The commands of the README's "Install" section, as written there (comments dropped). */
function installLines(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Install\n'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

let scratch: string;
let clone: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rmprep-install-'));
  clone = join(scratch, 'clone');
  execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${ROOT}`, clone]);
  // The installed dependencies stand in for `npm ci`, which would need the network.
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: clone });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the README's install section, in a fresh clone", () => {
  it('names npm link and npm install --global .', () => {
    expect(installLines()).toEqual(['npm link', 'npm install --global .']);
  });

  it.each(installLines().map((line) => [line]))('%s puts a working rmprep on the PATH', (line) => {
    const prefix = join(scratch, line.replace(/\W+/g, '-'));
    const [cmd, ...args] = line.split(/\s+/);
    expect(cmd).toBe('npm');
    // The global folder is a scratch one (set through the environment: --prefix would also move the project).
    const npm = spawnSync('npm', [...args, '--offline', '--no-audit', '--no-fund'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, npm_config_prefix: prefix },
    });
    expect(npm.status, npm.stderr).toBe(0);
    const home = makeHome();
    try {
      const env = { ...home.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}` };
      const version = spawnSync('rmprep', ['--version'], { env, encoding: 'utf8' });
      expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string}\n`);
      const shown = spawnSync('rmprep', ['show', 'release-process'], { env, encoding: 'utf8' });
      expect(shown.status).toBe(0);
      expect(shown.stdout).toContain('release-process');
    } finally {
      home.cleanup();
    }
  }, 120_000);
});
