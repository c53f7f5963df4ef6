import { COMMANDS, GLOBAL_OPTIONS, optionKey, type CommandSpec, type OptionSpec } from './commands.js';
import type { GlobalOptions } from './context.js';

/** A command line simple enough to run without commander: what the start-up bundle handles by itself. */
export type FastCommand =
  | { name: 'help' }
  | { name: 'version' }
  | { name: string; spec: CommandSpec; globals: GlobalOptions; options: Record<string, unknown>; args: Record<string, string> };

interface Flag {
  key: string;
  option: OptionSpec;
}

/** Every flag of these options, short and long, with the option it sets. */
function flagTable(options: readonly OptionSpec[]): Map<string, Flag> {
  const table = new Map<string, Flag>();
  for (const option of options) {
    for (const flag of option.flags.split(/[ ,]+/).filter((f) => f.startsWith('-'))) table.set(flag, { key: optionKey(option.flags), option });
  }
  return table;
}

const GLOBAL_FLAGS = flagTable(GLOBAL_OPTIONS);

/**
 * Recognises `rmprep`, `--help`, `--version` and the commands the manifest marks fast (list, show, drill) with
 * their plain options, read exactly as commander reads them (a test holds the two side by side). Anything
 * else, including every mistake, is undefined and goes to commander, which owns the error messages.
 * Commander's start-up cost (loading it and building the command tree) is most of what a lookup would
 * otherwise pay.
 */
export function parseFastPath(argv: readonly string[]): FastCommand | undefined {
  if (argv.length === 0) return { name: 'help' };
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')) return { name: 'help' };
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { name: 'version' };
  let spec: CommandSpec | undefined;
  let flags: Map<string, Flag> | undefined;
  const globals: Record<string, unknown> = { color: true };
  const options: Record<string, unknown> = {};
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) {
      if (spec) operands.push(arg);
      else {
        spec = COMMANDS.find((c) => c.name === arg && 'fast' in c && c.fast);
        if (!spec) return undefined;
        flags = flagTable(spec.options);
        for (const o of spec.options) if (o.default !== undefined) options[optionKey(o.flags)] = o.default;
      }
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const found = GLOBAL_FLAGS.get(flag) ?? flags?.get(flag);
    if (!found) return undefined;
    const { key, option } = found;
    const target = GLOBAL_FLAGS.has(flag) ? globals : options;
    if (!option.value) {
      // A switch with a value is left to commander, as are negated switches of a command.
      if (inline !== undefined) return undefined;
      if (option.flags.startsWith('--no-')) target[key] = false;
      else target[key] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      // A value that looks like an option is left to commander, which has rules of its own for it.
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) return undefined;
      value = next;
      i++;
    }
    if (option.choices && !option.choices.includes(value)) return undefined;
    target[key] = option.repeatable ? [...((target[key] as string[] | undefined) ?? []), value] : value;
  }
  if (!spec) return undefined;
  const required = spec.args.filter((a) => a.required).length;
  if (spec.args.some((a) => a.variadic) || operands.length < required || operands.length > spec.args.length) return undefined;
  const args = Object.fromEntries(operands.map((value, i) => [spec.args[i]?.name, value]));
  return { name: spec.name, spec, globals: globals as GlobalOptions, options, args };
}
