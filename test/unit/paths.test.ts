import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../../src/core/fs/make-folder.js';
import { resolveHome, resolvePaths } from '../../src/core/paths.js';

const base = { cwd: '/work/here', env: {} };

describe('resolveHome', () => {
  it.each([
    ['/home/ana', '/home/ana'],
    ['', '/home/from-passwd'],
    [undefined, '/home/from-passwd'],
    ['relative/home', '/home/from-passwd'],
  ])('HOME=%j gives %s', (env, expected) => {
    expect(resolveHome(env, () => '/home/from-passwd')).toBe(expected);
  });

  it('gives "" rather than the current folder when no home can be found', () => {
    expect(resolveHome('', () => '')).toBe('');
    expect(
      resolveHome('', () => {
        throw new Error('no passwd entry');
      }),
    ).toBe('');
  });
});

describe('resolvePaths', () => {
  it('treats empty or relative XDG folders as unset', () => {
    const paths = resolvePaths({ ...base, home: '/home/ana', env: { XDG_DATA_HOME: '', XDG_CACHE_HOME: 'rel' } });
    expect(paths.historyFile).toBe('/home/ana/.local/share/rmprep/history.json');
    expect(paths.cacheDir).toBe('/home/ana/.cache/rmprep');
  });

  it('refuses an empty home instead of using the current folder, unless XDG folders say where', () => {
    expect(() => resolvePaths({ ...base, home: '' })).toThrow(/cannot tell where the home folder is: HOME is empty/);
    const paths = resolvePaths({ ...base, home: '', env: { XDG_DATA_HOME: '/d', XDG_CACHE_HOME: '/c' } });
    expect(paths).toMatchObject({ historyFile: '/d/rmprep/history.json', cacheDir: '/c/rmprep' });
  });

  it('makes an empty --history or --questions a usage error', () => {
    expect(() => resolvePaths({ ...base, home: '/h', historyOption: '' })).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => resolvePaths({ ...base, home: '/h', historyOption: '  ' })).toThrow(/--history needs a file path/);
    expect(() => resolvePaths({ ...base, home: '/h', questionsOption: ['pack', ''] })).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});

describe('makeFolder', () => {
  it('makes missing parents and accepts a folder that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmprep-mkdir-'));
    try {
      makeFolder(join(dir, 'a', 'b', 'c'));
      makeFolder(join(dir, 'a', 'b', 'c'));
      expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails at once where mkdir says ENOENT under an existing parent (/proc)', () => {
    expect(() => makeFolder('/proc/rmprep-test/cache')).toThrow(/cannot make folders in \/proc/);
  });

  it('fails when a part of the path is a file', () => {
    expect(() => makeFolder('/proc/self/status/x')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
