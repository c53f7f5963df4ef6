// The coach-v3 measures, one half at a time (eval/coach-v3/tune.yaml or holdout.yaml, and that half's cases of
// phrasings.yaml): points heard against what each answer was written to say, thin and mid answers against the
// length caps, colon-list openings, the set's own keyword lists, and taught phrasings. Called by eval-coach.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeAnswer, type CoachReport } from '../src/core/coach/index.js';
import type { Phrasing } from '../src/core/coach/phrasings.js';
import { readAnswer, SKIP_LIST } from '../src/core/coach/reading.js';
import type { QuestionData } from '../src/core/questions/schema.js';

interface V3Answer {
  id: string;
  strong: string;
  weak: string;
  thin?: string;
  mid?: string;
  colonList?: string;
  keywordList?: string;
  star?: string;
  covers: number[];
  colonListCovers: number[];
}

interface PhrasingCase {
  question: string;
  half: string;
  point: number;
  taught: string;
  retelling: string;
  negatives: { question: string; answer: string }[];
}

const THIN_MAX_WORDS = 40;
const THIN_CAP = 40;
const THIN_BELOW_STRONG = 25;
const MID_CAP = 55;
const LIST_CAP = 30;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const points = (v: unknown): number[] => (Array.isArray(v) ? v.map((c: { point?: unknown }) => Number(c?.point)).filter((n) => Number.isInteger(n)) : []);
const wc = (s: string) => s.split(/\s+/).filter(Boolean).length;
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const pct = (won: number, of: number) => `${won} of ${of} (${of === 0 ? '-' : ((100 * won) / of).toFixed(1)}%)`;

export function readV3(root: string, half: string): { answers: V3Answer[]; offTopic: string[]; cases: PhrasingCase[] } | undefined {
  const file = join(root, 'eval', 'coach-v3', `${half}.yaml`);
  if (!existsSync(file)) return undefined;
  const data = parse(readFileSync(file, 'utf8')) as { answers?: Record<string, unknown>[]; offTopic?: unknown[] };
  const answers = (data.answers ?? []).map((e, i) => {
    const id = str(e.id);
    const strong = str(e.strong);
    const weak = str(e.weak);
    if (!id || !strong || !weak) throw new Error(`${file}: answer ${i + 1} needs id, strong and weak`);
    const opt = (k: string) => (str(e[k]) !== undefined ? { [k]: str(e[k]) } : {});
    return { id, strong, weak, ...opt('thin'), ...opt('mid'), ...opt('colonList'), ...opt('keywordList'), ...opt('star'), covers: points(e.covers), colonListCovers: points(e.colonListCovers) };
  });
  const offTopic = (data.offTopic ?? []).filter((t): t is string => typeof t === 'string');
  const phrasingsFile = join(root, 'eval', 'coach-v3', 'phrasings.yaml');
  const cases = existsSync(phrasingsFile)
    ? ((parse(readFileSync(phrasingsFile, 'utf8')) as { cases?: PhrasingCase[] }).cases ?? []).filter((c) => c.half === half)
    : [];
  return { answers, offTopic, cases };
}

export function evaluateV3(set: NonNullable<ReturnType<typeof readV3>>, bank: readonly QuestionData[], byId: Map<string, QuestionData>, verbose: boolean): string[] {
  const score = (q: QuestionData, text: string, phrasings?: Phrasing[]): CoachReport => analyzeAnswer(q, text, bank, { phrasings });
  const lines: string[] = [];
  const coverage: number[] = [];
  const heardOfMeant: [number, number] = [0, 0];
  let notHeardMeant = 0;
  let strongWins = 0;
  let ownWon = 0;
  let ownAll = 0;
  const cross: number[] = [];
  const lists: number[] = [];
  let listsOk = 0;
  let thinOk = 0;
  let thinN = 0;
  const thinScores: number[] = [];
  let midOk = 0;
  let midN = 0;
  const midScores: number[] = [];
  const colonCoverage: number[] = [];
  let colonSpeech = 0;
  let colonN = 0;
  let starFound = 0;
  let starParts = 0;
  const times: number[] = [];
  const timed = (q: QuestionData, text: string) => {
    const t0 = process.hrtime.bigint();
    const r = score(q, text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    return r;
  };
  // The first call reads the bank once; a drill pays that before the first answer, not per answer.
  if (set.answers[0]) score(byId.get(set.answers[0].id) as QuestionData, set.answers[0].weak);
  for (const a of set.answers) {
    const q = byId.get(a.id);
    if (!q) throw new Error(`eval id not in the bank: ${a.id}`);
    const strong = timed(q, a.strong);
    const weak = timed(q, a.weak);
    if (strong.score > weak.score) strongWins++;
    coverage.push(strong.coverage);
    for (const n of a.covers) {
      heardOfMeant[1]++;
      if (strong.talkingPoints[n - 1]?.covered) heardOfMeant[0]++;
      else notHeardMeant++;
    }
    for (const other of bank) {
      if (other.id === q.id) continue;
      ownAll++;
      const r = score(other, a.strong);
      cross.push(r.coverage);
      if (strong.score > r.score) ownWon++;
    }
    let list: CoachReport | undefined;
    if (a.keywordList !== undefined) {
      list = timed(q, a.keywordList);
      lists.push(list.score);
      if (list.score <= LIST_CAP && list.score < strong.score) listsOk++;
    }
    let thin: CoachReport | undefined;
    if (a.thin !== undefined) {
      thin = timed(q, a.thin);
      thinN++;
      thinScores.push(thin.score);
      if (wc(a.thin) > THIN_MAX_WORDS || (thin.score <= THIN_CAP && strong.score - thin.score >= THIN_BELOW_STRONG)) thinOk++;
    }
    let mid: CoachReport | undefined;
    if (a.mid !== undefined) {
      mid = timed(q, a.mid);
      midN++;
      midScores.push(mid.score);
      if (mid.score <= (mid.words <= THIN_MAX_WORDS ? THIN_CAP : MID_CAP)) midOk++;
    }
    if (a.colonList !== undefined) {
      const c = timed(q, a.colonList);
      colonN++;
      colonCoverage.push(c.coverage);
      // The opening sentence, with its list after a colon, is read as speech: none of its words in a bare list.
      const reading = readAnswer(a.colonList);
      if (!reading.doc.tokens.some((t, p) => t.sentence === 0 && reading.skip[p] === SKIP_LIST)) colonSpeech++;
    }
    if (a.star !== undefined && q.category === 'behavioral') {
      const parts = timed(q, a.star).structure.parts;
      starParts += parts.length;
      starFound += parts.filter((p) => p.present).length;
    }
    if (verbose) {
      const marks = (r: CoachReport) => r.talkingPoints.map((p) => (p.covered ? '+' : '-')).join('');
      const opt = (label: string, r: CoachReport | undefined) => (r ? `  ${label} ${String(r.score).padStart(3)} (${r.words} w)` : '');
      lines.push(`  ${a.id.padEnd(32)} strong ${String(strong.score).padStart(3)} ${marks(strong)} meant ${a.covers.join(',')}${opt('thin', thin)}${opt('mid', mid)}${opt('list', list)}`);
    }
  }
  const offTopic: number[] = [];
  for (const text of set.offTopic) for (const a of set.answers) offTopic.push(score(byId.get(a.id) as QuestionData, text).score);

  // Taught phrasings: heard in the retelling, never in the negatives.
  let retold = 0;
  let retoldByWords = 0;
  let negClean = 0;
  let negAll = 0;
  for (const c of set.cases) {
    const q = byId.get(c.question);
    const point = q?.keyPoints[c.point - 1];
    if (!q || !point) throw new Error(`phrasings case: no point ${c.point} in ${c.question}`);
    const taught: Phrasing[] = [{ question: q.id, point: point.id, sentence: c.taught.trim() }];
    const r = score(q, c.retelling, taught);
    // Heard: by the phrasing, or already by the words (then the phrasing has nothing to add).
    if (r.talkingPoints[c.point - 1]?.covered) retold++;
    if (score(q, c.retelling).talkingPoints[c.point - 1]?.covered) retoldByWords++;
    for (const n of c.negatives) {
      const nq = byId.get(n.question);
      if (!nq) throw new Error(`phrasings case: no question ${n.question}`);
      negAll++;
      const nr = score(nq, n.answer, taught);
      if (!nr.talkingPoints.some((p) => p.heardBy === 'your phrasing')) negClean++;
    }
  }

  const n = set.answers.length;
  const max = (xs: number[]) => (xs.length === 0 ? '-' : String(Math.max(...xs)));
  lines.push(
    `  strong > weak: ${pct(strongWins, n)}`,
    `  own > other (strong answers, every other question): ${pct(ownWon, ownAll)}`,
    `  mean coverage of strong answers: ${mean(coverage).toFixed(2)} (lowest ${Math.min(...coverage).toFixed(2)})`,
    `  points the strong answers were written to make, heard: ${pct(heardOfMeant[0], heardOfMeant[1])} ("Not heard" shown for ${notHeardMeant} of them)`,
    `  mean coverage of the same answers on every other question: ${mean(cross).toFixed(3)}`,
    `  keyword lists (the set's own): highest ${max(lists)}, mean ${mean(lists).toFixed(1)}; at most ${LIST_CAP} and below the strong answer: ${pct(listsOk, lists.length)}`,
    `  thin answers (at most ${THIN_MAX_WORDS} words): highest ${max(thinScores)}, mean ${mean(thinScores).toFixed(1)}; at most ${THIN_CAP} and ${THIN_BELOW_STRONG}+ below the strong answer: ${pct(thinOk, thinN)}`,
    `  mid answers (41-70 words): highest ${max(midScores)}, mean ${mean(midScores).toFixed(1)}; at most ${MID_CAP}: ${pct(midOk, midN)}`,
    `  colon-list answers: opening list read as speech ${pct(colonSpeech, colonN)}; mean coverage ${mean(colonCoverage).toFixed(2)}`,
  );
  if (starParts > 0) lines.push(`  labelled STAR parts found: ${pct(starFound, starParts)}`);
  if (offTopic.length > 0) lines.push(`  off-topic answers on the eval questions: highest ${Math.max(...offTopic)}, mean ${mean(offTopic).toFixed(1)}`);
  if (set.cases.length > 0) {
    lines.push(`  taught phrasings: retelling heard ${pct(retold, set.cases.length)} (by the words alone ${retoldByWords}); negatives never credited ${pct(negClean, negAll)}`);
  }
  lines.push(`  coach time per answer: mean ${mean(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms`);
  return lines;
}
