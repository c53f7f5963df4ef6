import { input, select } from '@inquirer/prompts';
import { CATEGORIES, type Category } from '../core/questions/schema.js';

/** The streams the prompts talk to: the real terminal, or a pseudo-terminal in tests. */
export interface NewPromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const CATEGORY_HINT: Record<Category, string> = {
  common: 'about the role and how you work',
  behavioral: 'a story from your experience, answered with STAR',
  technical: 'a design or process question, answered step by step',
};

export function askCategory(io: NewPromptIo): Promise<Category> {
  return select<Category>(
    {
      message: 'Category',
      choices: CATEGORIES.map((c) => ({ name: `${c} (${CATEGORY_HINT[c]})`, value: c })),
    },
    io,
  );
}

export function askQuestionText(io: NewPromptIo): Promise<string> {
  return input(
    {
      message: 'The question, as an interviewer would ask it',
      validate: (value) => (value.trim() === '' ? 'Type the question' : true),
    },
    io,
  );
}

/** `check` returns true or a sentence saying what is wrong with the id. */
export function askQuestionId(io: NewPromptIo, suggestion: string, check: (id: string) => true | string): Promise<string> {
  return input(
    {
      message: 'Id (kebab-case, also the file name)',
      default: suggestion || undefined,
      validate: (value) => check(value.trim()),
    },
    io,
  );
}
