import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { KEY, PtySession } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
let answer: string;
beforeEach(() => {
  home = makeHome();
  answer = join(home.dir, 'answer.txt');
  writeFileSync(answer, 'We rolled back in 4 minutes with the runbook, then I ran a blameless review and we added a canary.');
});
afterEach(() => home.cleanup());

const HEADER = '{"rmprep":"history","version":3}';
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);
const attempt = (id: string, session: string, at: string, questionId = 'rollback-recovery') => ({ type: 'attempt', id, questionId, category: 'common', at, rating: 'good', mode: 'typed', seconds: 20, answer: `answer ${id}`, session });
const write = (file: string, records: object[]) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${[HEADER, ...records.map((r) => JSON.stringify(r))].join('\n')}\n`);
};

describe('sessions have identities', () => {
  it('two processes naming one new session at once write one marker, with a generated id and the name as label', { timeout: 90_000 }, async () => {
    const runs = await Promise.all(['team-conflict', 'feature-flags', 'release-process'].map((id) => runCli(['coach', id, '--record', '--session', 's1', '--answer-file', answer, '--json'], { env: home.env })));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const records = lines(home.history);
    const markers = records.filter((r) => r.type === 'session');
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ label: 's1', scripted: true });
    expect(markers[0]!.id).not.toBe('s1');
    const attempts = records.filter((r) => r.type === 'attempt');
    expect(attempts.map((a) => a.session)).toEqual([markers[0]!.id, markers[0]!.id, markers[0]!.id]);
    for (const r of runs) expect(JSON.parse(r.stdout).recorded).toMatchObject({ session: markers[0]!.id, label: 's1' });
  });

  it('import keeps a session labelled like an attempt id, keeps sessions of two histories apart and says how labels were mapped', { timeout: 90_000 }, async () => {
    write(home.history, [{ type: 'session', id: '2026-01-05-aaaaaa', label: 'mock', at: '2026-01-05T10:00:00.000Z' }, attempt('x1', '2026-01-05-aaaaaa', '2026-01-05T10:01:00.000Z')]);
    const other = join(home.dir, 'other.json');
    // The other history: a session labelled "mock" too, and one labelled with an id an attempt here has.
    write(other, [
      { type: 'session', id: '2026-02-01-bbbbbb', label: 'mock', at: '2026-02-01T10:00:00.000Z' },
      attempt('y1', '2026-02-01-bbbbbb', '2026-02-01T10:01:00.000Z'),
      { type: 'session', id: 'x1', label: 'x1', at: '2026-02-02T10:00:00.000Z' },
      attempt('y2', 'x1', '2026-02-02T10:01:00.000Z', 'release-process'),
    ]);
    const r = await runCli(['history', '--import', other], { env: home.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `Imported 2 attempts into ${home.history}; 0 already there, 0 rejected.\n` + 'Session label "mock" is taken here: the imported session 2026-02-01-bbbbbb is labelled "mock-2".\n',
    );
    const mine = await runCli(['report', '--session', 'mock', '--format', 'json'], { env: home.env });
    expect(JSON.parse(mine.stdout).attempts.map((a: { attemptId: string }) => a.attemptId)).toEqual(['x1']);
    const theirs = await runCli(['report', '--session', 'mock-2', '--format', 'json'], { env: home.env });
    expect(JSON.parse(theirs.stdout).attempts.map((a: { attemptId: string }) => a.attemptId)).toEqual(['y1']);
    const byAttemptId = await runCli(['report', '--session', 'x1', '--format', 'json'], { env: home.env });
    expect(byAttemptId.code, byAttemptId.stderr).toBe(0);
    expect(JSON.parse(byAttemptId.stdout).attempts.map((a: { attemptId: string }) => a.attemptId)).toEqual(['y2']);
    // Importing the same file again adds nothing and maps nothing.
    const again = await runCli(['history', '--import', other], { env: home.env });
    expect(again.stdout).toBe(`Imported 0 attempts into ${home.history}; 2 already there, 0 rejected.\n`);
  });

  it('report --session with a label several sessions share exits 2 in a script, listing them on one line', async () => {
    write(home.history, [
      { type: 'session', id: '2026-01-05-aaaaaa', label: 'mock', at: '2026-01-05T10:00:00.000Z' },
      attempt('x1', '2026-01-05-aaaaaa', '2026-01-05T10:01:00.000Z'),
      { type: 'session', id: '2026-01-09-bbbbbb', label: 'mock', at: '2026-01-09T10:00:00.000Z' },
      attempt('x2', '2026-01-09-bbbbbb', '2026-01-09T10:01:00.000Z'),
    ]);
    const r = await runCli(['report', '--session', 'mock'], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'rmprep: "mock" labels 2 sessions: 2026-01-09-bbbbbb "mock" (2026-01-09 10:00), 2026-01-05-aaaaaa "mock" (2026-01-05 10:00); give one of these ids with --session\n',
    );
    const byId = await runCli(['report', '--session', '2026-01-05-aaaaaa', '--format', 'json'], { env: home.env });
    expect(JSON.parse(byId.stdout).session).toMatchObject({ id: '2026-01-05-aaaaaa', label: 'mock' });
  });

  it('report --session with a shared label asks which one on a terminal', async () => {
    write(home.history, [
      { type: 'session', id: '2026-01-05-aaaaaa', label: 'mock', at: '2026-01-05T10:00:00.000Z' },
      attempt('x1', '2026-01-05-aaaaaa', '2026-01-05T10:01:00.000Z'),
      { type: 'session', id: '2026-01-09-bbbbbb', label: 'mock', at: '2026-01-09T10:00:00.000Z' },
      attempt('x2', '2026-01-09-bbbbbb', '2026-01-09T10:01:00.000Z', 'release-process'),
    ]);
    const s = new PtySession(['report', '--session', 'mock'], home.env);
    await s.waitFor('Several sessions are labelled "mock". Which one?');
    // Newest first: the second entry is the older session.
    s.type(KEY.down);
    s.type(KEY.enter);
    await s.waitFor('Session 2026-01-05-aaaaaa');
    expect(await s.exited()).toBe(0);
    expect(s.text).toContain('answer x1');
    expect(s.text).not.toContain('answer x2');
  });
});
