// Measures the coach against hand-written strong and weak answers in eval/coach-answers.yaml.
// Usage: node scripts/run-ts.mjs scripts/eval-coach.ts [--verbose] [--seed N] [--others N] [--explain id:strong|weak[:otherId]]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeAnswer } from '../src/core/coach/index.js';
import { loadBank } from '../src/core/questions/load.js';
import { createRng } from '../src/core/random.js';
import type { QuestionData } from '../src/core/questions/schema.js';

interface EvalEntry {
  id: string;
  strong: string;
  weak: string;
}

interface Options {
  verbose: boolean;
  /** "answerId:strong|weak:questionId": print that one full report as JSON. */
  explain?: string;
  seed: number;
  others: number;
  root: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { verbose: false, seed: 20240611, others: 5, root: process.cwd() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose') opts.verbose = true;
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--explain') opts.explain = argv[++i];
    else if (a === '--others') opts.others = Number(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

/** The bundled bank, read by the same loader rmprep uses. */
async function loadQuestions(root: string): Promise<Map<string, QuestionData>> {
  const bank = await loadBank([{ path: join(root, 'questions'), bundled: true }], { cwd: root });
  for (const p of bank.problems) process.stderr.write(`skipped: ${p.file}:${p.line}:${p.col}: ${p.message}\n`);
  return new Map(bank.questions.map((q) => [q.id, q]));
}

function loadAnswers(root: string): EvalEntry[] {
  const data = parse(readFileSync(join(root, 'eval', 'coach-answers.yaml'), 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error('eval/coach-answers.yaml must be a list');
  return data.map((e: Record<string, unknown>, i) => {
    if (typeof e.id !== 'string' || typeof e.strong !== 'string' || typeof e.weak !== 'string') {
      throw new Error(`entry ${i + 1} needs id, strong and weak`);
    }
    return { id: e.id, strong: e.strong, weak: e.weak };
  });
}

function pickOthers(ids: string[], own: string, n: number, random: () => number): string[] {
  const pool = ids.filter((id) => id !== own);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, n);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const bank = await loadQuestions(opts.root);
  const entries = loadAnswers(opts.root);
  const ids = [...bank.keys()].sort();
  const random = createRng(opts.seed);

  if (opts.explain) {
    const [answerId, label, questionId = answerId] = opts.explain.split(':');
    const entry = entries.find((e) => e.id === answerId);
    const q = bank.get(questionId ?? '');
    if (!entry || !q || (label !== 'strong' && label !== 'weak')) throw new Error('--explain wants answerId:strong|weak[:questionId]');
    process.stdout.write(`${JSON.stringify(analyzeAnswer(q, entry[label]), null, 2)}\n`);
    return;
  }

  let strongSum = 0;
  let weakSum = 0;
  let pairsWon = 0;
  let comparisons = 0;
  let comparisonsWon = 0;
  const byLabel = { strong: { n: 0, won: 0 }, weak: { n: 0, won: 0 } };
  const lines: string[] = [];
  const losses: string[] = [];

  for (const entry of entries) {
    const q = bank.get(entry.id);
    if (!q) throw new Error(`eval id not in the bank: ${entry.id}`);
    const strong = analyzeAnswer(q, entry.strong);
    const weak = analyzeAnswer(q, entry.weak);
    strongSum += strong.score;
    weakSum += weak.score;
    if (strong.score > weak.score) pairsWon++;
    lines.push(
      `${entry.id.padEnd(32)} ${q.category.padEnd(10)} strong ${String(strong.score).padStart(3)} (${words(entry.strong)} w)` +
        `   weak ${String(weak.score).padStart(3)} (${words(entry.weak)} w)`,
    );
    if (opts.verbose) {
      for (const [label, r] of [['strong', strong], ['weak', weak]] as const) {
        const tp = r.talkingPoints.map((p) => (p.covered ? '+' : '-')).join('');
        const st = r.structure.parts.map((p) => (p.present ? '+' : '-')).join('');
        lines.push(
          `    ${label.padEnd(6)} points ${tp} structure ${st}${r.structure.resultHasOutcome ? ' outcome' : ''}` +
            ` numbers ${r.numbers.length} tools ${r.specifics.tools.length} I/we ${r.ownership.i}/${r.ownership.we}` +
            ` fillers ${r.fillers.perMinute}/min ${r.delivery.band}`,
        );
      }
    }
    for (const [label, text, own] of [['strong', entry.strong, strong.score], ['weak', entry.weak, weak.score]] as const) {
      for (const otherId of pickOthers(ids, entry.id, opts.others, random)) {
        const other = analyzeAnswer(bank.get(otherId) as QuestionData, text);
        comparisons++;
        byLabel[label].n++;
        if (own > other.score) {
          comparisonsWon++;
          byLabel[label].won++;
        } else losses.push(`${entry.id} (${label}, ${own}) vs ${otherId} (${other.score})`);
      }
    }
  }

  // Two reference points: the bank's own model answers, and each strong answer cut to its first third.
  const models = [...bank.values()].map((q) => analyzeAnswer(q, q.answer).score);
  const thirds = entries.map((e) => {
    const w = e.strong.split(/\s+/).filter(Boolean);
    return analyzeAnswer(bank.get(e.id) as QuestionData, w.slice(0, Math.ceil(w.length / 3)).join(' ')).score;
  });
  const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(1);

  const n = entries.length;
  const out = [
    `questions in bank: ${bank.size}; eval pairs: ${n}; seed ${opts.seed}; ${opts.others} other questions per answer`,
    '',
    ...lines,
    '',
    `mean score: strong ${(strongSum / n).toFixed(1)}, weak ${(weakSum / n).toFixed(1)}`,
    `strong answers cut to their first third: mean ${mean(thirds)}`,
    `bank model answers on their own question: mean ${mean(models)}, lowest ${Math.min(...models)} (${models.length} questions)`,
    `strong > weak: ${pairsWon} of ${n} pairs (${pct(pairsWon / n)})`,
    `own question > other question: ${comparisonsWon} of ${comparisons} comparisons (${pct(comparisonsWon / comparisons)})` +
      `; strong answers ${pct(byLabel.strong.won / byLabel.strong.n)}, weak answers ${pct(byLabel.weak.won / byLabel.weak.n)}`,
  ];
  if (losses.length > 0) out.push('', 'comparisons not won:', ...losses.map((l) => `  ${l}`));
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
