import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepDraft } from '../../src/core/practice/draft.js';
import { renderSessionSummary, renderStopped } from '../../src/ui/render-session.js';
import { makeQuestion } from '../support/questions.js';
import { createStyle } from '../../src/ui/style.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-draft-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const style = createStyle(false);

describe('keepDraft', () => {
  it('writes the text exactly as typed into the first folder, creating it', () => {
    const file = keepDraft('line one\n\n  line two\r\n', { dirs: [join(dir, 'drafts')], sessionId: '2026-11-29-abc123', questionId: 'release-process' });
    expect(file).toBe(join(dir, 'drafts', '2026-11-29-abc123-release-process.txt'));
    expect(readFileSync(file!, 'utf8')).toBe('line one\n\n  line two\r\n');
  });

  it('falls back to the next folder when the first cannot take it, and never replaces a file', () => {
    writeFileSync(join(dir, 'blocked'), 'a file where the folder should be');
    const place = { dirs: [join(dir, 'blocked'), join(dir, 'second')], sessionId: 's', questionId: 'q' };
    expect(keepDraft('first', place)).toBe(join(dir, 'second', 's-q.txt'));
    expect(keepDraft('second', place)).toBeUndefined();
    expect(readFileSync(join(dir, 'second', 's-q.txt'), 'utf8')).toBe('first');
  });

  it('keeps an id with path characters inside the folder', () => {
    const file = keepDraft('x', { dirs: [dir], sessionId: 's', questionId: '../../etc/passwd' });
    expect(file).toBe(join(dir, 's-etc-passwd.txt'));
  });
});

describe('renderStopped', () => {
  it.each([
    [{ saved: 0, sessionId: undefined }, '\nStopped. No answers saved this session.\n'],
    [{ saved: 2, sessionId: 's1' }, '\nStopped. 2 answers saved this session. Review them with:\n  rmprep report --session s1\n'],
    [
      { saved: 1, sessionId: 's1', unsaved: { questionId: 'q', text: 't', file: '/d/my drafts/s1-q.txt' } },
      "\nStopped. 1 answer saved this session. Review it with:\n  rmprep report --session s1\nYour unsaved answer is kept in:\n  /d/my drafts/s1-q.txt\nFeedback on it:\n  rmprep coach q --answer-file '/d/my drafts/s1-q.txt'\n",
    ],
    [
      { saved: 0, sessionId: undefined, unsaved: { questionId: 'q', text: 'kept\n\u001b[2Jtext', file: undefined } },
      '\nStopped. No answers saved this session.\nYour unsaved answer could not be written to a file; here it is:\nkept\ntext\n',
    ],
  ])('%j', (info, expected) => {
    expect(renderStopped(info, { style })).toBe(expected);
  });
});

describe('renderSessionSummary', () => {
  const outcome = (id: string, category: 'common' | 'technical', rating: 'again' | 'hard' | 'good' | 'easy', score?: number) => ({ question: makeQuestion(id, category), rating, score });

  it('says per category how many answers got which rating, best first, and the average coach score', () => {
    const text = renderSessionSummary(
      [outcome('a', 'common', 'again', 40), outcome('b', 'common', 'good', 71), outcome('c', 'common', 'good'), outcome('d', 'technical', 'hard', 55)],
      { width: 80, style },
    );
    expect(text).toBe(
      ['Session summary: 4 answered', '  common      3 answered, rated 2 Good, 1 Again · coach score 56/100', '  technical   1 answered, rated Hard · coach score 55/100', ''].join('\n'),
    );
    expect(text).not.toMatch(/\d\.\d/);
  });

  it('averages words-only scores when a model read some answers and not others, and shown scores when one reading read them all', () => {
    const model = { model: 'llama3', origin: 'http://localhost:11434' };
    const mixed = renderSessionSummary(
      [
        { question: makeQuestion('a', 'common'), rating: 'good' as const, score: 80, wordsScore: 50, reading: model },
        { question: makeQuestion('b', 'common'), rating: 'good' as const, score: 60, wordsScore: 60, reading: 'words' as const },
      ],
      { width: 80, style },
    );
    expect(mixed).toContain('coach score 55/100');
    const same = renderSessionSummary(
      [
        { question: makeQuestion('a', 'common'), rating: 'good' as const, score: 80, wordsScore: 50, reading: model },
        { question: makeQuestion('b', 'common'), rating: 'good' as const, score: 70, wordsScore: 40, reading: model },
      ],
      { width: 80, style },
    );
    expect(same).toContain('coach score 75/100');
  });
});
