import type { ThemeMatcher } from './match.js';
import { isGeneric, tokenize } from './words.js';

/** A word written as a name: an acronym (SBOM), inner capitals (TestFlight) or a capital mid-sentence. */
function looksLikeName(word: string, sentenceStart: boolean): boolean {
  if (/^[A-Z][A-Z0-9]+s?$/.test(word)) return true;
  if (/^[A-Za-z]+[A-Z][a-z]/.test(word) && /[a-z]/.test(word[0] ?? '')) return true;
  if (/^[A-Za-z][a-z]+[A-Z]/.test(word)) return true;
  return !sentenceStart && /^[A-Z][a-z]+$/.test(word);
}

/**
 * Tools and practices the posting names, in a sentence about release work, that no question mentions
 * anywhere (Fastlane, Bitrise, OpenTelemetry): what the bank cannot prepare you for. A sentence counts as
 * release work when it holds a theme phrase, which keeps the company's name and address out.
 */
export function findUnknownNames(posting: string, known: { has(stem: string): boolean }, matcher: ThemeMatcher): string[] {
  const out = new Map<string, string>();
  for (const sentence of posting.split(/(?<=[.!?:;])\s+|\n+/)) {
    const words = tokenize(sentence);
    if (matcher.find(words, sentence).length === 0) continue;
    let first = true;
    for (const w of words) {
      const start = first;
      first = false;
      if (isGeneric(w.stem) || known.has(w.stem) || w.surface.length < 3) continue;
      if (looksLikeName(w.surface, start) && !out.has(w.stem)) out.set(w.stem, w.surface);
    }
  }
  return [...out.values()];
}
