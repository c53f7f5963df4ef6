/**
 * One reading of the answer that every signal shares: its words and sentences, which stretches are bare
 * lists of terms rather than sentences, and where the speaker labelled the parts of a STAR story.
 */
import type { StarPrompts } from '../questions/schema.js';
import { type AnalyzedText, analyzeText } from './text.js';

export type StarPart = keyof StarPrompts;
export const STAR_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result'];

export const SKIP_LIST = 1;
const SKIP_LABEL = 2;

export interface StarLabel {
  part: StarPart;
  /** Token position of the label word. */
  position: number;
  sentence: number;
}

export interface Reading {
  doc: AnalyzedText;
  /** Per token: 0 when it may be evidence, SKIP_LIST inside a bare list of terms, SKIP_LABEL for a STAR label. */
  skip: Uint8Array;
  /** Share of the answer's words that stand in bare lists, 0..1. */
  listShare: number;
  labels: StarLabel[];
}

// Words that make a stretch of words a sentence rather than a list item: a subject or a finite verb.
const CLAUSE_MARKERS = new Set(
  `i we you they he she it me us them is are was were am be been being has have had do does did will would can could
  should must may might shall i'm i've i'd i'll we're we've we'd we'll they're they've it's that's there's let's`.split(/\s+/),
);
const LIST_JOINERS = new Set(['and', 'or', '&']);
/** A clause of at most this many words, with no subject and no verb, reads as an item of a list. */
const ITEM_MAX_WORDS = 4;
/** This many items in a row make a list; two are ordinary speech ("ship it, or move the date"). */
const LIST_MIN_ITEMS = 3;
/** A long run of words with no subject or verb at all is a list too, commas or not. */
const RUN_ON_MIN_WORDS = 7;
const RUN_ON_MAX_SMALL = 0.15;

// What ends a sentence as said: end punctuation, a blank line, or a bullet or heading on the next line.
const SAID_END = /[.!?]["')\]]*\s|\n[ \t]*(?:\n|[-*•#>]|\d+[.)]\s)/;
/** A list after a colon is speech when the words before it say this much: content words, and its length against the list's. */
const LEAD_MIN_CONTENT = 4;
const LEAD_RATIO = 3;
// Words that introduce a list without saying anything ("the following", "these things").
const INTRO_FILLERS = new Set(['following', 'follows', 'things', 'thing', 'areas', 'aspects', 'points', 'items', 'key', 'main', 'focus', 'include', 'includes', 'including']);

const LABEL_WORDS: Record<string, StarPart> = {
  situation: 'situation', context: 'situation', background: 'situation', s: 'situation',
  task: 'task', t: 'task', goal: 'task',
  action: 'action', actions: 'action', a: 'action',
  result: 'result', results: 'result', outcome: 'result', r: 'result',
};
// After a label word: a colon or dash ("Situation:", "S -"), or the end of a heading line ("## Result").
const AFTER_LABEL = /^\s*\**\s*(?::|[-–—](?=\s))/;
const HEADING_BEFORE = /^[ \t]*(?:#{1,6}|\*\*|[-*•])?[ \t]*\**$/;
const LABEL_PHRASES: readonly [string, StarPart][] = [
  ['the situation was', 'situation'], ['the context was', 'situation'], ['the background was', 'situation'],
  ['my task was', 'task'], ['the task was', 'task'], ['my job was', 'task'], ['my role was', 'task'], ['the goal was', 'task'],
  ['what i did was', 'action'], ['my actions were', 'action'], ['the action i took', 'action'],
  ['the result was', 'result'], ['the outcome was', 'result'], ['the results were', 'result'],
];

const PHRASES_BY_FIRST = new Map<string, [string[], StarPart][]>();
for (const [phrase, part] of LABEL_PHRASES) {
  const words = phrase.split(' ');
  const list = PHRASES_BY_FIRST.get(words[0] as string) ?? [];
  list.push([words, part]);
  PHRASES_BY_FIRST.set(words[0] as string, list);
}

export function readAnswer(text: string): Reading {
  const doc = analyzeText(text);
  const skip = new Uint8Array(doc.tokens.length);
  const labels = findLabels(doc, skip);
  const listed = markLists(doc, skip);
  return { doc, skip, listShare: doc.tokens.length === 0 ? 0 : listed / doc.tokens.length, labels };
}

function findLabels(doc: AnalyzedText, skip: Uint8Array): StarLabel[] {
  const out: StarLabel[] = [];
  const { tokens, text } = doc;
  tokens.forEach((t, p) => {
    const part = LABEL_WORDS[t.norm];
    if (!part) return;
    const before = text.slice(tokens[p - 1]?.end ?? 0, t.start);
    const after = text.slice(t.end, tokens[p + 1]?.start ?? text.length);
    const startsLine = p === 0 || t.gapBefore === 'sentence' || before.includes('\n') || /[:;]\s*$/.test(before);
    if (!startsLine) return;
    const single = t.norm.length === 1;
    const colon = AFTER_LABEL.test(after) && !(single && !/^\s*\**\s*:/.test(after));
    const heading =
      !single && /^[ \t]*\**[ \t]*(?:\n|$)/.test(after) && HEADING_BEFORE.test(text.slice(text.lastIndexOf('\n', t.start - 1) + 1, t.start));
    if (!colon && !heading) return;
    // "A: ..." is a label only when the answer uses the other letters too.
    skip[p] = 2;
    out.push({ part, position: p, sentence: t.sentence });
  });
  const letters = out.filter((l) => tokens[l.position]?.norm.length === 1);
  if (letters.length > 0 && letters.length < 2) {
    for (const l of letters) skip[l.position] = 0;
    out.splice(0, out.length, ...out.filter((l) => !letters.includes(l)));
  }
  tokens.forEach((t, p) => {
    for (const [words, part] of PHRASES_BY_FIRST.get(t.norm) ?? []) {
      if (words.every((w, k) => tokens[p + k]?.norm === w) && tokens[p + words.length - 1]?.sentence === t.sentence) {
        out.push({ part, position: p, sentence: t.sentence });
      }
    }
  });
  return out.sort((a, b) => a.position - b.position);
}

/** Marks bare lists of terms; returns how many words they hold. */
function markLists(doc: AnalyzedText, skip: Uint8Array): number {
  const { tokens } = doc;
  const clauses: Clause[] = [];
  let from = 0;
  for (let p = 1; p <= tokens.length; p++) {
    if (p === tokens.length || tokens[p]?.clause !== tokens[from]?.clause) {
      clauses.push({ from, to: p, item: isItem(doc, from, p) });
      from = p;
    }
  }
  let listed = 0;
  const mark = (a: number, b: number) => {
    for (let p = a; p < b; p++) {
      if (skip[p] === 0) {
        skip[p] = SKIP_LIST;
        listed++;
      }
    }
  };
  for (let i = 0; i < clauses.length; ) {
    let j = i;
    while (j < clauses.length && clauses[j]?.item) j++;
    if (j - i >= LIST_MIN_ITEMS) {
      if (!isIntroduced(doc, clauses, i, j)) mark(clauses[i]?.from ?? 0, clauses[j - 1]?.to ?? 0);
    } else {
      for (let k = i; k < j; k++) {
        const c = clauses[k];
        if (c && c.to - c.from >= RUN_ON_MIN_WORDS) mark(c.from, c.to);
      }
    }
    i = j === i ? i + 1 : j;
  }
  return listed;
}

interface Clause {
  from: number;
  to: number;
  item: boolean;
}

/**
 * Whether a run of items (clauses i..j-1) is a list told inside a sentence: it follows a colon or "such as"
 * in a sentence whose words before it have a subject or a verb, and say enough to carry it. "I focus on the
 * following: ..." hangs a long list on a clause that says nothing, and stays a list.
 */
function isIntroduced(doc: AnalyzedText, clauses: readonly Clause[], i: number, j: number): boolean {
  const { tokens, text } = doc;
  const first = clauses[i];
  if (!first) return false;
  // Whether the sentence goes on from token p-1 to p: no end punctuation between them (a wrapped line is no end).
  const goesOn = (p: number) => p > 0 && !SAID_END.test(text.slice(tokens[p - 1]?.end, tokens[p]?.start));
  let at = -1;
  for (let k = i; k < j && at === -1; k++) {
    const c = clauses[k] as Clause;
    if (goesOn(c.from) && text.slice(tokens[c.from - 1]?.end, tokens[c.from]?.start).includes(':')) at = c.from;
  }
  // Or a colon earlier in the sentence, before an item too long to be one ("five things: one set of code, ...").
  for (let p = first.from; at === -1 && goesOn(p); p--) {
    if (text.slice(tokens[p - 1]?.end, tokens[p]?.start).includes(':')) at = p;
  }
  if (at === -1) {
    // "such as" closing the clause just before the run: "practices such as canary releases, flags, ...".
    const prev = clauses[i - 1];
    const hasSuchAs = prev !== undefined && tokens.slice(prev.from, prev.to).some((t, k, ts) => t.norm === 'such' && ts[k + 1]?.norm === 'as');
    if (hasSuchAs && goesOn(first.from)) at = first.from;
  }
  if (at === -1) return false;
  let start = at;
  while (goesOn(start)) start--;
  let speaks = false;
  let content = 0;
  for (let p = start; p < at; p++) {
    const t = tokens[p] as (typeof tokens)[number];
    if (CLAUSE_MARKERS.has(t.norm)) speaks = true;
    if (!t.stop && !INTRO_FILLERS.has(t.norm)) content++;
  }
  const listWords = (clauses[j - 1]?.to ?? at) - at;
  return speaks && content >= LEAD_MIN_CONTENT && listWords <= LEAD_RATIO * (at - start);
}

function isItem(doc: AnalyzedText, from: number, to: number): boolean {
  let words = 0;
  let small = 0;
  for (let p = from; p < to; p++) {
    const t = doc.tokens[p];
    if (!t) continue;
    if (CLAUSE_MARKERS.has(t.norm)) return false;
    if (LIST_JOINERS.has(t.norm)) continue;
    words++;
    if (t.stop) small++;
  }
  // A long stretch with neither subject nor verb, and hardly a small word, is a list on its own.
  return words <= ITEM_MAX_WORDS || (words >= RUN_ON_MIN_WORDS && small / words < RUN_ON_MAX_SMALL);
}
