import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

/*
 * README's exit codes, command by command: 0 done; 1 a runtime refusal or failure (a target that exists,
 * an unknown id, a folder where a file is needed, an I/O error); 2 a usage mistake (an unknown or stray
 * argument or flag, a bad value, a named input file whose contents are invalid, a drill without a terminal).
 */
const POSTING = 'Release manager: own the release train, rollback plans, change approval, hotfixes and incident reviews.\n';
const ANSWER = 'I split the release, rolled back the risky part within four minutes and wrote the postmortem.';

/** A home with the files the rows name: a folder, a posting, files that exist, a broken story, bad records. */
function prepare(dir: string): void {
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'posting.txt'), POSTING);
  writeFileSync(join(dir, 'answer.txt'), ANSWER);
  writeFileSync(join(dir, 'exists.yaml'), 'kept\n');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3]));
  writeFileSync(join(dir, 'bad.jsonl'), '{"rmprep":"history","version":2}\n{"questionId":"q","rating":"good"}\n');
  const stories = join(dir, 'data', 'rmprep', 'stories');
  mkdirSync(stories, { recursive: true });
  writeFileSync(join(stories, 'taken.md'), '---\ntitle: Taken\n---\nA story that is there.\n');
  writeFileSync(join(stories, 'broken.md'), '---\ntitle: [unclosed\n---\nBroken front matter.\n');
  mkdirSync(join(dir, 'mine', 'common'), { recursive: true });
  writeFileSync(join(dir, 'mine', 'common', 'taken-q.md'), 'a question file of my own\n');
}

type Row = [name: string, code: 0 | 1 | 2, args: string[], input?: string];

const ROWS: Row[] = [
  // 0: done
  ['version', 0, ['--version']],
  ['help', 0, ['help']],
  ['help of a command', 0, ['help', 'list']],
  ['list', 0, ['list']],
  ['show', 0, ['show', 'team-conflict']],
  ['next', 0, ['next']],
  ['stats', 0, ['stats']],
  ['history', 0, ['history']],
  ['export', 0, ['export', '--format', 'json']],
  ['coach', 0, ['coach', 'team-conflict'], ANSWER],
  ['tailor', 0, ['tailor', 'posting.txt']],
  ['story list', 0, ['story', 'list']],
  ['completion', 0, ['completion', 'bash']],
  // 1: a runtime refusal or failure
  ['show an unknown id', 1, ['show', 'no-such-question']],
  ['coach an unknown id', 1, ['coach', 'no-such-question'], ANSWER],
  ['report of an unknown session', 1, ['report', '--session', 'nope']],
  ['story show of an unknown story', 1, ['story', 'show', 'nope']],
  ['new over a file that exists', 1, ['new', '--id', 'taken-q', '--category', 'common', '--question', 'What?', '--dir', 'mine']],
  ['story new over a story that exists', 1, ['story', 'new', 'taken', '--title', 'T', '--situation', 'S']],
  ['tailor --out over a file that exists', 1, ['tailor', 'posting.txt', '--out', 'exists.yaml']],
  ['export --out a folder', 1, ['export', '--format', 'json', '--out', 'folder']],
  ['export --out the history', 1, ['export', '--format', 'json', '--out', 'data/rmprep/history.json']],
  ['coach --answer-file a folder', 1, ['coach', 'team-conflict', '--answer-file', 'folder']],
  ['tailor a folder', 1, ['tailor', 'folder']],
  ['tailor a file that is not there', 1, ['tailor', 'missing.txt']],
  ['history --import a folder', 1, ['history', '--import', 'folder']],
  ['a history path that is a folder', 1, ['--history', 'folder', 'stats']],
  ['validate a path that is not there', 1, ['validate', 'missing']],
  ['validate a file with problems', 1, ['validate', 'mine']],
  // 2: a usage mistake
  ['help of an unknown command', 2, ['help', 'nope']],
  ['help with a stray argument', 2, ['help', 'list', 'extra']],
  ['-V with a stray argument', 2, ['-V', 'extra']],
  ['--version with a stray argument', 2, ['--version', 'extra']],
  ['an unknown command', 2, ['nope']],
  ['a stray argument', 2, ['stats', 'extra']],
  ['an unknown flag', 2, ['list', '--nope']],
  ['a missing argument', 2, ['show']],
  ['a bad value', 2, ['next', '--category', 'nope']],
  ['a bad choice', 2, ['export', '--format', 'pdf']],
  ['a bad number', 2, ['history', '--limit', '0']],
  ['flags that exclude each other', 2, ['report', '--json', '--format', 'markdown']],
  ['completion for an unknown shell', 2, ['completion', 'tcsh']],
  ['drill without a terminal', 2, ['drill']],
  ['drill without a terminal, with an unknown id too', 2, ['drill', '--id', 'no-such-question']],
  ['an empty answer', 2, ['coach', 'team-conflict'], ''],
  ['a posting that is not text', 2, ['tailor', 'binary.txt']],
  ['an import file whose lines are not records', 2, ['history', '--import', 'bad.jsonl']],
  ['a broken story', 2, ['story', 'show', 'broken']],
  ['story new with a tag the loader refuses', 2, ['story', 'new', 'fresh', '--tag', 'Bad Tag', '--title', 'T', '--situation', 'S']],
];

describe('exit codes, one row per case, every command', () => {
  it.concurrent.each(ROWS)('%s: exit %i', async (_name, code, args, input) => {
    const home = makeHome();
    try {
      prepare(home.dir);
      const r = await runCli(args, { env: home.env, cwd: home.dir, input: input ?? '', timeoutMs: 60_000 });
      expect(r.code, `rmprep ${args.join(' ')}\n${r.stderr}`).toBe(code);
      // Never more than one line of error (validate's own report of problems is not one).
      expect(r.stderr.split('\n')
        .filter((l) => l.startsWith('rmprep: ') && !l.startsWith('rmprep: warning:')).length).toBeLessThanOrEqual(1);
      expect(r.stderr).not.toMatch(/internal error/);
    } finally {
      home.cleanup();
    }
  });
});
