import { HEADER, ID_LINES, SLUG_LINES, STORY_ACTIONS, type ArgSpec, type CompletionSpec, type FlagSpec, type ValueKind } from './spec.js';

// zsh ----------------------------------------------------------------------------------------------------

export function renderZsh(spec: CompletionSpec): string {
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

_rmprep_stories() {
  local -a stories
  [[ \${words[2]} == (${STORY_ACTIONS.join('|')}) ]] || return 1
  stories=(\${(f)"$(command rmprep story list --json 2>/dev/null | ${SLUG_LINES})"})
  _wanted stories expl 'story name' compadd -a stories
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
    case 'stories':
      return ':story name:_rmprep_stories';
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

