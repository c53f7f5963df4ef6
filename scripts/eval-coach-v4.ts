// Coach evaluation set v4 (eval/coach-v4): partial answers with the key points each one makes, for the points the
// coach credits that an answer did not make. Each question has an answer heavy with its subject's words that makes
// one point, one that makes two others, and one that makes none.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { analyzeAnswer } from '../src/core/coach/index.js';
import type { QuestionData } from '../src/core/questions/schema.js';

const KINDS = ['topical', 'two', 'none'] as const;
type Kind = (typeof KINDS)[number];

const entrySchema = z.object({
  id: z.string().min(1),
  topical: z.string().min(1),
  topicalMakes: z.array(z.number().int().min(1)),
  two: z.string().min(1),
  twoMakes: z.array(z.number().int().min(1)),
  none: z.string().min(1),
  noneMakes: z.array(z.number().int().min(1)).default([]),
});
const setSchema = z.object({ answers: z.array(entrySchema) });
export type V4Set = z.infer<typeof setSchema>;

export const V4_FILES: Record<string, string> = { tune: 'eval/coach-v4/tune.yaml', holdout: 'eval/coach-v4/holdout.yaml' };

export function readV4(root: string, half: string): V4Set | undefined {
  const file = join(root, V4_FILES[half] ?? '');
  if (!existsSync(file)) return undefined;
  const parsed = setSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

interface Tally {
  made: number;
  heard: number;
  notMade: number;
  credited: number;
  answers: number;
  answersWithFalse: number;
}

const share = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

/** Per kind of answer and in all: points made that were heard, and points not made that were credited anyway. */
export function evaluateV4(set: V4Set, bank: readonly QuestionData[], byId: Map<string, QuestionData>, verbose: boolean): string[] {
  const tallies = new Map<Kind | 'all', Tally>();
  const tally = (k: Kind | 'all') => tallies.get(k) ?? (tallies.set(k, { made: 0, heard: 0, notMade: 0, credited: 0, answers: 0, answersWithFalse: 0 }), tallies.get(k)!);
  const lines: string[] = [];
  const falses: string[] = [];
  for (const entry of set.answers) {
    const q = byId.get(entry.id);
    if (!q) {
      lines.push(`  ${entry.id}: not in the bank`);
      continue;
    }
    for (const kind of KINDS) {
      const makes = new Set(entry[`${kind}Makes`]);
      const report = analyzeAnswer(q, entry[kind], bank);
      let wrong = 0;
      report.talkingPoints.forEach((p, k) => {
        const made = makes.has(k + 1);
        for (const t of [tally(kind), tally('all')]) {
          if (made) {
            t.made++;
            if (p.covered) t.heard++;
          } else {
            t.notMade++;
            if (p.covered) t.credited++;
          }
        }
        if (!made && p.covered) {
          wrong++;
          falses.push(`${entry.id} ${kind}: point ${k + 1} "${p.point}" credited from "${p.evidence[0] ?? ''}"`);
        }
      });
      for (const t of [tally(kind), tally('all')]) {
        t.answers++;
        if (wrong > 0) t.answersWithFalse++;
      }
    }
  }
  for (const kind of [...KINDS, 'all'] as const) {
    const t = tally(kind);
    const recall = t.made === 0 ? '' : `; points made heard ${t.heard} of ${t.made} (${share(t.heard, t.made)})`;
    lines.push(`  ${kind.padEnd(7)} false credits ${t.credited} of ${t.notMade} points not made (${share(t.credited, t.notMade)}); answers with one ${t.answersWithFalse} of ${t.answers}${recall}`);
  }
  if (verbose && falses.length > 0) lines.push('  false credits:', ...falses.map((f) => `    ${f}`));
  return lines;
}
