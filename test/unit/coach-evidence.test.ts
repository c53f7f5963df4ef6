import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { findNumbers } from '../../src/core/coach/specifics.js';
import { loadBank } from '../../src/core/questions/load.js';
import type { Question } from '../../src/core/questions/schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
let bank: Question[] = [];
beforeAll(async () => {
  bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).questions;
});

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('evidence a person can check', () => {
  it('never shows a lone word where its clause has words around it', () => {
    let pieces = 0;
    for (const q of bank) {
      // A longer answer than any one model answer: its own plus the next question's, so points meet stray words.
      const other = bank[(bank.indexOf(q) + 1) % bank.length];
      const report = analyzeAnswer(q, `${q.answer}\n\n${other?.answer ?? ''}`, bank);
      for (const p of report.talkingPoints) {
        for (const e of p.evidence) {
          pieces++;
          expect(words(e), `${q.id}: "${p.point}" quoted "${e}"`).toBeGreaterThan(1);
        }
      }
    }
    expect(pieces).toBeGreaterThan(200);
  });
});

describe('figures', () => {
  it('counts "zero" with a noun as a figure, so a result of zero defects carries a number', () => {
    expect(findNumbers('we had zero defects in the first month').map((n) => n.text)).toEqual(['zero defects']);
    expect(findNumbers('the zero point of the scale')).toEqual([]);
  });
});
