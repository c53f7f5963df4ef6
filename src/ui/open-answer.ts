import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripEditorComments } from './editor-template.js';

/**
 * An answer prompt that is still open. A signal or a closed terminal can end the process while a prompt
 * waits, before it returns: what the prompt holds is then read from here, at once and without waiting.
 */
export interface OpenAnswer {
  /** The answer as written so far, exactly as it stands; '' when nothing is written. */
  read(): string;
  /** Removes what the prompt keeps on disk (the editor's file); called once its text is kept. */
  discard(): void;
}

/** An answer typed at the prompt: `text` gives what has been typed so far. */
export function typedAnswer(text: () => string): OpenAnswer {
  return { read: text, discard: () => undefined };
}

/** Larger than any answer; a file the editor grew past it is kept only up to here. */
const MAX_EDITOR_BYTES = 8 * 1024 * 1024;

/**
 * A folder of its own (0700) for the editor's file, so the file is found again while the editor has it
 * open, and so no one else can read the answer whatever mode the file gets.
 */
export function editorAnswer(): OpenAnswer & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rmprep-answer-'));
  return {
    dir,
    read() {
      try {
        const name = readdirSync(dir).find((n) => n.endsWith('.txt'));
        return name === undefined ? '' : stripEditorComments(readBounded(join(dir, name)));
      } catch {
        return '';
      }
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readBounded(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_EDITOR_BYTES);
    let size = 0;
    for (let n = 1; n > 0 && size < buffer.length; size += n) n = readSync(fd, buffer, size, buffer.length - size, null);
    return buffer.subarray(0, size).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
