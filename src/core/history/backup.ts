import { hashOf, writeAtomic, type Fs } from './files.js';

/**
 * Keeps a copy of `bytes` beside the history, whole or not at all: `<file>.<label>.bak` when that name is
 * free or already holds these bytes, otherwise `<file>[.<label>].<hash>.bak`, so an earlier copy is never
 * replaced. Throws when the copy cannot be written.
 */
export function keepBackup(fs: Fs, file: string, bytes: Buffer, label?: string): string {
  if (label !== undefined) {
    const plain = `${file}.${label}.bak`;
    if (!fs.existsSync(plain)) {
      writeAtomic(fs, plain, bytes);
      return plain;
    }
    if (fs.readFileSync(plain).equals(bytes)) return plain;
  }
  const hashed = `${file}.${label !== undefined ? `${label}.` : ''}${hashOf(bytes)}.bak`;
  if (!fs.existsSync(hashed)) writeAtomic(fs, hashed, bytes);
  return hashed;
}
