import { PromptInterruptedError, readKeys, type RawIo } from './answer-prompt.js';
import { drawInPlace } from './in-place.js';
import type { KeyEvent } from './key-input.js';
import type { Style } from './style.js';
import { columns, wrapText } from './text.js';

/** Keys closer together than this are a paste, not typing: no one types three keys in 30 ms. */
export const BURST_MS = 30;
/** How many printable characters in one burst make it a paste. */
export const BURST_CHARS = 3;

export type MenuOutcome<T> = { kind: 'picked'; value: T } | { kind: 'pasted'; text: string };

/** Keys that came within BURST_MS of one another, held until a pause says whether they were a paste. */
export type HeldKey = { type: 'text'; text: string } | { type: 'enter' };

/** The text a burst of held keys stands for when it is a paste, or undefined when it was single keys. */
export function pastedText(held: readonly HeldKey[]): string | undefined {
  const text = held.map((k) => (k.type === 'enter' ? '\n' : k.text)).join('');
  const printable = [...text].filter((c) => c !== '\n').length;
  return printable >= BURST_CHARS ? text : undefined;
}

const MENU_HINTS = ['(↑↓ or 1–9, Enter; or paste your answer)', '(↑↓/1–9, Enter; or paste an answer)', '(or paste an answer)'];

interface MenuChoice<T> {
  name: string;
  value: T;
}

/**
 * A list to pick from (arrows or 1–9, then Enter) that also takes an answer pasted at it: a bracketed
 * paste, or a burst of keys too fast to be typing, comes back as `pasted` with exactly what arrived,
 * while single keys keep their menu meaning. Leaves one line saying what was picked.
 */
export async function promptMenu<T>(io: RawIo, style: Style, message: string, choices: readonly MenuChoice<T>[]): Promise<MenuOutcome<T>> {
  let index = 0;
  let outcome: MenuOutcome<T> | undefined;
  let held: HeldKey[] = [];
  let timer: NodeJS.Timeout | undefined;
  const stop = new AbortController();
  const screen = drawInPlace(io.output);
  const erase = screen.erase;
  const draw = () =>
    screen.draw((width) => {
      // The hint shortens to fit rather than being cut: that a paste is an answer is the part worth keeping.
      const hint = MENU_HINTS.find((h) => columns(`? ${message} ${h}`) <= width - 1);
      const head = `${style.accent('?')} ${message}${hint ? ` ${style.dim(hint)}` : ''}`;
      return [head, ...choices.map((c, k) => (k === index ? style.accent(`❯ ${c.name}`) : `  ${c.name}`))];
    });
  const finish = (result: MenuOutcome<T>) => {
    outcome = result;
    stop.abort();
  };
  const menuKey = (event: KeyEvent) => {
    if (outcome) return;
    if (event.type === 'enter') return finish({ kind: 'picked', value: (choices[index] as MenuChoice<T>).value });
    if (event.type === 'other' && event.arrow) index = (index + (event.arrow === 'down' ? 1 : -1) + choices.length) % choices.length;
    if (event.type === 'text' && /^[1-9]$/.test(event.text) && Number(event.text) <= choices.length) index = Number(event.text) - 1;
  };
  const settle = () => {
    timer = undefined;
    const keys = held;
    held = [];
    const text = pastedText(keys);
    if (text !== undefined) return finish({ kind: 'pasted', text });
    for (const key of keys) {
      if (key.type === 'enter') menuKey(key);
      else for (const ch of key.text) menuKey({ type: 'text', text: ch });
    }
    if (!outcome) draw();
  };
  await readKeys(
    io,
    (event) => {
      if (event.type === 'paste') {
        if (timer) clearTimeout(timer);
        finish({ kind: 'pasted', text: [...held.map((k) => (k.type === 'enter' ? '\n' : k.text)), event.text].join('') });
        return true;
      }
      if (event.type === 'text' || event.type === 'enter') {
        held.push(event.type === 'enter' ? { type: 'enter' } : { type: 'text', text: event.text });
        if (timer) clearTimeout(timer);
        timer = setTimeout(settle, BURST_MS);
        return false;
      }
      if (timer) {
        clearTimeout(timer);
        settle();
      }
      menuKey(event);
      if (!outcome) draw();
      return outcome !== undefined;
    },
    () => {
      if (timer) clearTimeout(timer);
      erase();
    },
    draw,
    stop.signal,
  );
  // The input ended with nothing picked: treated as the person leaving, like Ctrl-C.
  if (!outcome) throw new PromptInterruptedError();
  const picked = outcome.kind === 'picked' ? (choices.find((c) => c.value === (outcome as { value: T }).value)?.name ?? '') : 'Type it here (pasted)';
  io.output.write(doneLine(style, message, picked, io.output.columns ?? 80));
  return outcome;
}

/** The line a finished prompt leaves: what was asked and what was picked, wrapped at words when it is long. */
export function doneLine(style: Style, message: string, picked: string, width: number): string {
  if (columns(`✔ ${message} ${picked}`) <= width - 1) return `${style.good('✔')} ${message} ${style.accent(picked)}\n`;
  const [first = '', ...rest] = wrapText(`${message} ${picked}`, Math.max(20, width - 1), '✔ ', '  ');
  return `${style.good('✔')} ${[first.slice(2), ...rest].join('\n')}\n`;
}
