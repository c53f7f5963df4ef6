import { editor, select } from '@inquirer/prompts';
import { countWords } from '../core/coach/text.js';
import type { AnswerChoice, NextStep, Prompter, TakenAnswer } from '../core/practice/session.js';
import type { Question } from '../core/questions/schema.js';
import { promptAnswer, promptKey, type RawIo } from './answer-prompt.js';
import { checkEditor } from './editor-command.js';
import { promptRating, type RatingChoice } from './rating-prompt.js';
import { doneLine, promptMenu } from './mode-menu.js';
import { editorTemplate, stripEditorComments } from './editor-template.js';
import { editorAnswer, typedAnswer, type OpenAnswer } from './open-answer.js';
import { clip } from '../core/text/sanitize.js';
import type { Style } from './style.js';
import { plural } from '../core/text/plural.js';

export { interruptedDraft, isPromptInterruption } from './answer-prompt.js';

/** The streams prompts talk to; a real terminal in use, a pseudo-terminal in tests. */
export type PromptIo = RawIo;

interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/**
 * A list to pick from. The list is cleared when done (so Ctrl-C leaves no half-drawn prompt behind) and
 * replaced by one line saying what was picked.
 */
async function choose<T>(io: PromptIo, style: Style, message: string, choices: Choice<T>[], preset?: T): Promise<T> {
  const value = await select<T>({ message, choices, ...(preset !== undefined ? { default: preset } : {}) }, { ...io, clearPromptOnDone: true });
  const picked = choices.find((c) => c.value === value)?.name ?? String(value);
  io.output.write(doneLine(style, message, picked, io.output.columns ?? 80));
  return value;
}

const MODE_CHOICES: Choice<AnswerChoice>[] = [
  { name: 'Type it here', value: 'type' },
  { name: 'Write it in my editor ($EDITOR)', value: 'editor' },
  { name: 'Say it aloud, then press Enter', value: 'spoken' },
  { name: 'Skip this question', value: 'skip' },
  { name: 'Quit', value: 'quit' },
];

const RATING_CHOICES: RatingChoice[] = [
  { name: 'Again', value: 'again', description: 'I could not answer it well; ask me again soon' },
  { name: 'Hard', value: 'hard', description: 'I got there, with gaps' },
  { name: 'Good', value: 'good', description: 'a solid answer' },
  { name: 'Easy', value: 'easy', description: 'confident and complete' },
];

async function editAnswer(io: PromptIo, style: Style, question: Question, open: OpenAnswer & { dir: string }): Promise<TakenAnswer> {
  const started = Date.now();
  let raw: string;
  try {
    // Inside the try: a missing editor must not leave the private folder behind.
    checkEditor(process.env, process.cwd());
    raw = await editor(
      {
        message: 'Write your answer in your editor, then save and close it.',
        file: { dir: open.dir, postfix: '.txt', mode: 0o600 },
        default: editorTemplate(question),
        waitForUserInput: true,
      },
      { ...io, clearPromptOnDone: true },
    );
  } finally {
    open.discard();
  }
  const seconds = (Date.now() - started) / 1000;
  const text = stripEditorComments(raw);
  if (text.trim() === '') {
    io.output.write(`${style.dim('↷')} Nothing written in the editor ${style.dim('(skipped)')}\n`);
    return { kind: 'skip', seconds };
  }
  const words = countWords(text);
  io.output.write(`${style.good('✔')} Answer written in your editor ${style.dim(`(${plural(words, 'word')})`)}\n`);
  return { kind: 'answer', text, seconds };
}

/** A prompter that can say, at any moment, what its open answer prompt holds. */
export interface LivePrompter extends Prompter {
  /** The answer prompt waiting now, if any: typing or in the editor. */
  openAnswer(): OpenAnswer | undefined;
}

/** The drill's prompter: every question the practice session asks, on the terminal behind `io`. */
export function createPrompter(io: PromptIo, style: Style): LivePrompter {
  let open: OpenAnswer | undefined;
  let pasted: string | undefined;
  const whileOpen = async <T>(answer: OpenAnswer, ask: () => Promise<T>): Promise<T> => {
    open = answer;
    try {
      return await ask();
    } finally {
      open = undefined;
    }
  };
  return {
    openAnswer: () => open,
    // A paste at the menu is an answer, not menu keys: it starts a typed answer holding what arrived.
    async chooseAnswerMode() {
      // Pasted at the draft offer: the answer has begun already.
      if (pasted !== undefined) return 'type';
      const outcome = await promptMenu(io, style, 'How will you answer?', MODE_CHOICES);
      if (outcome.kind === 'picked') return outcome.value;
      pasted = outcome.text;
      return 'type';
    },
    async pickStory(hints) {
      // '' stands for none: a list entry needs a value.
      const slug = await choose(io, style, 'Which of your stories did you tell?', [...hints.map((h) => ({ name: clip(h.slug), value: h.slug })), { name: 'None of these', value: '' }]);
      return slug === '' ? undefined : slug;
    },
    typeAnswer: ({ timeLimit, initial }) => {
      const start = initial ?? pasted;
      pasted = undefined;
      let text = start ?? '';
      return whileOpen(
        typedAnswer(() => text),
        () => promptAnswer(io, { message: 'Your answer', multiline: true, timeLimit, style, onText: (t) => (text = t), ...(start !== undefined ? { initial: start } : {}) }),
      );
    },
    // A list that takes a paste as the menu does: keys that arrived while the question was shown early land here.
    async offerDraft({ at, words }) {
      const outcome = await promptMenu(io, style, `You have a draft from ${dayMonth(at)}, ${plural(words, 'word')}:`, [
        { name: 'Continue it', value: true },
        { name: 'Start afresh', value: false },
      ]);
      if (outcome.kind === 'picked') return outcome.value;
      pasted = outcome.text;
      return false;
    },
    editAnswer: ({ question }) => {
      const answer = editorAnswer();
      return whileOpen(answer, () => editAnswer(io, style, question, answer));
    },
    speakAnswer: ({ timeLimit }) => promptAnswer(io, { message: 'Answer aloud now', multiline: false, timeLimit, style }),
    async showAnswerAfterSkip(question) {
      const key = await promptKey(io, `${style.accent('?')} Show the model answer before moving on? ${style.dim('(y/N)')}`);
      const show = key === 'y' || key === 'Y';
      // The prompt erases itself: without a line here a "no" would leave no trace of the question's end.
      if (!show) io.output.write(`${style.dim('↷')} Model answer not shown ${style.dim(`(see it any time: rmprep show ${clip(question.id)})`)}\n`);
      return show;
    },
    async waitForModel(signal) {
      const wide = 'Listening to the model grader… press any key to go on without waiting (t: teach a phrasing)';
      const key = await promptKey(io, style.dim(wide.length < (io.output.columns ?? 80) ? wide : 'Model grader listening… any key: go on · t: teach'), signal);
      if (signal.aborted) return false;
      return key === 't' || key === 'T' ? 'teach' : true;
    },
    async waitBeforeReveal(opts) {
      if (!opts?.teach) {
        await promptKey(io, style.dim('Press any key to see the model answer…'));
        return;
      }
      // Shortened rather than cut on a narrow screen: the t is the part that is easy to miss.
      const wide = 'Press any key to see the model answer… (t: teach a phrasing)';
      const key = await promptKey(io, style.dim(wide.length < (io.output.columns ?? 80) ? wide : 'Any key: model answer · t: teach a phrasing'));
      return key === 't' || key === 'T' ? 'teach' : undefined;
    },
    async pickUnheardPoint(points) {
      const width = Math.max(20, (io.output.columns ?? 80) - 4);
      const picked = await choose(io, style, 'Which point did you make that the coach did not hear?', [
        ...points.map((p) => ({ name: clip(`${p.number}. ${p.text}`, width), value: p.number })),
        { name: 'Cancel', value: 0 },
      ]);
      return picked === 0 ? undefined : picked;
    },
    async pickTaughtSentence(number, sentences) {
      const width = Math.max(20, (io.output.columns ?? 80) - 4);
      // Indexes, not the sentences: two clipped sentences may read the same.
      const picked = await choose(io, style, `Which words of your answer make point ${number}? (closest first)`, [
        ...sentences.map((sentence, k) => ({ name: clip(sentence, width), value: k })),
        { name: 'Cancel', value: -1 },
      ]);
      return sentences[picked];
    },
    // Without a clear suggestion the cursor starts on no rating and Enter alone saves nothing.
    rateAnswer: (suggested) => promptRating(io, style, 'How did it go?', RATING_CHOICES, suggested),
    nextStep: (opts) =>
      choose<NextStep>(io, style, 'Next?', [
        { name: 'Next question', value: 'next' },
        ...(opts?.undo ? [{ name: 'Undo that rating (rate it again)', value: 'undo' as const }] : []),
        { name: 'Quit', value: 'quit' },
      ]),
    // Enter finishes, as it would have without this step; the undo is one arrow away.
    finishStep: () =>
      choose<'finish' | 'undo'>(io, style, 'That was the last question.', [
        { name: 'Finish', value: 'finish' },
        { name: 'Undo that rating (rate it again)', value: 'undo' },
      ]),
  };
}

/** Which of the sessions sharing a label the report is of; returns its id. */
export function chooseSession(io: PromptIo, style: Style, label: string, sessions: readonly { id: string; at: string; plan?: string | undefined }[]): Promise<string> {
  const choices = sessions.map((s) => ({
    name: `${clip(s.at.slice(0, 16).replace('T', ' '), 16)} UTC  ${clip(s.id, 40)}${s.plan ? `  plan ${clip(s.plan, 40)}` : ''}`,
    value: s.id,
  }));
  return choose(io, style, `Several sessions are labelled "${clip(label, 40)}". Which one?`, choices);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Dec", in UTC like the rest of the dates rmprep prints. */
function dayMonth(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'earlier' : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** Waits for one key under a one-line message; for the drill's pager. */
export function waitForKey(io: PromptIo, message: string): Promise<string> {
  return promptKey(io, message);
}
