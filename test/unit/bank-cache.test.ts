import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCachedListing } from '../../src/core/questions/cache.js';
import type { BankSource } from '../../src/core/questions/bank.js';
import { listRow } from '../../src/core/questions/cache-shape.js';
import { loadBank, loadListing } from '../../src/core/questions/load.js';

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

  it('lists a cold bank as the loaded bank lists it, with the cache written or not', async () => {
    const folder = join(dir, 'many');
    const sources: BankSource[] = [...pack('many', 'one-more'), ...pack('other', 'one-more'), { path: join(dir, 'gone'), bundled: false }];
    for (let i = 0; i < 30; i++) {
      const category = ['common', 'behavioral', 'technical'][i % 3];
      writeFileSync(join(folder, `q-${i}.yaml`), `id: q-${i % 25}\ncategory: ${category}\nquestion: Q ${i}?\ntags: [t${i % 4}]\nkeyPoints:\n  - point: one\n    terms: [one]\nanswer: A.\n`);
    }
    writeFileSync(join(folder, 'broken.yaml'), 'id: [unclosed\n');
    const bank = await loadBank(sources, { cwd: dir });
    const expected = { rows: bank.questions.map(listRow), problems: bank.problems };
    expect(expected.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^duplicate id "q-0"/), 'question folder not found']));

    const cacheDir = join(dir, 'cache');
    expect(await loadListing(sources, { cwd: dir, cacheDir, buildId: 'cold' })).toEqual(expected);
    // Not trusted while a folder is missing; once it is left out, the listing written is the one shown.
    expect(readCachedListing(cacheDir, sources, { cwd: dir, buildId: 'cold' })).toBeUndefined();
    const present = sources.slice(0, 2);
    const listed = await loadListing(present, { cwd: dir, cacheDir, buildId: 'cold' });
    expect(listed.rows).toEqual(expected.rows);
    expect(readCachedListing(cacheDir, present, { cwd: dir, buildId: 'cold' })).toEqual(listed);
    // A file where the cache folder should be: nothing can be written, and every file is still listed.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    expect(await loadListing(sources, { cwd: dir, cacheDir: blocked, buildId: 'cold' })).toEqual(expected);
  });
});
