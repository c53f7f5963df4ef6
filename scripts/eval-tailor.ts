// Ranks the bank against every test posting and prints the top questions with the expected ones marked,
// for tuning (postings in tuning/) and for checking on postings written after the ranking was frozen (held-out/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../src/core/questions/load.js';
import { createRanker } from '../src/core/tailor/rank.js';

const postings = join(process.cwd(), 'test', 'fixtures', 'postings');
const expected = JSON.parse(readFileSync(join(postings, 'expected.json'), 'utf8')) as Record<string, { expect: string[] }>;
const bank = await loadBank([{ path: join(process.cwd(), 'questions'), bundled: true }], { cwd: process.cwd() });
const ranker = createRanker(bank.questions);
const top = Number(process.argv[2] ?? 10);
const summary: string[] = [];
for (const set of ['tuning', 'held-out']) {
  let dir: string[];
  try {
    dir = readdirSync(join(postings, set)).sort();
  } catch {
    continue;
  }
  for (const name of dir) {
    const key = `${set}/${name}`;
    const result = ranker.rank(readFileSync(join(postings, set, name), 'utf8'), top);
    const want = new Set(expected[key]?.expect ?? []);
    const found = result.questions.filter((q) => want.has(q.id)).length;
    console.log(`\n${key}: ${found}/${want.size} expected questions in the top ${top}`);
    summary.push(`  ${key.padEnd(34)} ${String(found).padStart(2)}/${want.size}`);
    result.questions.forEach((q, i) => console.log(`  ${String(i + 1).padStart(2)} ${want.has(q.id) ? '*' : ' '} ${q.id.padEnd(34)} ${q.score.toFixed(3)}  ${q.because.join(', ')}`));
    console.log(`  themes: ${result.themes.map((t) => `${t.theme}(${t.phrases.length})`).join(' ')}`);
    console.log(`  gaps: ${result.gaps.join(', ') || '-'}`);
  }
}
console.log(`\nExpected questions in the top ${top} (tuning: the ranking was tuned on these; held-out: never tuned on):\n${summary.join('\n')}`);
