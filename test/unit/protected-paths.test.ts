import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProtected, protectedPaths } from '../../src/core/protected-paths.js';

// The history kept in a folder of the person's own (--history, RMPREP_HISTORY): beside it, only the files
// rmprep names after it are protected; a file whose name merely starts with the history's is the person's.
const root = mkdtempSync(join(tmpdir(), 'rmprep-protected-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const own = join(root, 'notes');
const history = join(own, 'history.json');
const places = protectedPaths({
  historyFile: history,
  dataDir: join(root, 'data', 'rmprep'),
  cacheDir: join(root, 'cache', 'rmprep'),
  configDir: join(root, 'config', 'rmprep'),
  storiesDir: join(root, 'data', 'rmprep', 'stories'),
});
const refused = (name: string) => findProtected(join(own, name), places)?.what;

describe('beside a history kept elsewhere', () => {
  it.each([
    'history.json',
    'history.json.lock',
    'history.json.bak',
    'history.json.v1.bak',
    'history.json.v2.3f9a0c1b2d.bak',
    'history.json.3f9a0c1b2d.bak',
    'history.json.torn-20260101T000000Z',
    'history.json.torn-20260101T000000Z-2',
    'history.json.rejected-20260101T000000Z.txt',
    'history.json.before-restore-20260101T000000Z',
    '.history.json.summary',
    '.history.json.practice',
    '.history.json.tmp-123-ab12cd34',
    '.history.json.3f9a0c1b2d.bak.tmp-123-3f9a0c1b2d',
    '..history.json.summary.tmp-123-ab12cd34',
    'drafts/s-1-q.txt',
  ])('refuses %s', (name) => {
    expect(refused(name)).toBeDefined();
  });

  it.each(['history.json.md', 'history.json.csv', 'history.jsonl', 'history.json-report.md', 'history.json.lock.md', '.history.json.md', 'history.md', 'sheet.md', 'drafts.md'])(
    'lets the person write %s',
    (name) => {
      expect(refused(name)).toBeUndefined();
    },
  );

  it('names the history for its own files', () => {
    expect(refused('history.json.v1.bak')).toMatch(/the history/);
    expect(refused('drafts/a.txt')).toMatch(/drafts/);
  });

  it('still refuses a file under a name of the person that is a hard link to the history', () => {
    mkdirSync(own, { recursive: true });
    writeFileSync(history, '{"rmprep":"history","version":3}\n');
    linkSync(history, join(own, 'history.json.md'));
    expect(refused('history.json.md')).toMatch(/the history/);
  });
});

describe('the data places themselves', () => {
  it.each([
    ['phrasings.yaml', join(root, 'data', 'rmprep', 'phrasings.yaml')],
    ['config.yaml', join(root, 'config', 'rmprep', 'config.yaml')],
    ['a story', join(root, 'data', 'rmprep', 'stories', 'a.md')],
    ['the cache folder', join(root, 'cache', 'rmprep', 'x.json')],
  ])('refuses %s', (_name, path) => {
    expect(findProtected(path, places)).toBeDefined();
  });

  it('lets the person write their own questions in the data folder', () => {
    expect(findProtected(join(root, 'data', 'rmprep', 'questions', 'mine.md'), places)).toBeUndefined();
  });
});
