import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lookupCachedQuestion, writeBankCache, type CachedFile } from '../../src/core/questions/cache.js';
import { mergeBank } from '../../src/core/questions/load.js';
import { readYaml } from '../../src/core/text/yaml.js';

const dir = mkdtempSync(join(tmpdir(), 'rmprep-scaling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parsed files as the loader makes them, without reading or parsing anything. */
function parsedFiles(n: number): CachedFile[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `gen-${i}`;
    const file = join(dir, 'pack', `${id}.md`);
    return {
      file,
      display: `pack/${id}.md`,
      bundled: false,
      size: 100,
      mtimeMs: 1,
      parsed: { questions: [{ id, category: 'common', question: `Q ${i}?`, answer: 'A.', keyPoints: [], followUps: [], tags: [], difficulty: 2, line: 2 }], problems: [] },
    } as CachedFile;
  });
}

/**
 * How much longer `large` takes than `small`: each is run a few times, alternately, after a warm-up, and
 * the fastest run of each counts (the least disturbed by whatever else the machine is doing).
 */
function growth(small: () => void, large: () => void, times = 3): number {
  small();
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < times; i++) {
    let start = performance.now();
    small();
    a = Math.min(a, performance.now() - start);
    start = performance.now();
    large();
    b = Math.min(b, performance.now() - start);
  }
  return b / a;
}

describe('building the bank grows with its size, not with its square', () => {
  it('merges the bank and writes its cache and id index in about twice the time for twice the questions', () => {
    const build = (files: CachedFile[], cacheDir: string) => () => {
      const bank = mergeBank(files);
      const merged = () => ({ rows: bank.questions, problems: bank.problems, fileOf: (id: string) => bank.byId.get(id)?.source.file });
      writeBankCache(cacheDir, [{ path: join(dir, 'pack'), bundled: false }], { cwd: dir, buildId: 'scaling' }, { dirs: {}, files, merged });
    };
    const small = parsedFiles(4000);
    const large = parsedFiles(8000);
    const ratio = growth(build(small, join(dir, 'c1')), build(large, join(dir, 'c2')));
    // Linear work gives about 2; the search per question this replaced gave 4 and more.
    expect(ratio).toBeLessThan(3);
    const cached = lookupCachedQuestion(join(dir, 'c2'), [{ path: join(dir, 'pack'), bundled: false }], { cwd: dir, buildId: 'scaling' }, 'gen-7999');
    // The file is not on disk, so the lookup cannot trust it; the index itself must still point at it.
    expect(cached).toBeUndefined();
  });

  it('checks one mapping of many keys in time that grows with the number of keys', () => {
    const mapping = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');
    const small = mapping(8_000);
    const large = mapping(16_000);
    const ratio = growth(() => readYaml(small, 'big.yaml'), () => readYaml(large, 'big.yaml'));
    expect(ratio).toBeLessThan(3);
    const dup = readYaml(`${mapping(3)}\nk1: again\n`, 'dup.yaml');
    expect(dup.problems).toEqual([{ file: 'dup.yaml', line: 4, col: 1, message: 'duplicate key "k1": each field may appear only once; keep one' }]);
  });
});
