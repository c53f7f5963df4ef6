import { describe, expect, it } from 'vitest';
import type { AttemptRecord, HistoryRecord } from '../../src/core/history/schema.js';
import { comparableScores, readingKey, wordsOnlyScore } from '../../src/core/history/score-reading.js';
import { checkSummary } from '../../src/core/history/summary-file.js';
import { summarize } from '../../src/core/history/summary.js';
import { followAliases } from '../../src/core/practice/follow-aliases.js';
import { buildSessionReport } from '../../src/core/practice/report.js';
import { computeStats } from '../../src/core/practice/stats.js';
import { makeBank } from '../support/questions.js';

const NOW = new Date('2026-05-20T18:00:00Z');
const LLAMA = { model: 'llama3.1', origin: 'http://localhost:11434' };
const QWEN = { model: 'qwen2.5', origin: 'http://localhost:11434' };

let n = 0;
function attempt(questionId: string, extra: Partial<AttemptRecord>): AttemptRecord {
  n++;
  return {
    type: 'attempt',
    id: `a${n}`,
    questionId,
    category: questionId.split('-')[0] as AttemptRecord['category'],
    at: new Date(NOW.getTime() - (100 - n) * 60_000).toISOString(),
    rating: 'good',
    mode: 'typed',
    seconds: 60,
    session: 's-1',
    ...extra,
  };
}

const averageOf = (records: AttemptRecord[], category = 'technical') =>
  computeStats(makeBank(3), summarize(records), NOW).categories.find((c) => c.category === category)?.averageScore;

describe('scores read in different ways', () => {
  it.each([
    ['a words reading with its words score', { score: 60, wordsScore: 60, reading: 'words' as const }, 60, 'words'],
    ['an older attempt with no reading', { score: 55 }, 55, 'words'],
    ['an older attempt read by words, no words score', { score: 50, reading: 'words' as const }, 50, 'words'],
    ['a model reading keeps its words score', { score: 80, wordsScore: 45, reading: LLAMA }, 45, 'model llama3.1 http://localhost:11434'],
    ['a model reading without a words score has none', { score: 80, reading: LLAMA }, undefined, 'model llama3.1 http://localhost:11434'],
    ['phrasings raised the score above the words alone', { score: 70, wordsScore: 52, reading: 'words' as const }, 52, 'words+phrasings'],
  ])('%s', (_name, a, words, key) => {
    expect(wordsOnlyScore(a)).toBe(words);
    expect(readingKey(a)).toBe(key);
  });

  it('compares shown scores when every attempt shares one reading, words-only ones otherwise', () => {
    const model = [
      { score: 80, wordsScore: 40, reading: LLAMA },
      { score: 90, wordsScore: 60, reading: LLAMA },
    ];
    expect(comparableScores(model)).toEqual([80, 90]);
    expect(comparableScores([...model, { score: 50 }])).toEqual([40, 60, 50]);
    expect(comparableScores([model[0]!, { score: 85, wordsScore: 44, reading: QWEN }])).toEqual([40, 44]);
    expect(comparableScores([{ score: 70, reading: LLAMA }, { score: 30 }])).toEqual([undefined, 30]);
  });
});

describe('stats and the need formula over mixed readings', () => {
  it('average words-only scores when some answers were read by a model', () => {
    const records = [
      attempt('technical-1', { score: 90, wordsScore: 50, reading: LLAMA }),
      attempt('technical-2', { score: 40, wordsScore: 40, reading: 'words' }),
      // Older history: no words score, no reading.
      attempt('technical-3', { score: 30 }),
    ];
    expect(averageOf(records)).toBe(40);
  });

  it('average shown scores when every answer was read by the same model', () => {
    const records = [
      attempt('technical-1', { score: 90, wordsScore: 50, reading: LLAMA }),
      attempt('technical-2', { score: 70, wordsScore: 60, reading: LLAMA }),
    ];
    expect(averageOf(records)).toBe(80);
  });

  it('two models are two readings: their words-only scores count', () => {
    const records = [
      attempt('technical-1', { score: 90, wordsScore: 50, reading: LLAMA }),
      attempt('technical-2', { score: 70, wordsScore: 60, reading: QWEN }),
    ];
    expect(averageOf(records)).toBe(55);
  });

  it('a model-read answer raises the need of no category less than its words did', () => {
    const bank = makeBank(3);
    const words = [attempt('technical-1', { score: 30, wordsScore: 30, reading: 'words' }), attempt('technical-2', { score: 30 })];
    const mixed = [attempt('technical-1', { score: 95, wordsScore: 30, reading: LLAMA }), attempt('technical-2', { score: 30 })];
    const need = (records: AttemptRecord[]) => computeStats(bank, summarize(records), NOW).categories.find((c) => c.category === 'technical')!.need;
    expect(need(mixed)).toBe(need(words));
  });

  it('keeps the shown scores beside the words-only ones when an old id is followed to its new question', () => {
    const summary = summarize([attempt('technical-9', { score: 90, wordsScore: 50, reading: LLAMA }), attempt('technical-1', { score: 30 })]);
    const out = followAliases(summary, [{ id: 'technical-1', aliases: ['technical-9'] }]);
    expect(out.questions['technical-1']).toMatchObject({
      recentScores: [50, 30],
      recentShown: [
        { score: 90, reading: 'model llama3.1 http://localhost:11434' },
        { score: 30, reading: 'words' },
      ],
    });
  });

  it('a summary cache with shown scores checks out; one with a broken entry does not', () => {
    const summary = JSON.parse(JSON.stringify(summarize([attempt('technical-1', { score: 90, wordsScore: 50, reading: LLAMA })]))) as Record<string, unknown>;
    expect(checkSummary(summary)?.questions['technical-1']?.recentShown).toHaveLength(1);
    (summary.questions as Record<string, { recentShown: unknown[] }>)['technical-1']!.recentShown = [{ score: 900, reading: 'words' }];
    expect(checkSummary(summary)).toBeUndefined();
  });
});

describe('report over mixed readings', () => {
  const bank = { byId: new Map() };
  const report = (attempts: AttemptRecord[]) => buildSessionReport([{ type: 'session', id: 's-1', at: NOW.toISOString() } as HistoryRecord, ...attempts], 's-1', bank);

  it('averages words-only scores when the session mixes readings, and shows each score with its words-only twin', () => {
    const r = report([attempt('technical-1', { answer: 'x', score: 90, wordsScore: 50, reading: LLAMA }), attempt('technical-2', { answer: 'y', score: 40 })]);
    expect(r.attempts.map((a) => [a.score, a.wordsScore, a.reading])).toEqual([
      [90, 50, LLAMA],
      [40, 40, 'words'],
    ]);
    expect(r.summary.averageScore).toBe(45);
  });

  it('averages the shown scores when one model read the whole session', () => {
    const r = report([attempt('technical-1', { answer: 'x', score: 90, wordsScore: 50, reading: LLAMA }), attempt('technical-2', { answer: 'y', score: 70, wordsScore: 66, reading: LLAMA })]);
    expect(r.summary.averageScore).toBe(80);
  });
});
