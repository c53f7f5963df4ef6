// Ranks the bank against every test posting. First the older check: the top questions of each posting with
// the expected ones marked, for tuning (postings in tuning/) and held-out postings (held-out/). Then the
// postings with answer keys, in two halves: tune (eval/tune/ and the keyed tuning/ postings), on which the
// ranking may be tuned, and report (eval/report/), never tuned on. `--half tune` prints the tune half only.
// `--grader` reads each keyed posting's lines with the configured model grader too (RMPREP_GRADER_* or
// config.yaml), as `tailor` does, and says how many postings it could not read.
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadBank } from '../src/core/questions/load.js';
import { createRanker } from '../src/core/tailor/rank.js';
import { emptyTally, formatTally, loadKeyed, picksFromKey, scoreAgainstKey } from './tailor-keys.js';
import { resolveGrader } from '../src/cli/grader-config.js';
import { askModelForPicks } from '../src/cli/model-tailor.js';

const postings = join(process.cwd(), 'test', 'fixtures', 'postings');
const args = process.argv.slice(2);
const halfAt = args.indexOf('--half');
const only = halfAt >= 0 ? args[halfAt + 1] : undefined;
const verbose = args.includes('--verbose');
const setup = args.includes('--grader') ? resolveGrader(process.env, homedir(), false) : undefined;
if (setup && setup.kind !== 'on') {
  console.log(setup.kind === 'broken' ? setup.notice : 'No model grader is configured (RMPREP_GRADER_URL and RMPREP_GRADER_MODEL, or config.yaml): nothing to run with --grader.');
  process.exit(0);
}
const top = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
// `--key-picks`: each line's questions taken from the key, as a model that agreed with it would name them: how
// far the pipeline after the reading (cut, order, quotes) can go. A ceiling, not a result.
const keyPicks = args.includes('--key-picks');
const expected = JSON.parse(readFileSync(join(postings, 'expected.json'), 'utf8')) as Record<string, { expect: string[] }>;
const bank = await loadBank([{ path: join(process.cwd(), 'questions'), bundled: true }], { cwd: process.cwd() });
const ranker = createRanker(bank.questions);
const known = new Set(bank.questions.map((q) => q.id));

if (only === undefined) {
  const summary: string[] = [];
  for (const set of ['tuning', 'held-out']) {
    let dir: string[];
    try {
      dir = readdirSync(join(postings, set)).filter((n) => n.endsWith('.md')).sort();
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
}

const problems: string[] = [];
const halves = {
  tune: [...loadKeyed(join(postings, 'tuning'), 'tuning', problems), ...loadKeyed(join(postings, 'eval', 'tune'), 'eval/tune', problems)],
  report: loadKeyed(join(postings, 'eval', 'report'), 'eval/report', problems),
};
const lines: string[] = [];
for (const [half, keyed] of Object.entries(halves)) {
  if (only !== undefined && only !== half) continue;
  const tally = emptyTally();
  let unread = 0;
  for (const key of keyed) {
    for (const b of key.bullets) if ('questions' in b) for (const id of b.questions) if (!known.has(id)) problems.push(`${key.name}: key names ${id}, which the bank does not have`);
    const model = setup ? await askModelForPicks(setup, ranker.linesToAsk(key.posting), bank.questions) : undefined;
    if (model?.notice) unread++;
    const result = ranker.rank(key.posting, 15, keyPicks ? picksFromKey(ranker.linesToAsk(key.posting), key) : model?.picks);
    scoreAgainstKey(result, key, tally);
    if (verbose) {
      console.log(`\n${key.name}: ${result.bullets.matched} of ${result.bullets.read} bullets matched; cut ${result.bullets.cut}`);
      result.questions.slice(0, result.bullets.cut).forEach((q, i) => console.log(`  ${String(i + 1).padStart(2)} ${q.id.padEnd(34)} ${q.fit ?? '-'}  ${q.because.join(' / ')}`));
      for (const g of result.gapDetails) console.log(`  gap: ${g.text}${g.nearest ? ` (nearest ${g.nearest.id} ${g.nearest.fit})` : ''}`);
    }
  }
  if (verbose) console.log(`\n${half} misses:\n${tally.missed.map((m) => `  ${m}`).join('\n') || '  none'}`);
  lines.push(formatTally(`${half} half (${keyed.length} postings${half === 'report' ? ', never tuned on' : ''}${setup ? `, with the model grader; ${unread} not read by it` : ''}${keyPicks ? ', the key given as picks' : ''})`, tally));
}
if (problems.length > 0) console.log(`\nKey problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
console.log(`\nPostings with answer keys:\n${lines.join('\n')}`);
