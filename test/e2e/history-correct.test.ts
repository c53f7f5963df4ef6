import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
let answer: string;
beforeEach(() => {
  home = makeHome();
  answer = join(home.dir, 'answer.txt');
  writeFileSync(answer, 'We rolled back in 4 minutes with the runbook, then I ran a blameless review and we added a canary.');
});
afterEach(() => home.cleanup());

interface Listed {
  id: string;
  questionId: string;
  rating: string;
  card?: { due: string; reps: number };
}

async function record(id: string, rating: string): Promise<void> {
  const r = await runCli(['coach', id, '--record', '--rating', rating, '--answer-file', answer], { env: home.env });
  expect(r.code, r.stderr).toBe(0);
}

async function listed(): Promise<Listed[]> {
  const r = await runCli(['history', '--json'], { env: home.env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Listed[];
}

const hoursAway = (iso: string) => (Date.parse(iso) - Date.now()) / 3600_000;

describe('history --undo and --rerate', () => {
  it('--undo --yes removes the latest attempt and reschedules its question from the one left', async () => {
    await record('release-process', 'good');
    const [first] = await listed();
    await record('release-process', 'again');
    const [latest] = await listed();
    expect(latest!.rating).toBe('again');
    expect(hoursAway(latest!.card!.due)).toBeLessThan(1);

    const r = await runCli(['history', '--undo', '--yes'], { env: home.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`The latest attempt: ${latest!.id.slice(0, 8)}  release-process`);
    expect(r.stdout).toMatch(/Undone: \w+ no longer counts anywhere\. Next review of release-process: in 2 days/);
    const left = await listed();
    expect(left.map((a) => a.id)).toEqual([first!.id]);
    expect(left[0]!.card).toEqual(first!.card);
    expect(hoursAway(left[0]!.card!.due)).toBeGreaterThan(24);
  });

  it('--undo refuses without a terminal and without --yes (exit 2), changing nothing', async () => {
    await record('release-process', 'good');
    const r = await runCli(['history', '--undo'], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no terminal to ask on/);
    expect(r.stderr).toContain('--yes');
    expect(await listed()).toHaveLength(1);
  });

  it('--rerate takes a unique start of the id, changes the rating and reschedules', async () => {
    await record('feature-flags', 'good');
    const [before] = await listed();
    expect(hoursAway(before!.card!.due)).toBeGreaterThan(24);
    const text = await runCli(['history'], { env: home.env });
    expect(text.stdout).toContain(`${before!.id.slice(0, 8)}  feature-flags`);

    const r = await runCli(['history', '--rerate', before!.id.slice(0, 5), '--rating', 'again'], { env: home.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('good → again');
    const [after] = await listed();
    expect(after).toMatchObject({ id: before!.id, rating: 'again' });
    expect(hoursAway(after!.card!.due)).toBeLessThan(1);
  });

  it('--rerate refuses an id no attempt has, and --rerate without --rating', async () => {
    await record('feature-flags', 'good');
    const missing = await runCli(['history', '--rerate', 'zzzz', '--rating', 'hard'], { env: home.env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no attempt "zzzz"');
    const [only] = await listed();
    const noRating = await runCli(['history', '--rerate', only!.id], { env: home.env });
    expect(noRating.code).toBe(2);
    expect(noRating.stderr).toContain('--rerate needs --rating');
    expect((await listed())[0]!.rating).toBe('good');
  });
});

describe('history on a narrow terminal', () => {
  it('puts an attempt\'s details under its id, each detail whole, every line within the width', async () => {
    await record('release-process', 'good');
    const r = await runCli(['history'], { env: { ...home.env, COLUMNS: '40' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^[0-9a-f]{8} {2}release-process$/);
    expect(lines[1]).toMatch(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d · common · good/);
    expect(lines.some((l) => /^ {2}.*score \d+$/.test(l))).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    const wide = await runCli(['history'], { env: { ...home.env, COLUMNS: '100' } });
    expect(wide.stdout.split('\n')[0]).toMatch(/^[0-9a-f]{8} {2}release-process {2}\d{4}-.* · score \d+$/);
  });
});
