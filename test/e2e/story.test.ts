import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
let stories: string;
beforeEach(() => {
  home = makeHome();
  stories = join(home.dir, 'data', 'rmprep', 'stories');
});
afterEach(() => home.cleanup());

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { ...home.env, ...env }, cwd: home.dir });
const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

const CONFLICT = [
  'story', 'new', 'flaky-build-fight', '--title', 'The flaky build fight', '--tag', 'conflict',
  '--situation', 'Two teams clashed over a flaky test suite that kept blocking the release.',
  '--task', 'I ran the release and had to get both teams shipping again.',
  '--action', 'I spoke to each side separately first and stayed neutral. We let the data decide: the logs showed a shared fixture was the root cause. Both wanted a green build, so we agreed a quarantine policy as a working agreement.',
  '--result', 'Within a month the two leads co-presented the fix, and the build stayed green for 6 releases.',
];

describe('rmprep story', () => {
  it('new writes a STAR story beside the history, and list, show and check read it', async () => {
    const made = await run(CONFLICT);
    expect(made.code).toBe(0);
    const file = join(stories, 'flaky-build-fight.md');
    expect(made.stdout.trim()).toBe(file);
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: The flaky build fight\ntags:\n {2}- conflict\n---\n\n## Situation\n\nTwo teams clashed/);

    const list = await run(['story', 'list']);
    expect(list.stdout).toMatch(/^flaky-build-fight {2}The flaky build fight\n {2}\d+ words; STAR; tags: conflict\n/);
    const json = JSON.parse((await run(['story', 'list', '--json'])).stdout) as { slug: string; star: string[] }[];
    expect(json.map((s) => [s.slug, s.star])).toEqual([['flaky-build-fight', ['situation', 'task', 'action', 'result']]]);

    const show = await run(['story', 'show', 'flaky-build-fight']);
    expect(show.stdout).toMatch(/^The flaky build fight\nflaky-build-fight\ntags: conflict\n\n## Situation/);

    const check = await run(['story', 'check', 'flaky-build-fight']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/Story shape \(STAR\)\n {2}situation ✓ {2}task ✓ {2}action ✓ {2}result ✓/);
    const report = JSON.parse((await run(['story', 'check', 'flaky-build-fight', '--json'])).stdout) as { against: null; structure: { kind: string }; numbers: string[] };
    expect(report.against).toBeNull();
    expect(report.structure.kind).toBe('star');
  });

  it('check reads a pinned story against its question, and match puts it first there', async () => {
    await run([...CONFLICT, '--question', 'team-conflict']);
    const check = JSON.parse((await run(['story', 'check', 'flaky-build-fight', '--json'])).stdout) as { against: string; coverage: number };
    expect(check.against).toBe('team-conflict');
    expect(check.coverage).toBeGreaterThan(0.4);

    const match = await run(['story', 'match', '--json']);
    expect(match.code).toBe(0);
    const json = JSON.parse(match.stdout) as { questions: { id: string; stories: { slug: string; fit: number; tells?: { what: string; found: string | null } }[] }[]; gaps: string[] };
    // Pinned, and it tells what team-conflict asks for: a conflict between others, in the story's own words.
    expect(json.questions.find((q) => q.id === 'team-conflict')?.stories).toEqual([
      { slug: 'flaky-build-fight', fit: 1, tells: { what: expect.stringMatching(/conflict between other people/), found: expect.stringMatching(/clashed/) } },
    ]);
    // A conflict story does not tell a mistake of the teller's own: said beside the fit.
    expect(json.questions.find((q) => q.id === 'mistake-ownership')?.stories[0]?.tells?.found).toBeNull();
    expect(json.gaps).toContain('coaching-release-captain');
    expect(json.gaps).not.toContain('team-conflict');

    const text = await run(['story', 'match', '--category', 'behavioral']);
    expect(text.stdout).toMatch(/^QUESTION +S1\n/);
    expect(text.stdout).toMatch(/\nteam-conflict +pin\n/);
    expect(text.stdout).toMatch(/\nS1 flaky-build-fight\n/);
    expect(text.stdout).toMatch(/No story fits these \d+ yet:/);
    expect(text.stdout).toContain('× the story does not tell what the question asks for');

    const common = await run(['story', 'match', '--category', 'common']);
    expect(common.code).toBe(0);
    expect(common.stdout.replace(/\s+/g, ' ')).toMatch(/^No common question asks for a story from your past, so there is nothing to match\. [^]*--category behavioral/);
    expect(common.stdout).not.toContain('QUESTION');

    const checked = await run(['story', 'check', 'flaky-build-fight', '--offline']);
    expect(checked.stdout.replace(/\s+/g, ' ')).toMatch(/ Tells: a conflict between other people [^"]*: "Two teams clashed/);
    const checkedJson = JSON.parse((await run(['story', 'check', 'flaky-build-fight', '--json', '--offline'])).stdout) as { tells: { found: string } };
    expect(checkedJson.tells.found).toMatch(/clashed/);
  });

  it('counts a story\'s words the way the coach does, in list, show and check alike', async () => {
    expect((await run(['story', 'new', 'friday-cve', '--situation', 'A critical CVE hit on Friday - 3 regions exposed.', '--action', 'I froze merges, built once and promoted it in 2 hours.'])).code).toBe(0);
    const listed = JSON.parse((await run(['story', 'list', '--json'])).stdout) as { words: number }[];
    const shown = JSON.parse((await run(['story', 'show', 'friday-cve', '--json'])).stdout) as { words: number };
    const checked = JSON.parse((await run(['story', 'check', 'friday-cve', '--json'])).stdout) as { words: number };
    // Headings' "##" and a lone dash are no words; the labels themselves are, as the coach hears them.
    const body = readFileSync(join(stories, 'friday-cve.md'), 'utf8').split('\n---\n')[1]!;
    expect(checked.words).toBe(body.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length);
    expect(checked.words).toBeLessThan(body.split(/\s+/).filter(Boolean).length);
    expect(listed[0]!.words).toBe(checked.words);
    expect(shown.words).toBe(checked.words);
    expect((await run(['story', 'list'])).stdout).toContain(`  ${checked.words} words;`);
  });

  it('titles a story from its name with the name\'s words as typed, no capital guessed', async () => {
    expect((await run(['story', 'new', 'friday-cve-rollback', '--situation', 'It broke.'])).code).toBe(0);
    expect(readFileSync(join(stories, 'friday-cve-rollback.md'), 'utf8')).toMatch(/^---\ntitle: friday cve rollback\n/);
  });

  it('--help names each choice of the action once', async () => {
    const help = (await run(['story', '--help'])).stdout;
    expect(help.match(/"match"/g)).toHaveLength(1);
    expect(help).not.toMatch(/new, list, show, check or match/);
  });

  it('takes the folder from --stories or RMPREP_STORIES', async () => {
    const dir = join(home.dir, 'elsewhere');
    expect((await run(['story', 'new', 'one', '--stories', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'one.md'))).toBe(true);
    const list = JSON.parse((await run(['story', 'list', '--json'], { RMPREP_STORIES: dir })).stdout) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('never overwrites a story without --force', async () => {
    await run(['story', 'new', 'one', '--title', 'First']);
    const again = await run(['story', 'new', 'one', '--title', 'Second']);
    // A target that exists is a runtime refusal, as for new and tailor --out.
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/a story named "one" already exists/);
    oneLine(again.stderr);
    expect(readFileSync(join(stories, 'one.md'), 'utf8')).toMatch(/title: First/);
    expect((await run(['story', 'new', 'one', '--title', 'Second', '--force'])).code).toBe(0);
    expect(readFileSync(join(stories, 'one.md'), 'utf8')).toMatch(/title: Second/);
  });

  it('refuses bad input with one line and the documented exit code', async () => {
    mkdirSync(stories, { recursive: true });
    writeFileSync(join(stories, 'broken.md'), '---\ntitle: [oops\n---\nText.\n');
    writeFileSync(join(stories, 'binary.md'), Buffer.from([0x00, 0xff, 0x10]));
    writeFileSync(join(stories, 'good.md'), '---\ntitle: Good\n---\nI did it in 3 days.\n');
    const cases: [string[], number, RegExp][] = [
      [['story', 'show', 'broken'], 2, /broken\.md:2:\d+: invalid YAML/],
      [['story', 'check', 'binary'], 2, /binary\.md:1:1: not a UTF-8 text file/],
      [['story', 'show', 'godo'], 1, /no story "godo" .*did you mean good\?/],
      [['story', 'new', 'Bad Name'], 2, /must be kebab-case/],
      [['story', 'new', 'x', '--question', 'no-such-question'], 1, /no question with id "no-such-question"/],
      [['story', 'match', '--category', 'sideways'], 2, /unknown category "sideways"/],
      [['story', 'frobnicate'], 2, /action.*frobnicate|frobnicate.*action/],
      [['story', 'show'], 2, /story show needs the story's name/],
      [['story', 'list', '--title', 'x'], 2, /story list does not take --title/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      oneLine(r.stderr);
    }
    // The good story is still listed; the broken ones are reported, not fatal.
    const list = await run(['story', 'list', '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { slug: string }[]).map((s) => s.slug)).toEqual(['good']);
    expect(list.stderr).toMatch(/skipped a broken story: .*binary\.md:1:1/);
  });

  it('match without stories exits 1 and says how to write one', async () => {
    const r = await run(['story', 'match']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no stories yet in .*rmprep\/stories \(write one with 'rmprep story new <slug>'\)/);
  });
});

describe('story edit', () => {
  it('needs a terminal, and names the file to edit otherwise', async () => {
    expect((await run(CONFLICT)).code).toBe(0);
    const r = await run(['story', 'edit', 'flaky-build-fight']);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain(join(stories, 'flaky-build-fight.md'));
    const missing = await run(['story', 'edit', 'flaky-build']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('did you mean flaky-build-fight?');
  });
});

describe.skipIf(SKIP_PTY)('story in a terminal', () => {
  it('edit opens the story in $EDITOR and says when it reads as a story', async () => {
    expect((await run(CONFLICT)).code).toBe(0);
    const s = new PtySession(['story', 'edit', 'flaky-build-fight'], { ...home.env, EDITOR: 'sed -i s/6/seven/' });
    expect(await s.exited()).toBe(0);
    expect(s.text).toContain('it reads as a story.');
    expect(readFileSync(join(stories, 'flaky-build-fight.md'), 'utf8')).toContain('green for seven releases');
  });

  it('edit keeps a broken save and names its file, line and column on one line', async () => {
    expect((await run(CONFLICT)).code).toBe(0);
    const s = new PtySession(['story', 'edit', 'flaky-build-fight'], { ...home.env, EDITOR: 'sed -i s/^title:/titel:/' });
    expect(await s.exited()).toBe(1);
    const file = join(stories, 'flaky-build-fight.md');
    // One message, laid out at 80 columns on the terminal.
    const lines = s.text.split(/\r?\n/);
    const error = lines.slice(lines.findIndex((l) => l.startsWith('rmprep:'))).filter((l) => l.trim() !== '');
    for (const line of error) expect(line.length <= 80 || !line.includes(' '), line).toBe(true);
    expect(error.join(' ')).toMatch(/flaky-build-fight\.md:2:1: missing required field "title"/);
    expect(error.join(' ')).toContain("fix it with 'rmprep story edit flaky-build-fight'");
    expect(readFileSync(file, 'utf8')).toContain('titel: ');
  });

  it('new asks for tags and pinned questions, and Enter skips them', async () => {
    const s = new PtySession(['story', 'new', 'pager-storm', '--title', 'Pager storm'], home.env);
    for (const part of ['Situation', 'Task', 'Action', 'Result']) {
      await s.waitForPrompt(new RegExp(part));
      s.type(`${part} text.\r`);
    }
    await s.waitForPrompt(/Tags, separated by commas/);
    s.type('incident, on-call\r');
    await s.waitForPrompt(/Question ids it answers/);
    s.type('no-such-question\r');
    await s.waitForPrompt(/No question "no-such-question"/);
    s.type('\x15release-process\r');
    expect(await s.exited()).toBe(0);
    const shown = JSON.parse((await run(['story', 'show', 'pager-storm', '--json'])).stdout) as { tags: string[]; questions: string[] };
    expect(shown).toMatchObject({ tags: ['incident', 'on-call'], questions: ['release-process'] });

    const skipped = new PtySession(['story', 'new', 'quiet-week', '--title', 'Quiet week'], home.env);
    for (const part of ['Situation', 'Task', 'Action', 'Result']) {
      await skipped.waitForPrompt(new RegExp(part));
      skipped.type('\r');
    }
    await skipped.waitForPrompt(/Tags, separated by commas/);
    skipped.type('\r');
    await skipped.waitForPrompt(/Question ids it answers/);
    skipped.type('\r');
    expect(await skipped.exited()).toBe(0);
    const quiet = JSON.parse((await run(['story', 'show', 'quiet-week', '--json'])).stdout) as { tags: string[]; questions: string[] };
    expect(quiet).toMatchObject({ tags: [], questions: [] });
  });

  it('new with a STAR part given as a flag asks nothing in a terminal, and takes its title from the name', async () => {
    const s = new PtySession(['story', 'new', 'night-rollback', '--situation', 'A release broke checkout at night.', '--result', 'Back in 6 minutes.'], home.env);
    expect(await s.exited()).toBe(0);
    expect(s.text).not.toMatch(/Title|Tags, separated/);
    const shown = JSON.parse((await run(['story', 'show', 'night-rollback', '--json'])).stdout) as { title: string; tags: string[] };
    expect(shown).toMatchObject({ title: 'night rollback', tags: [] });
  });
});
