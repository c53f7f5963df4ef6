import { input } from '@inquirer/prompts';
import type { StarPart } from '../core/stories/parse.js';

/** The streams the prompts talk to: the real terminal, or a pseudo-terminal in tests. */
export interface StoryPromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export function askStoryTitle(io: StoryPromptIo, suggestion: string): Promise<string> {
  return input(
    { message: 'Title (a few words you will recognise it by)', default: suggestion, validate: (v) => (v.trim() === '' ? 'Type a title' : true) },
    io,
  );
}

const ASK: Record<StarPart, string> = {
  situation: 'Situation: where and when, and what was at stake? (Enter to fill in later)',
  task: 'Task: what were you responsible for?',
  action: 'Action: what did you do?',
  result: 'Result: what changed? A number helps.',
};

/** One STAR part on one line; empty leaves the reminder in the file for later. */
export function askStarPart(io: StoryPromptIo, part: StarPart): Promise<string> {
  return input({ message: ASK[part] }, io);
}

/** Tags, separated by commas or spaces; Enter skips. */
export async function askStoryTags(io: StoryPromptIo): Promise<string[]> {
  const typed = await input({ message: 'Tags, separated by commas (Enter to skip)', validate: (v) => (splitWords(v).every((t) => /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(t)) ? true : 'Tags are kebab-case words, e.g. incident, on-call') }, io);
  return splitWords(typed);
}

/** Ids of questions the story answers; each must be in the bank. Enter skips. */
export async function askPinnedQuestions(io: StoryPromptIo, known: (id: string) => boolean): Promise<string[]> {
  const typed = await input(
    {
      message: 'Question ids it answers, separated by commas (Enter to skip)',
      validate: (v) => {
        const unknown = splitWords(v).find((id) => !known(id.toLowerCase()));
        return unknown === undefined ? true : `No question "${unknown.slice(0, 60)}"; see rmprep list`;
      },
    },
    io,
  );
  return splitWords(typed).map((id) => id.toLowerCase());
}

function splitWords(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => w !== '');
}
