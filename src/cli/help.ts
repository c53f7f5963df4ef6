import { columns, wrapText } from '../ui/text.js';
import { COMMANDS, commandUsage, DESCRIPTION, GLOBAL_OPTIONS, HELP_OPTION, VERSION_OPTION, type CommandGroup } from './commands.js';
import type { Output } from './context.js';
import { outputColumns } from './output.js';

const GROUPS: readonly CommandGroup[] = ['Practise', 'Prepare for a job', 'Look up', 'Progress', 'Question files', 'Shell'];

const HELP_COMMAND = { usage: 'help [command]', summary: 'help for one command', group: 'Shell' };

const EXAMPLES: [string, string][] = [
  ['rmprep drill --category behavioral', 'practise behavioral questions'],
  ['rmprep show rollback-recovery', 'look one question up'],
  ['rmprep next', 'the id of what to study next'],
  ['rmprep stats', 'progress and what needs work'],
];

/** Help is wrapped to the terminal (or $COLUMNS), at most 100 columns. */
export function helpWidth(out: Output, env: Record<string, string | undefined>): number {
  return Math.min(outputColumns(out, env), 100);
}

/**
 * The help for `rmprep`, `rmprep --help` and `rmprep help`: commands grouped by what they are for, the
 * global options, examples and exit codes, wrapped to `width` columns. It needs no command-line library,
 * so asking for help starts as fast as a lookup.
 */
export function renderRootHelp(width: number): string {
  const commands = [...COMMANDS.map((c) => ({ usage: commandUsage(c), summary: c.summary, group: c.group })), HELP_COMMAND];
  const globals = [...GLOBAL_OPTIONS, VERSION_OPTION, HELP_OPTION];
  const commandWidth = Math.max(...commands.map((c) => columns(c.usage)));
  const optionWidth = Math.max(...globals.map((o) => columns(o.flags)));
  const exampleWidth = Math.max(...EXAMPLES.map(([example]) => columns(example)));
  const item = (term: string, description: string, termWidth: number): string =>
    wrapText(description, width, `  ${term.padEnd(termWidth)}  `, ' '.repeat(termWidth + 4)).join('\n');
  const out = ['Usage: rmprep <command> [options]', '', ...wrapText(DESCRIPTION, width), ''];
  for (const group of GROUPS) {
    out.push(`${group}:`, ...commands.filter((c) => c.group === group).map((c) => item(c.usage, c.summary, commandWidth)), '');
  }
  out.push('Global options:', ...globals.map((o) => item(o.flags, o.description, optionWidth)), '');
  out.push('Examples:', ...EXAMPLES.map(([example, what]) => item(example, what, exampleWidth)), '');
  out.push(...wrapText("A command's own options: rmprep <command> --help.", width));
  out.push(...wrapText('Exit codes: 0 ok, 1 failure or not found, 2 usage error or no terminal, 130 interrupted.', width));
  return `${out.join('\n')}\n`;
}
