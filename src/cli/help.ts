import { columns, wrapText } from '../ui/text.js';
import type { Output } from './context.js';

/** Every command with its one-line summary: the root help and each command's own help both read this. */
export const COMMANDS = {
  drill: { usage: 'drill [options]', summary: 'practise interactively: answer, get feedback, see the model answer, rate yourself' },
  coach: { usage: 'coach [options] <id>', summary: 'feedback on one answer: talking points, structure, specifics, delivery and a score' },
  next: { usage: 'next [options]', summary: 'print the id of the question to study next' },
  list: { usage: 'list [options]', summary: 'list the questions in the bank' },
  show: { usage: 'show [options] <id>', summary: 'show one question in full: why it is asked, key points, model answer, tip, follow-ups' },
  stats: { usage: 'stats [options]', summary: 'progress by category, what is due, streak, activity and what to practise next' },
  history: { usage: 'history [options]', summary: 'past attempts, newest first, with the answers you typed' },
  report: { usage: 'report [options]', summary: 'a review of one practice session: questions, answers, feedback and ratings' },
  validate: { usage: 'validate [options] [paths...]', summary: 'check question files; every problem as file:line:col, exit 1 if any' },
  new: { usage: 'new [options]', summary: 'create a question file that passes validation (asks on a terminal, or takes flags)' },
  export: { usage: 'export [options]', summary: 'export questions as an Anki import file, a Markdown study sheet or a JSON pack' },
  completion: { usage: 'completion <shell>', summary: 'print a shell completion script' },
} as const;

export type CommandName = keyof typeof COMMANDS;

export const DESCRIPTION = 'Practise for Release Manager job interviews: drill questions, get feedback on your answers, track progress.';

/** The options every command takes, as flags and description. */
export const GLOBAL_OPTIONS = {
  history: ['--history <file>', 'history file (default: $RMPREP_HISTORY, else $XDG_DATA_HOME/rmprep/history.json)'],
  questions: ['--questions <path>', 'extra question folder or pack file; repeatable (also $RMPREP_QUESTIONS)'],
  color: ['--no-color', 'plain output without colors (also NO_COLOR=1)'],
  version: ['-V, --version', 'print the version'],
  help: ['-h, --help', 'show help'],
} as const;

const GROUPS: [string, (CommandName | 'help')[]][] = [
  ['Practise', ['drill', 'coach', 'next']],
  ['Look up', ['list', 'show']],
  ['Progress', ['stats', 'history', 'report']],
  ['Question files', ['validate', 'new', 'export']],
  ['Shell', ['completion', 'help']],
];

const HELP_COMMAND = { usage: 'help [command]', summary: 'help for one command' };

const EXAMPLES: [string, string][] = [
  ['rmprep drill --category behavioral', 'practise behavioral questions'],
  ['rmprep show rollback-recovery', 'look one question up'],
  ['rmprep next', 'the id of what to study next'],
  ['rmprep stats', 'progress and what needs work'],
];

/** Help is wrapped to the terminal, at most 100 columns; 80 when the output is not a terminal. */
export function helpWidth(out: Output): number {
  return Math.min(out.columns ?? 80, 100);
}

/**
 * The help for `rmprep`, `rmprep --help` and `rmprep help`: commands grouped by what they are for, the
 * global options, examples and exit codes, wrapped to `width` columns. It needs no command-line library,
 * so asking for help starts as fast as a lookup.
 */
export function renderRootHelp(width: number): string {
  const commandWidth = Math.max(columns(HELP_COMMAND.usage), ...Object.values(COMMANDS).map((c) => columns(c.usage)));
  const optionWidth = Math.max(...Object.values(GLOBAL_OPTIONS).map(([flags]) => columns(flags)));
  const exampleWidth = Math.max(...EXAMPLES.map(([example]) => columns(example)));
  const item = (term: string, description: string, termWidth: number): string =>
    wrapText(description, width, `  ${term.padEnd(termWidth)}  `, ' '.repeat(termWidth + 4)).join('\n');
  const out = ['Usage: rmprep <command> [options]', '', ...wrapText(DESCRIPTION, width), ''];
  for (const [title, names] of GROUPS) {
    out.push(`${title}:`);
    for (const name of names) {
      const c = name === 'help' ? HELP_COMMAND : COMMANDS[name];
      out.push(item(c.usage, c.summary, commandWidth));
    }
    out.push('');
  }
  out.push('Global options:', ...Object.values(GLOBAL_OPTIONS).map(([flags, description]) => item(flags, description, optionWidth)), '');
  out.push('Examples:', ...EXAMPLES.map(([example, what]) => item(example, what, exampleWidth)), '');
  out.push(...wrapText("A command's own options: rmprep <command> --help.", width));
  out.push(...wrapText('Exit codes: 0 ok, 1 failure or not found, 2 usage error or no terminal, 130 interrupted.', width));
  return `${out.join('\n')}\n`;
}
