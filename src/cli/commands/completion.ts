import { clip } from '../../core/text/sanitize.js';
import type { Argument, Command, Option } from 'commander';
import { z } from 'zod';
import { listBundledPlans } from '../../core/plan.js';
import { CATEGORIES } from '../../core/questions/categories.js';
import type { Run } from '../context.js';
import { buildProgram } from '../program.js';
import { parseOptions } from '../options.js';

/*
 * How the scripts are made: commands, flags, descriptions and choices are read from the real command tree
 * (buildProgram), so the scripts cannot drift from it. Categories and bundled plan names are fixed when the
 * script is generated; they change only with a new rmprep.
 *
 * Question ids are different: a user adds questions with --questions or RMPREP_QUESTIONS at any time. So the
 * scripts fetch ids when Tab is pressed, by running `rmprep list --json` and taking the "id" lines with sed.
 * That costs one start of rmprep per completion, is always current, and needs nothing beyond sed. The JSON of
 * `list --json` is pretty-printed with one field per line, and ids are kebab-case, so a line match is exact.
 */

export const completionOptionsSchema = z.enum(['bash', 'zsh', 'fish'], {
  error: (issue) => `unknown shell "${clip(issue.input)}": expected bash, zsh or fish`,
});
export type Shell = z.infer<typeof completionOptionsSchema>;

export type ValueKind =
  | { kind: 'none' }
  | { kind: 'free'; label: string }
  | { kind: 'words'; label: string; words: string[] }
  | { kind: 'ids' }
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

export async function completionCommand(run: Run, shell: string): Promise<number> {
  const which = parseOptions(completionOptionsSchema, shell);
  const spec = describeProgram(buildProgram(run, { setExit: () => undefined }), listBundledPlans(run.packageRoot));
  run.stdout.write(renderCompletion(which, spec));
  return 0;
}

export function renderCompletion(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'bash') return renderBash(spec);
  if (shell === 'zsh') return renderZsh(spec);
  return renderFish(spec);
}

/** Reads commands, flags and arguments from the commander tree. */
export function describeProgram(program: Command, plans: string[]): CompletionSpec {
  const help: FlagSpec = { long: '--help', short: '-h', description: 'show help', value: { kind: 'none' }, repeatable: false };
  const globalFlags = [...program.options.filter((o) => !o.hidden).map((o) => flagSpec(o, plans, '')), help];
  const commands = program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    flags: [...c.options.filter((o) => !o.hidden).map((o) => flagSpec(o, plans, c.name())), help],
    args: c.registeredArguments.map((a) => argSpec(a)),
  }));
  return { globalFlags, commands };
}

function flagSpec(option: Option, plans: string[], command: string): FlagSpec {
  const long = option.long ?? option.flags;
  const takesValue = option.required || option.optional;
  let value: ValueKind = { kind: 'none' };
  if (takesValue) {
    const name = long.replace(/^--/, '');
    if (option.argChoices) value = { kind: 'words', label: name, words: [...option.argChoices] };
    else if (name === 'category') value = { kind: 'words', label: 'category', words: [...CATEGORIES] };
    // `new --id` names a question that does not exist yet.
    else if (name === 'id' && command !== 'new') value = { kind: 'ids' };
    else if (name === 'plan') value = { kind: 'plans', words: plans };
    else if (name === 'dir') value = { kind: 'dirs', label: 'folder' };
    else if (['history', 'questions', 'out', 'answer-file', 'import'].includes(name)) value = { kind: 'files', label: 'file' };
    else value = { kind: 'free', label: name };
  }
  return { long, short: option.short, description: option.description, value, repeatable: /repeatable/.test(option.description) };
}

function argSpec(arg: Argument): ArgSpec {
  const name = arg.name();
  let value: ValueKind = { kind: 'free', label: name };
  if (arg.argChoices) value = { kind: 'words', label: name, words: [...arg.argChoices] };
  else if (name === 'id') value = { kind: 'ids' };
  else if (name === 'paths') value = { kind: 'files', label: 'path' };
  return { name, value, variadic: arg.variadic };
}

const ID_LINES = `sed -nE 's/^ *"id": "([a-z0-9-]+)",?$/\\1/p'`;
const HEADER = (shell: string, load: string) =>
  [
    `# ${shell} completion for rmprep. Load it with:`,
    `#   ${load}`,
    '# Question ids are fetched when you press Tab (rmprep list --json), so questions you add are offered too.',
  ].join('\n');

function flagWords(f: FlagSpec): string[] {
  return f.short ? [f.short, f.long] : [f.long];
}

// bash ---------------------------------------------------------------------------------------------------

function renderBash(spec: CompletionSpec): string {
  const globalValueFlags = spec.globalFlags.filter((f) => f.value.kind !== 'none').flatMap(flagWords);
  const valueCases: string[] = [];
  for (const f of spec.globalFlags.filter((g) => g.value.kind !== 'none')) {
    valueCases.push(`    *:${flagWords(f).join('|*:')}) ${bashValue(f.value)}; return ;;`);
  }
  for (const c of spec.commands) {
    for (const f of c.flags.filter((g) => g.value.kind !== 'none')) {
      valueCases.push(`    ${flagWords(f).map((w) => `${c.name}:${w}`).join('|')}) ${bashValue(f.value)}; return ;;`);
    }
  }
  const commandCases = spec.commands.map((c) => {
    const flags = c.flags.flatMap(flagWords).join(' ');
    const arg = c.args[0];
    if (!arg) return `    ${c.name}) COMPREPLY=( $(compgen -W '${flags}' -- "$cur") ) ;;`;
    return [
      `    ${c.name})`,
      `      if [[ $cur == -* ]]; then COMPREPLY=( $(compgen -W '${flags}' -- "$cur") )`,
      `      else ${bashValue(arg.value)}; fi ;;`,
    ].join('\n');
  });
  const topWords = [...spec.commands.map((c) => c.name), ...spec.globalFlags.flatMap(flagWords)].join(' ');
  return `${HEADER('bash', 'source <(rmprep completion bash)    (or save it in ~/.local/share/bash-completion/completions/rmprep)')}

_rmprep_ids() {
  command rmprep list --json 2>/dev/null | ${ID_LINES}
}

_rmprep_words() {
  COMPREPLY=( $(compgen -W "$1" -- "$cur") )
}

_rmprep_files() {
  local IFS=$'\\n'
  compopt -o filenames 2>/dev/null
  COMPREPLY=( $(compgen -f -- "$cur") )
}

_rmprep_dirs() {
  local IFS=$'\\n'
  compopt -o filenames 2>/dev/null
  COMPREPLY=( $(compgen -d -- "$cur") )
}

_rmprep() {
  local cur prev cmd i
  cur=\${COMP_WORDS[COMP_CWORD]}
  prev=\${COMP_WORDS[COMP_CWORD-1]}
  cmd=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      ${globalValueFlags.join('|')}) ((i++)) ;;
      -*) ;;
      *) cmd=\${COMP_WORDS[i]}; break ;;
    esac
  done

  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac

  case $cmd in
    '') COMPREPLY=( $(compgen -W '${topWords}' -- "$cur") ) ;;
${commandCases.join('\n')}
  esac
}

complete -F _rmprep rmprep
`;
}

function bashValue(v: ValueKind): string {
  switch (v.kind) {
    case 'words':
      return `_rmprep_words '${v.words.join(' ')}'`;
    case 'ids':
      return '_rmprep_words "$(_rmprep_ids)"';
    case 'files':
      return '_rmprep_files';
    case 'dirs':
      return '_rmprep_dirs';
    case 'plans':
      return `_rmprep_files; COMPREPLY+=( $(compgen -W '${v.words.join(' ')}' -- "$cur") )`;
    default:
      return 'COMPREPLY=()';
  }
}

// zsh ----------------------------------------------------------------------------------------------------

function renderZsh(spec: CompletionSpec): string {
  const plans = spec.commands.flatMap((c) => c.flags).find((f) => f.value.kind === 'plans');
  const planWords = plans && plans.value.kind === 'plans' ? plans.value.words : [];
  const commandList = spec.commands.map((c) => `        ${zq(`${c.name}:${c.description}`)}`).join('\n');
  const commandCases = spec.commands.map((c) => {
    const lines = [...c.flags.map(zshFlag), ...c.args.map((a, i) => zshArg(a, i + 1))];
    return `        ${c.name})\n          _arguments -s \\\n            ${lines.join(' \\\n            ')} && ret=0\n          ;;`;
  });
  return `#compdef rmprep
${HEADER('zsh', 'source <(rmprep completion zsh)    (or save it as _rmprep in a folder on your $fpath)')}

_rmprep_ids() {
  local -a ids
  ids=(\${(f)"$(command rmprep list --json 2>/dev/null | ${ID_LINES})"})
  _wanted ids expl 'question id' compadd -a ids
}

_rmprep_plans() {
  _alternative 'plans:bundled plan:(${planWords.join(' ')})' 'files:plan file:_files'
}

_rmprep() {
  local curcontext="$curcontext" state line ret=1
  typeset -A opt_args
  _arguments -C \\
    ${[...spec.globalFlags.map(zshFlag), "'1: :->command'", "'*:: :->args'"].join(' \\\n    ')} && ret=0
  case $state in
    command)
      local -a commands
      commands=(
${commandList}
      )
      _describe -t commands 'rmprep command' commands && ret=0
      ;;
    args)
      curcontext="\${curcontext%:*:*}:rmprep-$words[1]:"
      case $words[1] in
${commandCases.join('\n')}
      esac
      ;;
  esac
  return ret
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _rmprep "$@"
else
  compdef _rmprep rmprep
fi
`;
}

function zshFlag(f: FlagSpec): string {
  const desc = `[${zshText(f.description)}]`;
  const value = f.value.kind === 'none' ? '' : zshAction(f.value);
  const star = f.repeatable ? '*' : '';
  if (f.short) {
    const exclusive = f.repeatable ? '' : `(${f.short} ${f.long})`;
    return `${zq(`${exclusive}${star}`)}{${f.short},${f.long}}${zq(`${desc}${value}`)}`;
  }
  return zq(`${star}${f.long}${desc}${value}`);
}

function zshArg(a: ArgSpec, position: number): string {
  const action = zshAction(a.value);
  return zq(a.variadic ? `*${action}` : `${position}${action}`);
}

function zshAction(v: ValueKind): string {
  switch (v.kind) {
    case 'words':
      return `:${v.label}:(${v.words.join(' ')})`;
    case 'ids':
      return ':question id:_rmprep_ids';
    case 'files':
      return `:${v.label}:_files`;
    case 'dirs':
      return `:${v.label}:_files -/`;
    case 'plans':
      return ':plan:_rmprep_plans';
    case 'free':
      return `:${v.label}: `;
    default:
      return '';
  }
}

/** Description text safe inside an _arguments spec: no brackets or colons. */
function zshText(s: string): string {
  return s.replace(/\[/g, '(').replace(/\]/g, ')').replace(/:/g, ' -').replace(/\s+/g, ' ');
}

function zq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// fish ---------------------------------------------------------------------------------------------------

function renderFish(spec: CompletionSpec): string {
  const out = [
    HEADER('fish', 'rmprep completion fish | source    (or save it as ~/.config/fish/completions/rmprep.fish)'),
    '',
    'function __rmprep_ids',
    `    command rmprep list --json 2>/dev/null | ${ID_LINES}`,
    'end',
    '',
    'complete -c rmprep -f',
  ];
  for (const f of spec.globalFlags) out.push(fishFlag('__fish_use_subcommand', f));
  for (const c of spec.commands) out.push(`complete -c rmprep -n __fish_use_subcommand -a ${c.name} -d ${fq(c.description)}`);
  for (const c of spec.commands) {
    const when = fq(`__fish_seen_subcommand_from ${c.name}`);
    out.push('');
    for (const f of c.flags) out.push(fishFlag(when, f));
    for (const a of c.args) out.push(`complete -c rmprep -n ${when} ${fishValue(a.value)}`.trimEnd());
  }
  return `${out.join('\n')}\n`;
}

function fishFlag(condition: string, f: FlagSpec): string {
  const parts = ['complete -c rmprep -n', condition];
  if (f.short) parts.push('-s', f.short.replace(/^-/, ''));
  parts.push('-l', f.long.replace(/^--/, ''));
  if (f.value.kind !== 'none') parts.push(fishValue(f.value));
  parts.push('-d', fq(f.description));
  return parts.join(' ');
}

function fishValue(v: ValueKind): string {
  switch (v.kind) {
    case 'words':
      return `-x -a ${fq(v.words.join(' '))}`;
    case 'ids':
      return `-x -a ${fq('(__rmprep_ids)')}`;
    case 'files':
      return '-r -F';
    case 'dirs':
      return `-x -a ${fq('(__fish_complete_directories)')}`;
    case 'plans':
      return `-r -F -a ${fq(v.words.join(' '))}`;
    case 'free':
      return '-x';
    default:
      return '';
  }
}

function fq(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
