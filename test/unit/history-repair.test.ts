import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, T0 } from '../support/attempts.js';
import { readHistory, recordAttempt, repairHistory } from '../../src/core/history/store.js';

// A newer rmprep may write record types and fields this build does not know: readers skip them, and a
// repair keeps them as written. Only lines that cannot be read are set aside.
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-repair-'));
  file = join(dir, 'history.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('history --repair', () => {
  it('keeps well-formed lines of unknown types, in place, and sets aside only the unreadable ones', () => {
    recordAttempt(file, draft(1), { now: new Date(T0) });
    recordAttempt(file, draft(2), { now: new Date(T0 + 60_000) });
    const [header, first, second] = lines();
    const future = '{"type":"bookmark","id":"b-1","at":"2026-12-01T10:00:00.000Z","question":"rollback-plan"}';
    const broken = '{"type":"attempt","id":"x",';
    const withField = JSON.stringify({ ...JSON.parse(first!), mood: 'calm' });
    writeFileSync(file, [header, withField, future, broken, second, ''].join('\n'));

    const result = repairHistory(file, { now: new Date(T0) });

    expect(result).toMatchObject({ kept: 3, rejected: 1 });
    expect(readFileSync(result.rejectedFile!, 'utf8')).toBe(`${broken}\n`);
    expect(lines()).toEqual([header, withField, future, second]);
    expect(readHistory(file).records.map((r) => r.type)).toEqual(['attempt', 'attempt']);
  });

  it('leaves a history with nothing unreadable as it was, unknown types and all', () => {
    recordAttempt(file, draft(1), { now: new Date(T0) });
    const before = `${readFileSync(file, 'utf8')}{"type":"bookmark","id":"b-1"}\n`;
    writeFileSync(file, before);
    expect(repairHistory(file, { now: new Date(T0) })).toMatchObject({ kept: 2, rejected: 0 });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('still sets aside a line that names no type, or a known type in the wrong shape', () => {
    recordAttempt(file, draft(1), { now: new Date(T0) });
    const [header, first] = lines();
    writeFileSync(file, [header, '{"id":"no-type"}', first, '{"type":"undo","id":"u"}', ''].join('\n'));
    const result = repairHistory(file, { now: new Date(T0) });
    expect(result).toMatchObject({ kept: 1, rejected: 2 });
    expect(lines()).toEqual([header, first]);
  });
});
