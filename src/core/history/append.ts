import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { InputError } from '../errors.js';
import { existingSize, type Fs } from './files.js';
import { foldRecords } from './fold.js';
import type { HeldLock } from './lock.js';
import { openForWrite } from './open-write.js';
import { chunkBytes, type WriteOptions } from './options.js';
import { readRecentRecords } from './recent.js';
import { notSaved } from './rescue.js';
import { scanHistory } from './scan.js';
import { recordSchema, type AttemptDraft, type AttemptRecord, type HistoryRecord, type SessionRecord } from './schema.js';
import type { Summary } from './summary.js';
import { cacheAfterWrite } from './summary-cache.js';
import { nextCard } from './upgrade.js';

export interface RecordOptions extends WriteOptions {
  /** Makes the attempt's id; random by default. */
  newId?: () => string;
  /** A session marker to write in the same append, just before the attempt: a drill's first answer. */
  session?: Omit<SessionRecord, 'type'>;
  /**
   * Decides the attempt's session under the lock, from the history's records (its newest ones when the
   * history is long and `recentOnly` is set): a named session is joined or started by one writer at a time.
   */
  placeSession?: { place(records: readonly HistoryRecord[]): SessionPlacement; recentOnly: boolean };
}

/** The session an attempt joins, with the marker to write before it when it starts one. */
export interface SessionPlacement {
  id: string;
  marker: SessionRecord | undefined;
}

/**
 * Appends one attempt with its new scheduling state. Under a lock: sets aside a cut-off last line,
 * upgrades an older file, appends one whole line, fsyncs. On failure of any kind the file is put back as
 * it was and the attempt is kept in a rescue file named in the error.
 */
export function recordAttempt(path: string, draft: AttemptDraft, opts: RecordOptions): AttemptRecord {
  let saved: AttemptRecord | undefined;
  const id = (opts.newId ?? randomId)();
  let marker: HistoryRecord[] = opts.session ? [{ type: 'session', ...opts.session }] : [];
  let placed = draft;
  withHistory(
    path,
    opts,
    (under) => {
      if (opts.placeSession) {
        const place = opts.placeSession.place(historyRecords(under, opts.placeSession.recentOnly));
        marker = place.marker ? [place.marker] : [];
        placed = { ...draft, session: place.id };
      }
      const previous = under.summary.questions[draft.questionId]?.card;
      saved = { type: 'attempt', id, ...placed, card: nextCard(previous, draft.rating, draft.at, opts.now) };
      return [...marker, saved];
    },
    () => [...marker, saved ?? { type: 'attempt', id, ...placed }],
  );
  return saved as AttemptRecord;
}

/** The history's records as readers count them; only the newest ones of a long history when `recentOnly`. */
function historyRecords(under: Under, recentOnly: boolean): HistoryRecord[] {
  const recent = recentOnly ? readRecentRecords(under.file) : undefined;
  if (recent) return foldRecords(recent);
  const all: HistoryRecord[] = [];
  under.scan((r) => all.push(r));
  return foldRecords(all);
}

/** Appends a session marker (a drill or plan run), so reports can find the attempts that belong to it. */
export function recordSession(path: string, session: Omit<SessionRecord, 'type'>, opts: WriteOptions): void {
  const record: HistoryRecord = { type: 'session', ...session };
  withHistory(path, opts, () => [record], () => [record]);
}

export interface Under {
  summary: Summary;
  /** The real history file. */
  file: string;
  /** Hands every record of the history over, in file order: a full read, so only for the calls that need it. */
  scan(record: (r: HistoryRecord) => void): void;
}

export function withHistory(path: string, opts: WriteOptions, make: (under: Under) => HistoryRecord[], pending: () => HistoryRecord[]): void {
  const fs = opts.fs ?? nodeFs;
  let lock: HeldLock | undefined;
  try {
    const { file, state, end, existed } = openForWrite(path, fs, opts, (held) => (lock = held));
    const { start, lead } = end;
    const scan = (record: (r: HistoryRecord) => void) => {
      if (fs.existsSync(file)) scanHistory(fs, file, chunkBytes(opts), { record, progress: () => lock?.refresh() });
    };
    const records = make({ summary: state.summary, scan, file }).map(checkRecord);
    if (records.length === 0) return;
    // Two writers must never append at once: if this lock was taken over meanwhile, nothing is written.
    lock?.confirm();
    const payload = lead + records.map((r) => `${JSON.stringify(r)}\n`).join('');
    appendOrRollBack(fs, file, { start, existed }, payload);
    // Saved: what follows only keeps the disposable cache up to date, so nothing there may report a failure.
    cacheAfterWrite(fs, file, path, state, { records, payload, size: start + Buffer.byteLength(payload) }, opts);
  } catch (err) {
    // A request that cannot be met (an unknown attempt) writes nothing and keeps nothing.
    if (err instanceof InputError) throw err;
    // Whatever went wrong (a full disk, a lock that stayed taken, a damaged file, a bug), the records are kept.
    throw notSaved(fs, err, pending(), opts);
  } finally {
    lock?.release();
  }
}

/** A record the store is asked to write must read back: a bad one would make the whole file refused. */
function checkRecord(record: HistoryRecord): HistoryRecord {
  const result = recordSchema.safeParse(JSON.parse(JSON.stringify(record)));
  if (result.success) return record;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `"${issue.path.join('.')}" ` : '';
  throw Object.assign(new Error(`it is not a valid record: ${field}${issue?.message ?? 'invalid'}`), { code: 'EINVAL' });
}

/** Appends the payload whole, or puts the file back as it was and throws. */
function appendOrRollBack(fs: Fs, file: string, { start, existed }: { start: number; existed: boolean }, payload: string): void {
  const bytes = Buffer.from(payload);
  let fd: number | undefined;
  try {
    // A new history holds answers: 0600 whatever the umask allows; an existing one keeps its mode.
    fd = fs.openSync(file, 'a', 0o600);
    let written = 0;
    while (written < bytes.length) {
      const n = fs.writeSync(fd, bytes, written, bytes.length - written);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      written += n;
    }
    fs.fsyncSync(fd);
  } catch (err) {
    try {
      if (!existed) fs.unlinkSync(file);
      else if (fd !== undefined) fs.ftruncateSync(fd, start);
      else if (existingSize(fs, file) > start) fs.truncateSync(file, start);
    } catch {
      // The rescue copy still holds the records.
    }
    throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function randomId(): string {
  return randomBytes(6).toString('hex');
}
