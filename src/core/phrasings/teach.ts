/**
 * Teaching the coach a phrasing: the person names a point it did not hear and the words of their answer that
 * make it. Pure: decides what to store, or refuses with one line.
 */
import { closestClause } from '../coach/closest.js';
import { findRetelling, isOneSentence, MIN_SPECIFIC_WORDS, type Phrasing, pointIdOf, pointIndexOf, specificStems } from '../coach/phrasings.js';
import { readAnswer } from '../coach/reading.js';
import { InputError } from '../errors.js';
import type { QuestionData } from '../questions/schema.js';
import { MAX_SENTENCE_CHARS } from './store.js';

export interface TeachInput {
  question: QuestionData;
  answer: string;
  bank: readonly QuestionData[];
  /** A point's number as shown (1-based) or its id. */
  point: string;
  /** The person's exact words from the answer; without it, the clause the coach found closest. */
  sentence?: string | undefined;
  existing: readonly Phrasing[];
}

export interface Taught {
  phrasing: Phrasing;
  /** Where the sentence came from: given with --sentence, or the coach's closest clause. */
  from: 'given' | 'closest';
  /** 1-based, as shown. */
  number: number;
  /** The whole list to store: the existing ones plus this one, unless it was already there. */
  phrasings: Phrasing[];
  already: boolean;
}

/** The index of a point given as its number as shown or its id; a usage error naming the choices otherwise. */
export function resolvePoint(question: QuestionData, given: string): number {
  const wanted = given.trim();
  const n = Number(wanted);
  if (/^\d+$/.test(wanted) && n >= 1 && n <= question.keyPoints.length) return n - 1;
  const byId = pointIndexOf(question, wanted);
  if (byId !== -1) return byId;
  const ids = question.keyPoints.map((_, k) => pointIdOf(question, k));
  throw new InputError(
    `question ${question.id} has no point "${wanted.slice(0, 60)}"`,
    'missing',
    `give a number from 1 to ${question.keyPoints.length} or an id: ${ids.join(', ')}`,
  );
}

export function teachPhrasing(input: TeachInput): Taught {
  const { question, answer } = input;
  const index = resolvePoint(question, input.point);
  let sentence: string;
  let from: Taught['from'];
  if (input.sentence !== undefined) {
    sentence = input.sentence.replace(/\s+/g, ' ').trim();
    if (!normalize(answer).includes(normalize(sentence)) || sentence === '') {
      throw new InputError('--sentence must be words from the answer, as written; this one is not in it', 'invalid');
    }
    from = 'given';
  } else {
    const closest = closestClause(question, answer, input.bank, index);
    if (closest === undefined) {
      throw new InputError(`no clause of the answer came close to point ${index + 1}; give the words that make it with --sentence "..."`, 'invalid');
    }
    sentence = closest;
    from = 'closest';
  }
  if (sentence.length > MAX_SENTENCE_CHARS) throw new InputError(`the sentence is too long to recognise again (at most ${MAX_SENTENCE_CHARS} characters)`, 'invalid');
  if (specificStems(sentence).length < MIN_SPECIFIC_WORDS) {
    throw new InputError(`"${sentence.slice(0, 80)}" has too few specific words to recognise again; give a longer part of the answer with --sentence`, 'invalid');
  }
  if (!isOneSentence(sentence) || findRetelling(readAnswer(answer), sentence) === undefined) {
    throw new InputError('the words must sit in one sentence of the answer, outside a bare list of terms; give one sentence with --sentence', 'invalid');
  }
  const phrasing: Phrasing = { question: question.id, point: pointIdOf(question, index), sentence };
  const already = input.existing.some((p) => p.question === phrasing.question && p.point === phrasing.point && normalize(p.sentence) === normalize(sentence));
  return { phrasing, from, number: index + 1, phrasings: already ? [...input.existing] : [...input.existing, phrasing], already };
}

/** Text compared as said: whitespace collapsed, curly quotes straight, case ignored. */
function normalize(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}
