import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { KEY, PtySession, revealRateAndFinish, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
let file: string;
const DRAFT = 'We rolled back in 4 minutes with the runbook.\nThen a blameless review.';
beforeEach(() => {
  home = makeHome();
  const drafts = join(dirname(home.history), 'drafts');
  mkdirSync(drafts, { recursive: true });
  file = join(drafts, '2026-12-02-3fa9c1-release-process.txt');
  writeFileSync(file, DRAFT);
  utimesSync(file, new Date('2026-12-02T10:00:00Z'), new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => home.cleanup());

describe.skipIf(SKIP_PTY)('a kept draft in the drill', () => {
  it('is offered when its question comes up, continues in the answer box, and goes once the answer is rated', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('You have a draft from 2 Dec, 13 words');
    s.type(KEY.enter);
    await s.waitFor('Then a blameless review.');
    await s.typeSlowly(' Then we added a canary.');
    s.type(KEY.ctrlD);
    await s.waitFor('Press any key to see the model answer');
    expect(await revealRateAndFinish(s)).toBe(0);
    const attempt = readFileSync(home.history, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((r) => r.type === 'attempt');
    expect(attempt).toMatchObject({ questionId: 'release-process', rating: 'good', answer: `${DRAFT} Then we added a canary.` });
    expect(existsSync(file)).toBe(false);
  });
});
