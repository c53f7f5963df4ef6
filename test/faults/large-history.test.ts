import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/core/history/errors.js';
import type { HistoryRecord } from '../../src/core/history/schema.js';
import { loadSummary, readHistory, recordAttempt, repairHistory } from '../../src/core/history/store.js';
import { summarize } from '../../src/core/history/summary.js';
import { at, draft, HEADER, scratch } from './helpers.js';

// The real limit is 256 MB; the same code paths run here with a limit of 64 kB on a history of about 1 MB.
const LIMIT = 64 * 1024;
const small = { maxReadBytes: LIMIT };

let root: ReturnType<typeof scratch>;
beforeAll(() => (root = scratch()));
afterAll(() => root?.cleanup());

let dir: string;
let file: string;
let n = 0;
let records: HistoryRecord[];
beforeEach(() => {
  dir = join(root.dir, `case-${++n}`);
  file = join(dir, 'history.json');
  mkdirSync(dir, { recursive: true });
  // Lines of different lengths with multi-byte text, so chunk boundaries fall inside lines and characters.
  records = Array.from({ length: 1500 }, (_, i) => {
    const answer = `${'ünd ✓ '.repeat(i % 97)}answer ${i}`;
    return { type: 'attempt', id: `a${i}`, ...draft(i, { answer }) } as HistoryRecord;
  });
  writeFileSync(file, `${HEADER}\n${records.map((r) => `${JSON.stringify(r)}\n`).join('')}`);
  expect(statSync(file).size).toBeGreaterThan(10 * LIMIT);
});

function tooLarge(fn: () => unknown): HistoryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HistoryError);
    return err as HistoryError;
  }
  throw new Error('expected the read to be refused');
}

describe('a history larger than rmprep reads at once', () => {
  it('is summarized in parts (stats), the same as a whole read', () => {
    expect(loadSummary(file, small)).toEqual(summarize(readHistory(file).records));
  });

  it('is refused with a clear message where every record is needed at once, and left as it is', () => {
    const before = readFileSync(file);
    const err = tooLarge(() => readHistory(file, small));
    expect(err.kind).toBe('too-large');
    expect(err.message).toMatch(/^the history .*history\.json is \d+ (?:kB|MB), more than rmprep reads at once \(64 kB\); nothing was changed$/);
    expect(err.hint).toContain("'rmprep stats' and 'rmprep history --repair' read it in parts");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('takes new attempts, with the summary worked out in parts', () => {
    const saved = recordAttempt(file, draft(2000, { questionId: 'q1' }), { ...small, now: at(2000) });
    const all = readHistory(file).records;
    expect(all.at(-1)).toEqual(saved);
    expect(loadSummary(file, small)).toEqual(summarize(all));
    expect(loadSummary(file, small).total).toBe(1501);
  });

  it('is repaired in parts: bad lines set aside, every valid record kept in order', () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(700, 0, '{"type":"attempt", broken');
    writeFileSync(file, lines.join('\n'));
    appendFileSync(file, '{"type":"attempt","id":"cut');
    expect(() => loadSummary(file, small)).toThrow(/history\.json:701:\d+: invalid JSON/);
    const result = repairHistory(file, { ...small, now: at(3000) });
    expect(result).toMatchObject({ kept: 1500, rejected: 2 });
    expect(readFileSync(result.rejectedFile!, 'utf8')).toBe('{"type":"attempt", broken\n{"type":"attempt","id":"cut\n');
    expect(readHistory(file).records).toEqual(records);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a single line longer than the limit instead of growing without bound', () => {
    appendFileSync(file, `${JSON.stringify({ type: 'attempt', id: 'huge', ...draft(1, { answer: 'x'.repeat(2 * LIMIT) }) })}\n`);
    const err = tooLarge(() => loadSummary(file, small));
    expect(err.message).toMatch(/history\.json:1502: a line longer than/);
  });
});
