import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { bracketedPaste, KEY, PtySession } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const TYPED = 'First we freeze the branch.\n\n  Then we tag it, and\tship';
const FINISHED = 'We cut a release branch and tag it.';
const EDITED = 'Drafted in the editor.\n\nA second paragraph, not saved yet.';

/** Brings a drill to the stage named, with an answer written and not yet rated; returns the answer kept. */
const STAGES = {
  async typing(s: PtySession) {
    await s.waitFor('Ctrl-D: done');
    s.type(bracketedPaste(TYPED));
    await s.waitFor('ship');
    return TYPED;
  },
  async editor(s: PtySession) {
    await s.waitFor('Write your answer in your editor');
    s.type(KEY.enter);
    // The editor has written and saved, and is still open: the answer is only in its file.
    await waitUntil(() => existsSync(join(home.dir, 'editor-ready')));
    return EDITED;
  },
  async feedback(s: PtySession) {
    await s.waitFor('Ctrl-D: done');
    await s.typeSlowly(FINISHED);
    s.type(KEY.ctrlD);
    await s.waitFor('Press any key to see the model answer');
    return FINISHED;
  },
  async rating(s: PtySession) {
    await STAGES.feedback(s);
    s.type(' ');
    await s.pageUntil(/How did it go\?/);
    return FINISHED;
  },
} satisfies Record<string, (s: PtySession) => Promise<string>>;

const SIGNALS = [
  ['SIGHUP', 129],
  ['SIGINT', 130],
  ['SIGQUIT', 131],
  ['SIGTERM', 143],
] as const;

async function waitUntil(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An editor that appends an answer, saves, says so, and stays open until rmprep has gone. */
function fakeEditor(): string {
  const editor = join(home.dir, 'editor.sh');
  const edited = EDITED.replace(/\n/g, '\\n');
  writeFileSync(
    editor,
    `#!/bin/sh\nprintf '%s' "$1" > "${home.dir}/editor-file"\nprintf '${edited}\\n' >> "$1"\n: > "${home.dir}/editor-ready"\nwhile kill -0 $PPID 2>/dev/null; do sleep 0.05; done\n`,
  );
  chmodSync(editor, 0o755);
  return editor;
}

describe('a drill ended from outside keeps the answer not yet rated', () => {
  const cases = Object.keys(STAGES).flatMap((stage) => SIGNALS.map(([signal, code]) => [stage as keyof typeof STAGES, signal, code] as const));

  it.each(cases)('at %s, %s keeps it in drafts/ (0600) and exits %i', async (stage, signal, code) => {
    const mode = stage === 'editor' ? 'editor' : 'type';
    const editor = fakeEditor();
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', mode], { ...home.env, EDITOR: editor, VISUAL: editor });
    const answer = await STAGES[stage](s);
    s.pty.kill(signal);
    expect(await s.exited(), s.text.slice(-800)).toBe(code);

    const drafts = join(home.dir, 'data', 'rmprep', 'drafts');
    const files = readdirSync(drafts);
    expect(files).toHaveLength(1);
    const file = join(drafts, files[0]!);
    expect(files[0]).toMatch(/-release-process\.txt$/);
    expect(readFileSync(file, 'utf8')).toBe(answer);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(drafts).mode & 0o777).toBe(0o700);
    // Nothing was rated, so the history holds no attempt.
    const history = existsSync(home.history) ? readFileSync(home.history, 'utf8') : '';
    expect(history).not.toContain('"type":"attempt"');
    // With the terminal still there, the drill says where the answer went, as after Ctrl-C.
    if (signal !== 'SIGHUP') expect(s.text).toMatch(new RegExp(`Your unsaved answer is kept in:\\r?\\n  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\r?\\n`));
    if (stage === 'editor') {
      const temp = readFileSync(join(home.dir, 'editor-file'), 'utf8');
      expect(existsSync(temp)).toBe(false);
      expect(existsSync(join(temp, '..'))).toBe(false);
    }
  });
});

/** A helper backend that can close the terminal itself (not only signal rmprep) offers hangUp(). */
const hangUpOf = (s: PtySession) => (s as unknown as { hangUp?: () => void }).hangUp?.bind(s);

describe.skipIf(!('hangUp' in PtySession.prototype))('a drill whose terminal is closed keeps the answer not yet rated', () => {
  it.each(['typing', 'feedback'] as const)('at %s, in drafts/ (0600), and rmprep is gone', async (stage) => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env);
    const answer = await STAGES[stage](s);
    const pid = s.pty.pid;
    hangUpOf(s)!();
    await s.exited();
    // The exit status went to the terminal's owner, which is gone; what matters is that rmprep ended.
    await waitUntil(() => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
    const drafts = join(home.dir, 'data', 'rmprep', 'drafts');
    const files = readdirSync(drafts);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(drafts, files[0]!), 'utf8')).toBe(answer);
    expect(statSync(join(drafts, files[0]!)).mode & 0o777).toBe(0o600);
  });
});
