/*
 * Every cache rmprep keeps is sealed: its bytes are preceded by 8 hex digits of their checksum, and a
 * reader that finds them different (a flipped bit, a torn write, the zeroed tail a power loss leaves)
 * throws the cache away and rebuilds it, before any of its content is believed. The shape checks each
 * cache already makes catch what is well formed but wrong; the seal catches damage that still parses.
 */

/** Bytes of the seal: 8 keeps what follows it 8-aligned, for hashing a word at a time. */
const SEAL_BYTES = 8;

/** `text`, sealed, as bytes to write. */
export function sealText(text: string): Buffer {
  const body = Buffer.from(text);
  return Buffer.concat([Buffer.from(checksum(body), 'latin1'), body]);
}

/** One line of a sealed file of lines (without its newline). */
export function sealLine(line: string): string {
  return checksum(Buffer.from(line)) + line;
}

/** The text inside a sealed file or line, or undefined when the seal does not match its bytes. */
export function openSealed(sealed: Buffer): string | undefined {
  if (sealed.length < SEAL_BYTES) return undefined;
  const body = sealed.subarray(SEAL_BYTES);
  return sealed.toString('latin1', 0, SEAL_BYTES) === checksum(body) ? body.toString('utf8') : undefined;
}

/** Each line of a sealed file of lines, opened; undefined when any of them is damaged. */
export function openSealedLines(sealed: Buffer): string[] | undefined {
  const lines: string[] = [];
  for (let start = 0; start < sealed.length; ) {
    let end = sealed.indexOf(10, start);
    if (end < 0) end = sealed.length;
    if (end > start) {
      const line = openSealed(sealed.subarray(start, end));
      if (line === undefined) return undefined;
      lines.push(line);
    }
    start = end + 1;
  }
  return lines;
}

/**
 * A 32-bit checksum of the bytes, in 8 hex digits: four FNV-style lanes over 32-bit words, each lane's
 * high bits folded into the next so that no change cancels out within a lane. Not a defence against
 * someone who can write the file, only a way to tell damage from a good cache. These caches are read at
 * start-up in tens of kilobytes (a listing, a digest, one line of the bank cache), which this checks in
 * a fraction of a millisecond; V8's code cache, larger, is checked natively instead (bin/rmprep.js).
 */
function checksum(bytes: Uint8Array): string {
  const words = bytes.length >>> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const view = new Int32Array(aligned.buffer, aligned.byteOffset, words);
  let a = 0x811c9dc5 ^ bytes.length;
  let b = 0x5bd1e995;
  let c = 0x27d4eb2f;
  let d = 0x165667b1;
  let i = 0;
  for (; i + 4 <= words; i += 4) {
    a = Math.imul(a ^ (view[i] as number), 0x01000193);
    b = Math.imul(b ^ (view[i + 1] as number), 0x5bd1e995);
    c = Math.imul(c ^ (view[i + 2] as number), 0x01000193);
    d = Math.imul(d ^ (view[i + 3] as number), 0x5bd1e995);
    a ^= b >>> 15;
    b ^= c >>> 13;
    c ^= d >>> 15;
    d ^= a >>> 13;
  }
  for (; i < words; i++) a = Math.imul(a ^ (view[i] as number), 0x01000193) ^ (a >>> 15);
  for (let j = words * 4; j < bytes.length; j++) b = Math.imul(b ^ (bytes[j] as number), 0x5bd1e995) ^ (b >>> 13);
  let h = a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
}
