/**
 * `history --forget-answers`: every copy of the selected answers' text goes, and everything that counts
 * (ratings, scores, cards, sessions) stays byte for byte. Works out the whole change first (the same code
 * says what would go), then writes in an order that a stop at any point can be finished by running again:
 * taught phrasings, drafts, rmprep's own copies, and the history last, as the history is what the rest is
 * matched against. Each file is replaced whole (temp file, fsync, rename), so each is old or new.
 */
import * as nodeFs from 'node:fs';
import { keepingOf, writeFileAtomic } from '../atomic-write.js';
import { describeWriteErrno } from '../fs/errno-text.js';
import { HistoryError } from '../history/errors.js';
import type { HeldLock } from '../history/lock.js';
import { chunkBytes, type WriteOptions } from '../history/options.js';
import { checkScanned, resolveTarget } from '../history/read.js';
import { openForWrite } from '../history/open-write.js';
import { scanHistory } from '../history/scan.js';
import { loadState, removeCache } from '../history/summary-cache.js';
import { readPhrasings, writePhrasings } from '../phrasings/store.js';
import { findLineFiles, forgetDrafts, forgetInLineFile, LINE_FILE_KINDS, type FileChange, type ForgetPlaces, type LineFileKind } from './files.js';
import { readLines } from './lines.js';
import { addCounts, emptyCounts, phrasingsDrawnFrom, stripAnswers, type Selection, type TextCounts } from './select.js';

export interface ForgetReport extends TextCounts {
  /** Attempts in the history that lose some text. */
  attempts: number;
  phrasings: number;
  drafts: number;
  /** rmprep's own files by kind: how many are rewritten without the answers, how many removed (nothing else was in them). */
  files: Record<LineFileKind, { rewritten: number; removed: number }>;
  /** The first and last time of the answers that go, when any do. */
  first?: string;
  last?: string;
  /** Whether the change was made, or only worked out. */
  applied: boolean;
}

export interface ForgetOptions extends WriteOptions {
  /** The phrasings file (phrasings.yaml in the data folder). */
  phrasingsFile: string;
  /** False: only say what would go. */
  apply: boolean;
}

export function forgetAnswers(places: ForgetPlaces, sel: Selection, opts: ForgetOptions): ForgetReport {
  const fs = opts.fs ?? nodeFs;
  let lock: HeldLock | undefined;
  try {
    // A broken phrasings file stops the run before anything is changed.
    const phrasings = readPhrasings(opts.phrasingsFile);
    let file = resolveTarget(places.historyFile, fs, false);
    if (file !== undefined && opts.apply) file = openForWrite(places.historyFile, fs, opts, (held) => (lock = held)).file;
    const report = emptyReport(opts.apply);
    const forgotten = new Map<string, string[]>();
    // Only answers to questions with taught phrasings are kept in memory: a large history has many.
    const taughtFor = new Set(phrasings.map((p) => p.question));
    const note = (questionId: string, text: string) => {
      if (taughtFor.has(questionId)) forgotten.set(questionId, [...(forgotten.get(questionId) ?? []), text]);
    };
    const span = (at: string | undefined) => {
      if (at === undefined) return;
      if (report.first === undefined || at < report.first) report.first = at;
      if (report.last === undefined || at > report.last) report.last = at;
    };
    if (file !== undefined) {
      const scan = scanHistory(fs, file, chunkBytes(opts), {
        record: (r) => {
          const s = stripAnswers(r, sel);
          if (s.record === r) return;
          report.attempts++;
          addCounts(report, s.counts);
          for (const t of s.texts) note(s.questionId ?? '', t);
          span(s.at);
        },
        progress: () => lock?.refresh(),
      });
      checkScanned(places.historyFile, file, scan, fs);
    }
    const changes: FileChange[] = [];
    // Backups and set-aside lines are made beside the real file, where a link to the history points;
    // those beside the link are looked at too.
    const found = [...findLineFiles(places, fs), ...(file !== undefined && file !== places.historyFile ? findLineFiles({ historyFile: file, dataDir: places.dataDir }, fs) : [])];
    for (const f of found.filter((f, i) => found.findIndex((g) => g.path === f.path) === i)) {
      const change = forgetInLineFile(f.kind, f.path, sel, fs);
      if (change) changes.push(change);
    }
    for (const d of forgetDrafts(places, sel, fs)) {
      changes.push(d);
      report.drafts++;
      span(d.at);
    }
    for (const c of changes) {
      for (const t of c.texts) note(t.questionId, t.text);
      if (c.kind !== 'drafts') report.files[c.kind][c.text === null ? 'removed' : 'rewritten']++;
    }
    const { kept, dropped } = phrasingsDrawnFrom(phrasings, forgotten);
    report.phrasings = dropped.length;
    if (!opts.apply) return report;

    try {
      if (dropped.length > 0) writePhrasings(opts.phrasingsFile, kept);
      for (const c of changes) {
        if (c.text === null) fs.rmSync(c.path, { force: true });
        else writeFileAtomic(c.path, c.text, fs, keepingOf(c.path, 0o600, (p) => fs.statSync(p)));
      }
      if (file !== undefined && report.attempts > 0) rewriteHistory(fs, file, places.historyFile, sel, opts, lock);
    } catch (err) {
      if (err instanceof HistoryError) throw err;
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      const reason = describeWriteErrno(code) ?? (err instanceof Error ? err.message : String(err));
      throw new HistoryError('not-saved', `forgetting stopped half way: ${reason}; each file is as it was or without the answers`, 'run the same command again to finish');
    }
    return report;
  } finally {
    lock?.release();
  }
}

/** The history with the selected attempts' texts taken out, every other line kept as its bytes were. */
function rewriteHistory(fs: typeof nodeFs, file: string, display: string, sel: Selection, opts: ForgetOptions, lock: HeldLock | undefined): void {
  function* lines(): Generator<string> {
    for (const line of readLines(fs, file, chunkBytes(opts), () => lock?.refresh())) {
      // Most lines are whole records of other questions or times: only those naming an attempt are parsed.
      if (!line.includes('"attempt"')) {
        yield `${line}\n`;
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        yield `${line}\n`;
        continue;
      }
      const s = stripAnswers(value, sel);
      yield `${s.record === value ? line : JSON.stringify(s.record)}\n`;
    }
  }
  lock?.confirm();
  writeFileAtomic(file, lines(), fs, keepingOf(file, 0o600, (p) => fs.statSync(p)));
  // The summary and digest hold no text, but they are keyed to the file: they are made again at once.
  removeCache(fs, file);
  try {
    loadState(file, fs, display, opts);
  } catch {
    removeCache(fs, file);
  }
}

function emptyReport(applied: boolean): ForgetReport {
  const files = Object.fromEntries(LINE_FILE_KINDS.map((k) => [k, { rewritten: 0, removed: 0 }])) as ForgetReport['files'];
  return { ...emptyCounts(), attempts: 0, phrasings: 0, drafts: 0, files, applied };
}
