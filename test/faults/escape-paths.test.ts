import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/core/history/store.js';
import { makeHome, runCli } from '../helpers/cli.js';
import { at, draft } from './helpers.js';

let home: ReturnType<typeof makeHome>;
let pack: string;
let outside: string;
let secret: string;
let answerFile: string;
beforeAll(() => {
  home = makeHome();
  pack = join(home.dir, 'pack');
  outside = join(home.dir, 'outside');
  mkdirSync(pack);
  mkdirSync(outside);
  writeFileSync(join(pack, 'inside.md'), '---\nid: inside\ncategory: common\nquestion: Inside?\n---\nAn answer inside the pack.\n');
  // A valid question file outside every question folder, which no id may reach.
  secret = join(outside, 'secret.md');
  writeFileSync(secret, '---\nid: secret\ncategory: common\nquestion: SECRET-MARKER-42?\n---\nSECRET-MARKER-42\n');
  answerFile = join(home.dir, 'answer.txt');
  writeFileSync(answerFile, 'I rolled back in 4 minutes.');
  for (let i = 0; i < 2; i++) recordAttempt(home.history, draft(i, { questionId: 'inside' }), { now: at(i) });
});
afterAll(() => home.cleanup());

const LONG_AGO = new Date('2001-01-01T00:00:00Z');
/** With relatime (the Linux default), reading a file whose atime is older than its mtime moves its atime. */
function armReadDetector(file: string): void {
  utimesSync(file, LONG_AGO, new Date());
}
const wasRead = (file: string) => statSync(file).atimeMs > LONG_AGO.getTime() + 1000;

describe('an id or a path on the command line cannot reach outside the bank and the history', () => {
  it('show, coach --record, history --id and report with ids that are paths read and write nothing they should not', async () => {
    // Does this file system record reads at all? Without that, only the outputs can be checked.
    armReadDetector(secret);
    readFileSync(secret);
    const atimeWorks = wasRead(secret);

    const historyBefore = readFileSync(home.history);
    const historyFolder = join(home.history, '..');
    const namesBefore = readdirSync(historyFolder).sort();
    // The question cache (XDG_CACHE_HOME) is a place rmprep should write to.
    const homeNames = () => readdirSync(home.dir).filter((n) => n !== 'cache').sort();
    const homeBefore = homeNames();
    const outsideBefore = readdirSync(outside).sort();
    const cases = [
      ['show', '../../etc/passwd'],
      ['show', '/etc/passwd'],
      ['show', '../outside/secret'],
      ['show', '../outside/secret.md'],
      ['show', secret],
      ['show', 'secret'],
      ['show', '../../etc/passwd', '--json'],
      ['coach', '../x', '--record', '--answer-file', answerFile],
      ['coach', '../../etc/passwd', '--record', '--answer-file', answerFile],
      ['coach', secret, '--record', '--answer-file', answerFile],
      ['coach', '../outside/secret', '--record', '--rating', 'good', '--answer-file', answerFile],
      ['history', '--id', '../../etc/passwd'],
      ['history', '--id', secret, '--json'],
      ['report', '--session', '../../etc/passwd'],
    ];
    armReadDetector(secret);
    for (const args of cases) {
      const r = await runCli([...args, '--questions', pack], { env: home.env, cwd: pack });
      const label = args.join(' ');
      if (args[0] === 'show' || args[0] === 'coach') {
        expect(r.code, label).toBe(1);
        expect(r.stdout, label).toBe('');
        expect(r.stderr, label).toMatch(/^rmprep: no question with id "/);
      }
      expect(r.stdout + r.stderr, label).not.toMatch(/SECRET-MARKER|root:x?:0:0/);
      expect(readFileSync(home.history), label).toEqual(historyBefore);
      expect(readdirSync(historyFolder).sort(), label).toEqual(namesBefore);
    }
    expect(homeNames()).toEqual(homeBefore);
    expect(readdirSync(outside).sort()).toEqual(outsideBefore);
    if (atimeWorks) expect(wasRead(secret), 'the file outside the bank was never opened').toBe(false);
  });

  it('the same folder given with --questions is read, so the check above is not vacuous', async () => {
    const r = await runCli(['show', 'secret', '--questions', outside], { env: home.env, cwd: pack });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SECRET-MARKER-42');
  });
});
