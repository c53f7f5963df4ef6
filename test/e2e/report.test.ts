import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptRecord, HistoryRecord, SessionRecord } from '../../src/core/history/schema.js';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(args, { env: home.env });

const SESSION: SessionRecord = { type: 'session', id: 'session-2024-06-03', at: '2024-06-03T18:00:00.000Z', plan: 'mock-interview', timeLimit: 180 };
const OLDER: SessionRecord = { type: 'session', id: 'session-2024-06-01', at: '2024-06-01T18:00:00.000Z' };

const attempt = (id: string, questionId: string, category: AttemptRecord['category'], extra: Partial<AttemptRecord>): AttemptRecord => ({
  type: 'attempt',
  id,
  questionId,
  category,
  at: '2024-06-03T18:05:00.000Z',
  rating: 'good',
  mode: 'typed',
  seconds: 120,
  session: SESSION.id,
  ...extra,
});

const ANSWERS = {
  'rollback-recovery': 'We kept the previous build warm, so a rollback took four minutes and we watched the error dashboards after.',
  'difficult-decision': 'I measured the latency, weighed three options with the product owner and shipped with the feature flag off.',
};

const RECORDS: HistoryRecord[] = [
  OLDER,
  attempt('a-old', 'release-process', 'common', { session: OLDER.id, answer: 'An answer from an older session.' }),
  SESSION,
  attempt('a1', 'rollback-recovery', 'common', { answer: ANSWERS['rollback-recovery'], score: 61, timeLimit: 180, overTime: false }),
  attempt('a2', 'difficult-decision', 'behavioral', { answer: ANSWERS['difficult-decision'], score: 48, rating: 'hard', seconds: 200, timeLimit: 180, overTime: true }),
  attempt('a3', 'branching-strategy', 'technical', { mode: 'spoken', rating: 'again', seconds: 95, timeLimit: 180 }),
];

function writeHistory(records: HistoryRecord[]): void {
  mkdirSync(dirname(home.history), { recursive: true });
  const lines = [JSON.stringify({ rmprep: 'history', version: 3 }), ...records.map((r) => JSON.stringify(r))];
  writeFileSync(home.history, `${lines.join('\n')}\n`);
}

async function questionText(id: string): Promise<string> {
  const r = await run(['show', id, '--json']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { question: string }).question;
}

describe('report', () => {
  beforeEach(() => writeHistory(RECORDS));

  it('--format markdown mentions every answered question and the answers given', async () => {
    const r = await run(['report', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# Practice session, 2024-06-03: mock-interview\n/);
    const ids = ['rollback-recovery', 'difficult-decision', 'branching-strategy'];
    for (const [i, id] of ids.entries()) {
      const start = (await questionText(id)).replace(/\s+/g, ' ').trim().split(' ').slice(0, 6).join(' ');
      expect(r.stdout).toContain(`\n## ${i + 1}. ${start}`);
      expect(r.stdout).toContain(`\`${id}\``);
    }
    for (const answer of Object.values(ANSWERS)) expect(r.stdout).toContain(`> ${answer}`);
    expect(r.stdout).not.toContain('An answer from an older session.');
    expect(r.stdout).toContain('| 2 |');
    expect(r.stdout).toContain('**Score:** 48/100 · **Rating:** hard · **Time:** 3:20 of 3:00, over time');
  });

  it('--format json is the session, its attempts in order with feedback, and a summary', async () => {
    const r = await run(['report', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      session: Record<string, unknown>;
      attempts: Record<string, unknown>[];
      summary: Record<string, unknown>;
    };
    expect(Object.keys(report)).toEqual(['session', 'attempts', 'summary']);
    expect(report.session).toEqual({ id: SESSION.id, label: null, at: SESSION.at, plan: 'mock-interview', timeLimit: 180 });
    expect(report.attempts.map((a) => a.questionId)).toEqual(['rollback-recovery', 'difficult-decision', 'branching-strategy']);
    expect(Object.keys(report.attempts[0]!).sort()).toEqual(
      ['answer', 'at', 'attemptId', 'category', 'coach', 'followUps', 'index', 'missed', 'mode', 'overTime', 'practise', 'question', 'questionId', 'rating', 'reading', 'score', 'seconds', 'timeLimit', 'wordsScore'].sort(),
    );
    // Saved before the words-only score was kept beside the shown one: its score counts as words-only.
    expect(report.attempts[0]).toMatchObject({ index: 1, answer: ANSWERS['rollback-recovery'], score: 61, wordsScore: 61, reading: 'words', rating: 'good', overTime: false });
    expect(report.attempts[0]!.coach).toMatchObject({ id: 'rollback-recovery' });
    expect(typeof (report.attempts[0]!.coach as { score: unknown }).score).toBe('number');
    expect(report.attempts[2]).toMatchObject({ mode: 'spoken', answer: null, coach: null });
    expect(report.summary).toMatchObject({ questions: 3, typed: 2, averageScore: 55, totalSeconds: 415, overTime: 1, ratings: { again: 1, hard: 1, good: 1, easy: 0 } });
  });

  it('--json prints the same JSON as --format json, and refuses to be mixed with another format', async () => {
    const [flag, format, mixed] = await Promise.all([run(['report', '--json']), run(['report', '--format', 'json']), run(['report', '--json', '--format', 'markdown'])]);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toBe(format.stdout);
    expect(JSON.parse(flag.stdout)).toMatchObject({ session: { id: SESSION.id } });
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toBe('');
    expect(mixed.stderr).toBe('rmprep: --json prints JSON; leave out --format, or use --format json\n');
  });

  it('prints a text report for the terminal by default', async () => {
    const r = await run(['report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Session session-2024-06-03 · 2024-06-03 18:00 · plan mock-interview\n/);
    expect(r.stdout).toContain('Answered out loud; nothing typed to review.');
  });

  it('--session picks an older session', async () => {
    const r = await run(['report', '--session', OLDER.id, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { session: { id: string }; attempts: { answer: string }[] };
    expect(report.session.id).toBe(OLDER.id);
    expect(report.attempts.map((a) => a.answer)).toEqual(['An answer from an older session.']);
  });

  it('--session <unknown> exits 1 and lists the latest sessions', async () => {
    const r = await run(['report', '--session', 'no-such-session']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'rmprep: no session with id or label "no-such-session" (latest sessions: session-2024-06-03 (2024-06-03 18:00), session-2024-06-01 (2024-06-01 18:00))\n',
    );
  });

  it('--out writes the file and says where on stderr', async () => {
    const out = join(home.dir, 'reports', 'last.md');
    mkdirSync(dirname(out), { recursive: true });
    const r = await run(['report', '--format', 'markdown', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Wrote the report of session ${SESSION.id} to ${out}\n`);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# Practice session, 2024-06-03/);
    for (const answer of Object.values(ANSWERS)) expect(text).toContain(answer);
  });

  it('--out into a folder that does not exist fails without writing', async () => {
    const out = join(home.dir, 'missing', 'r.md');
    const r = await run(['report', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*r\.md: the folder .*missing does not exist/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('report without sessions', () => {
  it('exits 1 and says how sessions are made', async () => {
    writeHistory([attempt('x', 'rollback-recovery', 'common', { session: undefined, answer: 'Loose.' })]);
    const r = await run(['report']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rmprep: no practice sessions in the history yet (a session is saved when you run 'rmprep drill' or 'rmprep coach <id> --record')\n");
  });

  it('rejects an unknown format as a usage error', async () => {
    const r = await run(['report', '--format', 'pdf']);
    expect(r.code).toBe(2);
  });
});
