// Times the coach in process: every model answer of the bank on its own question, a 2,000-word answer, and
// every model answer again with a large phrasings.yaml.
// Run by scripts/bench.mjs; prints one JSON line.
import { resolve } from 'node:path';
import { analyzeAnswer } from '../src/core/coach/index.js';
import { loadBank } from '../src/core/questions/load.js';

const bank = await loadBank([{ path: resolve('questions'), bundled: true }], { cwd: process.cwd() });
const questions = bank.questions;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function time(fn: () => void, rounds: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

// Warm up the JIT the way a drill does after its first answer.
for (const q of questions) analyzeAnswer(q, q.answer, questions);
const perAnswer = questions.flatMap((q) => time(() => analyzeAnswer(q, q.answer, questions), 5));
const long = Array.from({ length: 8 }, () => questions.map((q) => q.answer).join(' ')).join(' ').split(/\s+/).slice(0, 2000).join(' ');
const first = questions[0]!;
const longTimes = time(() => analyzeAnswer(first, long, questions), 20);
// With taught phrasings: three per point of every question (each model answer's own sentences), as a person
// who taught the coach a great deal would have.
const phrasings = questions.flatMap((q) => {
  const sentences = q.answer.split(/(?<=[.!?])\s+/);
  return q.keyPoints.flatMap((kp, k) => [0, 1, 2].map((j) => ({ question: q.id, point: kp.id, sentence: sentences[(k + j) % sentences.length] ?? q.answer })));
});
const withPhrasings = questions.flatMap((q) => time(() => analyzeAnswer(q, q.answer, questions, { phrasings }), 3));
process.stdout.write(
  `${JSON.stringify({ answers: questions.length, medianMs: median(perAnswer), maxMs: Math.max(...perAnswer), longWords: long.split(/\s+/).length, longMedianMs: median(longTimes), phrasings: phrasings.length, phrasingsMedianMs: median(withPhrasings), phrasingsMaxMs: Math.max(...withPhrasings) })}\n`,
);
