import { flagWords, HEADER, ID_LINES, SLUG_LINES, STORY_ACTIONS, type CompletionSpec, type ValueKind } from './spec.js';

// bash ---------------------------------------------------------------------------------------------------

export function renderBash(spec: CompletionSpec): string {
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
    const [arg, second] = c.args;
    if (!arg) return `    ${c.name}) COMPREPLY=( $(compgen -W '${flags}' -- "$cur") ) ;;`;
    return [
      `    ${c.name})`,
      `      if [[ $cur == -* ]]; then COMPREPLY=( $(compgen -W '${flags}' -- "$cur") )`,
      // The word after the command is the first argument; a later one is the second (story show <name>).
      ...(second && !arg.variadic ? [`      elif ((COMP_CWORD > i + 1)); then ${bashValue(second.value)}`] : []),
      `      else ${bashValue(arg.value)}; fi ;;`,
    ].join('\n');
  });
  const topWords = [...spec.commands.map((c) => c.name), ...spec.globalFlags.flatMap(flagWords)].join(' ');
  return `${HEADER('bash', 'source <(rmprep completion bash)    (or save it in ~/.local/share/bash-completion/completions/rmprep)')}

_rmprep_ids() {
  command rmprep list --json 2>/dev/null | ${ID_LINES}
}

_rmprep_stories() {
  case \${COMP_WORDS[i+1]} in
    ${STORY_ACTIONS.join('|')}) command rmprep story list --json 2>/dev/null | ${SLUG_LINES} ;;
  esac
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
    case 'stories':
      return '_rmprep_words "$(_rmprep_stories)"';
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

