import { StringDecoder } from 'node:string_decoder';
import { countWords } from '../core/coach/text.js';
import { estimateSeconds } from '../core/coach/delivery.js';
import { clock, timerText } from './clock.js';
import { KeyReader, type KeyEvent } from './key-input.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from './bracketed-paste.js';
import { answerHeader, wrapTyped } from './answer-layout.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './style.js';
import { columns } from './text.js';
import { plural } from '../core/text/plural.js';

/** A terminal: raw-mode input and the output it echoes to. */
export interface RawIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  output: NodeJS.WritableStream & { columns?: number; rows?: number };
}

/** Ctrl-C at a prompt. Named as @inquirer/core names its own, so one check recognises both. */
export class PromptInterruptedError extends Error {
  /** What had been typed into a written answer when Ctrl-C came, exactly as typed. */
  draft?: string;
  constructor() {
    super('interrupted at a prompt');
    this.name = 'ExitPromptError';
  }
}

export function isPromptInterruption(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

/** The unfinished written answer an interruption carries, if any was typed. */
export function interruptedDraft(err: unknown): string | undefined {
  return err instanceof PromptInterruptedError && err.draft !== undefined && err.draft.trim() !== '' ? err.draft : undefined;
}

const ESCAPE_WAIT_MS = 40;

/**
 * Reads raw key events from `io.input` until `handle` returns true. Ctrl-C rejects with
 * PromptInterruptedError after `cleanup`. Bracketed paste is on while reading, so a paste arrives whole.
 */
export function readKeys(io: RawIo, handle: (event: KeyEvent) => boolean, cleanup: () => void, ready: () => void, signal?: AbortSignal): Promise<void> {
  const { input, output } = io;
  const reader = new KeyReader();
  const decoder = new StringDecoder('utf8');
  return new Promise<void>((resolve, reject) => {
    let escTimer: NodeJS.Timeout | undefined;
    // A prompt that something else ended (the reply it stood in for arrived) goes away as if answered.
    const onAbort = () => finish();
    const finish = (err?: Error) => {
      signal?.removeEventListener('abort', onAbort);
      if (escTimer) clearTimeout(escTimer);
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.setRawMode?.(false);
      input.pause();
      output.write(BRACKETED_PASTE_OFF);
      cleanup();
      if (err) reject(err);
      else resolve();
    };
    const dispatch = (events: KeyEvent[]): boolean => {
      for (const event of events) {
        if (event.type === 'interrupt') {
          finish(new PromptInterruptedError());
          return true;
        }
        if (handle(event)) {
          finish();
          return true;
        }
      }
      return false;
    };
    const onData = (chunk: Buffer | string) => {
      if (escTimer) clearTimeout(escTimer);
      escTimer = undefined;
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (dispatch(reader.feed(text))) return;
      if (reader.waiting) escTimer = setTimeout(() => dispatch(reader.flush()), ESCAPE_WAIT_MS);
    };
    const onEnd = () => {
      if (!dispatch([...reader.flush(), { type: 'eof' }])) finish();
    };
    input.setRawMode?.(true);
    output.write(BRACKETED_PASTE_ON);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
    // Drawn only once raw mode is on: a Ctrl-C pressed as soon as the prompt shows must reach us, not become SIGINT.
    ready();
    if (signal?.aborted) finish();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export type AnswerResult = { kind: 'answer'; text: string; seconds: number } | { kind: 'skip'; seconds: number };

export interface AnswerPromptOptions {
  message: string;
  /** Multi-line: Enter adds a line, Ctrl-D finishes. Otherwise (an answer said aloud) Enter finishes and nothing typed is kept. */
  multiline: boolean;
  timeLimit: number | undefined;
  style: Style;
  /** What the answer starts with: a kept draft being continued. */
  initial?: string;
  /** Milliseconds; injected by tests. */
  now?: () => number;
  /** Told the written answer after each key, so it can be kept if the process is ended mid-answer. */
  onText?: (text: string) => void;
}

/**
 * Asks for an answer with a live clock. The text is kept exactly as typed or pasted (line breaks as LF);
 * only what is shown is sanitized. Esc on an empty answer skips; on a started one it asks for a second Esc.
 */
export async function promptAnswer(io: RawIo, opts: AnswerPromptOptions): Promise<AnswerResult> {
  const now = opts.now ?? Date.now;
  const started = now();
  const seconds = () => (now() - started) / 1000;
  const { style } = opts;
  let text = opts.initial ?? '';
  let armedSkip = false;
  let shownRows = 0;
  let result: AnswerResult | undefined;

  // The key that finishes comes first: on a narrow screen the rest of the hint gives way to it.
  const hint = opts.multiline ? ['Ctrl-D: done', 'Esc: skip', 'Enter: new line'] : ['Enter: done', 'Esc: skip'];
  const render = (final?: string) => {
    const width = Math.max(20, io.output.columns ?? 80);
    const height = Math.max(6, io.output.rows ?? 24);
    let out = shownRows > 1 ? `\u001b[${shownRows - 1}A` : '';
    out += '\r\u001b[J';
    if (final !== undefined) {
      io.output.write(`${out}${final}`);
      shownRows = 0;
      return;
    }
    const mark = style.accent('?');
    const header = armedSkip
      ? fitLine(`${mark} ${style.bold(opts.message)}  ${meter()}  ${style.warn('Press Esc again to skip and discard this answer')}`, width)
      : answerHeader({ mark, message: style.bold(opts.message), meter: meter(), hint, dim: style.dim }, width);
    const lines = opts.multiline ? text.split('\n').flatMap((l) => wrapTyped(displayable(l), width, '  ')) : [];
    // Only the end of a long answer is drawn, so the prompt can always be redrawn in place; all of it is kept.
    const room = height - 2;
    const rows = lines.map((l) => rowsOf(l, width));
    let first = lines.length;
    for (let used = 0; first > 0 && used + (rows[first - 1] ?? 1) <= room - 1; first--) used += rows[first - 1] ?? 1;
    const shown = first > 0 ? [style.dim(`  … ${plural(first, 'earlier line')} (kept)`), ...lines.slice(first)] : lines;
    const body = [header, ...shown];
    shownRows = body.reduce((n, l) => n + rowsOf(l, width), 0);
    io.output.write(out + body.join('\n'));
  };
  // A written answer is measured as it would be said (words at a speaking pace), the same yardstick as its feedback.
  const meter = () => {
    if (!opts.multiline) return timerText(seconds(), opts.timeLimit, style);
    const words = countWords(text);
    const spoken = estimateSeconds(words);
    const count = `${plural(words, 'word')}`;
    if (opts.timeLimit === undefined) return style.dim(`${count} ≈ ${clock(spoken)} aloud`);
    const paint = spoken > opts.timeLimit ? style.bad : spoken > opts.timeLimit * 0.85 ? style.warn : style.dim;
    return paint(`${count} ≈ ${clock(spoken)} of ${clock(opts.timeLimit)} aloud`);
  };
  const summary = (r: AnswerResult) => {
    if (r.kind === 'skip') return `${style.dim('↷')} ${opts.message} ${style.dim(`skipped (${clock(r.seconds)})`)}\n`;
    if (!opts.multiline) return `${style.good('✔')} ${opts.message} ${style.dim(`(${clock(r.seconds)})`)}\n`;
    const lineCount = r.text.split('\n').length;
    const words = countWords(r.text);
    return `${style.good('✔')} ${opts.message} ${style.dim(`(${plural(words, 'word')}, ${plural(lineCount, 'line')}, ${clock(r.seconds)})`)}\n`;
  };

  const handle = (event: KeyEvent): boolean => {
    if (event.type !== 'escape') armedSkip = false;
    switch (event.type) {
      case 'escape':
        if (text.trim() === '' || armedSkip) {
          result = { kind: 'skip', seconds: seconds() };
          return true;
        }
        armedSkip = true;
        break;
      case 'enter':
        if (!opts.multiline) {
          result = { kind: 'answer', text: '', seconds: seconds() };
          return true;
        }
        text += '\n';
        break;
      case 'eof':
        if (!opts.multiline) break;
        result = text.trim() === '' ? { kind: 'skip', seconds: seconds() } : { kind: 'answer', text, seconds: seconds() };
        return true;
      case 'text':
      case 'paste':
        if (opts.multiline) text += event.text;
        break;
      case 'backspace':
        text = [...text].slice(0, -1).join('');
        break;
      case 'kill-line':
        text = text.slice(0, text.lastIndexOf('\n') + 1);
        break;
      default:
        break;
    }
    opts.onText?.(text);
    render();
    return false;
  };

  // Only a spoken answer's clock moves on its own; a written one changes with each key.
  const timer = setInterval(() => {
    if (!opts.multiline) render();
  }, 1000);
  try {
    await readKeys(io, handle, () => clearInterval(timer), () => render());
  } catch (err) {
    render('');
    if (opts.multiline && err instanceof PromptInterruptedError) err.draft = text;
    throw err;
  }
  const done = result ?? { kind: 'skip', seconds: seconds() };
  render(summary(done));
  return done;
}

/** Shows `message` on one line, waits for one key and erases the line. Returns the key's text ('' for others). */
export async function promptKey(io: RawIo, message: string, signal?: AbortSignal): Promise<string> {
  let key = '';
  try {
    await readKeys(
      io,
      (event) => {
        key = event.type === 'text' ? event.text : event.type === 'enter' ? '\n' : event.type === 'escape' ? '\u001b' : '';
        return true;
      },
      () => undefined,
      () => io.output.write(`\r\u001b[J${fitLine(message, Math.max(20, io.output.columns ?? 80))}`),
      signal,
    );
  } finally {
    io.output.write('\r\u001b[J');
  }
  return key;
}

/** What the prompt shows of one typed line: no control characters, tabs as spaces. */
function displayable(line: string): string {
  return sanitizeText(line.replace(/\t/g, '  '));
}

/** How many terminal rows `line` takes at `width` columns (a wide character never splits across rows). */
function rowsOf(line: string, width: number): number {
  if (columns(line) <= width) return 1;
  let rows = 1;
  let used = 0;
  for (const ch of line.replace(/\u001b\[[0-9;]*m/g, '')) {
    const w = columns(ch);
    if (used + w > width) {
      rows += 1;
      used = 0;
    }
    used += w;
  }
  return rows;
}

/** One row at most: cut with an ellipsis (colour codes are reset so a cut never leaks a colour). */
export function fitLine(line: string, width: number): string {
  if (columns(line) <= width - 1) return line;
  let out = '';
  let used = 0;
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  for (const ch of plain) {
    const w = columns(ch);
    if (used + w > width - 2) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
