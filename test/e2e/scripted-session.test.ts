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
      const m = /Saved as \w+ in session (\S+)\. Next review: in \d+ (minutes?|hours|days)/.exec(r.stdout);
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

  it('refuses --rating without --record instead of ignoring it', async () => {
    const r = await runCli(['coach', 'release-process', '--rating', 'good', '--answer-file', answer], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rmprep: --rating only counts with --record (add --record to save the answer)\n');
  });
});
