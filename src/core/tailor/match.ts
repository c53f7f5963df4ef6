import { THEMES, type Theme } from './themes.js';
import { tokenize, type Word } from './words.js';

/** One place a theme's phrase occurs, as the text spells it. */
export interface ThemeHit {
  theme: string;
  /** The words as written in the text, e.g. "Change Advisory Board". */
  surface: string;
}

interface CompiledPhrase {
  theme: string;
  stems: string[];
}

export interface ThemeMatcher {
  /** Every occurrence of a theme phrase in the words; a longer phrase wins where two overlap. */
  find(words: readonly Word[], raw: string): ThemeHit[];
  themes: readonly Theme[];
}

/** Compiles the phrases of `themes` (the built-in lexicon by default) into a matcher keyed by first stem. */
export function compileThemes(themes: readonly Theme[] = THEMES): ThemeMatcher {
  const byFirst = new Map<string, CompiledPhrase[]>();
  const exact: { theme: string; pattern: RegExp }[] = [];
  for (const theme of themes) {
    for (const phrase of theme.phrases) {
      const stems = tokenize(phrase).map((w) => w.stem);
      const first = stems[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ theme: theme.id, stems });
      byFirst.set(first, list);
    }
    for (const word of theme.exact ?? []) {
      exact.push({ theme: theme.id, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu') });
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return {
    themes,
    find(words, raw) {
      const hits: ThemeHit[] = [];
      // Phrases of different themes may overlap ("mobile release train" is mobile and release trains);
      // one theme counts a stretch of words once.
      const coveredUntil = new Map<string, number>();
      for (let i = 0; i < words.length; i++) {
        const candidates = byFirst.get((words[i] as Word).stem);
        if (!candidates) continue;
        const done = new Set<string>();
        for (const phrase of candidates) {
          if (done.has(phrase.theme) || i < (coveredUntil.get(phrase.theme) ?? 0)) continue;
          if (!phrase.stems.every((s, k) => words[i + k]?.stem === s)) continue;
          done.add(phrase.theme);
          coveredUntil.set(phrase.theme, i + phrase.stems.length);
          hits.push({ theme: phrase.theme, surface: words.slice(i, i + phrase.stems.length).map((w) => w.surface).join(' ') });
        }
      }
      for (const { theme, pattern } of exact) {
        for (const m of raw.matchAll(pattern)) hits.push({ theme, surface: m[0] });
      }
      return hits;
    },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
