import type { Category, QuestionData } from '../questions/schema.js';
import { pickCovering } from './diversify.js';
import { findUnknownNames } from './gaps.js';
import { compileThemes, type ThemeMatcher } from './match.js';
import { findInSenses } from './senses.js';
import { indexBank, pairsOf, STRONG, type BankIndex, type QuestionProfile } from './profile.js';
import { isGeneric, tokenize, type Word } from './words.js';

export interface PostingTheme {
  theme: string;
  label: string;
  /** The posting's own words for it, most frequent first. */
  phrases: string[];
  /** Questions that prepare for it, best ranked first. */
  questions: string[];
}

export interface RankedQuestion {
  id: string;
  category: Category;
  question: string;
  /** 0..1, relative to the best match for this posting. */
  score: number;
  /** The posting's words that made the question relevant. */
  because: string[];
}

export interface TailorResult {
  themes: PostingTheme[];
  questions: RankedQuestion[];
  /** The posting's phrases for themes no question prepares for, then tools it names that no question mentions. */
  gaps: string[];
}

/** How the theme and the word-overlap signals mix; tuned on the postings in test/fixtures/postings/tuning. */
const THEME_SHARE = 0.6;
const MAX_BECAUSE = 5;
const BREADTH_DAMPING = 0.5;
/** A word in at most one question in ten is specific enough to explain a question on its own. */
const SPECIFIC_IDF = Math.log(10);
/** How much covering a theme no pick covers yet counts against relevance, and how much one pick covers it. */
const DIVERSITY = 0.6;
const OVERLAP = 0.7;

/** The themes a question is about, named in what it asks or its tags: those it covers for the list's breadth. */
function coverOf(profile: QuestionProfile): Map<string, number> {
  return new Map([...profile.themes].filter(([, s]) => s >= 1));
}

interface PostingReading {
  /** Per theme: occurrences and spellings. */
  themes: Map<string, { count: number; spellings: Map<string, number> }>;
  /** Per stem: occurrences and the first spelling. */
  terms: Map<string, { count: number; surface: string }>;
  /** Per two specific words in a row ("a b" stems): the first spelling. */
  pairs: Map<string, string>;
  /** Names of tools and practices no question mentions. */
  unknownNames: string[];
}

function readPosting(text: string, matcher: ThemeMatcher, index: BankIndex): PostingReading {
  const words = tokenize(text);
  const themes: PostingReading['themes'] = new Map();
  for (const hit of findInSenses(matcher, text)) {
    const entry = themes.get(hit.theme) ?? { count: 0, spellings: new Map<string, number>() };
    entry.count++;
    const key = hit.surface.toLowerCase();
    entry.spellings.set(key, (entry.spellings.get(key) ?? 0) + 1);
    themes.set(hit.theme, entry);
  }
  const terms: PostingReading['terms'] = new Map();
  for (const w of words) {
    if (isGeneric(w.stem)) continue;
    const entry = terms.get(w.stem);
    if (entry) entry.count++;
    else terms.set(w.stem, { count: 1, surface: w.surface.toLowerCase() });
  }
  const pairs: PostingReading['pairs'] = new Map();
  for (const line of text.split(/[.;:!?\n]+/)) {
    const lineWords = tokenize(line);
    pairsOf(lineWords).forEach((pair) => pairs.has(pair) || pairs.set(pair, surfaceOf(lineWords, pair)));
  }
  return { themes, terms, pairs, unknownNames: findUnknownNames(text, index.idf, matcher) };
}

/** A ranker built once per bank; `rank` may then run on any number of postings. */
export function createRanker(questions: readonly QuestionData[], matcher: ThemeMatcher = compileThemes()) {
  const index = indexBank(questions, matcher);
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    index,
    rank(posting: string, count = 10): TailorResult {
      return rankWithIndex(readPosting(posting, matcher, index), index, matcher, byId, count);
    },
  };
}

function rankWithIndex(
  reading: PostingReading,
  index: BankIndex,
  matcher: ThemeMatcher,
  byId: Map<string, QuestionData>,
  count: number,
): TailorResult {
  // A theme weighs more the more the posting says it and the fewer questions share it.
  const themeWeight = new Map<string, number>();
  for (const [theme, { count: n }] of reading.themes) {
    const rarity = Math.log(1 + index.size / (1 + (index.themeCounts.get(theme) ?? 0)));
    themeWeight.set(theme, (1 + Math.log(n)) * rarity);
  }
  const postingVector = new Map<string, number>();
  for (const [stem, { count: n }] of reading.terms) {
    const idf = index.idf.get(stem);
    if (idf && idf > 0) postingVector.set(stem, (1 + Math.log(n)) * idf);
  }
  const postingNorm = Math.hypot(...postingVector.values()) || 1;
  const themeTotal = [...themeWeight.values()].reduce((a, b) => a + b, 0) || 1;

  const scored = index.profiles.map((profile) => {
    let theme = 0;
    const themeReasons: [string, number][] = [];
    for (const [id, weight] of themeWeight) {
      const strength = profile.themes.get(id) ?? 0;
      if (strength === 0) continue;
      theme += weight * strength;
      if (strength >= STRONG) themeReasons.push([id, weight * strength]);
    }
    const { cosine, termReasons: shared } = termOverlap(profile, postingVector, postingNorm, index);
    const pairReasons = [...reading.pairs.keys()].filter((pair) => profile.pairs.has(pair));
    // A lone word counts as a reason only when it is rare in the bank and in what the question asks or its
    // tags: "chair" or "requests" in a key point say little about what the question prepares for.
    const termReasons = shared.filter(([stem]) => profile.askStems.has(stem) && (index.idf.get(stem) ?? 0) >= SPECIFIC_IDF);
    const relevant = theme > 0 || pairReasons.length > 0 || termReasons.length > 0;
    if (!relevant) return { profile, theme: 0, term: 0, themeReasons, termReasons, pairReasons };
    // A question that touches every theme in passing should not beat one that is about the posting's themes.
    const breadth = Math.sqrt([...profile.themes.values()].reduce((a, v) => a + v * v, 0)) || 1;
    return { profile, theme: theme / themeTotal / breadth ** BREADTH_DAMPING, term: cosine, themeReasons, termReasons, pairReasons };
  });
  const maxTheme = Math.max(...scored.map((s) => s.theme), 0) || 1;
  const maxTerm = Math.max(...scored.map((s) => s.term), 0) || 1;
  const relevant = scored
    .map((s) => ({ ...s, relevance: THEME_SHARE * (s.theme / maxTheme) + (1 - THEME_SHARE) * (s.term / maxTerm), themes: coverOf(s.profile) }))
    .filter((s) => s.relevance > 0)
    .sort((a, b) => b.relevance - a.relevance || (a.profile.id < b.profile.id ? -1 : 1));
  const share = new Map([...themeWeight].map(([t, w]) => [t, w / themeTotal]));
  const ranked = pickCovering(relevant, share, relevant.length, DIVERSITY, OVERLAP);
  const first = ranked[0]?.gain || 1;

  const top = ranked.slice(0, count).map(({ item: s, gain }): RankedQuestion => {
    const q = byId.get(s.profile.id) as QuestionData;
    return { id: q.id, category: q.category, question: q.question, score: Math.round((gain / first) * 1000) / 1000, because: explain(s.themeReasons, s.pairReasons, s.termReasons, reading) };
  });

  const order = new Map(ranked.map(({ item }, i) => [item.profile.id, i]));
  const themes: PostingTheme[] = [...themeWeight.keys()]
    .sort((a, b) => (reading.themes.get(b)?.count ?? 0) - (reading.themes.get(a)?.count ?? 0) || (themeWeight.get(b) ?? 0) - (themeWeight.get(a) ?? 0))
    .map((id) => ({
      theme: id,
      label: matcher.themes.find((t) => t.id === id)?.label ?? id,
      phrases: spellingsOf(reading, id),
      questions: index.profiles
        .filter((p) => (p.themes.get(id) ?? 0) >= STRONG)
        .map((p) => p.id)
        .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity)),
    }));
  const gaps = [...themes.filter((t) => t.questions.length === 0).flatMap((t) => t.phrases), ...reading.unknownNames];
  return { themes, questions: top, gaps };
}

function termOverlap(profile: QuestionProfile, posting: Map<string, number>, postingNorm: number, index: BankIndex) {
  let dot = 0;
  let norm = 0;
  const termReasons: [string, number][] = [];
  for (const [stem, weight] of profile.terms) {
    // What a question asks, its tags and key points say what it is about; its model answer's anecdote does not.
    if (!profile.keyStems.has(stem)) continue;
    const q = Math.log1p(weight) * (index.idf.get(stem) ?? 0);
    norm += q * q;
    const p = posting.get(stem);
    if (p !== undefined && q > 0) {
      dot += p * q;
      termReasons.push([stem, p * q]);
    }
  }
  return { cosine: norm === 0 ? 0 : dot / (Math.sqrt(norm) * postingNorm), termReasons };
}

function spellingsOf(reading: PostingReading, theme: string): string[] {
  const spellings = reading.themes.get(theme)?.spellings ?? new Map<string, number>();
  return [...spellings.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s).slice(0, 6);
}

/** The posting's phrases behind a question's place: its strongest shared themes, then its strongest shared words. */
function explain(themeReasons: [string, number][], pairReasons: string[], termReasons: [string, number][], reading: PostingReading): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (phrase: string) => {
    if (out.length >= MAX_BECAUSE || seen.has(phrase)) return;
    seen.add(phrase);
    out.push(phrase);
  };
  for (const [theme] of themeReasons.sort((a, b) => b[1] - a[1])) add(spellingsOf(reading, theme)[0] ?? theme);
  const stemsOf = (phrases: string[]) => new Set(phrases.flatMap((p) => tokenize(p).map((w) => w.stem)));
  const inThemes = stemsOf(out);
  for (const pair of pairReasons) if (!pair.split(' ').every((stem) => inThemes.has(stem))) add(reading.pairs.get(pair) ?? pair);
  const inPhrases = new Set(out.flatMap((p) => tokenize(p).map((w) => w.stem)));
  for (const [stem] of termReasons.sort((a, b) => b[1] - a[1])) {
    if (!inPhrases.has(stem)) add(reading.terms.get(stem)?.surface ?? stem);
  }
  return out;
}

/** The words of `pair` ("a b" stems) as `words` spell them, lower-cased. */
function surfaceOf(words: readonly Word[], pair: string): string {
  const [a, b] = pair.split(' ');
  const i = words.findIndex((w, k) => w.stem === a && words[k + 1]?.stem === b);
  return i < 0 ? pair : `${words[i]?.surface} ${words[i + 1]?.surface}`.toLowerCase();
}
