import { createPrompt, isEnterKey, useEffect, useKeypress, usePrefix, useRef, useState, makeTheme, isBackspaceKey } from '@inquirer/core';
import { editor, select } from '@inquirer/prompts';
import type { Rating } from '../core/history/schema.js';
import type { AnswerChoice, Prompter } from '../core/practice/session.js';
import { clock, timerText } from './clock.js';
import type { Style } from './style.js';

/** The streams prompts talk to; a real terminal in use, a pseudo-terminal in tests. */
export interface PromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

function chooseAnswerMode(io: PromptIo): Promise<AnswerChoice> {
  return select<AnswerChoice>(
    {
      message: 'How will you answer?',
      choices: [
        { name: 'Type it here', value: 'type' },
        { name: 'Write it in my editor ($EDITOR)', value: 'editor' },
        { name: 'Say it aloud, then press Enter', value: 'spoken' },
        { name: 'Skip this question', value: 'skip' },
        { name: 'Quit', value: 'quit' },
      ],
    },
    io,
  );
}

interface TimedConfig {
  message: string;
  timeLimit?: number | undefined;
  style: Style;
  multiline: boolean;
}

/**
 * A prompt with a live clock. Multi-line: Enter adds a line, Enter on an empty line finishes.
 * Spoken (not multi-line): any Enter finishes; what is typed is ignored.
 */
const timedPrompt = createPrompt<{ text: string; seconds: number }, TimedConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [lines, setLines] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [, setTick] = useState(0);
  const started = useRef(Date.now());
  const prefix = usePrefix({ status, theme });
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = () => (Date.now() - started.current) / 1000;
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      if (!config.multiline) {
        setStatus('done');
        done({ text: '', seconds: elapsed() });
        return;
      }
      if (value.trim() === '') {
        if (lines.length > 0) {
          setStatus('done');
          done({ text: lines.join('\n').trim(), seconds: elapsed() });
        }
        return;
      }
      setLines([...lines, value]);
      setValue('');
      rl.clearLine(0);
    } else if (isBackspaceKey(key) && rl.line === '' && value === '' && lines.length > 0 && config.multiline) {
      // Backspace at the start of an empty line joins it to the line above.
      const previous = lines[lines.length - 1] ?? '';
      setLines(lines.slice(0, -1));
      rl.write(previous);
      setValue(previous);
    } else {
      setValue(rl.line);
    }
  });
  const timer = timerText(elapsed(), config.timeLimit, config.style);
  if (status === 'done') {
    return `${prefix} ${config.message} ${config.style.dim(config.multiline ? `(${lines.length} line${lines.length === 1 ? '' : 's'}, ${clock(elapsed())})` : `(${clock(elapsed())})`)}`;
  }
  if (!config.multiline) {
    return [`${prefix} ${config.message}`, `  ${timer}  ${config.style.dim('press Enter when you have finished')}`];
  }
  const body = lines.map((l) => `  ${l}`).join('\n');
  return [
    `${prefix} ${config.message}${body ? `\n${body}` : ''}\n  ${value}`,
    `  ${timer}  ${config.style.dim(lines.length === 0 ? 'Enter starts a new line; Enter on an empty line finishes' : 'Enter on an empty line finishes')}`,
  ];
});

function typeAnswer(io: PromptIo, opts: { timeLimit?: number | undefined; style: Style }): Promise<{ text: string; seconds: number }> {
  return timedPrompt({ message: 'Your answer:', multiline: true, ...opts }, io);
}

function speakAnswer(io: PromptIo, opts: { timeLimit?: number | undefined; style: Style }): Promise<{ seconds: number }> {
  return timedPrompt({ message: 'Answer aloud now.', multiline: false, ...opts }, io);
}

async function editAnswer(io: PromptIo): Promise<string> {
  return editor({ message: 'Press Enter to open your editor; save and close it when done.', postfix: '.md', waitForUseInput: true } as Parameters<typeof editor>[0], io);
}

const RATING_CHOICES: { name: string; value: Rating; description: string }[] = [
  { name: 'Again', value: 'again', description: 'I could not answer it well; ask me again soon' },
  { name: 'Hard', value: 'hard', description: 'I got there, with gaps' },
  { name: 'Good', value: 'good', description: 'a solid answer' },
  { name: 'Easy', value: 'easy', description: 'confident and complete' },
];

function rateAnswer(io: PromptIo, suggested?: Rating): Promise<Rating> {
  return select<Rating>({ message: 'How did it go?', choices: RATING_CHOICES, ...(suggested ? { default: suggested } : {}) }, io);
}

function nextStep(io: PromptIo): Promise<'next' | 'quit'> {
  return select<'next' | 'quit'>(
    {
      message: 'Next?',
      choices: [
        { name: 'Next question', value: 'next' },
        { name: 'Quit', value: 'quit' },
      ],
    },
    io,
  );
}

/** The drill's prompter: every question the practice session asks, on the terminal behind `io`. */
export function createPrompter(io: PromptIo, style: Style): Prompter {
  return {
    chooseAnswerMode: () => chooseAnswerMode(io),
    typeAnswer: ({ timeLimit }) => typeAnswer(io, { timeLimit, style }),
    async editAnswer() {
      const started = Date.now();
      const text = await editAnswer(io);
      return { text, seconds: (Date.now() - started) / 1000 };
    },
    speakAnswer: ({ timeLimit }) => speakAnswer(io, { timeLimit, style }),
    rateAnswer: (suggested) => rateAnswer(io, suggested),
    nextStep: () => nextStep(io),
  };
}
