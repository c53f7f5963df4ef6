/**
 * What a story must contain to answer a behavioral question at all (the question's `mustTell`), found the
 * way the coach reads an answer: the field's terms and their synonyms, in prose, not denied in their clause,
 * and told of the right person. A payments outage story that never says the outage was the teller's doing
 * does not answer "tell me about a mistake you made", however many of its talking points it touches.
 */
import { compileTerm, isNegator, matchTerm, type TermPattern } from '../coach/match.js';
import { readAnswer, type Reading } from '../coach/reading.js';
import { buildThesaurus, type Thesaurus } from '../coach/synonyms.js';
import { bareStem, phraseStems, spanText, splitWords, stemWord, type Span } from '../coach/text.js';
import type { QuestionData } from '../questions/schema.js';

export interface Tells {
  /** What the question needs the story to tell (the question's `mustTell.what`). */
  what: string;
  /** The story's own words that tell it, or null when the story does not. */
  found: string | null;
  /** Who heard it, when the words did not but a model grader did (its quote checked against the story). */
  heardBy?: 'model';
}

/** Who the element must be told of, read from the terms: the teller's own act, or others' dealings. */
type Actor = 'teller' | 'others' | 'any';

interface Compiled {
  what: string;
  /** Each term, and its small words that the coach's phrase matching lets go ("on" of "on call"). */
  patterns: { pattern: TermPattern; small: string[] }[];
  actor: Actor;
}

// A term in the first person ("my fault", "i decided") asks for the teller's own act; one about people
// "between" each other asks for others' dealings, which the teller at most helped settle.
const FIRST_PERSON_TERM = /^(?:i|my|mine|i'm|i've|i'd)\b/i;
const BETWEEN_TERM = /\b(?:between|each other|both sides)\b/i;
const TELLER = new Set(['i', 'we', "i'd", "i'm", "i've", "we'd", "we've"]);
const TELLER_OBJECT = new Set(['me', 'us', 'myself', 'i']);
/** Subjects that are someone else: third persons and the roles a release story names. */
const OTHER = new Set(
  `he she they who director manager lead head ceo cto cio vp boss owner administrator dba engineer developer
  provider vendor supplier team tester architect president executive sponsor board`.split(/\s+/),
);
const QUOTE_MAX = 100;
/** How far before a match a term's small word may stand: "on call", "on the call". */
const SMALL_REACH = 3;

let thesaurus: Thesaurus | undefined;
const compiled = new WeakMap<object, Compiled>();

function compile(q: QuestionData): Compiled | undefined {
  if (!q.mustTell) return undefined;
  let c = compiled.get(q.mustTell);
  if (!c) {
    // The terms are the question writer's own list of ways to say the element; the coach's synonyms would
    // stretch them ("on call" heard in "on duty" of a lunchtime incident).
    thesaurus ??= buildThesaurus([]);
    const { what, terms } = q.mustTell;
    const actor: Actor = terms.some((t) => FIRST_PERSON_TERM.test(t)) ? 'teller' : terms.some((t) => BETWEEN_TERM.test(t)) ? 'others' : 'any';
    c = { what, patterns: terms.map((t) => ({ pattern: compileTerm(t, thesaurus as Thesaurus, true), small: smallWordsOf(t) })), actor };
    compiled.set(q.mustTell, c);
  }
  return c;
}

/** Whether the story tells what the question asks for, and in which words; undefined when the question names nothing. */
export function findTells(question: QuestionData, story: string | Reading): Tells | undefined {
  const c = compile(question);
  if (!c) return undefined;
  const reading = typeof story === 'string' ? readAnswer(story) : story;
  for (const { pattern, small } of c.patterns) {
    for (const span of matchTerm(reading, pattern)) {
      // Compiled as 'either' so that this reading of a denial, which knows subjects, replaces the coach's.
      if (pattern.polarity === 'either' && deniedInClause(reading, span.from)) continue;
      if (hypothetical(reading, span)) continue;
      if (!small.every((w) => saidNear(reading, span, w))) continue;
      if (!told(reading, span, c.actor)) continue;
      return { what: c.what, found: quoteOf(reading, span) };
    }
  }
  return { what: c.what, found: null };
}

/** The small words of a term that phrase matching drops: in a must-tell term they carry the sense ("their morning", "i decided"). */
function smallWordsOf(term: string): string[] {
  const kept = new Set(phraseStems(term).map(bareStem));
  return splitWords(term).filter((w) => !kept.has(stemWord(w)));
}

/** The word stands in the match or among the few words before it, in its clause. */
function saidNear(reading: Reading, span: Span, word: string): boolean {
  const { tokens } = reading.doc;
  const clause = tokens[span.from]?.clause;
  for (let p = Math.max(0, span.from - SMALL_REACH); p < span.to; p++) if (tokens[p]?.clause === clause && tokens[p]?.norm === word) return true;
  return false;
}

/** A negator before the match in its clause, with no new subject between: "we never had to use the back-out plan". */
function deniedInClause(reading: Reading, at: number): boolean {
  const { tokens } = reading.doc;
  const clause = tokens[at]?.clause;
  for (let p = at - 1; p >= 0 && tokens[p]?.clause === clause; p--) {
    const t = tokens[p];
    // "Without the logs I made the call": a subject after the negator starts a statement of its own.
    if (t?.norm === 'but' || TELLER.has(t?.norm ?? '') || OTHER.has(t?.norm ?? '')) return false;
    if (t && isNegator(t.norm)) return true;
  }
  return false;
}

/** Words that make what follows in the clause a possibility rather than an event: "ready to back out". */
const CONDITIONAL = new Set(['if', 'would', 'could', 'might', 'may', 'should', 'unless', 'whether', 'case', 'ready', 'prepared', 'able', 'option', 'needed']);
/** Nouns that make the match a thing prepared rather than an act: "the back-out plan", "a rollback script". */
const ARTEFACT = new Set(['plan', 'plans', 'script', 'scripts', 'procedure', 'procedures', 'steps', 'option', 'options', 'criteria', 'path', 'runbook', 'window', 'rehearsal', 'test', 'tested']);

/**
 * The match names a possibility or a thing prepared, not the act the element needs: "if we had to back out",
 * "we were ready to roll back", "the back-out plan was printed". A rehearsed or planned back-out is not the
 * call to go back.
 */
function hypothetical(reading: Reading, span: Span): boolean {
  const { tokens } = reading.doc;
  const clause = tokens[span.from]?.clause;
  if (ARTEFACT.has(tokens[span.to]?.norm ?? '') && tokens[span.to]?.clause === clause) return true;
  for (let p = span.from - 1; p >= 0 && p >= span.from - 6 && tokens[p]?.clause === clause; p--) {
    if (CONDITIONAL.has(tokens[p]?.norm ?? '')) return true;
  }
  return false;
}

/** Whether the match is told of the person the element needs. */
function told(reading: Reading, span: Span, actor: Actor): boolean {
  if (actor === 'any') return true;
  const first = reading.doc.tokens[span.from]?.norm ?? '';
  if (TELLER.has(first) || first === 'my') return actor === 'teller';
  const subject = subjectBefore(reading, span.from);
  if (actor === 'teller') return subject !== 'other';
  // Between others: the teller is neither the subject ("the QA lead and I disagreed") nor the other party
  // ("disagreed with me").
  return subject !== 'teller' && !tellerAfter(reading, span.to);
}

/** The nearest subject before a position in its sentence; a sentence with none is the teller's ("Paused the train."). */
function subjectBefore(reading: Reading, at: number): 'teller' | 'other' | 'none' {
  const { tokens } = reading.doc;
  const sentence = tokens[at]?.sentence;
  for (let p = at - 1; p >= 0 && tokens[p]?.sentence === sentence; p--) {
    const norm = tokens[p]?.norm ?? '';
    if (TELLER.has(norm)) return 'teller';
    if (OTHER.has(norm) || OTHER.has(norm.replace(/s$/, ''))) return 'other';
  }
  return 'none';
}

function tellerAfter(reading: Reading, to: number): boolean {
  const { tokens } = reading.doc;
  const clause = tokens[to - 1]?.clause;
  for (let p = to; p < tokens.length && tokens[p]?.clause === clause; p++) if (TELLER_OBJECT.has(tokens[p]?.norm ?? '')) return true;
  return false;
}

/** The clause around the match, as the story says it, clipped. */
function quoteOf(reading: Reading, span: Span): string {
  const { tokens } = reading.doc;
  const clause = tokens[span.from]?.clause;
  let from = span.from;
  let to = span.to;
  while (from > 0 && tokens[from - 1]?.clause === clause) from--;
  while (to < tokens.length && tokens[to]?.clause === clause) to++;
  const text = spanText(reading.doc, { from, to });
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX - 1).trimEnd()}…`;
}
