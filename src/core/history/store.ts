import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { scheduleReview } from '../schedule.js';
import { HistoryError } from './errors.js';
import { acquireLock } from './lock.js';
import { parseHistoryText, type ParsedHistory } from './parse.js';
import { HISTORY_VERSION, type AttemptDraft, type AttemptRecord, type HistoryRecord, type SessionRecord } from './schema.js';
import { applyRecord, emptySummary, summarize, type Summary } from './summary.js';

export type Fs = typeof nodeFs;

export interface StoreOptions {
  fs?: Fs;
  /** Where an attempt that could not be saved is kept; defaults to the system temp folder. */
  rescueDir?: string;
}

export interface HistoryData {
  version: number;
  records: HistoryRecord[];
  /** The byte length of the file that was read, complete lines only. */
  size: number;
}

const HEADER = JSON.stringify({ rmprep: 'history', version: HISTORY_VERSION });
const CACHE_VERSION = 1;

/** Reads the whole history. A missing file is an empty history; a damaged one is refused (and backed up once). */
export function readHistory(path: string, opts: StoreOptions = {}): HistoryData {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { version: HISTORY_VERSION, records: [], size: 0 };
  const text = readText(fs, file);
  const parsed = parseHistoryText(text);
  checkReadable(path, file, parsed, text, fs);
  const version = parsed.header?.version ?? HISTORY_VERSION;
  const records = version < HISTORY_VERSION ? upgradeRecords(parsed.records) : parsed.records;
  return { version, records, size: parsed.completeBytes };
}

/** The summary of the history, from the cache beside it when that still matches the file. */
export function loadSummary(path: string, opts: StoreOptions = {}): Summary {
  return loadState(path, opts.fs ?? nodeFs).summary;
}

interface State {
  summary: Summary;
  /** Bytes and newlines that the summary covers. */
  size: number;
  lines: number;
}

function loadState(path: string, fs: Fs): State {
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { summary: emptySummary(), size: 0, lines: 0 };
  const size = fs.statSync(file).size;
  const cached = readCache(fs, file);
  if (cached && cached.size === size) return cached;
  if (cached && cached.size < size) {
    const tail = readTail(fs, file, cached.size, size) ?? '';
    const parsed = parseHistoryText(tail, { startByte: cached.size, startLine: cached.lines + 1, expectHeader: false });
    if (parsed.bad.length === 0) {
      for (const r of parsed.records) applyRecord(cached.summary, r);
      const covered = tail.slice(0, parsed.completeBytes - cached.size);
      return { summary: cached.summary, size: parsed.completeBytes, lines: cached.lines + countNewlines(covered) };
    }
  }
  const text = readText(fs, file);
  const parsed = parseHistoryText(text);
  checkReadable(path, file, parsed, text, fs);
  const version = parsed.header?.version ?? HISTORY_VERSION;
  const summary = summarize(version < HISTORY_VERSION ? upgradeRecords(parsed.records) : parsed.records);
  const state = { summary, size: parsed.completeBytes, lines: countNewlines(text.slice(0, parsed.completeBytes)) };
  if (version === HISTORY_VERSION) writeCache(fs, file, state);
  return state;
}

export interface RecordOptions extends StoreOptions {
  now: Date;
  /** Makes the attempt's id; random by default. */
  newId?: () => string;
}

/**
 * Appends one attempt with its new scheduling state. Under a lock: repairs a cut-off last line,
 * upgrades an older file, appends one whole line, fsyncs. On failure the file is put back as it was
 * and the attempt is kept in a rescue file named in the error.
 */
export function recordAttempt(path: string, draft: AttemptDraft, opts: RecordOptions): AttemptRecord {
  let saved: AttemptRecord | undefined;
  const id = (opts.newId ?? randomId)();
  withHistory(
    path,
    opts,
    (summary) => {
      const previous = summary.questions[draft.questionId]?.card;
      const card = scheduleReview(previous, draft.rating, new Date(draft.at));
      saved = { type: 'attempt', id, ...draft, card };
      return [saved];
    },
    () => [saved ?? { type: 'attempt', id, ...draft }],
  );
  return saved as AttemptRecord;
}

/** Appends a session marker (a drill or plan run), so reports can find the attempts that belong to it. */
export function recordSession(path: string, session: Omit<SessionRecord, 'type'>, opts: StoreOptions = {}): void {
  const record: HistoryRecord = { type: 'session', ...session };
  withHistory(path, opts, () => [record], () => [record]);
}

function withHistory(path: string, opts: StoreOptions, make: (summary: Summary) => HistoryRecord[], pending: () => HistoryRecord[]): void {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, true) as string;
  try {
    fs.mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    throw notSaved(fs, err, pending(), opts.rescueDir);
  }
  let release: () => void;
  try {
    release = acquireLock(file, { fs });
  } catch (err) {
    throw err instanceof HistoryError ? err : notSaved(fs, err, pending(), opts.rescueDir);
  }
  try {
    removeLeftovers(fs, file);
    upgradeIfOlder(path, file, fs);
    const state = loadState(file, fs);
    let start = existingSize(fs, file);
    let lead = '';
    if (start === 0) lead = `${HEADER}\n`;
    else {
      const tail = repairTail(fs, file, start);
      if (tail === 'newline') lead = '\n';
      if (tail === 'truncated') start = existingSize(fs, file);
    }
    const records = make(state.summary);
    const payload = lead + records.map((r) => `${JSON.stringify(r)}\n`).join('');
    appendOrRollBack(fs, file, start, payload, records, opts.rescueDir);
    for (const r of records) applyRecord(state.summary, r);
    writeCache(fs, file, { summary: state.summary, size: start + Buffer.byteLength(payload), lines: state.lines + countNewlines(payload) });
  } catch (err) {
    throw err instanceof HistoryError ? err : notSaved(fs, err, pending(), opts.rescueDir);
  } finally {
    release();
  }
}

/** Makes the file end on a whole line: adds nothing, asks for a newline, or cuts off a write that was cut short. */
function repairTail(fs: Fs, file: string, size: number): 'clean' | 'newline' | 'truncated' {
  const start = Math.max(0, size - 64 * 1024);
  const tail = readTail(fs, file, start, size) ?? '';
  if (tail.endsWith('\n')) return 'clean';
  const lastBreak = tail.lastIndexOf('\n');
  const lastLine = tail.slice(lastBreak + 1);
  const parsed = parseHistoryText(lastLine, { expectHeader: false });
  if (parsed.records.length === 1) return 'newline';
  // A write that was cut off: set its bytes aside, then cut the file back to its last whole line.
  const cut = size - Buffer.byteLength(lastLine);
  fs.writeFileSync(`${file}.torn-${stamp(new Date())}`, lastLine);
  fs.truncateSync(file, cut);
  return 'truncated';
}

function appendOrRollBack(fs: Fs, file: string, start: number, payload: string, records: HistoryRecord[], rescueDir?: string): void {
  const bytes = Buffer.from(payload);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'a');
    let written = 0;
    while (written < bytes.length) {
      const n = fs.writeSync(fd, bytes, written, bytes.length - written);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      written += n;
    }
    fs.fsyncSync(fd);
  } catch (err) {
    try {
      if (fd !== undefined) fs.ftruncateSync(fd, start);
      else if (existingSize(fs, file) > start) fs.truncateSync(file, start);
    } catch {
      // The rescue copy below still holds the attempt.
    }
    throw notSaved(fs, err, records, rescueDir);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function notSaved(fs: Fs, err: unknown, records: HistoryRecord[], rescueDir?: string): HistoryError {
  const where = rescue(fs, records, rescueDir);
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return new HistoryError(
    'not-saved',
    `the attempt was not saved: ${describeCode(code)}; your history is unchanged`,
    where ? `the attempt is kept in ${where}; add it back with: rmprep history --import ${where}` : undefined,
  );
}

function rescue(fs: Fs, records: HistoryRecord[], rescueDir?: string): string | undefined {
  const name = `rmprep-unsaved-${stamp(new Date())}-${randomBytes(3).toString('hex')}.jsonl`;
  for (const dir of [rescueDir, tmpdir()]) {
    if (!dir) continue;
    const target = join(dir, name);
    try {
      fs.writeFileSync(target, `${HEADER}\n${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
      return target;
    } catch {
      // Try the next place.
    }
  }
  return undefined;
}

function describeCode(code: string): string {
  if (code === 'ENOSPC') return 'the disk is full (ENOSPC)';
  if (code === 'EDQUOT') return 'the disk quota is exceeded (EDQUOT)';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'EROFS') return 'the file system is read-only (EROFS)';
  return `write failed (${code})`;
}

/** Upgrades a file of an older format in place, keeping the original as a backup. */
function upgradeIfOlder(path: string, file: string, fs: Fs): void {
  if (existingSize(fs, file) === 0) return;
  const text = readText(fs, file);
  const parsed = parseHistoryText(text);
  checkReadable(path, file, parsed, text, fs);
  const version = parsed.header?.version ?? HISTORY_VERSION;
  if (version >= HISTORY_VERSION) return;
  const backup = `${file}.v${version}.bak`;
  fs.copyFileSync(file, backup);
  const records = upgradeRecords(parsed.records);
  writeAtomic(fs, file, `${HEADER}\n${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

/** Version 1 kept no scheduling state: replay each question's ratings through the scheduler. */
function upgradeRecords(records: HistoryRecord[]): HistoryRecord[] {
  const cards = new Map<string, AttemptRecord['card']>();
  return records.map((r) => {
    if (r.type !== 'attempt' || r.card) return r;
    const card = scheduleReview(cards.get(r.questionId), r.rating, new Date(r.at));
    cards.set(r.questionId, card);
    return { ...r, card };
  });
}

function checkReadable(path: string, file: string, parsed: ParsedHistory, text: string, fs: Fs): void {
  if (parsed.header && parsed.header.version > HISTORY_VERSION) {
    throw new HistoryError(
      'newer-version',
      `${path} was written by a newer rmprep (history format ${parsed.header.version}; this one knows up to ${HISTORY_VERSION}); nothing was changed`,
      'upgrade rmprep to use this history',
    );
  }
  const first = parsed.bad[0];
  if (first) {
    const backup = backupOnce(fs, file, text);
    const more = parsed.bad.length > 1 ? ` (and ${parsed.bad.length - 1} more bad line${parsed.bad.length > 2 ? 's' : ''})` : '';
    throw new HistoryError(
      'corrupt',
      `${path}:${first.line}:${first.col}: ${first.message}${more}; rmprep will not write to this history until it is fixed (a copy is in ${backup})`,
      'fix the line by hand, or run: rmprep history --repair (it sets the bad lines aside in a file and keeps the rest)',
    );
  }
}

/** Sets aside every line that is not a valid record and rewrites the rest; returns what was done. */
export function repairHistory(path: string, opts: StoreOptions & { now: Date }): { kept: number; rejected: number; rejectedFile?: string; backup?: string } {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { kept: 0, rejected: 0 };
  const release = acquireLock(file, { fs });
  try {
    const text = readText(fs, file);
    const parsed = parseHistoryText(text);
    if (parsed.header && parsed.header.version > HISTORY_VERSION) checkReadable(path, file, parsed, text, fs);
    const rejected = [...parsed.bad.map((b) => b.text), ...(parsed.torn ? [parsed.torn.text] : [])];
    if (rejected.length === 0) return { kept: parsed.records.length, rejected: 0 };
    const backup = backupOnce(fs, file, text);
    const rejectedFile = `${file}.rejected-${stamp(opts.now)}.txt`;
    fs.writeFileSync(rejectedFile, `${rejected.join('\n')}\n`);
    const version = parsed.header?.version ?? HISTORY_VERSION;
    const records = version < HISTORY_VERSION ? upgradeRecords(parsed.records) : parsed.records;
    writeAtomic(fs, file, `${HEADER}\n${records.map((r) => JSON.stringify(r)).join('\n')}${records.length ? '\n' : ''}`);
    return { kept: records.length, rejected: rejected.length, rejectedFile, backup };
  } finally {
    release();
  }
}

/** Writes a file whole or not at all: a temp file beside it, fsync, rename, fsync the folder. */
export function writeAtomic(fs: Fs, file: string, content: string): void {
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
  try {
    const dirFd = fs.openSync(dirname(file), 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}

function backupOnce(fs: Fs, file: string, text: string): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  const backup = `${file}.${hash}.bak`;
  try {
    if (!fs.existsSync(backup)) fs.writeFileSync(backup, text, { flag: 'wx' });
  } catch {
    return `${backup} (could not be written)`;
  }
  return backup;
}

function removeLeftovers(fs: Fs, file: string): void {
  const prefix = `.${basename(file)}.tmp-`;
  try {
    for (const name of fs.readdirSync(dirname(file))) {
      if (name.startsWith(prefix)) fs.rmSync(join(dirname(file), name), { force: true });
    }
  } catch {
    // Leftovers are harmless: readers never look at them.
  }
}

/**
 * The real file behind the history path: symlinks are followed; a folder is refused. Returns undefined
 * when there is no file yet (and `forWrite` is false).
 */
function resolveTarget(path: string, fs: Fs, forWrite: boolean): string | undefined {
  let stat: nodeFs.Stats;
  try {
    stat = fs.lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return forWrite ? path : undefined;
    throw new HistoryError('bad-path', `cannot open the history ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let target = path;
  if (stat.isSymbolicLink()) {
    try {
      target = fs.realpathSync(path);
      stat = fs.statSync(target);
    } catch {
      // A link to a file not made yet: the first write creates it where the link points.
      const pointed = resolvePath(dirname(path), fs.readlinkSync(path));
      return forWrite ? pointed : undefined;
    }
  }
  if (stat.isDirectory()) {
    throw new HistoryError('bad-path', `the history path ${path} is a folder, not a file`, `use a file inside it, e.g. --history ${join(path, 'history.json')}`);
  }
  return target;
}

function readText(fs: Fs, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new HistoryError('bad-path', `cannot read the history ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function readTail(fs: Fs, file: string, from: number, to: number): string | undefined {
  if (to <= from) return '';
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(to - from);
    const n = fs.readSync(fd, buf, 0, buf.length, from);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function existingSize(fs: Fs, file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

// The cache is disposable: when missing, stale or unreadable it is rebuilt from the history.
interface CacheFile {
  v: number;
  size: number;
  lines: number;
  tz: string;
  anchor: string;
  summary: Summary;
}

function cachePath(file: string): string {
  return join(dirname(file), `.${basename(file)}.summary`);
}

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

function anchorOf(fs: Fs, file: string, size: number): string {
  const start = Math.max(0, size - 256);
  return createHash('sha1').update(readTail(fs, file, start, size) ?? '').digest('hex');
}

function readCache(fs: Fs, file: string): State | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(cachePath(file), 'utf8')) as CacheFile;
    if (data.v !== CACHE_VERSION || data.tz !== timeZone() || typeof data.size !== 'number') return undefined;
    if (anchorOf(fs, file, data.size) !== data.anchor) return undefined;
    return { size: data.size, lines: data.lines, summary: data.summary };
  } catch {
    return undefined;
  }
}

function writeCache(fs: Fs, file: string, { size, lines, summary }: State): void {
  try {
    const data: CacheFile = { v: CACHE_VERSION, size, lines, tz: timeZone(), anchor: anchorOf(fs, file, size), summary };
    writeAtomic(fs, cachePath(file), JSON.stringify(data));
  } catch {
    // A read-only folder only costs speed.
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function randomId(): string {
  return randomBytes(6).toString('hex');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
