/**
 * Words a posting uses in more than one sense: "DORA" is the delivery metrics or the EU's Digital
 * Operational Resilience Act; a "release train" is SAFe's agile release train or an app's weekly train.
 * A theme phrase counts only in the sense its own sentence gives it.
 */
import type { ThemeHit, ThemeMatcher } from './match.js';
import { tokenize } from './words.js';

interface Sense {
  /** The theme the phrase is found for, and the phrase (lower-case) that has another sense. */
  theme: string;
  phrase: RegExp;
  /** Words of the sentence that give it the other sense. */
  cues: RegExp;
  /** The theme of the other sense; none when the bank has no theme for it. */
  other?: string;
  /** Words that keep the first sense even beside a cue ("SAFe", "PI planning" with "mobile"). */
  keeps?: RegExp;
  /** The two senses share nothing but the word: a question in one sense is not answered by the word in the other. */
  distinct?: boolean;
}

const SENSES: readonly Sense[] = [
  {
    theme: 'dora',
    phrase: /^dora$/i,
    cues: /\b(?:digital operational resilience|operational resilience|resilience act|ict risk|ict third|third[- ]party risk|resilience testing|threat[- ]led|tlpt|regulation|regulatory|regulator|eu|european|directive|supervisor)\b/i,
    other: 'compliance',
    keeps: /\b(?:deployment frequency|lead time|change failure|time to restore|mttr|four key|metrics?)\b/i,
    distinct: true,
  },
  {
    theme: 'safe',
    phrase: /^release trains?$/i,
    cues: /\b(?:mobile|app|apps|ios|android|app store|play store|testflight|binary|binaries|weekly|fortnightly|store review)\b/i,
    other: 'mobile',
    keeps: /\bSAFe\b|\bARTs?\b|\bRTE\b|\bPI\b|[Ss]caled [Aa]gile|[Pp]rogram(?:me)? [Ii]ncrement|[Rr]elease [Tt]rain [Ee]ngineer/,
  },
];

/**
 * Phrases that name a theme only in one sense: "release management" is the job itself in most postings and
 * ITIL 4's release management practice only beside ITIL's own words ("practice", "ITSM", "service value").
 * Found in a posting's sentences, never in the bank's questions, which use the phrase for the job.
 */
const PRACTICES: readonly { theme: string; phrase: RegExp; cues: RegExp }[] = [
  {
    theme: 'itil',
    phrase: /\brelease management\b/gi,
    cues: /\bITIL\b|\bITSM\b|(?<!\bbest )\bpractices?\b|\bservice management\b|\bservice value\b|\bservice transition\b/i,
  },
];

/**
 * The sentences of a posting: split at sentence ends, blank lines, headings and bullets, but not at a line
 * break inside a wrapped sentence ("change\nadvisory board" is one phrase).
 */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;:])\s+|\n[ \t]*(?=\n|[-*•#]|\d+[.)]\s)/).filter((s) => s.trim() !== '');
}

/** A hit read in its sentence's sense: kept, moved to the theme of the other sense, or dropped. */
export function senseOf(hit: ThemeHit, sentence: string): ThemeHit | undefined {
  for (const sense of SENSES) {
    if (hit.theme !== sense.theme || !sense.phrase.test(hit.surface.trim())) continue;
    if (!sense.cues.test(sentence) || sense.keeps?.test(sentence.replace(hit.surface, ' '))) return hit;
    return sense.other ? { theme: sense.other, surface: hit.surface } : undefined;
  }
  return hit;
}

/** Every theme hit of a posting, sentence by sentence, each in the sense its sentence gives it. */
export function findInSenses(matcher: ThemeMatcher, text: string): ThemeHit[] {
  const out: ThemeHit[] = [];
  for (const sentence of sentencesOf(text)) {
    for (const hit of matcher.find(tokenize(sentence), sentence)) {
      const read = senseOf(hit, sentence);
      if (read) out.push(read);
    }
    out.push(...practicesIn(sentence));
  }
  return out;
}

/** The practices a sentence names in their practice sense: "release management" beside ITIL's words. */
function practicesIn(sentence: string): ThemeHit[] {
  const out: ThemeHit[] = [];
  for (const { theme, phrase, cues } of PRACTICES) {
    if (!cues.test(sentence)) continue;
    for (const m of sentence.matchAll(phrase)) out.push({ theme, surface: m[0] });
  }
  return out;
}

/**
 * The stems of words with distinct senses (DORA) in `text`, each with the theme of the sense read (and of its first sense): from its own
 * sentence, or from `context` when given (a question's sense comes from what it asks and its tags).
 */
export function distinctSenses(matcher: ThemeMatcher, text: string, context?: string): Map<string, { read: string; first: string }> {
  const out = new Map<string, { read: string; first: string }>();
  for (const sentence of sentencesOf(text)) {
    for (const hit of matcher.find(tokenize(sentence), sentence)) {
      const sense = SENSES.find((s) => s.distinct === true && s.theme === hit.theme && s.phrase.test(hit.surface.trim()));
      if (!sense) continue;
      const read = senseOf(hit, context ?? sentence);
      for (const w of tokenize(hit.surface)) out.set(w.stem, { read: read?.theme ?? '', first: sense.theme });
    }
  }
  return out;
}

/** Whether `text` names the subject of a word's other sense: the word itself, or the words that give that sense ("operational resilience"). */
export function namesOtherSense(text: string, first: string, stem: string): boolean {
  const sense = SENSES.find((s) => s.distinct === true && s.theme === first);
  return tokenize(text).some((w) => w.stem === stem) || (sense?.cues.test(text) ?? false);
}
