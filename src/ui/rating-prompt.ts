import type { Rating } from '../core/history/schema.js';
import { PromptInterruptedError, readKeys, type RawIo } from './answer-prompt.js';
import { drawInPlace } from './in-place.js';
import type { KeyEvent } from './key-input.js';
import type { Style } from './style.js';

export interface RatingChoice {
  name: string;
  value: Rating;
  description: string;
}

/** Where the cursor is (-1: on no rating yet) and whether the rating was saved with Enter. */
export interface RatingState {
  index: number;
  done: boolean;
  /** Enter was pressed with no rating chosen: the prompt says how to choose one. */
  nudged: boolean;
}

/**
 * One key at the rating prompt. Arrows and 1–4 choose; Enter saves only a chosen rating, so a stray Enter
 * on a prompt with nothing selected does nothing.
 */
export function nextRatingState(state: RatingState, event: KeyEvent, count: number): RatingState {
  if (event.type === 'enter') return state.index >= 0 ? { ...state, done: true } : { ...state, nudged: true };
  if (event.type === 'other' && event.arrow) {
    const step = event.arrow === 'down' ? 1 : -1;
    const from = state.index < 0 ? (step === 1 ? -1 : count) : state.index;
    return { ...state, index: (from + step + count) % count };
  }
  if (event.type === 'text' && event.text.length === 1) {
    const n = Number.parseInt(event.text, 10);
    if (n >= 1 && n <= count) return { ...state, index: n - 1 };
  }
  return state;
}

function lines(style: Style, message: string, choices: readonly RatingChoice[], state: RatingState): string[] {
  const how = state.index < 0 ? 'choose with ↑↓ or 1–4, then Enter' : 'Enter to save · ↑↓ or 1–4 to change';
  const head = `${style.accent('?')} ${message} ${style.dim(`(${how})`)}`;
  const rows = choices.map((c, k) => (k === state.index ? `${style.accent(`❯ ${k + 1}. ${c.name}`)}  ${style.dim(c.description)}` : `  ${k + 1}. ${c.name}`));
  return state.nudged && state.index < 0 ? [head, ...rows, style.warn('Choose a rating first: nothing is selected.')] : [head, ...rows];
}

/** Asks for a rating, starting on `preset` or on nothing. Leaves one line saying what was picked. */
export async function promptRating(io: RawIo, style: Style, message: string, choices: readonly RatingChoice[], preset: Rating | undefined): Promise<Rating> {
  let state: RatingState = { index: choices.findIndex((c) => c.value === preset), done: false, nudged: false };
  const screen = drawInPlace(io.output);
  const erase = screen.erase;
  const draw = () => screen.draw(() => lines(style, message, choices, state));
  await readKeys(
    io,
    (event) => {
      state = nextRatingState(state, event, choices.length);
      if (!state.done) draw();
      return state.done;
    },
    erase,
    draw,
  );
  // The input ended with no rating chosen: treated as the person leaving, like Ctrl-C.
  if (!state.done) throw new PromptInterruptedError();
  const picked = choices[state.index] as RatingChoice;
  io.output.write(`${style.good('✔')} ${message} ${style.accent(picked.name)}\n`);
  return picked.value;
}
