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
