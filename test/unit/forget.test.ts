import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetAnswers } from '../../src/core/forget/forget.js';
import { damagedLineSelected, phrasingsDrawnFrom, stripAnswers, type Selection } from '../../src/core/forget/select.js';
import { readPhrasings, writePhrasings } from '../../src/core/phrasings/store.js';
import { loadSummary, recordAttempt } from '../../src/core/history/store.js';
import { readPractice } from '../../src/core/history/summary-cache.js';
import { at, draft } from '../support/attempts.js';

let dir: string;
let data: string;
let tmp: string;
let file: string;
let phrasingsFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-forget-'));
  data = join(dir, 'data');
  tmp = join(dir, 'tmp');
  mkdirSync(data);
  mkdirSync(tmp);
  file = join(data, 'history.json');
  phrasingsFile = join(data, 'phrasings.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const places = () => ({ historyFile: file, dataDir: data, tmpDir: tmp, uid: process.getuid?.() });
const run = (sel: Selection, apply: boolean) => forgetAnswers(places(), sel, { now: at(100), phrasingsFile, apply });
const HEADER = '{"rmprep":"history","version":3}';

/** Every word the person typed in the seeded data carries one of these, so a search of the folder finds any copy left. */
const SECRET = /Acme|Globex|Initech/;

/**
 * A data folder with every kind of copy: three attempts (q0 early with a follow-up and a model quote, q1
 * and q0 later), an undo, a record type from a newer build, taught phrasings, drafts, a v2 backup, a damaged
 * backup, a torn line, a file of rejected lines and a rescue file in the temp folder.
 */
function seed(): void {
  recordAttempt(file, draft(0, { questionId: 'q0', answer: 'At Acme we froze the branch on Monday and shipped.', followUps: [{ question: 'Who decided?', probes: 'owner', answer: 'Acme product lead decided', heard: true }], credits: [{ point: 'freeze', by: 'model', quote: 'froze the branch' }] }), { now: at(0), newId: () => 'a0' });
  recordAttempt(file, draft(1, { questionId: 'q1', answer: 'Globex paged me twice during the rollout.' }), { now: at(1), newId: () => 'a1' });
  recordAttempt(file, draft(50, { questionId: 'q0', answer: 'Initech rolled back with the runbook in ten minutes.' }), { now: at(50), newId: () => 'a50' });
  appendFileSync(file, `${JSON.stringify({ type: 'undo', id: 'u1', at: at(51).toISOString(), attempt: 'a1' })}\n${JSON.stringify({ type: 'future-kind', id: 'f1', at: at(52).toISOString() })}\n`);
  writePhrasings(phrasingsFile, [
    { question: 'q0', point: 'freeze', sentence: 'we froze the branch on monday' },
    { question: 'q1', point: 'paging', sentence: 'Globex paged me twice' },
    { question: 'q0', point: 'rollback', sentence: 'rolled back with the runbook' },
    { question: 'q1', point: 'freeze', sentence: 'we froze the branch on monday' },
  ]);
  mkdirSync(join(data, 'drafts'));
  writeFileSync(join(data, 'drafts', '2026-03-01-abcdef-q0.txt'), 'Acme half answer');
  writeFileSync(join(data, 'drafts', '2026-03-01-abcdef-q1.txt'), 'Globex half answer');
  writeFileSync(join(tmp, '2026-03-01-abcdef-q1.txt'), 'Globex answer kept in the temp folder');
  const old = (id: string, qid: string, n: number, answer: string) => JSON.stringify({ type: 'attempt', id, questionId: qid, category: 'common', at: at(n).toISOString(), rating: 'good', mode: 'typed', seconds: 3, answer });
  writeFileSync(`${file}.v2.bak`, `{"rmprep":"history","version":2}\n${old('a0', 'q0', 0, 'At Acme we froze the branch on Monday and shipped.')}\n`);
  writeFileSync(`${file}.0123456789.bak`, `${HEADER}\n${old('a1', 'q1', 1, 'Globex paged me twice during the rollout.')}\n{"type":"attempt","questionId":"q0","at":"${at(2).toISOString()}","answer":"Acme broken li\n`);
  writeFileSync(`${file}.torn-20260301T100000Z`, `{"type":"attempt","id":"t1","questionId":"q0","answer":"Acme cut o`);
  writeFileSync(`${file}.rejected-20260301T100000Z.txt`, `{"questionId":"q1","at":"${at(70).toISOString()}","answer":"Globex ba\n{"questionId":"q0","answer":"Initech ba\n`);
  writeFileSync(join(tmp, 'rmprep-unsaved-20260301T100000Z-abcdef.jsonl'), `${HEADER}\n${old('r1', 'q0', 60, 'Initech rescue answer')}\n`);
}

/** Every file under the folder whose bytes still hold a word of the person's. */
function filesWithText(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SECRET.test(readFileSync(p, 'utf8'))) out.push(p.slice(dir.length + 1));
    }
  };
  walk(dir);
  return out.sort();
}

const records = () => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
/** What counts: every record without the texts that are forgotten. */
const counted = () =>
  records().map(({ answer: _a, followUps, credits, ...rest }) => ({
    ...rest,
    followUps: (followUps as Record<string, unknown>[] | undefined)?.map(({ answer: _f, ...f }) => f),
    credits: (credits as Record<string, unknown>[] | undefined)?.map((c) => ({ ...c, quote: 'x' })),
  }));

describe('stripAnswers', () => {
  const attempt = { type: 'attempt', questionId: 'q0', at: at(5).toISOString(), rating: 'good', answer: 'mine', followUps: [{ question: 'Q?', answer: 'also mine', heard: true }, { question: 'R?', heard: null }], credits: [{ point: 'p', by: 'model', quote: 'mine' }], card: { due: 'x' } };
  it.each([
    ['everything', {}, 1, 1, 1],
    ['its question', { questionId: 'q0' }, 1, 1, 1],
    ['another question', { questionId: 'q9' }, 0, 0, 0],
    ['before a later time', { before: at(6) }, 1, 1, 1],
    ['before its own time', { before: at(5) }, 0, 0, 0],
  ] as const)('selection of %s', (_name, sel, answers, followUpAnswers, quotes) => {
    const s = stripAnswers(attempt, sel);
    expect(s.counts).toEqual({ answers, followUpAnswers, quotes });
    if (answers === 0) expect(s.record).toBe(attempt);
    else {
      expect(s.record).toEqual({ ...attempt, answer: undefined, followUps: [{ question: 'Q?', heard: true }, { question: 'R?', heard: null }], credits: [{ point: 'p', by: 'model', quote: '' }] } satisfies Record<string, unknown>);
      expect(Object.keys(s.record as object)).not.toContain('answer');
      expect(s.texts).toEqual(['mine', 'also mine']);
    }
  });
  it('leaves sessions, undo records and headers alone', () => {
    for (const r of [{ type: 'session', id: 's', at: at(0).toISOString() }, { rmprep: 'history', version: 3 }, { type: 'undo', attempt: 'a', answer: 'x' }]) expect(stripAnswers(r, {}).record).toBe(r);
  });
});

describe('damagedLineSelected', () => {
  it.each([
    ['{"questionId":"q1","answer":"cut', {}, true],
    ['{"questionId":"q1","answer":"cut', { questionId: 'q0' }, false],
    ['{"answer":"cut before the id', { questionId: 'q0' }, true],
    [`{"questionId":"q0","at":"${at(9).toISOString()}","answer":"x`, { before: at(5) }, false],
    [`{"questionId":"q0","at":"${at(1).toISOString()}","answer":"x`, { before: at(5) }, true],
  ] as const)('%s with %o: %s', (line, sel, expected) => expect(damagedLineSelected(line, sel)).toBe(expected));
});

describe('phrasingsDrawnFrom', () => {
  it('drops a phrasing whose sentence is in a forgotten answer of the same question, as said', () => {
    const p = [
      { question: 'q0', point: 'a', sentence: 'We   Rolled back’s fast' },
      { question: 'q1', point: 'a', sentence: "we rolled back's fast" },
      { question: 'q0', point: 'b', sentence: 'something never said' },
    ];
    const { kept, dropped } = phrasingsDrawnFrom(p, new Map([['q0', ["Then we rolled back's fast, twice."]]]));
    expect(dropped).toEqual([p[0]]);
    expect(kept).toEqual([p[1], p[2]]);
  });
});

describe('forgetAnswers', () => {
  it('says what would go without changing a byte', () => {
    seed();
    const before = new Map(filesWithText().map((f) => [f, readFileSync(join(dir, f))]));
    const plan = run({}, false);
    expect(plan).toMatchObject({ applied: false, attempts: 3, answers: 3, followUpAnswers: 1, quotes: 1, phrasings: 3, drafts: 3 });
    expect(plan.files).toEqual({ backups: { rewritten: 2, removed: 0 }, rescue: { rewritten: 1, removed: 0 }, torn: { rewritten: 0, removed: 1 }, rejected: { rewritten: 0, removed: 1 } });
    expect(plan.first).toBe(at(0).toISOString());
    for (const [f, bytes] of before) expect(readFileSync(join(dir, f)).equals(bytes)).toBe(true);
  });

  it('takes every copy of every answer and keeps what counts, caches rebuilt', () => {
    seed();
    const summary = loadSummary(file);
    const practice = readPractice(file);
    const kept = counted();
    const done = run({}, true);
    expect(done).toMatchObject({ applied: true, answers: 3, phrasings: 3, drafts: 3 });
    expect(filesWithText()).toEqual([]);
    expect(counted()).toEqual(kept);
    expect(records().some((r) => r.type === 'future-kind')).toBe(true);
    expect(loadSummary(file)).toEqual(summary);
    expect(readPractice(file)).toEqual(practice);
    expect(existsSync(join(data, '.history.json.summary'))).toBe(true);
    expect(readPhrasings(phrasingsFile)).toEqual([{ question: 'q1', point: 'freeze', sentence: 'we froze the branch on monday' }]);
    // A backup that held other lines is rewritten, not lost: its damaged line of the selection went.
    expect(readFileSync(`${file}.0123456789.bak`, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    expect(existsSync(`${file}.v2.bak`)).toBe(true);
    expect(existsSync(`${file}.torn-20260301T100000Z`)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(run({}, true)).toMatchObject({ attempts: 0, answers: 0, phrasings: 0, drafts: 0 });
  });

  it('forgets one question only, and only before a time', () => {
    seed();
    run({ questionId: 'q1' }, true);
    expect(filesWithText().join(' ')).not.toMatch(/Globex/);
    expect(records().find((r) => r.id === 'a0')?.answer).toMatch(/Acme/);
    expect(readFileSync(`${file}.rejected-20260301T100000Z.txt`, 'utf8')).toMatch(/Initech ba/);
    expect(readPhrasings(phrasingsFile).map((p) => p.point)).toEqual(['freeze', 'rollback', 'freeze']);

    const r = run({ before: at(10) }, true);
    expect(r).toMatchObject({ answers: 1, followUpAnswers: 1, quotes: 1, first: at(0).toISOString(), last: at(0).toISOString() });
    expect(records().find((x) => x.id === 'a0')?.answer).toBeUndefined();
    expect(records().find((x) => x.id === 'a50')?.answer).toMatch(/Initech/);
    expect(existsSync(join(tmp, 'rmprep-unsaved-20260301T100000Z-abcdef.jsonl'))).toBe(true);
    expect(readPhrasings(phrasingsFile).map((p) => p.point)).toEqual(['rollback', 'freeze']);
  });

  it('follows a link to the history to the backups beside the real file', () => {
    seed();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    renameSync(file, join(elsewhere, 'history.json'));
    renameSync(`${file}.v2.bak`, join(elsewhere, 'history.json.v2.bak'));
    symlinkSync(join(elsewhere, 'history.json'), file);
    expect(run({}, true)).toMatchObject({ answers: 3 });
    expect(readFileSync(join(elsewhere, 'history.json.v2.bak'), 'utf8')).not.toMatch(SECRET);
    expect(filesWithText()).toEqual([]);
  });

  it('stopped by a failed write of the history, leaves it as it was; running again finishes', () => {
    seed();
    const before = readFileSync(file);
    const full = { ...nodeFs, renameSync: (from: nodeFs.PathLike, to: nodeFs.PathLike) => {
      if (to === file) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      nodeFs.renameSync(from, to);
    } } as typeof nodeFs;
    expect(() => forgetAnswers(places(), {}, { now: at(100), phrasingsFile, apply: true, fs: full })).toThrow(/half way: the disk is full/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(data).filter((n) => n.includes('.tmp-') || n.endsWith('.lock'))).toEqual([]);
    expect(run({}, true)).toMatchObject({ answers: 3 });
    expect(filesWithText()).toEqual([]);
  });

  it('refuses a damaged history before changing anything', () => {
    seed();
    appendFileSync(file, 'not json\n{"type":"session","id":"s9","at":"2026-03-01T12:00:00.000Z"}\n');
    const bytes = readFileSync(phrasingsFile);
    expect(() => run({}, true)).toThrow(/history\.json:\d+:\d+/);
    expect(readFileSync(phrasingsFile).equals(bytes)).toBe(true);
    expect(existsSync(join(data, 'drafts', '2026-03-01-abcdef-q0.txt'))).toBe(true);
  });
});
