// Measures the coach against hand-written answers, each half of the answer sets on its own:
//   tune     eval/coach-v2/tune.yaml, and the older eval/coach-answers.yaml (reported apart as "older")
//   holdout  eval/coach-v2/holdout.yaml, never used to tune the scorer
//   v3-tune, v3-holdout  eval/coach-v3 (thin, mid, colon-list and keyword-list answers, taught phrasings); see eval-coach-v3.ts
//   v4-tune, v4-holdout  eval/coach-v4 (partial answers: points credited that were not made); see eval-coach-v4.ts
// Usage: node scripts/run-ts.mjs scripts/eval-coach.ts [--half tune|holdout|older|v3-tune|v3-holdout|v4-tune|v4-holdout|all] [--verbose] [--grader]
//        [--explain half:id:strong|weak|star|list[:otherId]]
// --grader reads each answer to its own question through the configured model grader (RMPREP_GRADER_* or
// config.yaml); answers read against other questions (own > other) stay words-only, a request each would be
// thousands of requests.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeAnswer, type CoachReport } from '../src/core/coach/index.js';
import { loadBank } from '../src/core/questions/load.js';
import { evaluateV3, readV3 } from './eval-coach-v3.js';
import { evaluateV4, readV4, V4_FILES } from './eval-coach-v4.js';
import type { QuestionData } from '../src/core/questions/schema.js';
import { resolveGrader } from '../src/cli/grader-config.js';
import { gradeAnswer } from '../src/cli/model-grader.js';

interface EvalAnswer {
  id: string;
  strong: string;
  weak: string;
  star?: string;
}

interface EvalSet {
  name: string;
  answers: EvalAnswer[];
  offTopic: string[];
}

const HALVES: Record<string, string> = {
  tune: 'eval/coach-v2/tune.yaml',
  holdout: 'eval/coach-v2/holdout.yaml',
  older: 'eval/coach-answers.yaml',
  'v3-tune': 'eval/coach-v3/tune.yaml',
  'v3-holdout': 'eval/coach-v3/holdout.yaml',
  'v4-tune': V4_FILES.tune as string,
  'v4-holdout': V4_FILES.holdout as string,
};
const LIST_MIN_WORDS = 14;
const LIST_MAX_WORDS = 24;
const LIST_CAP = 30;

function parseArgs(argv: string[]): { halves: string[]; verbose: boolean; grader: boolean; explain?: string } {
  let halves = ['tune', 'older', 'holdout', 'v3-tune', 'v3-holdout', 'v4-tune', 'v4-holdout'];
  let verbose = false;
  let grader = false;
  let explain: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose') verbose = true;
    else if (a === '--grader') grader = true;
    else if (a === '--half') {
      const h = argv[++i] ?? '';
      halves = h === 'all' ? halves : [h];
      if (!halves.every((x) => x in HALVES)) throw new Error(`--half wants tune, holdout, older, v3-tune, v3-holdout, v4-tune, v4-holdout or all, not "${h}"`);
    } else if (a === '--explain') explain = argv[++i];
    else throw new Error(`unknown argument: ${a}`);
  }
  return { halves, verbose, grader, ...(explain ? { explain } : {}) };
}

function readSet(root: string, name: string): EvalSet | undefined {
  const file = join(root, HALVES[name] as string);
  if (!existsSync(file)) return undefined;
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  const raw = Array.isArray(data) ? { answers: data, offTopic: [] } : (data as { answers?: unknown; offTopic?: unknown });
  if (!Array.isArray(raw.answers)) throw new Error(`${file}: needs a list of answers`);
  const answers = raw.answers.map((e: Record<string, unknown>, i) => {
    if (typeof e.id !== 'string' || typeof e.strong !== 'string' || typeof e.weak !== 'string') {
      throw new Error(`${file}: answer ${i + 1} needs id, strong and weak`);
    }
    return { id: e.id, strong: e.strong, weak: e.weak, ...(typeof e.star === 'string' ? { star: e.star } : {}) };
  });
  const offTopic = Array.isArray(raw.offTopic) ? raw.offTopic.filter((t): t is string => typeof t === 'string') : [];
  return { name, answers, offTopic };
}

/** Two terms of each point from the live bank, comma separated, 14 to 24 words: what a keyword-stuffer would say. */
export function keywordList(q: QuestionData): string {
  const wordsOf = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const picked: string[] = [];
  let n = 0;
  for (let round = 0; round < 4 && n < LIST_MIN_WORDS; round++) {
    for (const kp of q.keyPoints) {
      const per = round === 0 ? kp.terms.slice(0, 2) : kp.terms.slice(round + 1, round + 2);
      for (const t of per) {
        if (n + wordsOf(t) > LIST_MAX_WORDS) continue;
        picked.push(t);
        n += wordsOf(t);
      }
    }
  }
  return picked.join(', ');
}

const pct = (won: number, of: number) => `${won} of ${of} (${of === 0 ? '-' : ((100 * won) / of).toFixed(1)}%)`;
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const wc = (s: string) => s.split(/\s+/).filter(Boolean).length;

type Graded = Map<string, CoachReport>;
const gradedKey = (q: QuestionData, text: string) => `${q.id}\u0000${text}`;

function evaluate(set: EvalSet, bank: readonly QuestionData[], byId: Map<string, QuestionData>, verbose: boolean, graded?: Graded): string[] {
  const score = (q: QuestionData, text: string): CoachReport => graded?.get(gradedKey(q, text)) ?? analyzeAnswer(q, text, bank);
  const lines: string[] = [];
  let strongWins = 0;
  let ownWon = 0;
  let ownAll = 0;
  const coverage: number[] = [];
  const crossCoverage: number[] = [];
  const listScores: number[] = [];
  let listsOk = 0;
  let starFound = 0;
  let starParts = 0;
  const offTopic: number[] = [];
  const losses: string[] = [];
  for (const a of set.answers) {
    const q = byId.get(a.id);
    if (!q) throw new Error(`${set.name}: eval id not in the bank: ${a.id}`);
    const strong = score(q, a.strong);
    const weak = score(q, a.weak);
    const list = score(q, keywordList(q));
    if (strong.score > weak.score) strongWins++;
    coverage.push(strong.coverage);
    listScores.push(list.score);
    if (list.score <= LIST_CAP && list.score < strong.score) listsOk++;
    for (const other of bank) {
      if (other.id === q.id) continue;
      ownAll++;
      const r = score(other, a.strong);
      const s = r.score;
      crossCoverage.push(r.coverage);
      if (strong.score > s) ownWon++;
      else losses.push(`${a.id} (${strong.score}) vs ${other.id} (${s})`);
    }
    let starNote = '';
    if (a.star !== undefined && q.category === 'behavioral') {
      const parts = score(q, a.star).structure.parts;
      starParts += parts.length;
      starFound += parts.filter((p) => p.present).length;
      starNote = ` star ${parts.map((p) => (p.present ? '+' : '-')).join('')}`;
    }
    if (verbose) {
      const marks = (r: CoachReport) => r.talkingPoints.map((p) => (p.covered ? '+' : '-')).join('');
      lines.push(
        `  ${a.id.padEnd(32)} strong ${String(strong.score).padStart(3)} ${marks(strong)} (${wc(a.strong)} w)` +
          `  weak ${String(weak.score).padStart(3)} ${marks(weak)}  list ${String(list.score).padStart(3)}${starNote}`,
      );
    }
  }
  for (const text of set.offTopic) for (const a of set.answers) offTopic.push(score(byId.get(a.id) as QuestionData, text).score);
  const n = set.answers.length;
  lines.push(
    `  strong > weak: ${pct(strongWins, n)}`,
    `  own > other (strong answers, every other question): ${pct(ownWon, ownAll)}`,
    `  mean coverage of strong answers: ${mean(coverage).toFixed(2)} (lowest ${Math.min(...coverage).toFixed(2)})`,
    // Points of other questions that a strong answer seems to make: mostly wrong-reason credit.
    `  mean coverage of the same answers on every other question: ${mean(crossCoverage).toFixed(3)}`,
    `  keyword lists: highest ${Math.max(...listScores)}, mean ${mean(listScores).toFixed(1)}; at most ${LIST_CAP} and below the strong answer: ${pct(listsOk, n)}`,
  );
  if (starParts > 0) lines.push(`  labelled STAR parts found: ${pct(starFound, starParts)}`);
  if (offTopic.length > 0) lines.push(`  off-topic answers on the eval questions: highest ${Math.max(...offTopic)}, mean ${mean(offTopic).toFixed(1)}`);
  if (verbose && losses.length > 0) lines.push('  own > other not won:', ...losses.slice(0, 30).map((l) => `    ${l}`));
  return lines;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const root = process.cwd();
  const loaded = await loadBank([{ path: join(root, 'questions'), bundled: true }], { cwd: root });
  for (const p of loaded.problems) process.stderr.write(`skipped: ${p.file}:${p.line}:${p.col}: ${p.message}\n`);
  const bank: readonly QuestionData[] = loaded.questions;
  const byId = new Map(bank.map((q) => [q.id, q]));

  if (opts.explain) {
    const [half = '', id = '', label = '', otherId = id] = opts.explain.split(':');
    const entry = readSet(root, half)?.answers.find((e) => e.id === id);
    const q = byId.get(otherId);
    const text = label === 'list' && q ? keywordList(q) : entry?.[label as 'strong' | 'weak' | 'star'];
    if (!q || typeof text !== 'string') throw new Error('--explain wants half:id:strong|weak|star|list[:otherId]');
    process.stdout.write(`${JSON.stringify(analyzeAnswer(q, text, bank), null, 2)}\n`);
    return;
  }

  const setup = opts.grader ? resolveGrader(process.env, homedir(), false) : undefined;
  if (setup && setup.kind !== 'on') {
    process.stdout.write(setup.kind === 'broken' ? `${setup.notice}\n` : 'No model grader is configured (RMPREP_GRADER_URL and RMPREP_GRADER_MODEL, or config.yaml): nothing to run with --grader.\n');
    return;
  }
  const out = [`questions in bank: ${bank.length}`];
  for (const half of opts.halves) {
    if (half.startsWith('v4-')) {
      const v4 = readV4(root, half.slice(3));
      if (!v4) out.push('', `${half}: ${HALVES[half]} not found`);
      else out.push('', `${half} (${HALVES[half]}): ${v4.answers.length} questions, 3 partial answers each`, ...evaluateV4(v4, bank, byId, opts.verbose && half !== 'v4-holdout'));
      continue;
    }
    if (half.startsWith('v3-')) {
      const v3 = readV3(root, half.slice(3));
      if (!v3) out.push('', `${half}: ${HALVES[half]} not found`);
      else {
        out.push('', `${half} (${HALVES[half]}): ${v3.answers.length} questions, ${v3.offTopic.length} off-topic answers, ${v3.cases.length} taught phrasings`);
        out.push(...evaluateV3(v3, bank, byId, opts.verbose && half !== 'v3-holdout'));
      }
      continue;
    }
    const set = readSet(root, half);
    if (!set) {
      out.push('', `${half}: ${HALVES[half]} not found`);
      continue;
    }
    out.push('', `${half} (${HALVES[half]}): ${set.answers.length} questions, ${set.offTopic.length} off-topic answers`);
    const graded = setup ? await gradeSet(set, bank, byId, setup, out) : undefined;
    out.push(...evaluate(set, bank, byId, opts.verbose && half !== 'holdout', graded));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Every answer of a set read with the grader against its own question; a line on how the grader fared. */
async function gradeSet(set: EvalSet, bank: readonly QuestionData[], byId: Map<string, QuestionData>, setup: Parameters<typeof gradeAnswer>[0], out: string[]): Promise<Graded> {
  const graded: Graded = new Map();
  let calls = 0;
  let failed = 0;
  let dropped = 0;
  let raised = 0;
  const latency: number[] = [];
  for (const a of set.answers) {
    const q = byId.get(a.id);
    if (!q) continue;
    for (const text of [a.strong, a.weak, keywordList(q), ...(a.star === undefined ? [] : [a.star])]) {
      const r = await gradeAnswer(setup, q, text, bank);
      calls++;
      if (!r.grader.used) failed++;
      dropped += r.grader.droppedQuotes;
      if (r.grader.latencyMs !== null) latency.push(r.grader.latencyMs);
      raised += r.credits.length;
      graded.set(gradedKey(q, text), r.report);
    }
  }
  const model = setup.kind === 'on' ? setup.config.model : '';
  out.push(
    `  grader ${model}: ${calls} answers read, ${failed} without a usable reply, ${raised} points added, ${dropped} invented quotes dropped, ` +
      `median latency ${latency.length === 0 ? '-' : `${[...latency].sort((x, y) => x - y)[Math.floor(latency.length / 2)]} ms`}`,
  );
  return graded;
}

await main();
