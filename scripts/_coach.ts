import { join } from 'node:path';
import { loadBank } from '../src/core/questions/load.js';
import { bankModel } from '../src/core/coach/bank-model.js';
import { readAnswer } from '../src/core/coach/reading.js';
import { assessIdea } from '../src/core/coach/judge.js';
const bank = (await loadBank([{ path: join(process.cwd(), 'questions'), bundled: true }], { cwd: process.cwd() })).questions;
const q = bank.find((x) => x.id === process.argv[2])!;
const m = bankModel(bank).questionModel(q);
const reading = readAnswer(process.argv[3]!);
for (const idea of m.points) {
  const v = assessIdea(reading, idea);
  console.log(v.covered ? 'Y' : 'n', idea.text, v.credit.toFixed(2), v.evidence, 'borrowed:', [...idea.borrowed].join(' '));
  if (process.argv[4] && idea.text.includes(process.argv[4])) console.log([...idea.words].map(([k, w]) => `${k}:${w.toFixed(2)}`).join(' '), '\ncore', [...idea.core].join(' '), '\nown', idea.own.join(' '));
}
