import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
let answerFile: string;
let phrasingsFile: string;
beforeEach(() => {
  home = makeHome();
  answerFile = join(home.dir, 'answer.txt');
  phrasingsFile = join(home.dir, 'data', 'rmprep', 'phrasings.yaml');
  writeFileSync(answerFile, ANSWER);
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(args, { env: home.env, cwd: home.dir });
const ANSWER = [
  'Last spring I pushed a config change to our checkout service without running it past staging, and payments failed for about twenty minutes.',
  'I looked at the timeline and it was clear the config push was the trigger, so the mistake was mine.',
  'I rolled the change back and told the incident channel and the product director within 5 minutes what had happened.',
  'Afterwards I added a pipeline check so config changes cannot skip staging, and we have had no repeat in six months.',
].join(' ');
const INFORMED = 'told the incident channel and the product director within 5 minutes';

interface Point {
  point: string;
  covered: boolean;
  heardBy?: string;
}

describe('rmprep coach --heard and rmprep phrasings', () => {
  it('teach a point, hear it from then on in that question, list it and forget it', async () => {
    const before = JSON.parse((await run(['coach', 'mistake-ownership', '-f', answerFile, '--json'])).stdout) as { talkingPoints: Point[]; score: number };
    expect(before.talkingPoints[2]?.covered).toBe(false);

    const taught = await run(['coach', 'mistake-ownership', '-f', answerFile, '--heard', '3', '--sentence', INFORMED]);
    expect(taught.code).toBe(0);
    expect(taught.stdout).toContain(`Point 3 taught with your sentence: "${INFORMED}"`);
    expect(taught.stdout).toMatch(/✓ Keeps the affected people informed\n {6}\[your phrasing\] heard in "told the incident channel and the product\s+director within 5 minutes"/);
    expect(statSync(phrasingsFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(phrasingsFile, 'utf8')).toContain(`question: mistake-ownership\n    point: `);

    // A retelling in another order, in a later answer to the same question.
    const retold = join(home.dir, 'retold.txt');
    writeFileSync(retold, ANSWER.replace(/told the incident channel and the product director within 5 minutes what had happened/, 'within 5 minutes the product director and the incident channel were told by me'));
    const after = JSON.parse((await run(['coach', 'mistake-ownership', '-f', retold, '--json'])).stdout) as { talkingPoints: Point[]; score: number; wordsScore: number };
    expect(after.talkingPoints[2]).toMatchObject({ covered: true, heardBy: 'your phrasing' });
    expect(after.wordsScore).toBeLessThan(after.score);
    // Never in an answer to another question.
    const other = JSON.parse((await run(['coach', 'delivering-bad-news', '-f', answerFile, '--json'])).stdout) as { talkingPoints: Point[] };
    expect(other.talkingPoints.some((p) => p.heardBy === 'your phrasing')).toBe(false);

    // Without --sentence, the closest clause is taken and printed.
    const closest = await run(['coach', 'mistake-ownership', '-f', answerFile, '--heard', '1']);
    expect(closest.code).toBe(0);
    expect(closest.stdout).toMatch(/^Point 1 taught with the closest clause: ".+"/);

    const list = await run(['phrasings']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^1\. mistake-ownership, point 3: Keeps the affected people informed\n {3}"told the incident channel/);
    expect(list.stdout).toMatch(/\n2\. mistake-ownership, point 1: /);
    const json = JSON.parse((await run(['phrasings', 'list', 'mistake-ownership', '--json'])).stdout) as { n: number; status: string }[];
    expect(json.map((r) => [r.n, r.status])).toEqual([[1, 'ok'], [2, 'ok']]);

    const forgot = await run(['phrasings', 'forget', '1']);
    expect(forgot.code).toBe(0);
    expect(forgot.stdout).toBe(`Forgot 1 phrasing: "${INFORMED}"\n`);
    const again = JSON.parse((await run(['coach', 'mistake-ownership', '-f', retold, '--json'])).stdout) as { talkingPoints: Point[] };
    expect(again.talkingPoints[2]?.covered).toBe(false);
    expect((await run(['phrasings', 'forget', '7'])).code).toBe(1);
  });

  it('refuses a --sentence that is not in the answer, with one line, and stores nothing', async () => {
    const r = await run(['coach', 'mistake-ownership', '-f', answerFile, '--heard', '3', '--sentence', 'I emailed every customer myself']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--sentence must be words from the answer/);
    expect(r.stdout).toBe('');
    expect(() => statSync(phrasingsFile)).toThrow();
    const unknown = await run(['coach', 'mistake-ownership', '-f', answerFile, '--heard', 'no-such-point']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/has no point "no-such-point"/);
  });

  it('a broken phrasings.yaml is one line naming file:line:col; coach goes on with the words alone', async () => {
    mkdirSync(join(home.dir, 'data', 'rmprep'), { recursive: true });
    writeFileSync(phrasingsFile, 'phrasings:\n  - question: mistake-ownership\n    sentence: so the mistake was mine\n');
    const list = await run(['phrasings', 'list']);
    expect(list.code).toBe(2);
    expect(list.stderr.trim().split('\n')).toHaveLength(1);
    expect(list.stderr).toContain(`${phrasingsFile}:2:5: missing required field "point"`);

    const coach = await run(['coach', 'mistake-ownership', '-f', answerFile]);
    expect(coach.code).toBe(0);
    expect(coach.stderr).toMatch(/^rmprep: warning: .*phrasings\.yaml:2:5: .*coaching without your phrasings\n$/);
    // Teaching refuses rather than overwrite what the person may be editing.
    const teach = await run(['coach', 'mistake-ownership', '-f', answerFile, '--heard', '3', '--sentence', INFORMED]);
    expect(teach.code).toBe(2);
    expect(readFileSync(phrasingsFile, 'utf8')).not.toContain('incident channel');
  });

  it('a phrasing whose point is gone is reported by list and coach, and used nowhere', async () => {
    mkdirSync(join(home.dir, 'data', 'rmprep'), { recursive: true });
    writeFileSync(phrasingsFile, `phrasings:\n  - question: mistake-ownership\n    point: a-point-since-removed\n    sentence: ${INFORMED}\n`);
    const list = await run(['phrasings']);
    expect(list.stdout).toContain('not used: the question no longer has point "a-point-since-removed"');
    const coach = await run(['coach', 'mistake-ownership', '-f', answerFile, '--json']);
    expect(coach.stderr).toMatch(/names point "a-point-since-removed", which question mistake-ownership no longer has/);
    const report = JSON.parse(coach.stdout) as { talkingPoints: Point[] };
    expect(report.talkingPoints.some((p) => p.heardBy === 'your phrasing')).toBe(false);
  });
});
