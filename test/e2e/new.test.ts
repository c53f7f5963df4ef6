import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(args, { env: home.env, cwd: home.dir });

describe('new without a terminal', () => {
  it.each(['common', 'behavioral', 'technical'])('creates a %s question file that validate refuses until its placeholders are replaced', async (category) => {
    const r = await run(['new', '--id', 'cutover-weekend', '--category', category, '--question', 'How would you plan a cutover: "big bang" or #phased?', '--dir', 'mine']);
    expect(r.code).toBe(0);
    const file = join('mine', category, 'cutover-weekend.md');
    expect(r.stdout).toBe(`${file}\n`);
    expect(r.stderr).toContain(`rmprep validate ${file}`);
    const text = readFileSync(join(home.dir, file), 'utf8');
    expect(text).toMatch(/^---\nid: cutover-weekend\ncategory: /);
    expect(text).toContain('TODO');

    // Until every placeholder is replaced, validate names each one and the question is not used.
    const placeholders = text.split('\n').filter((l) => l.includes('TODO')).length;
    const pending = await run(['validate', file]);
    expect(pending.code).toBe(1);
    const reported = `${pending.stdout}${pending.stderr}`.split('\n').filter((l) => l.includes("placeholder left by 'rmprep new'"));
    expect(reported).toHaveLength(placeholders);
    expect(reported[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: placeholder left by 'rmprep new': replace this TODO`));
    const hidden = await run(['--questions', 'mine', 'show', 'cutover-weekend']);
    expect(hidden.code).toBe(1);

    writeFileSync(join(home.dir, file), text.replace(/TODO/g, 'real'));
    const validate = await run(['validate', file]);
    expect(validate.stdout).toBe('');
    expect(validate.code).toBe(0);

    const show = await run(['--questions', 'mine', 'show', 'cutover-weekend', '--json']);
    expect(show.code).toBe(0);
    const q = JSON.parse(show.stdout) as Record<string, unknown>;
    expect(q).toMatchObject({ id: 'cutover-weekend', category, question: 'How would you plan a cutover: "big bang" or #phased?' });
    expect(q.star !== undefined).toBe(category === 'behavioral');
    expect(q.framework !== undefined).toBe(category === 'technical');
  });

  it('writes into the questions home when --dir is left out, and into the current folder with --dir .', async () => {
    const r = await run(['new', '--id', 'here', '-c', 'common', '--question', 'Why here?']);
    expect(r.code).toBe(0);
    const ownHome = join(home.dir, 'data', 'rmprep', 'questions');
    // Shown relative to the current folder, which here holds the data folder.
    expect(r.stdout).toBe(`${join('data', 'rmprep', 'questions', 'common', 'here.md')}\n`);
    expect(r.stderr).toContain('it loads with the bank once it passes');
    expect(statSync(ownHome).mode & 0o777).toBe(0o700);
    expect(existsSync(join(home.dir, 'common', 'here.md'))).toBe(false);

    const dot = await run(['new', '--id', 'there', '-c', 'common', '--question', 'Why there?', '--dir', '.']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toBe(`${join('common', 'there.md')}\n`);
    expect(existsSync(join(home.dir, 'common', 'there.md'))).toBe(true);
  });

  it('loads the questions home with the bank: a filled-in file is listed and shown with no flag, and one with a bank id replaces it', async () => {
    for (const [id, category] of [['my-own-one', 'common'], ['rollback-recovery', 'technical']] as const) {
      const made = await run(['new', '--id', id, '--category', category, '--question', `My take on ${id}?`, '--force']);
      expect(made.code).toBe(0);
      const file = join(home.dir, made.stdout.trim());
      writeFileSync(file, readFileSync(file, 'utf8').replace(/TODO/g, 'real'));
    }
    const show = await run(['show', 'my-own-one', '--json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ question: 'My take on my-own-one?', source: { bundled: false } });

    for (const pass of ['cold', 'cached']) {
      const shown = await run(['show', 'rollback-recovery']);
      expect(shown.stdout, pass).toContain('My take on rollback-recovery?');
      expect(shown.stdout, pass).toMatch(/Your question \(.*rollback-recovery\.md:2\); it replaces the bundled one with this id\./);
      const json = JSON.parse((await run(['show', 'rollback-recovery', '--json'])).stdout) as { source: Record<string, unknown> };
      expect(json.source, pass).toMatchObject({ bundled: false, replacesBundled: true });
      const list = await run(['list', '--category', 'technical']);
      expect(list.stdout, pass).toContain('Yours, replacing the bundled question with the same id: rollback-recovery');
      const rows = JSON.parse((await run(['list', '--json'])).stdout) as { id: string; replacesBundled?: boolean }[];
      expect(rows.filter((row) => row.replacesBundled).map((row) => row.id), pass).toEqual(['rollback-recovery']);
      expect(rows.filter((row) => row.id === 'my-own-one')).toHaveLength(1);
    }
  });

  it.each([
    [['new'], 'missing --category, --question, --id'],
    [['new', '--id', 'x-y'], 'missing --category, --question'],
    [['new', '--id', 'x-y', '--category', 'common'], 'missing --question'],
  ])('%j is a usage error naming the missing flags, without prompting', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`rmprep: ${message} (there is no terminal to ask on; pass them as flags)\n`);
  });

  it.each(['../escape', 'a/b', '/etc/passwd', 'Upper-Case', 'double--hyphen', '..', 'x.md'])('rejects the id %j and writes nothing', async (id) => {
    const r = await run(['new', '--id', id, '--category', 'common', '--question', 'Q?', '--dir', 'mine']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be kebab-case/);
    expect(existsSync(join(home.dir, 'mine'))).toBe(false);
    expect(existsSync(join(home.dir, 'escape.md'))).toBe(false);
  });

  it('rejects an unknown category and an empty question', async () => {
    const bad = await run(['new', '--id', 'x', '--category', 'managerial', '--question', 'Q?']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown category "managerial"/);
    const empty = await run(['new', '--id', 'x', '--category', 'common', '--question', '   ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--question must not be empty/);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const file = join(home.dir, 'mine', 'common', 'taken.md');
    mkdirSync(join(home.dir, 'mine', 'common'), { recursive: true });
    writeFileSync(file, 'my own work\n');
    const r = await run(['new', '--id', 'taken', '--category', 'common', '--question', 'Q?', '--dir', 'mine']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('rmprep: mine/common/taken.md already exists (pass --force to replace it)\n');
    expect(readFileSync(file, 'utf8')).toBe('my own work\n');

    const forced = await run(['new', '--id', 'taken', '--category', 'common', '--question', 'Q?', '--dir', 'mine', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^---\nid: taken\n/);
  });

  it('needs --force to create a file that overrides a bundled question, and says what it did', async () => {
    const r = await run(['new', '--id', 'rollback-recovery', '--category', 'technical', '--question', 'My own take?', '--dir', 'mine']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('rmprep: "rollback-recovery" is a bundled question; a file with this id would replace it (pass --force to create the override, or pick another id)\n');
    expect(existsSync(join(home.dir, 'mine'))).toBe(false);

    const forced = await run(['new', '--id', 'rollback-recovery', '--category', 'technical', '--question', 'My own take?', '--dir', 'mine', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('It overrides the bundled question "rollback-recovery"');
    expect(existsSync(join(home.dir, 'mine', 'technical', 'rollback-recovery.md'))).toBe(true);
  });
});

describe.skipIf(SKIP_PTY)('new in a terminal', () => {
  const flags = ['new', '--id', 'edited-here', '--category', 'common', '--question', 'Why edit?'];
  const file = () => join(home.dir, 'data', 'rmprep', 'questions', 'common', 'edited-here.md');

  it('opens $VISUAL on the new file and, once it is closed, says that the file passes', async () => {
    const s = new PtySession(flags, { ...home.env, VISUAL: 'sed -i s/TODO/real/g', EDITOR: 'false' });
    expect(await s.exited()).toBe(0);
    expect(s.text).toContain('edited-here.md passes validation.');
    expect(readFileSync(file(), 'utf8')).not.toContain('TODO');
  });

  it('lists what is left to fill when the editor leaves placeholders', async () => {
    // The "editor" fills in only the tip.
    const s = new PtySession(flags, { ...home.env, EDITOR: 'sed -i /^tip:/,+1s/TODO/real/' });
    expect(await s.exited()).toBe(0);
    const left = readFileSync(file(), 'utf8').split('\n').filter((l) => l.includes('TODO')).length;
    expect(s.text).toContain(`edited-here.md (${left}):`);
    expect(s.text).toMatch(/edited-here\.md:\d+:\d+: placeholder left by 'rmprep new'/);
  });
});
