import type { Category, QuestionData } from '../questions/schema.js';
import { fitBullets, type BulletReading } from './bullet-fit.js';
import { findGapBullets, isAboutWork, pickForBullets, placePicks, type GapDetail } from './bullet-picks.js';
import { readBullets } from './bullets.js';
import { linesToAsk, withModelPicks } from './model-picks.js';
import { pickCovering } from './diversify.js';
import { findUnknownNames } from './gaps.js';
import { compileThemes, type ThemeMatcher } from './match.js';
import { findInSenses } from './senses.js';
import { indexBank, pairsOf, STRONG, type BankIndex, type QuestionProfile } from './profile.js';
import { quoteOf } from './quote.js';
import { tiesOf } from './bullet-fit.js';
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
  /** The posting's words that made the question relevant: a quote of the bullet it answers, when it answers one. */
  because: string[];
  /** The whole bullet the quote in `because` comes from. */
  bullet?: string;
  /** How well the question answers that bullet, 0 to 1. */
  fit?: number;
}

export interface TailorResult {
  themes: PostingTheme[];
  questions: RankedQuestion[];
  /** The posting's phrases for themes no question prepares for, then tools it names that no question mentions. */
  gaps: string[];
  /** The bullets no question answers well (fit under FIT), each named in the posting's words. */
  gapDetails: GapDetail[];
  /** How many bullets and sentences the posting has, how many a question answers, and how many questions at the top hold one for each. */
  bullets: { read: number; matched: number; cut: number };
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
/** How much a bullet's fit counts beside relevance to the whole posting, for a question that bullet picked. */
const BULLET_SHARE = 0.5;
/** A question whose best bullet fits it at least this well quotes that bullet as its reason. */
const QUOTE_FIT = 0.25;

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
  bullets: BulletReading[];
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
  return { themes, terms, pairs, unknownNames: findUnknownNames(text, index.idf, matcher), bullets: fitBullets(readBullets(text), index, matcher) };
}

/** A ranker built once per bank; `rank` may then run on any number of postings. */
export function createRanker(questions: readonly QuestionData[], matcher: ThemeMatcher = compileThemes()) {
  const index = indexBank(questions, matcher);
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    index,
    /**
     * The ranking for one posting; with `picks` (a model's questions per line, keyed by the line's text as
     * `linesToAsk` gave it), the lines are fitted with them too.
     */
    rank(posting: string, count = 10, picks?: ReadonlyMap<string, readonly string[]>): TailorResult {
      const reading = readPosting(posting, matcher, index);
      if (picks) reading.bullets = withModelPicks(reading.bullets, picks, new Set(byId.keys()));
      return rankWithIndex(reading, index, matcher, byId, count);
    },
    /** The posting's lines about the work, as a model is asked about them. */
    linesToAsk: (posting: string): string[] => linesToAsk(readBullets(posting)),
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
  // A bullet is a gap or is heard, never both: gap bullets pick no question and are no question's reason.
  const gapDetails = findGapBullets(reading.bullets, new Map(index.profiles.map((p) => [p.id, p])));
  const gapBullets = new Set(gapDetails.map((g) => g.bullet));
  const heard = reading.bullets.filter((b) => !gapBullets.has(b.bullet.text));
  const bulletPicks = pickForBullets(heard, new Map(relevant.map((s) => [s.profile.id, s.relevance])));
  for (const id of bulletPicks.picks.keys()) {
    const profile = index.profiles.find((p) => p.id === id) as QuestionProfile;
    if (!relevant.some((s) => s.profile.id === id)) relevant.push({ profile, theme: 0, term: 0, themeReasons: [], termReasons: [], pairReasons: [], relevance: 0, themes: coverOf(profile) });
  }
  const answers = bestBullets(heard);
  // A question a bullet picked counts that bullet's fit beside its relevance to the whole posting.
  const boosted = relevant.map((s) => ({ ...s, relevance: (1 - BULLET_SHARE) * s.relevance + BULLET_SHARE * (bulletPicks.picks.has(s.profile.id) ? (answers.get(s.profile.id)?.fit ?? 0) : 0) }));
  const diversified = pickCovering(boosted, share, boosted.length, DIVERSITY, OVERLAP).map((r) => ({ ...r, id: r.item.profile.id }));
  const ranked = placePicks(diversified, new Set(bulletPicks.picks.keys()), bulletPicks.cut);
  const first = ranked[0]?.gain || 1;

  let last = 1;
  const top = ranked.slice(0, count).map(({ item: s, gain }): RankedQuestion => {
    const q = byId.get(s.profile.id) as QuestionData;
    // A pick moved up keeps the score of the place it takes, so scores never rise down the list.
    last = Math.min(last, Math.round((gain / first) * 1000) / 1000);
    const picked = bulletPicks.picks.get(q.id);
    const answer = picked ? { reading: picked, fit: picked.fits.find((f) => f.id === q.id)?.fit ?? 0 } : answers.get(q.id);
    const base = { id: q.id, category: q.category, question: q.question, score: last };
    if (answer && answer.fit >= QUOTE_FIT) return { ...base, because: [quoteOf(answer.reading.bullet.text, tiesOf(answer.reading, s.profile, matcher))], bullet: answer.reading.bullet.text, fit: answer.fit };
    return { ...base, because: explain(s.themeReasons, s.pairReasons, s.termReasons, reading) };
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
  const gaps = [...new Set([...themes.filter((t) => t.questions.length === 0).flatMap((t) => t.phrases), ...gapDetails.map((g) => g.text), ...reading.unknownNames])];
  const bullets = { read: reading.bullets.length, matched: bulletPicks.matched, cut: bulletPicks.cut };
  return { themes, questions: top, gaps, gapDetails, bullets };
}

/**
 * Per question: the bullet it answers best and how well. Best is measured against the bullet's best fit, so
 * a question is quoted for the bullet it is first choice for, not for a bullet another question answers better.
 */
function bestBullets(readings: readonly BulletReading[]): Map<string, { reading: BulletReading; fit: number }> {
  const out = new Map<string, { reading: BulletReading; fit: number; rel: number }>();
  for (const reading of readings.filter(isAboutWork)) {
    const top = reading.fits[0]?.fit ?? 0;
    for (const { id, fit } of reading.fits) {
      const rel = fit / top + fit;
      if (rel > (out.get(id)?.rel ?? 0)) out.set(id, { reading, fit, rel });
    }
  }
  return out;
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
