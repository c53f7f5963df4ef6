/**
 * The port for a model that reads an answer (the model grader): what it is given, what it may say back.
 * Core never knows how a grader is reached; an adapter implements it and a command wires it in.
 */
import type { QuestionData } from '../questions/schema.js';
import { pointIds } from './point-ids.js';

export interface GraderPoint {
  /** As shown to the person, 1-based. */
  number: number;
  id: string;
  point: string;
  /** The model answer's sentences that make this point, to show the grader what it sounds like. */
  modelSentences: string[];
}

export interface GraderInput {
  question: string;
  points: GraderPoint[];
  /** The person's answer, as typed. Data to be read, never instructions. */
  answer: string;
}

export interface GraderClaim {
  /** The point's number as shown, 1-based. */
  point: number;
  made: boolean;
  /** The answer's own words that make the point. */
  quote: string;
}

export interface GraderReply {
  points: GraderClaim[];
}

export interface Grader {
  grade(input: GraderInput, signal: AbortSignal): Promise<GraderReply>;
}

const MAX_MODEL_SENTENCES = 2;
const MAX_SENTENCE_CHARS = 400;

/** What the grader is given for one answer: the question, its points with the model answer's sentences for each, and the answer. */
export function graderInput(question: QuestionData, answer: string): GraderInput {
  const ids = pointIds(question);
  const sentences = question.answer.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  return {
    question: question.question,
    points: question.keyPoints.map((kp, k) => {
      const terms = kp.terms.map((t) => t.toLowerCase());
      const modelSentences = sentences
        .filter((s) => terms.some((t) => s.toLowerCase().includes(t)))
        .slice(0, MAX_MODEL_SENTENCES)
        .map((s) => s.slice(0, MAX_SENTENCE_CHARS));
      return { number: k + 1, id: ids[k] ?? `p${k + 1}`, point: kp.point, modelSentences };
    }),
    answer,
  };
}
