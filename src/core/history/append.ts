import { makeFolder } from '../fs/make-folder.js';
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import { countNewlines, existingSize, readFirstLine, type Fs } from './files.js';
import { acquireLock, type HeldLock } from './lock.js';
import { chunkBytes, MAX_READ_BYTES, type WriteOptions } from './options.js';
import { checkReadable, HEADER, readCurrent, resolveTarget } from './read.js';
import { notSaved } from './rescue.js';
import { scanHistory } from './scan.js';
import { recordSchema, type AttemptDraft, type AttemptRecord, type HistoryRecord, type SessionRecord, type StoredCard } from './schema.js';
import { applyRecord, type Summary } from './summary.js';
import { loadState, removeCache, writeCache, zoneKey, type State } from './summary-cache.js';
import { removeLeftovers, repairTail, repairTailOnly, type End } from './tail.js';
import { nextCard, upgradeIfOlder } from './upgrade.js';

export interface RecordOptions extends WriteOptions {
  /** Makes the attempt's id; random by default. */
  newId?: () => string;
  /** A session marker to write in the same append, just before the attempt: a drill's first answer. */
  session?: Omit<SessionRecord, 'type'>;
}

/**
 * Appends one attempt with its new scheduling state. Under a lock: sets aside a cut-off last line,
 * upgrades an older file, appends one whole line, fsyncs. On failure of any kind the file is put back as
 * it was and the attempt is kept in a rescue file named in the error.
 */
export function recordAttempt(path: string, draft: AttemptDraft, opts: RecordOptions): AttemptRecord {
  let saved: AttemptRecord | undefined;
  const id = (opts.newId ?? randomId)();
  const marker: HistoryRecord[] = opts.session ? [{ type: 'session', ...opts.session }] : [];
  withHistory(
    path,
    opts,
    ({ summary }) => {
      const previous = summary.questions[draft.questionId]?.card;
      saved = { type: 'attempt', id, ...draft, card: nextCard(previous, draft.rating, draft.at, opts.now) };
      return [...marker, saved];
    },
    () => [...marker, saved ?? { type: 'attempt', id, ...draft }],
  );
  return saved as AttemptRecord;
}

/** Appends a session marker (a drill or plan run), so reports can find the attempts that belong to it. */
export function recordSession(path: string, session: Omit<SessionRecord, 'type'>, opts: WriteOptions): void {
  const record: HistoryRecord = { type: 'session', ...session };
  withHistory(path, opts, () => [record], () => [record]);
}

export interface AppendResult {
  /** Attempts written. */
  added: number;
  /** Attempts left out because the history (or the batch) already holds their id. */
  duplicates: number;
}

/**
 * Appends records that carry their ids (an import) in one write: all of them or none. A record whose id
 * the history already holds is left out, so adding the same records twice adds nothing. Each attempt's
 * scheduling state is worked out again against this history.
 */
export function appendRecords(path: string, incoming: HistoryRecord[], opts: WriteOptions): AppendResult {
  const result: AppendResult = { added: 0, duplicates: 0 };
  withHistory(
    path,
    opts,
    ({ summary, ids }) => {
      const seen = ids();
      const cards = new Map<string, StoredCard | undefined>();
      const out: HistoryRecord[] = [];
      for (const r of incoming) {
        if (seen.has(r.id)) {
          if (r.type === 'attempt') result.duplicates++;
          continue;
        }
        seen.add(r.id);
        if (r.type !== 'attempt') {
          out.push(r);
          continue;
        }
        const previous = cards.has(r.questionId) ? cards.get(r.questionId) : summary.questions[r.questionId]?.card;
        const { card: _ignored, ...rest } = r;
        const card = nextCard(previous, r.rating, r.at, opts.now);
        cards.set(r.questionId, card);
        out.push({ ...rest, card });
        result.added++;
      }
      return out;
    },
    () => incoming,
  );
  return result;
}

interface Under {
  summary: Summary;
  /** Every record id in the history: a full read, so only for the calls that need it. */
  ids(): Set<string>;
}

function withHistory(path: string, opts: WriteOptions, make: (under: Under) => HistoryRecord[], pending: () => HistoryRecord[]): void {
  const fs = opts.fs ?? nodeFs;
  let lock: HeldLock | undefined;
  try {
    const file = resolveTarget(path, fs, true) as string;
    makeFolder(dirname(file), fs);
    lock = acquireLock(file, { fs, ...(opts.lockTimeoutMs !== undefined ? { timeoutMs: opts.lockTimeoutMs } : {}) });
    removeLeftovers(fs, file);
    let state: State;
    let end: End;
    let existed = true;
    if (readFirstLine(fs, file) === HEADER) {
      // The usual case, without reading the whole file: the summary comes from the cache when that matches
      // the file (a full read, which refuses a damaged file, otherwise), and only the last line is looked at.
      state = loadState(file, fs, path, opts, () => lock?.refresh());
      end = repairTailOnly(fs, file, opts.now);
    } else {
      let current = readCurrent(fs, file, opts.maxReadBytes ?? MAX_READ_BYTES);
      checkReadable(path, file, current, fs);
      if (upgradeIfOlder(fs, file, HEADER, current)) current = readCurrent(fs, file, opts.maxReadBytes ?? MAX_READ_BYTES);
      end = repairTail(fs, file, current, HEADER, opts.now);
      state = loadState(file, fs, path, opts);
      existed = current.exists;
    }
    lock.refresh();
    const { start, lead } = end;
    const ids = () => {
      const seen = new Set<string>();
      if (!fs.existsSync(file)) return seen;
      scanHistory(fs, file, chunkBytes(opts), { record: (r) => seen.add(r.id), progress: () => lock?.refresh() });
      return seen;
    };
    const records = make({ summary: state.summary, ids }).map(checkRecord);
    if (records.length === 0) return;
    // Two writers must never append at once: if this lock was taken over meanwhile, nothing is written.
    lock.confirm();
    const payload = lead + records.map((r) => `${JSON.stringify(r)}\n`).join('');
    appendOrRollBack(fs, file, { start, existed }, payload);
    // Saved: what follows only keeps the disposable cache up to date, so nothing here may report a failure.
    try {
      for (const r of records) applyRecord(state.summary, r);
      const size = start + Buffer.byteLength(payload);
      writeCache(fs, file, { summary: state.summary, size, lines: state.lines + countNewlines(payload) }, zoneKey(opts.timeZone));
    } catch {
      removeCache(fs, file);
    }
  } catch (err) {
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

function randomId(): string {
  return randomBytes(6).toString('hex');
}
