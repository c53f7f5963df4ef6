/**
 * Which answers `history --forget-answers` forgets and what of a record goes. Pure: works on plain parsed
 * JSON, so the live history, its backups of older formats and rescue files are all handled alike.
 */
import type { Phrasing } from '../coach/phrasings.js';

/** The answers to forget: all of them, or those before a moment, of one question, or both. */
export interface Selection {
  before?: Date | undefined;
  questionId?: string | undefined;
}

/** What was taken out of records: the typed answers, follow-up answers and the model's quotes of them. */
export interface TextCounts {
  answers: number;
  followUpAnswers: number;
  quotes: number;
}

export function emptyCounts(): TextCounts {
  return { answers: 0, followUpAnswers: 0, quotes: 0 };
}

export function addCounts(into: TextCounts, more: TextCounts): void {
  into.answers += more.answers;
  into.followUpAnswers += more.followUpAnswers;
  into.quotes += more.quotes;
}

/** Whether an answer to `questionId` given at `at` is selected. A time that cannot be read is not before anything. */
export function isSelected(sel: Selection, questionId: string | undefined, at: string | undefined): boolean {
  if (sel.questionId !== undefined && questionId !== sel.questionId) return false;
  if (sel.before === undefined) return true;
  const when = at === undefined ? Number.NaN : Date.parse(at);
  return !Number.isNaN(when) && when < sel.before.getTime();
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

export interface Stripped {
  /** The record without the texts; the same object when it held none or is not selected. */
  record: unknown;
  counts: TextCounts;
  /** The texts taken out (answers and follow-up answers), for matching taught phrasings. */
  texts: string[];
  questionId: string | undefined;
  at: string | undefined;
}

/**
 * An attempt of the selection without its answer, its follow-up answers and the quotes the model took from
 * them (a quote is emptied, as the field is required); everything else, ratings, scores and the card
 * included, stays as it was. Any other record, or an attempt outside the selection, is returned as it is.
 */
export function stripAnswers(record: unknown, sel: Selection): Stripped {
  const counts = emptyCounts();
  const texts: string[] = [];
  if (!isPlain(record) || (record.type !== undefined && record.type !== 'attempt') || typeof record.questionId !== 'string') {
    return { record, counts, texts, questionId: undefined, at: undefined };
  }
  const questionId = record.questionId;
  const at = typeof record.at === 'string' ? record.at : undefined;
  if (!isSelected(sel, questionId, at)) return { record, counts, texts, questionId, at };
  const out: Plain = { ...record };
  if (hasText(out.answer)) {
    texts.push(out.answer);
    delete out.answer;
    counts.answers++;
  }
  if (Array.isArray(out.followUps)) {
    out.followUps = out.followUps.map((f: unknown) => {
      if (!isPlain(f) || !hasText(f.answer)) return f;
      texts.push(f.answer);
      counts.followUpAnswers++;
      const { answer: _gone, ...rest } = f;
      return rest;
    });
  }
  if (Array.isArray(out.credits)) {
    out.credits = out.credits.map((c: unknown) => {
      if (!isPlain(c) || !hasText(c.quote)) return c;
      counts.quotes++;
      return { ...c, quote: '' };
    });
  }
  const changed = counts.answers + counts.followUpAnswers + counts.quotes > 0;
  return { record: changed ? out : record, counts, texts, questionId, at };
}

/**
 * Whether a line that is not a whole record (a cut-off write, a line set aside by a repair) may hold a
 * selected answer. It cannot be read, so it goes unless it shows it lies outside the selection: it names
 * another question, or a time not before --before.
 */
export function damagedLineSelected(line: string, sel: Selection): boolean {
  const question = /"questionId"\s*:\s*"([^"\\]*)"/.exec(line)?.[1];
  if (sel.questionId !== undefined && question !== undefined && question !== sel.questionId) return false;
  const at = /"at"\s*:\s*"([^"\\]*)"/.exec(line)?.[1];
  if (sel.before !== undefined && at !== undefined) {
    const when = Date.parse(at);
    if (!Number.isNaN(when) && when >= sel.before.getTime()) return false;
  }
  return true;
}

/**
 * The taught phrasings drawn from forgotten answers: a phrasing goes when its sentence is found, as said
 * (case, spacing and curly quotes aside), in a forgotten answer of the same question. A sentence is always
 * words of the answer it was taught from (teach.ts), so this finds them; a phrasing also found in an
 * answer that is kept still goes, as the words are in the forgotten one too.
 */
export function phrasingsDrawnFrom(phrasings: readonly Phrasing[], forgotten: ReadonlyMap<string, readonly string[]>): { kept: Phrasing[]; dropped: Phrasing[] } {
  const kept: Phrasing[] = [];
  const dropped: Phrasing[] = [];
  const said = new Map<string, string[]>();
  for (const [question, texts] of forgotten) said.set(question, texts.map(asSaid));
  for (const p of phrasings) {
    const sentence = asSaid(p.sentence);
    const from = said.get(p.question) ?? [];
    if (sentence !== '' && from.some((t) => t.includes(sentence))) dropped.push(p);
    else kept.push(p);
  }
  return { kept, dropped };
}

/** Text compared as said, as teaching compares it: whitespace collapsed, curly quotes straight, case ignored. */
function asSaid(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}
