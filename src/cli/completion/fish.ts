import { HEADER, ID_LINES, type CompletionSpec, type FlagSpec, type ValueKind } from './spec.js';

// fish ---------------------------------------------------------------------------------------------------

export function renderFish(spec: CompletionSpec): string {
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
