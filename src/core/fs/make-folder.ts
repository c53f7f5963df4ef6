import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type FolderFs = Pick<typeof import('node:fs'), 'mkdirSync' | 'statSync'>;
const realFs: FolderFs = { mkdirSync, statSync };

/**
 * Makes a folder and any missing parents, one level at a time: at most one mkdir per missing level, so it
 * always ends. (Node's recursive mkdir retries forever where mkdir says ENOENT while the parent exists, as
 * under /proc.) Failures keep their errno code; ENOTDIR when a part of the path is a file. The folders it
 * makes are 0700 unless `mode` says otherwise: they hold answers, caches of them, or lead to them.
 */
export function makeFolder(dir: string, fs: FolderFs = realFs, { mode = 0o700 }: { mode?: number } = {}): void {
  const missing: string[] = [];
  for (let cur = resolve(dir); ; ) {
    try {
      if (fs.statSync(cur).isDirectory()) break;
      throw errno('ENOTDIR', `${cur} is not a folder`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    missing.push(cur);
    const parent = dirname(cur);
    if (parent === cur) throw errno('ENOENT', `${cur} does not exist`);
    cur = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder, { mode });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Made by someone else meanwhile: as good as made here.
      if (code === 'EEXIST' && isFolder(fs, folder)) continue;
      // The parent is there (checked or just made), yet the folder cannot be: /proc, /sys and the like.
      if (code === 'ENOENT') throw errno('EPERM', `cannot make folders in ${dirname(folder)}`);
      throw err;
    }
  }
}

function isFolder(fs: FolderFs, path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
