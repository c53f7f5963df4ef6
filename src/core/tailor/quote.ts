import { tokenize } from './words.js';

/** A quote longer than this many words is cut to the part of the bullet that matters. */
export const MAX_QUOTE_WORDS = 14;

/**
 * A short, readable quote of `text`: the whole of it when it is short, else the run of its clauses (split at
 * commas, colons, semicolons, brackets and dashes) that holds most of `weights` (stem -> weight) in at most
 * MAX_QUOTE_WORDS words; a single clause longer than that is cut to its best window of words. The quote is
 * the bullet's own words, in order, never stitched from two places. Pure.
 */
export function quoteOf(text: string, weights: ReadonlyMap<string, number>): string {
  const whole = tidy(text);
  if (wordCount(whole) <= MAX_QUOTE_WORDS) return whole;
  const clauses = whole.split(/\s*(?:[,;:()]|\s[-–—]\s)\s*/).map((c) => c.trim()).filter((c) => /[\p{L}\p{N}]/u.test(c));
  const scoreOf = (s: string) => tokenize(s).reduce((sum, w) => sum + (weights.get(w.stem) ?? 0), 0);
  let best = { text: '', score: -1, words: 0 };
  for (let i = 0; i < clauses.length; i++) {
    let span = '';
    for (let j = i; j < clauses.length; j++) {
      const next = span === '' ? (clauses[j] as string) : spanOf(whole, span, clauses[j] as string);
      const n = wordCount(next);
      if (n > MAX_QUOTE_WORDS) {
        if (span === '') {
          const window = bestWindow(next, scoreOf);
          const score = scoreOf(window);
          if (score > best.score) best = { text: window, score, words: wordCount(window) };
        }
        break;
      }
      span = next;
      const score = scoreOf(span);
      // More weight wins; at equal weight the shorter quote reads better.
      if (score > best.score || (score === best.score && n < best.words)) best = { text: span, score, words: n };
    }
  }
  return tidy(best.text) || whole;
}

/** The text of `whole` from the start of `span` to the end of `clause`, punctuation included. */
function spanOf(whole: string, span: string, clause: string): string {
  const start = whole.indexOf(span);
  const end = whole.indexOf(clause, start + span.length);
  return start < 0 || end < 0 ? `${span} ${clause}` : whole.slice(start, end + clause.length);
}

function bestWindow(clause: string, scoreOf: (s: string) => number): string {
  const words = clause.split(/\s+/);
  const size = MAX_QUOTE_WORDS - 2;
  let best = { at: 0, score: -1 };
  for (let i = 0; i + size <= words.length; i++) {
    const score = scoreOf(words.slice(i, i + size).join(' '));
    if (score > best.score) best = { at: i, score };
  }
  return words.slice(best.at, best.at + size).join(' ');
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Without a trailing full stop, dangling punctuation or a leading "and"/"or". */
function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:and|or|but|so|with)\s+/i, '')
    .replace(/[\s,;:.(–—-]+$/u, '')
    .replace(/^[\s,;:.)–—-]+/u, '');
}
