import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptRecord, HistoryRecord } from '../../src/core/history/schema.js';
import { readHistory, recordAttempt } from '../../src/core/history/store.js';
import { makeHome, runCli } from '../helpers/cli.js';
import { attempts, at, draft, expectConsistentChains, expectWholeFile, HEADER, leftovers, seeded } from './helpers.js';

let home: ReturnType<typeof makeHome>;
let dir: string;
let answerFile: string;
let importFile: string;
beforeEach(() => {
  home = makeHome();
  dir = join(home.history, '..');
  answerFile = join(home.dir, 'answer.txt');
  writeFileSync(answerFile, 'I rolled back in 4 minutes and wrote the postmortem the same day.');
  importFile = join(home.dir, 'import.jsonl');
  writeFileSync(importFile, `${HEADER}\n${JSON.stringify({ type: 'attempt', id: 'imp', ...draft(50, { questionId: 'team-conflict' }) })}\n`);
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(args, { env: home.env });
const IDS = ['team-conflict', 'rollback-recovery', 'release-process'];

/** A history of `n` attempts at real questions, with answers in several scripts, written by the store. */
function seed(n: number): AttemptRecord[] {
  for (let i = 0; i < n; i++) {
    recordAttempt(home.history, draft(i, { questionId: IDS[i % IDS.length]!, answer: `attempt ${i}: Zürich ✓ 東京 🚀` }), { now: at(i) });
  }
  return readHistory(home.history).records as AttemptRecord[];
}

/** Every command that reads or would write the history. */
const COMMANDS = (): string[][] => [
  ['stats'],
  ['stats', '--json'],
  ['history'],
  ['history', '--json'],
  ['next'],
  ['coach', 'team-conflict', '--record', '--answer-file', answerFile],
  ['history', '--import', importFile],
  ['report'],
];

const SOME_COMMANDS = (): string[][] => [['stats'], ['coach', 'team-conflict', '--record', '--answer-file', answerFile]];

const backups = () => readdirSync(dir).filter((n) => /^history\.json\.[0-9a-f]{10}\.bak$/.test(n));

describe('a hand-edited bad line in the middle', () => {
  it.each([
    ['a same-length edit (the summary cache still matches in size)', (line: string) => line.replace('"rating":', '"rating";'), "Unexpected token ';';", (line: string) => line.indexOf('"rating"') + 9, COMMANDS],
    ['an unquoted value', (line: string) => line.replace(/"rating":"(\w+)"/, '"rating":$1'), "Unexpected token 'g';", (line: string) => line.indexOf('"rating":') + 10, SOME_COMMANDS],
    ['a line cut short', (line: string) => line.slice(0, 40), 'Unterminated string', () => 41, SOME_COMMANDS],
  ])('%s: commands exit 1 with path:line:col, write nothing, back up once; --repair keeps every valid record', async (_name, edit, message, col, commands) => {
    const original = seed(6);
    const lines = readFileSync(home.history, 'utf8').split('\n');
    lines[3] = edit(lines[3]!);
    const damaged = lines.join('\n');
    writeFileSync(home.history, damaged);
    const listing = () => readdirSync(dir).filter((n) => !n.endsWith('.bak')).sort();
    const before = listing();

    for (const args of commands()) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stderr).toContain(`rmprep: ${home.history}:4:${col(lines[3]!)}: invalid JSON: ${message}`);
      expect(r.stderr).toContain('rmprep history --repair');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(home.history, 'utf8'), args.join(' ')).toBe(damaged);
      expect(listing()).toEqual(before);
      expect(backups()).toHaveLength(1);
    }
    expect(readFileSync(join(dir, backups()[0]!), 'utf8')).toBe(damaged);

    const repair = await run(['history', '--repair']);
    expect(repair.code).toBe(0);
    const m = /^Kept 5 records; set aside 1 bad line in (\S+)\.\nThe file as it was is in (\S+)\.\n$/.exec(repair.stdout);
    expect(m, repair.stdout).not.toBeNull();
    expect(readFileSync(m![1]!, 'utf8')).toBe(`${lines[3]}\n`);
    expect(m![2]).toBe(join(dir, backups()[0]!));
    expect(backups()).toHaveLength(1);
    const kept = readHistory(home.history).records;
    expect(kept).toEqual(original.filter((_, i) => i !== 2));
    expectWholeFile(home.history);

    const again = await run(['coach', 'team-conflict', '--record', '--answer-file', answerFile]);
    expect(again.code).toBe(0);
    expect(attempts(readHistory(home.history).records)).toHaveLength(6);
    const sound = await run(['history', '--repair']);
    expect(sound.stdout).toBe('The history is sound: 7 records, nothing to repair.\n'); // six attempts and the scripted session's marker
  });
});

describe('a truncated file (cut short at a seeded random byte, as by a partial copy)', () => {
  it('reads the whole lines before the cut, sets the rest aside byte for byte, and the next write succeeds', () => {
    const original = seed(5);
    const full = readFileSync(home.history);
    const newlines = [...full.keys()].filter((i) => full[i] === 0x0a);
    const random = seeded(424242);
    // Inside the header, right after it, inside a multi-byte character, just before the last newline, and random points.
    const multibyte = full.indexOf(Buffer.from('東京')) + 1;
    const cuts = [10, newlines[0]! + 1, multibyte, full.length - 1, ...Array.from({ length: 6 }, () => 1 + Math.floor(random() * (full.length - 2)))];
    for (const cut of cuts) {
      writeFileSync(home.history, full.subarray(0, cut));
      for (const n of readdirSync(dir)) if (n.includes('.torn-') || n.startsWith('.history.json.summary')) rmSync(join(dir, n));
      const wholeLines = newlines.filter((i) => i < cut).length;
      // The last record without its newline is still a whole record.
      const lastIsWhole = cut === full.length - 1;
      const expected = original.slice(0, Math.max(0, wholeLines - 1) + (lastIsWhole ? 1 : 0));
      expect(readHistory(home.history).records, `cut at ${cut}`).toEqual(expected);

      const next = recordAttempt(home.history, draft(60, { questionId: 'release-process' }), { now: at(60) });
      expect(readHistory(home.history).records, `cut at ${cut}`).toEqual([...expected, next]);
      expectWholeFile(home.history);
      const lineStart = newlines.filter((i) => i < cut).at(-1) ?? -1;
      if (!lastIsWhole && lineStart + 1 < cut) {
        const torn = readdirSync(dir).filter((n) => n.includes('.torn-'));
        const contents = torn.map((n) => readFileSync(join(dir, n)));
        expect(contents.some((c) => c.equals(full.subarray(lineStart + 1, cut))), `cut at ${cut}: the cut-off bytes are kept`).toBe(true);
      }
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('through the CLI: stats reads what is whole, coach --record carries on', async () => {
    seed(4);
    const full = readFileSync(home.history);
    writeFileSync(home.history, full.subarray(0, full.length - 30));
    const s = await run(['stats', '--json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).totalAttempts).toBe(3);
    const c = await run(['coach', 'team-conflict', '--record', '--answer-file', answerFile]);
    expect(c.code).toBe(0);
    expect(attempts(readHistory(home.history).records)).toHaveLength(4);
    expectWholeFile(home.history);
  });
});

describe('history formats', () => {
  it('refuses a file from a newer rmprep for every command, and changes nothing', async () => {
    mkdirSync(dir, { recursive: true });
    const future = '{"rmprep":"history","version":4}\n{"type":"attempt","id":"f1","questionId":"team-conflict","hologram":true}\n';
    writeFileSync(home.history, future);
    for (const args of [['stats'], ['history'], ['coach', 'team-conflict', '--record', '--answer-file', answerFile], ['history', '--import', importFile], ['history', '--repair']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      const refused = `rmprep: ${home.history} was written by a newer rmprep (history format 4; this one knows up to 3); nothing was changed`;
      if (args.includes('--import')) {
        // The records are still in the file to import: nothing to keep elsewhere.
        expect(r.stderr).toBe(`${refused}; nothing was imported (upgrade rmprep to use this history)\n`);
      } else if (args.includes('--record')) {
        // What was to be recorded is kept for when rmprep is upgraded.
        const kept = /; the attempt was not saved \(upgrade rmprep to use this history; the attempt is kept in (\S+); add it back with: rmprep history --import \1\)\n$/;
        expect(r.stderr.startsWith(refused)).toBe(true);
        expect(r.stderr.slice(refused.length)).toMatch(kept);
      } else {
        expect(r.stderr).toBe(`${refused} (upgrade rmprep to use this history)\n`);
      }
      expect(readFileSync(home.history, 'utf8')).toBe(future);
      expect(readdirSync(dir)).toEqual(['history.json']);
    }
  });

  it('upgrades a version 1 file on the first write, with a byte-equal .v1.bak, even with attempts out of time order', async () => {
    mkdirSync(dir, { recursive: true });
    const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9)).toISOString();
    const v1Records: HistoryRecord[] = [
      { type: 'session', id: 's1', at: day(1) },
      { type: 'attempt', id: 'a1', ...draft(0, { questionId: 'team-conflict', at: day(1), session: 's1' }) },
      { type: 'attempt', id: 'a2', ...draft(1, { questionId: 'team-conflict', at: day(4) }) },
      { type: 'attempt', id: 'a3', ...draft(2, { questionId: 'team-conflict', at: day(9), rating: 'easy' }) },
      // Recorded later from a rescue file: older than the review before it.
      { type: 'attempt', id: 'a4', ...draft(3, { questionId: 'team-conflict', at: day(2), rating: 'hard' }) },
      { type: 'attempt', id: 'a5', ...draft(4, { questionId: 'rollback-recovery', at: day(3) }) },
    ];
    const v1 = `{"rmprep":"history","version":1}\n${v1Records.map((r) => JSON.stringify(r)).join('\n')}\n`;
    writeFileSync(home.history, v1);

    const read = await run(['history', '--json']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toHaveLength(5);
    expect(readFileSync(home.history, 'utf8')).toBe(v1);

    const c = await run(['coach', 'team-conflict', '--record', '--answer-file', answerFile]);
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(readFileSync(`${home.history}.v1.bak`, 'utf8')).toBe(v1);
    const lines = expectWholeFile(home.history);
    expect(lines).toHaveLength(8); // six upgraded records, then the session marker and attempt of coach --record
    const records = readHistory(home.history).records;
    expect(records.slice(1, 6).map((r) => r.id)).toEqual(v1Records.slice(1).map((r) => r.id));
    // The session named "s1" before labels existed gets a generated id, with its name as label.
    expect(records[0]).toMatchObject({ type: 'session', id: expect.stringMatching(/^s-[0-9a-f]{10}$/), label: 's1' });
    expect(records[1]).toMatchObject({ session: records[0]!.id });
    expect(records.every((r) => r.type !== 'attempt' || r.card)).toBe(true);
    expectConsistentChains(records);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes the header back when the file holds only blank lines', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(home.history, '\n\n');
    const c = await run(['coach', 'team-conflict', '--record', '--answer-file', answerFile]);
    expect(c.code).toBe(0);
    expect(attempts(readHistory(home.history).records)).toHaveLength(1);
    const again = await run(['stats', '--json']);
    expect(JSON.parse(again.stdout).totalAttempts).toBe(1);
  });
});
