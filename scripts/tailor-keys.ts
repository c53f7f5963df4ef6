// Answer keys for test postings and the three measures eval-tailor reports on them: key questions within the
// cut, gaps found and gaps right, and reasons quoted from the right bullet.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { TailorResult } from '../src/core/tailor/rank.js';
import { isGeneric, tokenize } from '../src/core/tailor/words.js';

const keySchema = z.object({
  bullets: z.array(
    z.union([
      z.object({ bullet: z.string().min(1), questions: z.array(z.string().min(1)).min(1) }),
      z.object({ bullet: z.string().min(1), gap: z.literal(true) }),
    ]),
  ),
});
type KeyBullet = z.infer<typeof keySchema>['bullets'][number];

export interface KeyedPosting {
  name: string;
  posting: string;
  bullets: KeyBullet[];
}

/** Every `<slug>.md` in `dir` that has a `<slug>.key.yaml` beside it, its key checked against the posting. */
export function loadKeyed(dir: string, label: string, problems: string[]): KeyedPosting[] {
  if (!existsSync(dir)) return [];
  const out: KeyedPosting[] = [];
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const keyFile = join(dir, file.replace(/\.md$/, '.key.yaml'));
    if (!existsSync(keyFile)) continue;
    const posting = readFileSync(join(dir, file), 'utf8');
    const parsed = keySchema.safeParse(parse(readFileSync(keyFile, 'utf8')));
    if (!parsed.success) {
      problems.push(`${label}/${file}: key does not parse: ${parsed.error.issues[0]?.message}`);
      continue;
    }
    const flat = squash(posting);
    for (const b of parsed.data.bullets) if (!flat.includes(squash(b.bullet))) problems.push(`${label}/${file}: key bullet not in the posting: "${b.bullet}"`);
    out.push({ name: `${label}/${file}`, posting, bullets: parsed.data.bullets });
  }
  return out;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

function stems(s: string): Set<string> {
  return new Set(tokenize(s).map((w) => w.stem).filter((st) => !isGeneric(st)));
}

/**
 * The quote comes from the key's bullet: one of the two bullets holds the other (a key may quote part of a
 * bullet), or most of the quote's specific words are words of the key's bullet.
 */
function quotes(quote: string, bullet: string, whole?: string): boolean {
  if (whole !== undefined && (squash(whole).includes(squash(bullet)) || squash(bullet).includes(squash(whole)))) return true;
  const q = stems(quote);
  const b = stems(bullet);
  if (q.size === 0) return false;
  const shared = [...q].filter((s) => b.has(s)).length;
  return shared / q.size >= 0.6;
}

export interface Tally {
  keyQuestions: number;
  inCut: number;
  keyGaps: number;
  gapsFound: number;
  gapsReported: number;
  gapsRight: number;
  keyBullets: number;
  bulletsHeard: number;
  quotesChecked: number;
  quotesRight: number;
  missed: string[];
}

export const emptyTally = (): Tally => ({ keyQuestions: 0, inCut: 0, keyBullets: 0, bulletsHeard: 0, keyGaps: 0, gapsFound: 0, gapsReported: 0, gapsRight: 0, quotesChecked: 0, quotesRight: 0, missed: [] });

/** Scores one posting's result against its key, adding to `tally`. `result` holds at least the cut. */
export function scoreAgainstKey(result: TailorResult, key: KeyedPosting, tally: Tally): void {
  const cut = result.questions.slice(0, result.bullets.cut);
  const ids = new Set(cut.map((q) => q.id));
  const bulletsOf = new Map<string, string[]>();
  for (const b of key.bullets) if ('questions' in b) for (const id of b.questions) bulletsOf.set(id, [...(bulletsOf.get(id) ?? []), b.bullet]);
  for (const b of key.bullets) {
    if (!('questions' in b)) continue;
    tally.keyBullets++;
    if (b.questions.some((id) => ids.has(id))) tally.bulletsHeard++;
  }
  for (const [id, bullets] of bulletsOf) {
    tally.keyQuestions++;
    if (!ids.has(id)) {
      tally.missed.push(`${key.name}: ${id} not in the first ${result.bullets.cut}`);
      continue;
    }
    tally.inCut++;
    const ranked = cut.find((q) => q.id === id);
    const quote = ranked?.bullet !== undefined ? ranked.because[0] ?? '' : '';
    tally.quotesChecked++;
    if (quote !== '' && bullets.some((b) => quotes(quote, b, ranked?.bullet))) tally.quotesRight++;
    else tally.missed.push(`${key.name}: ${id} quotes "${quote || ranked?.because.join(', ')}"`);
  }
  const gaps = key.bullets.filter((b) => 'gap' in b).map((b) => b.bullet);
  tally.keyGaps += gaps.length;
  for (const gap of gaps) {
    if (result.gapDetails.some((g) => quotes(g.text, gap, g.bullet))) tally.gapsFound++;
    else tally.missed.push(`${key.name}: gap not reported: "${gap}"`);
  }
  for (const g of result.gapDetails) {
    tally.gapsReported++;
    if (gaps.some((gap) => quotes(g.text, gap, g.bullet))) tally.gapsRight++;
    else tally.missed.push(`${key.name}: reported gap is not a key gap: "${g.text}"`);
  }
}

const share = (a: number, b: number) => (b === 0 ? '  -  ' : (a / b).toFixed(2));

/** One line per measure, with its target. */
export function formatTally(label: string, t: Tally): string {
  return [
    `${label}:`,
    `  key questions within the cut  ${share(t.inCut, t.keyQuestions)}  (${t.inCut}/${t.keyQuestions}; target >= 0.85)`,
    `  key bullets with a key question within the cut ${share(t.bulletsHeard, t.keyBullets)}  (${t.bulletsHeard}/${t.keyBullets})`,
    `  gap recall                    ${share(t.gapsFound, t.keyGaps)}  (${t.gapsFound}/${t.keyGaps}; target >= 0.80)`,
    `  gap precision                 ${share(t.gapsRight, t.gapsReported)}  (${t.gapsRight}/${t.gapsReported}; target >= 0.80)`,
    `  reasons quoting the key bullet ${share(t.quotesRight, t.quotesChecked)}  (${t.quotesRight}/${t.quotesChecked}; target >= 0.90)`,
  ].join('\n');
}

/** Each line of the posting that a key bullet holds (or is held by), with that bullet's questions: none for a gap. */
export function picksFromKey(lines: readonly string[], key: KeyedPosting): Map<string, string[]> {
  const picks = new Map<string, string[]>();
  for (const line of lines) {
    const b = key.bullets.find((x) => squash(line).includes(squash(x.bullet)) || squash(x.bullet).includes(squash(line)));
    if (b) picks.set(line, 'questions' in b ? b.questions : []);
  }
  return picks;
}
