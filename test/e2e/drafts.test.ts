import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
let drafts: string;
const NAME = '2026-12-02-3fa9c1-rollback-recovery';
beforeEach(() => {
  home = makeHome();
  drafts = join(dirname(home.history), 'drafts');
  mkdirSync(drafts, { recursive: true });
  writeFileSync(join(drafts, `${NAME}.txt`), 'We rolled back in 4 minutes with the runbook.\nThen a blameless review.\n');
  utimesSync(join(drafts, `${NAME}.txt`), new Date('2026-12-02T10:00:00Z'), new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => home.cleanup());

describe('rmprep drafts', () => {
  it('lists kept drafts with name, question, date and words, as text and JSON', async () => {
    const text = await runCli(['drafts'], { env: home.env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe(`${NAME}  rollback-recovery  2026-12-02 10:00 UTC  13 words\n`);
    const json = await runCli(['drafts', '--json'], { env: home.env });
    expect(JSON.parse(json.stdout)).toEqual([{ name: NAME, questionId: 'rollback-recovery', at: '2026-12-02T10:00:00.000Z', words: 13, file: join(drafts, `${NAME}.txt`) }]);
  });

  it('shows one exactly, coaches it against its question, and removes it', async () => {
    const show = await runCli(['drafts', 'show', NAME], { env: home.env });
    expect(show.stdout).toBe('We rolled back in 4 minutes with the runbook.\nThen a blameless review.\n');
    const coach = await runCli(['drafts', 'coach', NAME, '--json'], { env: home.env });
    expect(coach.code, coach.stderr).toBe(0);
    expect(typeof (JSON.parse(coach.stdout) as { score: number }).score).toBe('number');
    const rm = await runCli(['drafts', 'rm', `${NAME}.txt`], { env: home.env });
    expect(rm.code).toBe(0);
    expect(existsSync(join(drafts, `${NAME}.txt`))).toBe(false);
    const after = await runCli(['drafts', '--json'], { env: home.env });
    expect(JSON.parse(after.stdout)).toEqual([]);
  });

  it('refuses a name the list does not show, including a path out of the folder', async () => {
    for (const name of ['nope', '../history']) {
      const r = await runCli(['drafts', 'show', name], { env: home.env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('no draft');
    }
    const missing = await runCli(['drafts', 'rm'], { env: home.env });
    expect(missing.code).toBe(2);
  });
});
