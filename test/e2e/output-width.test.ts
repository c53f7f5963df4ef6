import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

// What a person reads on a 60-column terminal: every line of every command's output wraps within it, but for
// a word longer than a line (a path).
let home: ReturnType<typeof makeHome>;
beforeAll(async () => {
  home = makeHome();
  const answer = join(home.dir, 'answer.txt');
  writeFileSync(answer, 'At 2am the pager woke me. I rolled back within 15 minutes, posted updates to the status page every half hour, and ran a blameless review the next morning.');
  writeFileSync(join(home.dir, 'posting.md'), '# Release Manager\n\n## What you will do\n- Chair the weekly change board.\n- Keep patients informed of planned downtime five days ahead.\n- Manage the hospital procurement process for new release tooling.\n- Run the go/no-go for every release.\n');
  for (const args of [
    ['coach', 'night-incident', '--answer-file', answer, '--record', '--rating', 'hard'],
    ['story', 'new', 'pager-night', '--situation', 'The pager woke me at 2am.', '--task', 'I was on call.', '--action', 'I rolled back.', '--result', 'Back in 15 minutes.'],
  ]) {
    const r = await runCli(args, { env: home.env });
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => home.cleanup());

describe('output on a 60-column terminal', () => {
  it.each([
    ['list'], ['show', 'night-incident'], ['stats'], ['history'], ['report'], ['next'], ['story', 'list'], ['story', 'match'],
    ['coach', 'night-incident', '--answer-file', 'answer.txt'], ['tailor', 'posting.md'], ['grader', 'check'], ['phrasings', 'list'],
    ['backup', 'everything.json'], ['restore', 'everything.json'],
  ])('rmprep %s wraps within 60 columns', async (...args) => {
    const r = await runCli(args, { env: { ...home.env, COLUMNS: '60' }, cwd: home.dir });
    expect(r.stdout.length).toBeGreaterThan(0);
    const long = r.stdout.split('\n').filter((line) => line.length > 60 && !line.trim().split(/\s+/).some((word) => word.length > 30));
    expect(long).toEqual([]);
  });
});
