import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { bracketedPaste, finishAtLastStep, KEY, PtySession, revealRateAndFinish, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const records = () =>
  readFileSync(home.history, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const attempts = () => records().filter((r) => r.type === 'attempt');

const PASTED = [
  'Situation: two leads disagreed about a release freeze, and both teams took sides.',
  '',
  'Task: I had to get one go or no-go decision that afternoon.',
  '',
  '',
  'Action: I met each of them alone, then we reran the disputed test 30 times together.',
  '  Result: it failed 4 times, so we fixed a race and shipped 1 day later with no rollback.',
].join('\n');

describe.skipIf(SKIP_PTY)('drill in a pseudo-terminal', () => {
  it('keeps a pasted multi-paragraph answer byte for byte, shows the score before the reveal, and records the rating', async () => {
    const s = new PtySession(['drill', '--id', 'team-conflict', '--answer-mode', 'type'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Ctrl-D: done');
    s.type(bracketedPaste(PASTED));
    await s.waitFor('1 day later with no rollback.');
    await s.typeSlowly(' Typed after.');
    s.type(KEY.enter);
    s.type(KEY.enter);
    s.type(KEY.ctrlD);
    await s.waitFor('Press any key to see the model answer');
    // Everything since the answer was accepted fits in the 40 rows, score included, and nothing is revealed yet.
    const sinceAnswer = s.text.slice(s.text.lastIndexOf('✔ Your answer'));
    expect(sinceAnswer).toMatch(/Score \d+\/100/);
    expect(sinceAnswer.split('\n').length).toBeLessThanOrEqual(40);
    expect(sinceAnswer).not.toContain('Model answer');
    s.type(' ');
    await s.waitFor('Model answer');
    await s.pageUntil(/How did it go\?/);
    s.type(KEY.down);
    s.type(KEY.enter);
    expect(await finishAtLastStep(s)).toBe(0);
    // The same calendar words as coach --record prints, never FSRS's minutes or hours.
    expect(s.text).toMatch(/Saved\. Next review: (later today|tomorrow|in \d+ days \(\d{4}-\d\d-\d\d\))\./);
    expect(s.text).not.toMatch(/Next review: in \d+ (minutes?|hours?)/);
    const [attempt, ...rest] = attempts();
    expect(rest).toEqual([]);
    expect(attempt).toMatchObject({ questionId: 'team-conflict', category: 'behavioral', mode: 'typed' });
    expect(attempt!.answer).toBe(`${PASTED} Typed after.\n\n`);
    expect(typeof attempt!.score).toBe('number');
    expect((attempt!.card as { reps: number }).reps).toBe(1);
  });

  it('on Ctrl-C mid-answer says how many answers were saved and how to review them, keeps them, and exits 130', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--id', 'feature-flags', '--answer-mode', 'spoken'], home.env);
    await s.waitFor('Answer aloud now');
    s.type(KEY.enter);
    await s.pageUntil(/How did it go\?/);
    // A spoken answer has no score: nothing is selected, so the rating is chosen with 3 (Good).
    s.type('3');
    s.type(KEY.enter);
    await s.waitFor('Next?');
    s.type(KEY.enter);
    await s.waitFor(/Question 2 of 2[\s\S]*Answer aloud now/);
    s.type('half a thought');
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
    const saved = attempts();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ questionId: 'release-process', rating: 'good', mode: 'spoken' });
    const session = records().find((r) => r.type === 'session');
    expect(s.text).toMatch(new RegExp(`1 answer saved this session\\. Review it with:\\r?\\n  rmprep report --session ${String(session!.id)}\\r?\\n`));
    expect(s.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('on Ctrl-C while typing keeps the unfinished answer, byte for byte, in a file the Ctrl-C line names', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env);
    await s.waitFor('Ctrl-D: done');
    s.type(bracketedPaste('First we freeze the branch.\n\n  Then'));
    await s.waitFor('Then');
    await s.typeSlowly(' we tag it');
    await s.waitFor('we tag it');
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
    const line = /No answers saved this session\.\r?\nYour unsaved answer is kept in:\r?\n  (\S+)\r?\n/.exec(s.text);
    expect(line, s.text.slice(-600)).not.toBeNull();
    const file = line![1]!;
    expect(file.startsWith(join(home.dir, 'data', 'rmprep', 'drafts'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('First we freeze the branch.\n\n  Then we tag it');
    expect(s.text).toMatch(new RegExp(`Feedback on it:\\r?\\n  rmprep coach release-process --answer-file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('on Ctrl-C after a finished answer but before its rating keeps that answer too', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env);
    await s.waitFor('Ctrl-D: done');
    await s.typeSlowly('We cut a release branch and tag it.');
    s.type(KEY.ctrlD);
    await s.waitFor('Press any key to see the model answer');
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
    const file = /Your unsaved answer is kept in:\r?\n  (\S+)\r?\n/.exec(s.text)?.[1];
    expect(file, s.text.slice(-600)).toBeDefined();
    expect(readFileSync(file!, 'utf8')).toBe('We cut a release branch and tag it.');
  });

  it('skips a question with Esc, can show its model answer, and saves nothing for it', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env);
    await s.waitFor('Esc: skip');
    s.type(KEY.esc);
    await s.waitFor('Show the model answer before moving on?');
    s.type('y');
    await s.pageUntil(/No answers rated this time\./);
    expect(await s.exited()).toBe(0);
    expect(s.text).toContain('skipped');
  });

  it('after a skip, answering no to the model answer leaves a line that says so', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env);
    await s.waitFor('Esc: skip');
    s.type(KEY.esc);
    await s.waitFor('Show the model answer before moving on?');
    s.type('n');
    await s.waitFor('No answers rated this time.');
    expect(await s.exited()).toBe(0);
    expect(s.text).toContain('↷ Model answer not shown (see it any time: rmprep show release-process)');
    expect(s.text).not.toMatch(/^Model answer\r?$/m);
  });

  it('opens the editor on the question and STAR prompts, saves what was written without them, as an editor answer', async () => {
    const editor = join(home.dir, 'editor.sh');
    const seen = join(home.dir, 'seen.txt');
    writeFileSync(editor, `#!/bin/sh\ncp "$1" ${JSON.stringify(seen)}\nprintf 'Written in the editor.\\n\\nWith a second paragraph.\\n' >> "$1"\n`);
    chmodSync(editor, 0o755);
    const s = new PtySession(['drill', '--id', 'team-conflict', '--answer-mode', 'editor'], { ...home.env, EDITOR: editor, VISUAL: editor });
    await s.waitFor('Write your answer in your editor');
    s.type(KEY.enter);
    await s.waitFor('Answer written in your editor');
    await s.waitFor('Press any key to see the model answer');
    // Said once: the prompt's own line and the key hint no longer both say to press Enter.
    expect(s.text).not.toContain('Press Enter to open your editor');
    expect(s.text).toContain('Write your answer in your editor, then save and close it.');
    expect(await revealRateAndFinish(s)).toBe(0);
    const template = readFileSync(seen, 'utf8');
    expect(template).toMatch(/^# .*clashed|^# Describe/);
    expect(template).toContain('# - Situation:');
    const [attempt] = attempts();
    expect(attempt).toMatchObject({ questionId: 'team-conflict', mode: 'editor', answer: 'Written in the editor.\n\nWith a second paragraph.' });
  });
});

describe.skipIf(SKIP_PTY)('drill with the user’s stories', () => {
  it('shows the stories that fit a behavioral question before the answer, and records the one picked', async () => {
    const dir = join(home.dir, 'data', 'rmprep', 'stories');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'flaky-build-fight.md'), '---\ntitle: The flaky build fight\nquestions: [team-conflict]\n---\nTwo teams clashed over a flaky suite; I met each side alone.\n');
    writeFileSync(join(dir, 'unrelated.md'), '---\ntitle: A recipe\n---\nI baked bread.\n');
    const s = new PtySession(['drill', '--id', 'team-conflict', '--answer-mode', 'spoken'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Your stories that fit: flaky-build-fight (The flaky build fight, 100%)');
    expect(s.text).not.toContain('unrelated');
    // The hint comes before the answer prompt.
    expect(s.text.indexOf('Your stories that fit')).toBeLessThan(s.text.indexOf('Answer aloud now') === -1 ? Infinity : s.text.indexOf('Answer aloud now'));
    await s.waitFor('Answer aloud now');
    s.type(KEY.enter);
    await s.waitFor('Which of your stories did you tell?');
    s.type(KEY.enter);
    await s.pageUntil(/How did it go\?/);
    s.type('3');
    s.type(KEY.enter);
    expect(await finishAtLastStep(s)).toBe(0);
    expect(attempts()).toEqual([expect.objectContaining({ questionId: 'team-conflict', story: 'flaky-build-fight' })]);
    const history = await runCli(['history'], { env: home.env });
    expect(history.stdout).toMatch(/team-conflict(?: {2}|\n {2}).*· story flaky-build-fight\n/);
  });

  it('takes the stories from --stories <dir>, over the default folder', async () => {
    const dir = join(home.dir, 'my-stories');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'vendor-slip.md'), '---\ntitle: The vendor slip\nquestions: [vendor-release]\n---\nOur supplier shipped two weeks late.\n');
    const s = new PtySession(['drill', '--id', 'vendor-release', '--answer-mode', 'spoken', '--stories', dir], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Your stories that fit: vendor-slip (The vendor slip, 100%)');
    s.pty.kill();
    // Gone before the folder is removed: a drill ended by a signal still writes its caches on the way out.
    await s.exited();
  });
});

describe('drill --stories without a terminal', () => {
  it.each([
    // Without a terminal a drill is a usage mistake (2) whatever else is wrong; the first problem is named.
    ['a folder that is not there', 'nowhere', 2, /no stories folder nowhere/],
    ['a file, not a folder', 'file.md', 2, /cannot read the stories folder .*file\.md: it is not a folder/],
    ['an empty name', '', 2, /--stories needs a folder/],
  ])('refuses %s with one line, before asking for a terminal', async (_what, folder, code, message) => {
    writeFileSync(join(home.dir, 'file.md'), 'not a folder\n');
    const r = await runCli(['drill', '--id', 'team-conflict', '--stories', folder], { env: home.env, cwd: home.dir });
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(code);
  });
});
