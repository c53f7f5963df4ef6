import { CATEGORIES } from '../../core/questions/categories.js';
import { COMMANDS, GLOBAL_OPTIONS, HELP_OPTION, VERSION_OPTION, type ArgumentSpec, type OptionSpec } from '../commands.js';

export type ValueKind =
  | { kind: 'none' }
  | { kind: 'free'; label: string }
  | { kind: 'words'; label: string; words: string[] }
  | { kind: 'ids' }
  /** Story names, offered after the actions that take one (STORY_ACTIONS). */
  | { kind: 'stories' }
  | { kind: 'files'; label: string }
  | { kind: 'dirs'; label: string }
  | { kind: 'plans'; words: string[] };

export interface FlagSpec {
  long: string;
  short: string | undefined;
  description: string;
  value: ValueKind;
  repeatable: boolean;
}

export interface ArgSpec {
  name: string;
  value: ValueKind;
  variadic: boolean;
}

export interface CommandSpec {
  name: string;
  description: string;
  flags: FlagSpec[];
  args: ArgSpec[];
}

export interface CompletionSpec {
  globalFlags: FlagSpec[];
  commands: CommandSpec[];
}

/**
 * Commands, flags and arguments as the manifest declares them. Categories and bundled plan names are
 * fixed when the script is made; they change only with a new rmprep. Question ids are not: the scripts
 * fetch them when Tab is pressed (see ID_LINES).
 */
export function describeCommands(plans: string[]): CompletionSpec {
  const help = flagSpec(HELP_OPTION, plans);
  return {
    globalFlags: [VERSION_OPTION, ...GLOBAL_OPTIONS].map((o) => flagSpec(o, plans)).concat(help),
    commands: COMMANDS.map((c) => ({
      name: c.name,
      description: c.summary,
      flags: [...c.options.map((o: OptionSpec) => flagSpec(o, plans)), help],
      args: c.args.map((a: ArgumentSpec) => ({ name: a.name, value: valueKind(a.name, a.value, a.choices, plans), variadic: a.variadic === true })),
    })),
  };
}

function flagSpec(option: OptionSpec, plans: string[]): FlagSpec {
  const long = /--[a-z][a-z-]*/.exec(option.flags)?.[0] ?? option.flags;
  const short = /^-[a-zA-Z]\b/.exec(option.flags)?.[0];
  const value: ValueKind = option.value ? valueKind(long.replace(/^--/, ''), option.value, option.choices, plans) : { kind: 'none' };
  return { long, short, description: option.description, value, repeatable: option.repeatable === true };
}

function valueKind(label: string, kind: NonNullable<OptionSpec['value']>, choices: readonly string[] | undefined, plans: string[]): ValueKind {
  if (choices) return { kind: 'words', label, words: [...choices] };
  switch (kind) {
    case 'category':
      return { kind: 'words', label: 'category', words: [...CATEGORIES] };
    case 'id':
      return { kind: 'ids' };
    case 'story':
      return { kind: 'stories' };
    case 'plan':
      return { kind: 'plans', words: plans };
    case 'folder':
      return { kind: 'dirs', label: 'folder' };
    case 'path':
      return { kind: 'files', label: label === 'paths' ? 'path' : 'file' };
    default:
      return { kind: 'free', label };
  }
}

/** The story actions that name an existing story. */
export const STORY_ACTIONS = ['show', 'edit', 'check'];
export const SLUG_LINES = `sed -nE 's/^ *"slug": "([a-z0-9-]+)",?$/\\1/p'`;
export const ID_LINES = `sed -nE 's/^ *"id": "([a-z0-9-]+)",?$/\\1/p'`;
export const HEADER = (shell: string, load: string) =>
  [
    `# ${shell} completion for rmprep. Load it with:`,
    `#   ${load}`,
    '# Question ids are fetched when you press Tab (rmprep list --json), so questions you add are offered too.',
  ].join('\n');

export function flagWords(f: FlagSpec): string[] {
  return f.short ? [f.short, f.long] : [f.long];
}

