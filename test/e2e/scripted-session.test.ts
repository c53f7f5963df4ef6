import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
let answer: string;
beforeAll(() => {
  home = makeHome();
  answer = join(home.dir, 'answer.txt');
  writeFileSync(answer, 'We rolled back in 4 minutes with the runbook, then I ran a blameless review and we added a canary.');
});
afterAll(() => home.cleanup());

describe('a scripted round with coach --record', () => {
  it('is one session that report --session last covers', async () => {
    const ids = ['rollback-recovery', 'release-process'];
    const saved: string[] = [];
    for (const id of ids) {
      const r = await runCli(['coach', id, '--record', '--answer-file', answer], { env: home.env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const m = /Saved as \w+ in session (\S+)\. Next review: (now|later today|tomorrow|in \d+ days \(\d{4}-\d\d-\d\d\))\.\n/.exec(r.stdout);
      expect(m, r.stdout).not.toBeNull();
      saved.push(m![1]!);
    }
    expect(saved[1]).toBe(saved[0]);
    const report = await runCli(['report', '--format', 'json'], { env: home.env });
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { session: { id: string }; attempts: { questionId: string }[] };
    expect(json.session.id).toBe(saved[0]);
    expect(json.attempts.map((a) => a.questionId)).toEqual(ids);
  });

  it('groups answers under a --session name, whatever the gap, and report --session finds them by it', async () => {
    for (const id of ['team-conflict', 'feature-flags']) {
      const r = await runCli(['coach', id, '--record', '--session', 'monday-round', '--answer-file', answer], { env: home.env });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('in session monday-round.');
    }
    const report = await runCli(['report', '--session', 'monday-round', '--format', 'json'], { env: home.env });
    expect(report.code).toBe(0);
    expect((JSON.parse(report.stdout) as { attempts: { questionId: string }[] }).attempts.map((a) => a.questionId)).toEqual(['team-conflict', 'feature-flags']);
    const bad = await runCli(['coach', 'team-conflict', '--record', '--session', 'two words', '--answer-file', answer], { env: home.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rmprep: --session needs a name of letters, digits/);
  });

  it('refuses --rating without --record instead of ignoring it', async () => {
    const r = await runCli(['coach', 'release-process', '--rating', 'good', '--answer-file', answer], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rmprep: --rating only counts with --record (add --record to save the answer)\n');
  });
});
