import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file whole or not at all: a temp file beside it, fsync, rename, fsync the folder.
 * `durable: false` skips the fsyncs, for caches that can be rebuilt: still never half-written.
 */
export function writeFileAtomic(file: string, content: string, fs: typeof nodeFs = nodeFs, { durable = true, mode = 0o600 } = {}): void {
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${uniqueSuffix()}`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, content);
    if (durable) fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
  if (!durable) return;
  try {
    const dirFd = fs.openSync(dirname(file), 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}

let counter = 0;
/** Unique within this process; the pid separates processes. (node:crypto would cost start-up time here.) */
function uniqueSuffix(): string {
  counter++;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}
