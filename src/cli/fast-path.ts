import type { ListOptions } from './commands/list.js';
import type { GlobalOptions } from './context.js';

/** A command line simple enough to run without commander: what the start-up bundle handles by itself. */
export type FastCommand =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'list'; globals: GlobalOptions; options: ListOptions }
  | { name: 'show'; globals: GlobalOptions; id: string; options: { json?: boolean } };

/** The options of list and show that take a value, by flag, with the option they set. */
const VALUE_FLAGS: Record<'list' | 'show', Record<string, 'category' | 'tag'>> = {
  list: { '-c': 'category', '--category': 'category', '-t': 'tag', '--tag': 'tag' },
  show: {},
};

/**
 * Recognises `rmprep`, `--help`, `--version`, `list` and `show <id>` with their plain options, read exactly
 * as commander reads them (a test holds the two side by side). Anything else, including every mistake,
 * is undefined and goes to commander, which owns the error messages. Commander's start-up cost (loading
 * it and building the command tree) is most of what a lookup would otherwise pay.
 */
export function parseFastPath(argv: readonly string[]): FastCommand | undefined {
  if (argv.length === 0) return { name: 'help' };
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')) return { name: 'help' };
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { name: 'version' };
  let name: 'list' | 'show' | undefined;
  const globals: GlobalOptions = { color: true };
  const options: { category?: string; tag?: string; json?: boolean } = {};
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) {
      if (name) operands.push(arg);
      else if (arg === 'list' || arg === 'show') name = arg;
      else return undefined;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    // A value that looks like an option is left to commander, which has rules of its own for it.
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) return undefined;
      i++;
      return next;
    };
    if (flag === '--no-color' && inline === undefined) {
      globals.color = false;
      continue;
    }
    if (flag === '--history' || flag === '--questions') {
      const value = takeValue();
      if (value === undefined) return undefined;
      if (flag === '--history') globals.history = value;
      else globals.questions = [...(globals.questions ?? []), value];
      continue;
    }
    if (!name) return undefined;
    if (flag === '--json' && inline === undefined) {
      options.json = true;
      continue;
    }
    const key = VALUE_FLAGS[name][flag];
    const value = key ? takeValue() : undefined;
    if (!key || value === undefined) return undefined;
    options[key] = value;
  }
  if (name === 'list' && operands.length === 0) return { name, globals, options };
  if (name === 'show' && operands.length === 1) return { name, globals, id: operands[0] as string, options: options.json ? { json: true } : {} };
  return undefined;
}
