import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCachedListing } from '../../src/core/questions/cache.js';
import type { BankSource } from '../../src/core/questions/bank.js';
import { loadBank } from '../../src/core/questions/load.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-bank-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function pack(name: string, id: string): BankSource[] {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, `${id}.yaml`),
    `id: ${id}\ncategory: common\nquestion: What about ${id}?\nwhy: Because.\nkeyPoints:\n  - point: one\n    terms: [one]\nanswer: An answer.\ntip: A tip.\n`,
  );
  return [{ path: folder, bundled: false }];
}

const cacheFiles = (cacheDir: string) => readdirSync(cacheDir).filter((n) => n.startsWith('bank-')).sort();

describe('the bank cache', () => {
  it('keeps one cache per set of question folders, and clears what older builds wrote', async () => {
    const cacheDir = join(dir, 'cache');
    const a = pack('a', 'alpha');
    const b = pack('b', 'beta');
    await loadBank(a, { cwd: dir, cacheDir, buildId: 'one' });
    await loadBank(b, { cwd: dir, cacheDir, buildId: 'one' });
    const fromOne = cacheFiles(cacheDir);
    expect(fromOne).toHaveLength(6);
    expect(readCachedListing(cacheDir, a, { cwd: dir, buildId: 'one' })?.rows.map((r) => r.id)).toEqual(['alpha']);

    await loadBank(a, { cwd: dir, cacheDir, buildId: 'two' });
    const fromTwo = cacheFiles(cacheDir);
    expect(fromTwo).toHaveLength(3);
    expect(fromTwo.some((n) => fromOne.includes(n))).toBe(false);
    expect(readCachedListing(cacheDir, b, { cwd: dir, buildId: 'one' })).toBeUndefined();
    expect(readCachedListing(cacheDir, a, { cwd: dir, buildId: 'two' })?.rows.map((r) => r.id)).toEqual(['alpha']);
  });
});
