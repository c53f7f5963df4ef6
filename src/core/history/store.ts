import { makeFolder } from '../fs/make-folder.js';
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { scheduleReview } from '../practice/schedule.js';
import { HistoryError } from './errors.js';
import { acquireLock, isAlive } from './lock.js';
import { parseHistoryText, type ParsedHistory } from './parse.js';
import {
  HISTORY_VERSION,
  recordSchema,
  type AttemptDraft,
  type AttemptRecord,
  type HistoryRecord,
  type Rating,
  type SessionRecord,
  type StoredCard,
} from './schema.js';
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
const CACHE_VERSION = 2;

/** Reads the whole history. A missing file is an empty history; a damaged one is refused (and backed up once). */
export function readHistory(path: string, opts: StoreOptions = {}): HistoryData {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { version: HISTORY_VERSION, records: [], size: 0 };
  const current = readCurrent(fs, file);
  checkReadable(path, file, current, fs);
  const version = current.parsed.header?.version ?? HISTORY_VERSION;
  const records = version < HISTORY_VERSION ? upgradeRecords(current.parsed.records) : current.parsed.records;
  return { version, records, size: current.parsed.completeBytes };
}

/** The summary of the history, from the cache beside it when that still matches the file. */
export function loadSummary(path: string, opts: StoreOptions = {}): Summary {
  return loadState(path, opts.fs ?? nodeFs, path).summary;
}

interface State {
  summary: Summary;
  /** Bytes and newlines that the summary covers. */
  size: number;
  lines: number;
}

/** `display` is the path as the user gave it, for messages. */
function loadState(path: string, fs: Fs, display: string): State {
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { summary: emptySummary(), size: 0, lines: 0 };
  const stat = fs.statSync(file);
  const cached = readCache(fs, file);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached;
  if (cached && cached.size < stat.size) {
    const tail = readTail(fs, file, cached.size, stat.size) ?? '';
    const parsed = parseHistoryText(tail, { startByte: cached.size, startLine: cached.lines + 1, expectHeader: false });
    if (parsed.bad.length === 0) {
      for (const r of parsed.records) applyRecord(cached.summary, r);
      const covered = tail.slice(0, parsed.completeBytes - cached.size);
      return { summary: cached.summary, size: parsed.completeBytes, lines: cached.lines + countNewlines(covered) };
    }
  }
  const current = readCurrent(fs, file);
  checkReadable(display, file, current, fs);
  const version = current.parsed.header?.version ?? HISTORY_VERSION;
  const summary = summarize(version < HISTORY_VERSION ? upgradeRecords(current.parsed.records) : current.parsed.records);
  const state = { summary, size: current.parsed.completeBytes, lines: countNewlines(current.text.slice(0, current.parsed.completeBytes)) };
  if (version === HISTORY_VERSION) writeCache(fs, file, state);
  return state;
}

export interface RecordOptions extends StoreOptions {
  now: Date;
  /** Makes the attempt's id; random by default. */
  newId?: () => string;
}

/**
 * Appends one attempt with its new scheduling state. Under a lock: sets aside a cut-off last line,
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
      saved = { type: 'attempt', id, ...draft, card: nextCard(previous, draft.rating, draft.at) };
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

/**
 * The card after an attempt. An attempt older than the question's last review (added back from a rescue
 * file, or made on a clock that was behind) counts as made at that review: the scheduler cannot go back.
 */
function nextCard(previous: StoredCard | undefined, rating: Rating, at: string): StoredCard {
  const when = new Date(at);
  const last = previous?.last_review ? new Date(previous.last_review) : undefined;
  return scheduleReview(previous, rating, last && last > when ? last : when);
}

function withHistory(path: string, opts: StoreOptions, make: (summary: Summary) => HistoryRecord[], pending: () => HistoryRecord[]): void {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, true) as string;
  try {
    makeFolder(dirname(file), fs);
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
    let state: State;
    let end: { start: number; lead: string };
    let existed = true;
    if (readFirstLine(fs, file) === HEADER) {
      // The usual case, without reading the whole file: the summary comes from the cache when that matches
      // the file (a full read, which refuses a damaged file, otherwise), and only the last line is looked at.
      state = loadState(file, fs, path);
      end = repairTailOnly(fs, file);
    } else {
      let current = readCurrent(fs, file);
      checkReadable(path, file, current, fs);
      if (upgradeIfOlder(file, current, fs)) current = readCurrent(fs, file);
      end = repairTail(fs, file, current);
      state = loadState(file, fs, path);
      existed = current.exists;
    }
    const { start, lead } = end;
    const records = make(state.summary).map(checkRecord);
    const payload = lead + records.map((r) => `${JSON.stringify(r)}\n`).join('');
    appendOrRollBack(fs, file, { start, existed }, payload, records, opts.rescueDir);
    // Saved: what follows only keeps the disposable cache up to date, so nothing here may report a failure.
    try {
      for (const r of records) applyRecord(state.summary, r);
      writeCache(fs, file, { summary: state.summary, size: start + Buffer.byteLength(payload), lines: state.lines + countNewlines(payload) });
    } catch {
      removeCache(fs, file);
    }
  } catch (err) {
    throw err instanceof HistoryError ? err : notSaved(fs, err, pending(), opts.rescueDir);
  } finally {
    release();
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

interface Current {
  exists: boolean;
  bytes: Buffer;
  text: string;
  parsed: ParsedHistory;
}

function readCurrent(fs: Fs, file: string): Current {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, bytes: Buffer.alloc(0), text: '', parsed: parseHistoryText('') };
    throw new HistoryError('bad-path', `cannot read the history ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const text = bytes.toString('utf8');
  return { exists: true, bytes, text, parsed: parseHistoryText(text) };
}

/**
 * Makes the file end on a whole line and says where the new lines go and what must precede them. A last
 * line without its newline that is a whole record only needs the newline; anything else there is a write
 * that was cut off: its bytes are set aside exactly as they are, and the file is cut back to the line before.
 * Works on bytes, so a line of any length, cut anywhere (inside a character too), is handled whole.
 */
function repairTail(fs: Fs, file: string, current: Current): { start: number; lead: string } {
  const { bytes, parsed } = current;
  const lineStart = bytes.lastIndexOf(0x0a) + 1;
  let start = bytes.length;
  let lead = '';
  if (lineStart < bytes.length) {
    if (parsed.torn) start = setTornAside(fs, file, lineStart, bytes.subarray(lineStart));
    else lead = '\n';
  }
  // No header yet: a new file, or one that holds nothing but blank lines or a cut-off first line.
  if (!parsed.header && parsed.records.length === 0) lead += `${HEADER}\n`;
  return { start, lead };
}

/** The same for a file known to start with a whole header line, reading only its last line. */
function repairTailOnly(fs: Fs, file: string): { start: number; lead: string } {
  const { size, lineStart, last } = readLastLine(fs, file);
  if (lineStart === size) return { start: size, lead: '' };
  const parsed = parseHistoryText(last.toString('utf8'), { expectHeader: false });
  if (parsed.torn) return { start: setTornAside(fs, file, lineStart, last), lead: '' };
  return { start: size, lead: '\n' };
}

/** Keeps the bytes of a cut-off write in `<file>.torn-<time>`, exactly as they are, and cuts the file back. */
function setTornAside(fs: Fs, file: string, lineStart: number, torn: Buffer): number {
  const aside = uniquePath(fs, `${file}.torn-${stamp(new Date())}`, '');
  fs.writeFileSync(aside, torn, { flag: 'wx' });
  fs.truncateSync(file, lineStart);
  return lineStart;
}

/** The first line of the file, if it ends within the first few kilobytes; undefined otherwise or when there is no file. */
function readFirstLine(fs: Fs, file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const nl = buf.subarray(0, n).indexOf(0x0a);
    return nl === -1 ? undefined : buf.subarray(0, nl).toString('utf8').replace(/\r$/, '');
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes after the file's last newline, read backwards from the end however long they are. */
function readLastLine(fs: Fs, file: string): { size: number; lineStart: number; last: Buffer } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const pieces: Buffer[] = [];
    for (let end = size; end > 0; ) {
      const from = Math.max(0, end - 65_536);
      const buf = Buffer.alloc(end - from);
      const n = fs.readSync(fd, buf, 0, buf.length, from);
      const piece = buf.subarray(0, n);
      const nl = piece.lastIndexOf(0x0a);
      if (nl !== -1) {
        pieces.unshift(piece.subarray(nl + 1));
        return { size, lineStart: from + nl + 1, last: Buffer.concat(pieces) };
      }
      pieces.unshift(piece);
      end = from;
    }
    return { size, lineStart: 0, last: Buffer.concat(pieces) };
  } finally {
    fs.closeSync(fd);
  }
}

function appendOrRollBack(
  fs: Fs,
  file: string,
  { start, existed }: { start: number; existed: boolean },
  payload: string,
  records: HistoryRecord[],
  rescueDir?: string,
): void {
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
      if (!existed) fs.unlinkSync(file);
      else if (fd !== undefined) fs.ftruncateSync(fd, start);
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
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === 'EINVAL' || code === undefined ? (err instanceof Error ? err.message : String(err)) : describeCode(code);
  return new HistoryError(
    'not-saved',
    `the attempt was not saved: ${reason}; your history is unchanged`,
    where ? `the attempt is kept in ${where}; add it back with: rmprep history --import ${where}` : undefined,
  );
}

function rescue(fs: Fs, records: HistoryRecord[], rescueDir?: string): string | undefined {
  const name = `rmprep-unsaved-${stamp(new Date())}-${randomBytes(3).toString('hex')}.jsonl`;
  for (const dir of [rescueDir, tmpdir()]) {
    if (!dir) continue;
    const target = join(dir, name);
    try {
      fs.writeFileSync(target, `${HEADER}\n${records.map((r) => JSON.stringify(r)).join('\n')}\n`, { flag: 'wx', mode: 0o600 });
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

/** Upgrades a file of an older format in place, keeping the original as a backup. True when it did. */
function upgradeIfOlder(file: string, current: Current, fs: Fs): boolean {
  const version = current.parsed.header?.version ?? HISTORY_VERSION;
  if (!current.exists || version >= HISTORY_VERSION) return false;
  keepBackup(fs, `${file}.v${version}`, current.bytes);
  const records = upgradeRecords(current.parsed.records);
  writeAtomic(fs, file, `${HEADER}\n${records.map((r) => `${JSON.stringify(r)}\n`).join('')}`);
  return true;
}

/**
 * Writes `<base>.bak` whole or not at all, unless it already holds these bytes. A different file of that
 * name (an earlier original) is kept, and this copy gets the hash of its content in its name instead.
 */
function keepBackup(fs: Fs, base: string, bytes: Buffer): string {
  let backup = `${base}.bak`;
  try {
    if (fs.readFileSync(backup).equals(bytes)) return backup;
    backup = `${base}.${hashOf(bytes)}.bak`;
    if (fs.existsSync(backup)) return backup;
  } catch {
    // No backup yet.
  }
  writeAtomic(fs, backup, bytes);
  return backup;
}

/** Version 1 kept no scheduling state: replay each question's ratings through the scheduler. */
function upgradeRecords(records: HistoryRecord[]): HistoryRecord[] {
  const cards = new Map<string, AttemptRecord['card']>();
  return records.map((r) => {
    if (r.type !== 'attempt') return r;
    if (r.card) {
      cards.set(r.questionId, r.card);
      return r;
    }
    const card = nextCard(cards.get(r.questionId), r.rating, r.at);
    cards.set(r.questionId, card);
    return { ...r, card };
  });
}

function checkReadable(path: string, file: string, current: Current, fs: Fs): void {
  const { parsed } = current;
  if (parsed.header && parsed.header.version > HISTORY_VERSION) {
    throw new HistoryError(
      'newer-version',
      `${path} was written by a newer rmprep (history format ${parsed.header.version}; this one knows up to ${HISTORY_VERSION}); nothing was changed`,
      'upgrade rmprep to use this history',
    );
  }
  const first = parsed.bad[0];
  if (first) {
    const backup = backupOnce(fs, file, current.bytes);
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
    const current = readCurrent(fs, file);
    const { parsed } = current;
    if (parsed.header && parsed.header.version > HISTORY_VERSION) checkReadable(path, file, current, fs);
    const rejected = [...parsed.bad.map((b) => b.text), ...(parsed.torn ? [parsed.torn.text] : [])];
    if (rejected.length === 0) return { kept: parsed.records.length, rejected: 0 };
    const backup = backupOnce(fs, file, current.bytes);
    const rejectedFile = uniquePath(fs, `${file}.rejected-${stamp(opts.now)}`, '.txt');
    fs.writeFileSync(rejectedFile, `${rejected.join('\n')}\n`, { flag: 'wx' });
    const version = parsed.header?.version ?? HISTORY_VERSION;
    const records = version < HISTORY_VERSION ? upgradeRecords(parsed.records) : parsed.records;
    writeAtomic(fs, file, `${HEADER}\n${records.map((r) => `${JSON.stringify(r)}\n`).join('')}`);
    return { kept: records.length, rejected: rejected.length, rejectedFile, backup };
  } finally {
    release();
  }
}

/** Writes a file whole or not at all (see atomic-write.ts); `durable: false` for the disposable cache. */
export function writeAtomic(fs: Fs, file: string, content: string | Buffer, { durable = true } = {}): void {
  writeFileAtomic(file, content, fs, { durable });
}

function backupOnce(fs: Fs, file: string, bytes: Buffer): string {
  const backup = `${file}.${hashOf(bytes)}.bak`;
  try {
    if (!fs.existsSync(backup)) writeAtomic(fs, backup, bytes);
  } catch {
    return `${backup} (could not be written)`;
  }
  return backup;
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}

/** `<base><ext>`, or `<base>-2<ext>`, `<base>-3<ext>` ... when that name is taken. */
function uniquePath(fs: Fs, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}${ext}` : `${base}-${n}${ext}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * Removes what writers that died left beside the history: temporary files of a rewrite, a backup, the
 * cache or a lock being made, and a stale lock moved aside. Their names carry the writer's pid; a live
 * writer's are kept.
 */
function removeLeftovers(fs: Fs, file: string): void {
  const dir = dirname(file);
  const name = escapeRegExp(basename(file));
  const leftover = new RegExp(`^(?:\\.\\.?${name}(?:\\.[^/]*)?\\.tmp|${name}\\.lock\\.stale)-(\\d+)-[0-9a-f]+$`);
  try {
    for (const entry of fs.readdirSync(dir)) {
      const match = leftover.exec(entry);
      if (!match) continue;
      const pid = Number(match[1]);
      if (pid === process.pid || pid <= 0 || !isAlive(pid)) fs.rmSync(join(dir, entry), { force: true });
    }
  } catch {
    // Leftovers are harmless: readers never look at them.
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
  /** The history's mtime when the cache was written: a same-length edit by hand changes it. */
  mtimeMs: number;
  lines: number;
  tz: string;
  anchor: string;
  summary: Summary;
}

function cachePath(file: string): string {
  return join(dirname(file), `.${basename(file)}.summary`);
}

/** Identifies the local time zone's rules cheaply (Intl costs milliseconds to load): day keys depend on them. */
function timeZone(): string {
  const y = new Date().getFullYear();
  return `${process.env.TZ ?? ''}|${new Date(y, 0, 1).getTimezoneOffset()}|${new Date(y, 6, 1).getTimezoneOffset()}`;
}

function anchorOf(fs: Fs, file: string, size: number): string {
  const start = Math.max(0, size - 256);
  return createHash('sha1').update(readTail(fs, file, start, size) ?? '').digest('hex');
}

function readCache(fs: Fs, file: string): (State & { mtimeMs: number }) | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(cachePath(file), 'utf8')) as CacheFile;
    if (data.v !== CACHE_VERSION || data.tz !== timeZone() || typeof data.size !== 'number' || typeof data.lines !== 'number') return undefined;
    const summary = data.summary;
    if (typeof summary !== 'object' || summary === null || typeof summary.total !== 'number') return undefined;
    if (typeof summary.questions !== 'object' || summary.questions === null || typeof summary.days !== 'object' || summary.days === null) return undefined;
    if (anchorOf(fs, file, data.size) !== data.anchor) return undefined;
    // Question ids are keys: no prototype, so that an id such as "constructor" finds nothing it did not put there.
    summary.questions = Object.assign(Object.create(null) as Summary['questions'], summary.questions);
    summary.days = Object.assign(Object.create(null) as Summary['days'], summary.days);
    return { size: data.size, lines: data.lines, mtimeMs: data.mtimeMs, summary };
  } catch {
    return undefined;
  }
}

function writeCache(fs: Fs, file: string, { size, lines, summary }: State): void {
  try {
    const mtimeMs = fs.statSync(file).mtimeMs;
    const data: CacheFile = { v: CACHE_VERSION, size, mtimeMs, lines, tz: timeZone(), anchor: anchorOf(fs, file, size), summary };
    writeAtomic(fs, cachePath(file), JSON.stringify(data), { durable: false });
  } catch {
    // A read-only folder only costs speed.
  }
}

function removeCache(fs: Fs, file: string): void {
  try {
    fs.rmSync(cachePath(file), { force: true });
  } catch {
    // Stale caches are detected by their size, mtime and anchor anyway.
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
