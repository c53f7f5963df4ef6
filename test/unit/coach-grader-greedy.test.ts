import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { GraderReply } from '../../src/core/coach/grader.js';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { readWithModel } from '../../src/core/coach/model-reading.js';
import { loadBank } from '../../src/core/questions/load.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface Entry {
  id: string;
  strong: string;
  keywordList: string;
}

/** A grader that claims every point, quoting the whole answer, each line of it and each run of three terms. */
function greedy(points: number, answer: string): GraderReply {
  const terms = answer.split(/[,\n]/).map((t) => t.trim()).filter(Boolean);
  const quotes = [answer, ...answer.split('\n').filter((l) => l.trim() !== ''), ...terms.map((_, k) => terms.slice(k, k + 3).join(', '))];
  return { points: Array.from({ length: points }, (_, k) => quotes.map((quote) => ({ point: k + 1, made: true, quote }))).flat() };
}

describe('a greedy model grader on the fresh eval answers', () => {
  it('leaves every keyword list at most 30 and below its strong answer, adding no point from it', async () => {
    const bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).questions;
    const byId = new Map(bank.map((q) => [q.id, q]));
    let checked = 0;
    for (const half of ['tune', 'holdout']) {
      const set = parse(readFileSync(join(ROOT, 'eval', 'coach-v3', `${half}.yaml`), 'utf8')) as { answers: Entry[] };
      for (const a of set.answers) {
        const q = byId.get(a.id);
        if (!q) throw new Error(`not in the bank: ${a.id}`);
        const read = readWithModel(q, a.keywordList, greedy(q.keyPoints.length, a.keywordList), bank);
        expect(read.credits, `${half}:${a.id}`).toEqual([]);
        expect(read.report.score, `${half}:${a.id}`).toBeLessThanOrEqual(30);
        expect(read.report.score, `${half}:${a.id}`).toBeLessThan(analyzeAnswer(q, a.strong, bank).score);
        checked++;
      }
    }
    expect(checked).toBe(28);
  });
});
