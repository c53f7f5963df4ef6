import type { AttemptRecord } from './schema.js';

// Scores read differently do not compare: a model or the person's phrasings can hear points the words
// alone miss, so an average or a trend over a mix of readings would move with the reading, not the answers.
// Every place that compares or averages attempt scores goes through here.

export type Reading = NonNullable<AttemptRecord['reading']>;

export interface ScoredAttempt {
  score?: number | undefined;
  wordsScore?: number | undefined;
  reading?: Reading | undefined;
}

/** A shown score and the reading that gave it, as the summary keeps them. */
export interface ShownScore {
  score: number;
  reading: string;
}

/**
 * The reading behind an attempt's shown score as one string: `words`, `words+phrasings` when the person's
 * phrasings raised it above the words alone, or the model and the origin of the server that ran it.
 */
export function readingKey(a: ScoredAttempt): string {
  const r = a.reading;
  if (r !== undefined && r !== 'words') return `model ${r.model} ${r.origin}`;
  return a.wordsScore !== undefined && a.score !== undefined && a.wordsScore !== a.score ? 'words+phrasings' : 'words';
}

/**
 * The words-only score of an attempt: its `wordsScore`, else (older history) its score when the words alone
 * read it; undefined when a model read it and the words-only score was not kept.
 */
export function wordsOnlyScore(a: ScoredAttempt): number | undefined {
  if (a.wordsScore !== undefined) return a.wordsScore;
  return a.reading === undefined || a.reading === 'words' ? a.score : undefined;
}

/** True when every entry was read the same way (and there is at least one). */
export function oneReading(keys: readonly string[]): boolean {
  return keys.length > 0 && keys.every((k) => k === keys[0]);
}

/**
 * The scores of attempts that are compared or averaged together, in their order: the shown scores when every
 * scored attempt shares one reading, else the words-only ones (undefined where none is known or no score).
 */
export function comparableScores(attempts: readonly ScoredAttempt[]): (number | undefined)[] {
  const scored = attempts.filter((a) => a.score !== undefined);
  const shared = oneReading(scored.map(readingKey));
  return attempts.map((a) => (shared ? a.score : wordsOnlyScore(a)));
}
