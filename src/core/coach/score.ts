import type { Category } from '../questions/schema.js';
import { LONG_ABOVE_SECONDS, SHORT_BELOW_SECONDS, describeTarget, formatSpoken } from './delivery.js';
import { TUNING } from './tuning.js';
import type { Delivery, Fillers, Ownership, Specifics, Structure, TalkingPoint } from './types.js';

/** Points out of 100 for each signal; a signal that does not apply to a question gives its share to the rest. */
export const WEIGHTS = {
  talkingPoints: 50,
  structure: 20,
  specifics: 15,
  delivery: 10,
  ownership: 5,
} as const;

type Signal = keyof typeof WEIGHTS;

/** Covering this share of the talking points earns the whole talking-points weight. */
export const FULL_COVERAGE = 1;
/** Part of the talking-points weight that rewards staying on the question's topic (its own words used). */
export const TOPIC_SHARE = 0.2;
export const TOPIC_FULL_AT = 0.4;
/** A point that was not covered but whose own words were partly said earns at most this much. */
const NEAR_MISS_CAP = 0.3;
/** Structure, specifics, delivery and ownership count FORM_FLOOR of their weight when the talking-points part is 0, all of it from FORM_FULL_AT up. */
export const FORM_FLOOR = 0.25;
export const FORM_FULL_AT = 0.5;
/** Answers from this many words are not capped by their length; below it, the cap falls in a line to LENGTH_CAP_FLOOR. */
export const LENGTH_FULL_WORDS = 150;
const LENGTH_CAP_FLOOR = 15;
/** Share of the missing points that speaking long enough would plausibly bring back; ranks the "too short" advice. */
const SHORT_UNLOCKS = 0.4;
const FILLERS_FREE_PER_MINUTE = 2;
/** From this share of words in bare lists, the first suggestion says the answer reads like a list. */
const LIST_ADVICE_AT = 0.3;
const FILLERS_ZERO_PER_MINUTE = 10;

export interface ScoreInput {
  category: Category;
  words: number;
  talkingPoints: TalkingPoint[];
  /** Per point, 0..1 (see analyzeTalkingPoints). */
  pointCredit: number[];
  /** Per point, 0..1: how much was said for a covered point (see assessIdeas); absent counts as developed. */
  pointDepth?: readonly number[];
  /** Share of the question's own content words used in the answer, 0..1. */
  topic: number;
  structure: Structure;
  specifics: Specifics;
  fillers: Fillers;
  ownership: Ownership;
  delivery: Delivery;
  /** Share of the answer's words in bare lists of terms, 0..1. */
  listShare: number;
  followUps: readonly string[];
}

export interface ScoreResult {
  score: number;
  /** Each applicable signal, 0..1. */
  parts: Partial<Record<Signal, number>>;
  suggestions: string[];
}

export function scoreAnswer(input: ScoreInput): ScoreResult {
  if (input.words === 0) {
    return {
      score: 0,
      parts: {},
      suggestions: [
        'Give an answer: even three sentences on what you did and how it ended can be coached',
        'Aim for 1-3 minutes spoken, about 150 to 450 words',
      ],
    };
  }
  const parts = scoreParts(input);
  // Form earns full credit only on substance: a tidy, well-delivered answer to another question is still a miss.
  const substance = parts.talkingPoints ?? 1;
  const formFactor = FORM_FLOOR + (1 - FORM_FLOOR) * Math.min(1, substance / FORM_FULL_AT);
  let got = 0;
  let possible = 0;
  for (const [signal, value] of Object.entries(parts) as [Signal, number][]) {
    got += WEIGHTS[signal] * value * (signal === 'talkingPoints' ? 1 : formFactor);
    possible += WEIGHTS[signal];
  }
  // Words in a bare list earn nothing, and the form of such an answer earns nothing either.
  const prose = 1 - Math.min(1, input.listShare);
  const raw = possible === 0 ? 0 : clampInt(Math.round(((100 * got) / possible) * prose), 0, 100);
  const score = Math.min(raw, lengthCap(input.words));

  return { score, parts, suggestions: suggest(input, parts, possible, formFactor, score) };
}

/**
 * The most a short answer can score, by its length in words: one straight line from 15 at no words to 100 at
 * 150 words (a minute spoken), so 40 words allow 37 and 70 words 54. An answer of a sentence or two can name
 * the points but cannot tell them, and no single word more or less changes the score by more than a point.
 */
export function lengthCap(words: number): number {
  if (words >= LENGTH_FULL_WORDS) return 100;
  return Math.floor(LENGTH_CAP_FLOOR + ((100 - LENGTH_CAP_FLOOR) * Math.max(0, words)) / LENGTH_FULL_WORDS);
}

function scoreParts(input: ScoreInput): Partial<Record<Signal, number>> {
  const parts: Partial<Record<Signal, number>> = {};
  const { pointCredit, structure, specifics, delivery, fillers, ownership, category } = input;

  if (pointCredit.length > 0) {
    const developed = (k: number) => TUNING.depthFloor + (1 - TUNING.depthFloor) * (input.pointDepth?.[k] ?? 1);
    const sum = pointCredit.reduce((acc, c, k) => acc + (c >= 1 ? developed(k) : Math.min(NEAR_MISS_CAP, c * 0.5)), 0);
    const points = Math.min(1, sum / pointCredit.length / FULL_COVERAGE);
    parts.talkingPoints = (1 - TOPIC_SHARE) * points + TOPIC_SHARE * Math.min(1, input.topic / TOPIC_FULL_AT);
  }

  if (structure.kind === 'star') {
    const present = structure.parts.filter((p) => p.present).length;
    parts.structure = (present / structure.parts.length) * 0.75 + (structure.resultHasOutcome ? 0.25 : 0);
  } else if (structure.kind === 'framework' && structure.parts.length > 0) {
    const present = structure.parts.filter((p) => p.present).length;
    parts.structure = Math.min(1, present / structure.parts.length / FULL_COVERAGE);
  }

  const numbersPart = Math.min(specifics.numbers.length, 3) / 3;
  const toolsPart = Math.min(specifics.tools.length, 2) / 2;
  parts.specifics = category === 'behavioral' ? 0.75 * numbersPart + 0.25 * toolsPart : 0.5 * numbersPart + 0.5 * toolsPart;

  const s = delivery.estimatedSeconds;
  const lengthPart =
    delivery.band === 'short'
      ? s / (delivery.shortBelow ?? SHORT_BELOW_SECONDS)
      : delivery.band === 'long'
        ? Math.max(0.4, 1 - (s - (delivery.longAbove ?? LONG_ABOVE_SECONDS)) / 240)
        : 1;
  parts.delivery = 0.7 * lengthPart + 0.3 * fillerPart(fillers.perMinute);

  if (category === 'behavioral') {
    const said = ownership.i + ownership.we;
    parts.ownership = said === 0 ? 0 : Math.min(1, ownership.i / said / 0.5);
  }
  return parts;
}

interface Candidate {
  text: string;
  /** Roughly the points the answer would gain by following it; orders the suggestions. */
  gain: number;
}

function suggest(
  input: ScoreInput,
  parts: Partial<Record<Signal, number>>,
  possible: number,
  formFactor: number,
  score: number,
): string[] {
  // Points a whole signal is worth here, form signals discounted as in the score.
  const worth = (signal: Signal, gated = true) =>
    parts[signal] === undefined ? 0 : ((100 * WEIGHTS[signal]) / possible) * (gated && signal !== 'talkingPoints' ? formFactor : 1);
  const out: Candidate[] = [];
  const { talkingPoints, structure, specifics, fillers, ownership, delivery, category } = input;

  if (talkingPoints.length > 0) {
    const perPoint = (worth('talkingPoints') * (1 - TOPIC_SHARE)) / (talkingPoints.length * FULL_COVERAGE);
    talkingPoints
      .filter((p) => !p.covered)
      .slice(0, 2)
      .forEach((p, k) => {
        const text = `${k === 0 ? 'Not heard' : 'Also not heard'}: ${lowerFirst(p.point)}`;
        out.push({ text, gain: perPoint * (k === 0 ? 1 : 0.99) });
      });
  }

  if (structure.kind === 'star') {
    const has = (name: string) => structure.parts.some((p) => p.name === name && p.present);
    const perPart = (worth('structure') * 0.75) / 4;
    const outcome = structure.resultHasOutcome ? 0 : worth('structure') * 0.25;
    if (!has('result')) {
      out.push({ text: 'Add the result: what changed, in a number (time saved, incidents avoided, a percentage)', gain: perPart + outcome });
    } else if (outcome > 0) {
      out.push({ text: 'Put a number on the result: how much faster, how many fewer incidents, what percentage', gain: outcome });
    }
    if (!has('action')) out.push({ text: 'Describe the steps you took yourself, in order: "I did X, then Y"', gain: perPart });
    if (!has('situation')) out.push({ text: 'Open with the situation: where you were and what was at stake, in one or two sentences', gain: perPart * 0.99 });
    if (!has('task')) out.push({ text: 'Say what you were responsible for before telling what happened', gain: perPart * 0.98 });
  } else if (structure.kind === 'framework') {
    const first = structure.parts.find((p) => !p.present);
    const perStep = worth('structure') / Math.max(1, structure.parts.length * FULL_COVERAGE);
    if (first) out.push({ text: `Cover this step too: ${lowerFirst(first.name)}`, gain: perStep });
  }

  const numbersShare = category === 'behavioral' ? 0.75 : 0.5;
  if (specifics.numbers.length === 0) {
    out.push({ text: 'Add specifics: a duration, a count or a percentage makes the answer believable', gain: worth('specifics') * numbersShare });
  }
  if (specifics.tools.length === 0 && category !== 'behavioral') {
    out.push({ text: 'Name the tools and practices you used, such as your CI server, canary releases or feature flags', gain: worth('specifics') * (1 - numbersShare) });
  }

  if (category === 'behavioral' && ownership.we > ownership.i) {
    out.push({ text: `Say what you did yourself: ${ownership.we} "we" against ${ownership.i} "I"`, gain: worth('ownership') * (1 - (parts.ownership ?? 0)) });
  }

  // A short answer caps everything else: part of what is still missing is only missing for lack of time.
  if (delivery.band === 'short') {
    const shortBy = 1 - delivery.estimatedSeconds / (delivery.shortBelow ?? SHORT_BELOW_SECONDS);
    // Capped by its length, the answer gains most by being told at all: this comes first.
    const capped = input.words < LENGTH_FULL_WORDS;
    const gain = capped ? 99 : Math.max(worth('delivery', false) * 0.7, (100 - score) * SHORT_UNLOCKS) * shortBy;
    out.push({ text: `Too short: ${formatSpoken(delivery.estimatedSeconds)} spoken; aim for ${delivery.timeLimit ? `close to ${describeTarget(delivery)}` : '1-3 minutes'}`, gain });
  } else if (delivery.band === 'long') {
    out.push({ text: `Too long: ${formatSpoken(delivery.estimatedSeconds)} spoken; cut background and keep it ${delivery.timeLimit ? `within ${describeTarget(delivery)}` : 'under 3 minutes'}`, gain: worth('delivery', false) * 0.7 * 0.5 });
  }
  if (fillers.perMinute > FILLERS_FREE_PER_MINUTE) {
    const top = fillers.top[0];
    const mostly = top && top.count > 1 ? `, mostly "${top.word}"` : '';
    const gain = worth('delivery', false) * 0.3 * (1 - fillerPart(fillers.perMinute));
    out.push({ text: `Cut the fillers: ${fillers.perMinute} per minute${mostly}; a short pause sounds better`, gain });
  }

  if (input.listShare >= LIST_ADVICE_AT) {
    out.push({ text: 'This reads like a list of terms: say what you did and what happened, in sentences', gain: 100 });
  }

  out.sort((a, b) => b.gain - a.gain);
  const texts = out.filter((c) => c.gain > 0).slice(0, 4).map((c) => c.text);
  const followUp = input.followUps[0];
  if (texts.length < 2 && followUp) texts.push(`Be ready for a follow-up: ${followUp}`);
  if (texts.length < 2) texts.push('Rehearse it aloud once more and time it; keep the same order');
  return texts;
}

function fillerPart(perMinute: number): number {
  return clamp01(1 - (perMinute - FILLERS_FREE_PER_MINUTE) / (FILLERS_ZERO_PER_MINUTE - FILLERS_FREE_PER_MINUTE));
}

function lowerFirst(s: string): string {
  // Keep acronyms ("SLOs", "CI") as written.
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.trunc(x)));
}
