/**
 * What the coach knows about the bank: how specific each word is across its questions (inverse document
 * frequency), and for each question the ideas to listen for. Built once per bank and kept in memory.
 */
import type { QuestionData } from '../questions/schema.js';
import { type TermPattern, compileTerm, hasNegation, matchTerm } from './match.js';
import { readAnswer } from './reading.js';
import { type Thesaurus, buildThesaurus } from './synonyms.js';
import { GENERIC, SMALL_MARK, STOPWORDS, cachedStem, splitWords, stemWord } from './text.js';
import { TUNING } from './tuning.js';

/** A step and a point this alike are one idea, judged once. */
const LINK_AT = 0.5;
/** Without a bank, words of the generic list count this much; others count as specific. */
const FALLBACK_GENERIC = 0.15;
const FALLBACK_OTHER = 0.45;

export interface TermWay {
  /** 0..1: how far this way of saying the term goes, alone, to show the idea was said. */
  weight: number;
  /** Its content words. */
  stems: string[];
  /** How many of its words carry meaning, small ones such as "each" or "one" included. */
  size: number;
}

export interface IdeaTerm {
  pattern: TermPattern;
  /** One per way of saying it (`pattern.seqs`): a paraphrase of one word weighs as one word. */
  ways: TermWay[];
}

/** A phrase that says one of the idea's own words another way ("one on one" for "separately"). */
export interface IdeaAlias {
  stem: string;
  pattern: TermPattern;
}

export interface Idea {
  text: string;
  terms: IdeaTerm[];
  /** stem -> weight: the idea's own words and its terms' words, and the model answer's words for it. */
  words: Map<string, number>;
  /** The idea's own words: the point or step as written, less the words of the question's subject. */
  own: string[];
  /** Words that speak of the idea itself: its own words, its terms' words and their usual synonyms. */
  core: Set<string>;
  /** Words of the question's subject, which most of its points share: a term of these alone proves no point. */
  subject: ReadonlySet<string>;
  aliases: IdeaAlias[];
  negated: boolean;
  /** Model answer words that another point's terms say in the same sentence: evidence, never a distinct word of this idea. */
  borrowed: Set<string>;
}

export interface QuestionModel {
  points: Idea[];
  steps: Idea[];
  /** For each step, the point that says the same thing, if any. */
  stepToPoint: (number | undefined)[];
  /** stem -> weight: the words of the question and its points. */
  topic: Map<string, number>;
}

export interface BankModel {
  thesaurus: Thesaurus;
  /** 0 (every question uses the word) to 1 (at most one does). */
  specificity(stem: string): number;
  questionModel(question: QuestionData): QuestionModel;
}

const models = new WeakMap<readonly QuestionData[], BankModel>();
let fallback: BankModel | undefined;
let thesaurus: Thesaurus | undefined;

/** The model of this bank, built on first use; without a bank, a rough one that only knows generic words. */
export function bankModel(bank?: readonly QuestionData[]): BankModel {
  thesaurus ??= buildThesaurus();
  if (!bank || bank.length === 0) {
    fallback ??= createModel(thesaurus, undefined);
    return fallback;
  }
  let model = models.get(bank);
  if (!model) {
    model = createModel(thesaurus, countDocuments(bank));
    models.set(bank, model);
  }
  return model;
}

function countDocuments(bank: readonly QuestionData[]): { n: number; df: Map<string, number> } {
  const df = new Map<string, number>();
  for (const q of bank) {
    const stems = new Set(contentStems(textsOf(q).join(' ')));
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { n: bank.length, df };
}

function textsOf(q: QuestionData): string[] {
  const follow = (q.followUps as readonly unknown[]).map((f) => {
    if (typeof f === 'string') return f;
    if (f && typeof f === 'object') return Object.values(f).filter((v) => typeof v === 'string').join(' ');
    return '';
  });
  return [
    q.question, q.why ?? '', q.answer, q.tip ?? '', ...follow, ...(q.framework ?? []),
    ...Object.values(q.star ?? {}), ...q.keyPoints.flatMap((kp) => [kp.point, ...kp.terms]),
  ];
}

// Counts and story details carry no idea: "eleven" or "2019" in a model answer says nothing about its point.
const NUMBER_WORDS = `one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred
thousand million dozen half once twice first second third monday tuesday wednesday thursday friday saturday sunday`;
const GENERIC_STEMS = new Set([...GENERIC, ...NUMBER_WORDS.split(/\s+/)].map(stemWord));
const STOP_STEMS = new Set([...STOPWORDS].map(stemWord));

function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of splitWords(text)) {
    if (STOPWORDS.has(w) || w.length < 2 || /\d/.test(w)) continue;
    const s = cachedStem(w);
    if (!STOP_STEMS.has(s)) out.push(s);
  }
  return out;
}

function createModel(th: Thesaurus, counts: { n: number; df: Map<string, number> } | undefined): BankModel {
  const cache = new Map<string, number>();
  const specificity = (stem: string): number => {
    let v = cache.get(stem);
    if (v !== undefined) return v;
    if (STOP_STEMS.has(stem)) v = 0;
    else if (!counts) v = GENERIC_STEMS.has(stem) ? FALLBACK_GENERIC : FALLBACK_OTHER;
    else {
      const df = counts.df.get(stem) ?? 0;
      const top = Math.log((counts.n + 1) / 1.5);
      v = df <= 1 || top <= 0 ? 1 : Math.max(0, Math.min(1, Math.log((counts.n + 1) / (df + 0.5)) / top));
      if (GENERIC_STEMS.has(stem)) v = Math.min(v, FALLBACK_GENERIC);
    }
    cache.set(stem, v);
    return v;
  };
  const questions = new WeakMap<QuestionData, QuestionModel>();
  const model: BankModel = {
    thesaurus: th,
    specificity,
    questionModel(question) {
      let qm = questions.get(question);
      if (!qm) {
        qm = buildQuestionModel(question, model);
        questions.set(question, qm);
      }
      return qm;
    },
  };
  return model;
}

const HEAD_SPLIT = /\s(?:so|so that|in case|instead of|rather than|while|before|until|not only)\s/i;

function buildQuestionModel(q: QuestionData, model: BankModel): QuestionModel {
  const reading = readAnswer(q.answer);
  const sentenceStems = (s: number) =>
    reading.doc.tokens.filter((t) => t.sentence === s && !t.stop && !GENERIC_STEMS.has(t.stem) && !/\d/.test(t.stem)).map((t) => t.stem);
  const ideas = q.keyPoints.map((kp) => buildIdea(kp.point, kp.terms, model));
  // Per point, the model answer's words its terms say there: a sentence that makes two points ("status page
  // updates ..., so the morning shift knew") lends neither point the words the other point's terms said.
  const claimed = ideas.map((idea) => {
    const at = new Map<number, Set<string>>();
    for (const term of idea.terms) {
      for (const span of matchTerm(reading, term.pattern)) {
        const s = reading.doc.tokens[span.from]?.sentence ?? -1;
        const stems = at.get(s) ?? new Set<string>();
        for (let p = span.from; p < span.to; p++) stems.add(reading.doc.tokens[p]?.stem ?? '');
        at.set(s, stems);
      }
    }
    return at;
  });
  const points = ideas.map((idea, k) => {
    for (const s of claimed[k]?.keys() ?? []) {
      const others = new Set(claimed.flatMap((at, j) => (j === k ? [] : [...(at.get(s) ?? [])])));
      for (const stem of sentenceStems(s)) {
        if (idea.words.has(stem)) continue;
        idea.words.set(stem, TUNING.modelFactor * model.specificity(stem));
        if (others.has(stem)) idea.borrowed.add(stem);
      }
    }
    return idea;
  });
  withoutSubjectCore(points);
  const steps = (q.category === 'technical' ? (q.framework ?? []) : []).map((step) => buildIdea(step, [], model));
  const stepToPoint = steps.map((step) => {
    let best: number | undefined;
    let bestSim = LINK_AT;
    points.forEach((point, k) => {
      const sim = similarity(step, point, model);
      if (sim >= bestSim) {
        bestSim = sim;
        best = k;
      }
    });
    return best;
  });
  const topic = new Map<string, number>();
  for (const s of contentStems([q.question, ...q.keyPoints.map((kp) => kp.point)].join(' '))) {
    if (!GENERIC_STEMS.has(s)) topic.set(s, model.specificity(s));
  }
  return { points, steps, stepToPoint, topic };
}

/**
 * Words most of a question's points share name its subject ("TestFlight", "beta" for beta tracks): saying them
 * says nothing about which point was made, so they stop counting among each point's core words.
 */
function withoutSubjectCore(points: Idea[]): void {
  if (points.length < 3) return;
  const counts = new Map<string, number>();
  for (const p of points) for (const s of new Set([...p.own, ...p.terms.flatMap((t) => t.ways[0]?.stems ?? [])])) counts.set(s, (counts.get(s) ?? 0) + 1);
  const subject = new Set([...counts].filter(([, n]) => n >= Math.max(2, points.length * TUNING.subjectShare)).map(([s]) => s));
  if (subject.size === 0) return;
  for (const p of points) {
    p.subject = subject;
    p.core = new Set([...p.core].filter((s) => !subject.has(s)));
    p.own = p.own.filter((s) => !subject.has(s));
  }
}

function buildIdea(text: string, terms: readonly string[], model: BankModel): Idea {
  const negated = hasNegation(text);
  const own = [...new Set(contentStems(text).filter((s) => !GENERIC_STEMS.has(s)))];
  // "Merges the fix back so it is not lost": the head says the idea, the rest says why or when.
  const split = HEAD_SPLIT.exec(text);
  const headText = split ? text.slice(0, split.index) : text;
  const head = contentStems(headText).filter((s) => !GENERIC_STEMS.has(s));
  const tail = new Set(head.length >= 2 ? own.filter((s) => !head.includes(s)) : []);
  const words = new Map<string, number>();
  for (const s of own) words.set(s, model.specificity(s));
  const compiled: IdeaTerm[] = terms.map((term) => {
    const pattern = compileTerm(term, model.thesaurus, negated);
    const ways = pattern.seqs.map((seq) => weighWay(seq, model));
    // The words of "didn't cut corners" are no evidence on their own: said plainly they mean the opposite.
    const plain = pattern.polarity === 'negative' ? [] : (ways[0]?.stems ?? []);
    for (const s of plain) if (!words.has(s) && !STOP_STEMS.has(s)) words.set(s, model.specificity(s));
    return { pattern, ways };
  });
  // Usual synonyms of the idea's words and its terms' words: single words, and phrases for a single word.
  const aliases: IdeaAlias[] = [];
  for (const s of [...words.keys()]) {
    for (const like of model.thesaurus.wordsLike(s)) {
      if (!words.has(like)) words.set(like, TUNING.synonymFactor * model.specificity(like));
    }
    for (const seq of model.thesaurus.phrasesLike(s)) {
      aliases.push({ stem: s, pattern: { term: seq.join(' '), seqs: [[...seq]], polarity: negated ? 'either' : 'positive' } });
    }
  }
  const core = new Set([...words.keys()].filter((s) => !tail.has(s)));
  return { text, terms: compiled, words, own, core, subject: new Set(), aliases, negated, borrowed: new Set() };
}

function weighWay(seq: readonly string[], model: BankModel): TermWay {
  const stems = [...new Set(seq.filter((st) => !st.startsWith(SMALL_MARK)))];
  const small = seq.filter((st) => st.startsWith(SMALL_MARK)).length;
  const sum = stems.reduce((acc, s) => acc + model.specificity(s), 0);
  const size = stems.length + small;
  // "one on one" or "each side" is a phrase even though its small words carry part of it.
  const weight =
    size >= 2 ? Math.min(1, TUNING.phraseBase + sum + TUNING.smallWord * small) : size === 1 ? Math.min(TUNING.wordCap, TUNING.wordBase + sum) : 0;
  return { weight, stems, size };
}

function similarity(a: Idea, b: Idea, model: BankModel): number {
  const bStems = new Set([...b.own, ...b.terms.flatMap((t) => t.ways[0]?.stems ?? [])]);
  let shared = 0;
  let total = 0;
  for (const s of a.own) {
    const w = model.specificity(s);
    total += w;
    if (bStems.has(s)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}
