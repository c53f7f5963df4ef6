import { HEADER, ID_LINES, SLUG_LINES, STORY_ACTIONS, type CompletionSpec, type FlagSpec, type ValueKind } from './spec.js';

// fish ---------------------------------------------------------------------------------------------------

export function renderFish(spec: CompletionSpec): string {
  const out = [
    HEADER('fish', 'rmprep completion fish | source    (or save it as ~/.config/fish/completions/rmprep.fish)'),
    '',
    'function __rmprep_ids',
    `    command rmprep list --json 2>/dev/null | ${ID_LINES}`,
    'end',
    '',
    'function __rmprep_stories',
    `    command rmprep story list --json 2>/dev/null | ${SLUG_LINES}`,
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
    const [first, second] = c.args;
    for (const a of c.args) {
      // The first argument's words only until one is typed; story names only after an action that takes one.
      let condition = `__fish_seen_subcommand_from ${c.name}`;
      if (a === first && second && a.value.kind === 'words') condition += `; and not __fish_seen_subcommand_from ${a.value.words.join(' ')}`;
      if (a.value.kind === 'stories') condition += `; and __fish_seen_subcommand_from ${STORY_ACTIONS.join(' ')}`;
      out.push(`complete -c rmprep -n ${fq(condition)} ${fishValue(a.value)}`.trimEnd());
    }
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
    case 'stories':
      return `-x -a ${fq('(__rmprep_stories)')}`;
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
