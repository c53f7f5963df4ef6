import type { Bullet } from './bullets.js';
import type { ThemeMatcher } from './match.js';
import type { BankIndex, QuestionProfile } from './profile.js';
import { pairsOf, STRONG } from './profile.js';
import { distinctSenses, findInSenses, namesOtherSense } from './senses.js';
import { isGeneric, tokenize } from './words.js';

/**
 * A bullet of the posting as the bank sees it: its themes (in the senses its sentence gives them), its
 * specific words, and how well each question answers it.
 */
export interface BulletReading {
  bullet: Bullet;
  /** Per theme found in it: how much the theme says (rare themes say more). */
  themes: Map<string, number>;
  /** Per specific stem: how much it says (its rarity in the bank; a word the bank never uses counts too). */
  stems: Map<string, number>;
  pairs: Set<string>;
  /** The share (0..1) of the specific words' weight that stands in theme phrases. */
  themeCover: number;
  /** Words of two distinct senses (DORA), with the theme of the sense the bullet gives them. */
  senses?: Map<string, { read: string; first: string }>;
  /** Questions that answer it at all, best first, with fits from 0 to 1. */
  fits: { id: string; fit: number }[];
  /** A model grader read the line and said no question of the bank prepares for it. */
  modelNone?: boolean;
}

/**
 * A fit of FIT or more means the question answers the bullet: it is tuned on the tune half of the postings
 * (test/fixtures/postings) and documented in docs/tailor.md. Below it the bullet is a gap.
 */
export const FIT = 0.35;
/** How much of a fit the themes give and how much the shared words give. */
const THEME_PART = 0.5;
/** A word the bank never uses weighs as a word used by one question in this many. */
const UNKNOWN_RARITY = 8;
/** A pair of specific words in a row shared with what a question asks adds this much of its weight again. */
const PAIR_BONUS = 0.5;
/** A question that covers many themes answers each a little less (as in the posting-wide ranking). */
const BREADTH_DAMPING = 0.25;
/** How much a question must say a word (in field weights: 3 in what it asks, 2 in a key point, 0.4 in its answer) to answer half of it. */
const SATURATION = 1.5;
/** A bullet says at least this much (about three words used by one question in ten): a bullet of one or two
 * common words ("developer experience") is not answered in full by every question that uses them. */
const WORD_FLOOR = 3 * Math.log(10);
/** A bullet names a practice: a question about the practice answers it a little better than a story about one time. */
const BEHAVIORAL = 0.9;
/** A question that answers one part of a bullet answers the bullet this much. */
const CLAUSE_SHARE = 1;
/** Theme phrases that hold this share of a bullet's weight give the themes their full part of the fit. */
const FULL_COVER = 0.5;

/** A question on a word's other sense (the EU act called DORA) answers a bullet that does not name it this much. */
const UNNAMED_SUBJECT = 0.6;

/**
 * A question that asks about a word in its other sense is about that subject (the EU act, not any change
 * process or vendor): it answers a bullet only in full when the bullet names the word too.
 */
function namesSubject(reading: Pick<BulletReading, 'bullet'>, profile: QuestionProfile): boolean {
  for (const [stem, { read, first }] of profile.senses) if (read !== first && !namesOtherSense(reading.bullet.text, first, stem)) return false;
  return true;
}

/** Reads each bullet and fits every question of the bank to it. Pure. */
export function fitBullets(bullets: readonly Bullet[], index: BankIndex, matcher: ThemeMatcher): BulletReading[] {
  return bullets.map((bullet) => {
    const reading = { bullet, ...readText(bullet.text, index, matcher), fits: [] as { id: string; fit: number }[] };
    // A bullet that asks for two things ("release notes, and keep support informed") is answered by a
    // question on either: a question's fit is the better of its fit to the whole and to one part.
    const parts = clausesOf(bullet.text).map((c) => readText(c, index, matcher)).filter((c) => c.stems.size >= 2 || c.themes.size > 0);
    reading.fits = index.profiles
      .filter((p) => !p.aboutYou)
      .map((p) => {
        const whole = fitOf(reading, p);
        const part = parts.length > 1 ? Math.max(...parts.map((c) => fitOf(c, p))) * CLAUSE_SHARE : 0;
        return { id: p.id, fit: round(Math.max(whole, part) * (p.behavioral ? BEHAVIORAL : 1) * (namesSubject(reading, p) ? 1 : UNNAMED_SUBJECT)) };
      })
      .filter((f) => f.fit > 0)
      .sort((a, b) => b.fit - a.fit || (a.id < b.id ? -1 : 1));
    return reading;
  });
}

/** A text's themes (in their senses), specific words and pairs of them. */
function readText(text: string, index: BankIndex, matcher: ThemeMatcher): Omit<BulletReading, 'fits' | 'bullet'> {
  const themes = new Map<string, number>();
  const counts = new Map<string, number>();
  const inThemes = new Set<string>();
  for (const hit of findInSenses(matcher, text)) {
    counts.set(hit.theme, (counts.get(hit.theme) ?? 0) + 1);
    for (const w of tokenize(hit.surface)) inThemes.add(w.stem);
  }
  // A theme weighs more the more of the text it is and the fewer questions share it.
  for (const [theme, n] of counts) themes.set(theme, (1 + Math.log(n)) * Math.log(1 + index.size / (1 + (index.themeCounts.get(theme) ?? 0))));
  const words = tokenize(text);
  const stems = new Map<string, number>();
  for (const w of words) {
    if (isGeneric(w.stem)) continue;
    stems.set(w.stem, index.idf.get(w.stem) ?? Math.log(UNKNOWN_RARITY));
  }
  // A theme phrase of everyday words ("many teams", "say no") still says its theme: its words weigh as a rare word.
  const plain = [...inThemes].filter((stem) => isGeneric(stem)).length * Math.log(UNKNOWN_RARITY);
  const total = [...stems.values()].reduce((a, b) => a + b, 0) + plain;
  const covered = [...stems].reduce((a, [stem, w]) => a + (inThemes.has(stem) ? w : 0), 0) + plain;
  return { themes, stems, pairs: new Set(pairsOf(words)), themeCover: total === 0 ? (themes.size > 0 ? 1 : 0) : covered / total, senses: distinctSenses(matcher, text) };
}

/** The parts of a bullet that could each be asked about: split at semicolons, colons and "and" after a comma. */
function clausesOf(text: string): string[] {
  return text.split(/\s*(?:[;:]|,\s*(?:and|or)\s|,\s+(?=[a-z]+\s))\s*/).filter((c) => c.trim() !== '');
}

/** How well one question answers one bullet, 0 to 1. */
export function fitOf(reading: Omit<BulletReading, 'fits' | 'bullet'>, profile: QuestionProfile): number {
  let themeSum = 0;
  let themeHit = 0;
  let themeBest = 0;
  for (const [theme, weight] of reading.themes) {
    themeSum += weight;
    // Squared, so that a theme the question asks about counts far above one its key points or answer touch.
    const strength = (profile.themes.get(theme) ?? 0) ** 2;
    themeHit += weight * strength;
    themeBest = Math.max(themeBest, strength);
  }
  let wordSum = 0;
  let wordHit = 0;
  for (const [stem, weight] of reading.stems) {
    wordSum += weight;
    // Saturating in how much the question says the word, counted by where it says it (asked and tagged words
    // count most, the model answer least), so one mention in an anecdote counts little.
    // A word read in one sense is not answered by a question on the other (DORA the metrics, DORA the act).
    const mine = reading.senses?.get(stem)?.read;
    const other = mine !== (profile.senses.get(stem)?.read ?? mine);
    const said = other ? 0 : (profile.terms.get(stem) ?? 0);
    wordHit += weight * (said / (said + SATURATION));
  }
  for (const pair of reading.pairs) {
    if (!profile.pairs.has(pair)) continue;
    const [a, b] = pair.split(' ') as [string, string];
    wordHit += PAIR_BONUS * ((reading.stems.get(a) ?? 0) + (reading.stems.get(b) ?? 0));
  }
  const words = wordSum === 0 ? 0 : Math.min(1, wordHit / Math.max(wordSum, WORD_FLOOR));
  if (themeSum === 0) return round(words);
  const breadth = Math.sqrt([...profile.themes.values()].reduce((a, v) => a + v * v, 0)) || 1;
  // A bullet that asks for two things is answered in part by a question on one of them: half the theme part
  // is the best single theme, half the share of all of them.
  const themes = ((themeHit / themeSum + themeBest) / 2) / Math.max(1, breadth) ** BREADTH_DAMPING;
  // The themes speak for the part of the bullet they stand in: one theme word ("negotiate") in a bullet of
  // words the bank never uses ("payroll budget") does not make a stakeholder question its answer.
  const share = THEME_PART * Math.min(1, reading.themeCover / FULL_COVER);
  return round(share * themes + (1 - share) * words);
}

/** The bullet's words that tie it to a question, with their weights: what a quote for that question should hold. */
export function tiesOf(reading: BulletReading, profile: QuestionProfile, matcher: ThemeMatcher): Map<string, number> {
  const out = new Map<string, number>();
  for (const [stem, weight] of reading.stems) if (profile.keyStems.has(stem)) out.set(stem, weight);
  for (const hit of findInSenses(matcher, reading.bullet.text)) {
    if ((profile.themes.get(hit.theme) ?? 0) < STRONG) continue;
    for (const w of tokenize(hit.surface)) out.set(w.stem, (out.get(w.stem) ?? 0) + (reading.themes.get(hit.theme) ?? 0));
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
