import { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { COMMANDS, DESCRIPTION, GLOBAL_OPTIONS, HELP_OPTION, VERSION_OPTION, type ArgumentSpec, type CommandSpec, type OptionSpec } from './commands.js';
import type { Context, GlobalOptions } from './context.js';
import { runCommand, type CommandArgs } from './define-command.js';
import { EXIT, UsageError } from './errors.js';
import { helpWidth, renderRootHelp } from './help.js';
import { createRun } from './run.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export interface ProgramHooks {
  setExit(code: number): void;
  /** Receives commander's own error text (unknown option, missing argument...), to be printed as one line. */
  captureError?(text: string): void;
  /** The command line about to be parsed; without it every command's options are built. */
  argv?: readonly string[];
}

/** Builds the command tree from the manifest. A command's module is imported only when it runs. */
export function buildProgram(ctx: Context, { setExit, captureError, argv }: ProgramHooks): Command {
  const program = new Command('rmprep');
  program
    .description(DESCRIPTION)
    .version(ctx.version, VERSION_OPTION.flags, VERSION_OPTION.description)
    .helpOption(HELP_OPTION.flags, HELP_OPTION.description)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => (captureError ? captureError(s) : write(s)),
      getOutHelpWidth: () => helpWidth(ctx.stdout, ctx.env),
      getErrHelpWidth: () => helpWidth(ctx.stderr, ctx.env),
    });
  for (const spec of GLOBAL_OPTIONS) program.addOption(toOption(spec));
  // The root help is rmprep's own (help.ts), the same text the start-up path prints without commander.
  program.configureHelp({
    // Commander leaves a description column narrower than 40 unwrapped, so long lines ran off a 60-column
    // terminal; a column of 24 still reads as a column.
    minWidthToWrap: 24,
    formatHelp: (cmd, helper) => (cmd === program ? renderRootHelp(helpWidth(ctx.stdout, ctx.env)) : Help.prototype.formatHelp.call(helper, cmd, helper)),
  });

  for (const spec of COMMANDS as readonly CommandSpec[]) {
    const command = program.command(spec.name).description(spec.summary);
    // A command's options are built only when it may run or show its help: building all of them costs
    // start-up time. Without argv (shell completion, tests) everything is built.
    if (!argv || argv.includes(spec.name)) for (const option of spec.options) command.addOption(toOption(option));
    for (const arg of spec.args) command.addArgument(toArgument(arg));
    command.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const args: CommandArgs = Object.fromEntries(spec.args.map((a, i) => [a.name, params[i] as string | string[] | undefined]));
      const run = createRun(ctx, self.optsWithGlobals() as GlobalOptions);
      const { command: module } = await spec.load();
      setExit(await runCommand(module, run, self.opts(), args));
    });
    command.exitOverride().showSuggestionAfterError(true).configureOutput(program.configureOutput());
  }
  return program;
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  // choices() sets a parser that keeps the last value; a repeatable option checks each value and keeps all.
  if (spec.repeatable) option.argParser((value: string, previous?: string[]) => collect(checkChoice(spec, value), previous));
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.mandatory) option.makeOptionMandatory();
  return option;
}

function checkChoice(spec: OptionSpec, value: string): string {
  if (spec.choices && !spec.choices.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${spec.choices.join(', ')}.`);
  return value;
}

function toArgument(spec: ArgumentSpec): Argument {
  const name = spec.variadic ? `${spec.name}...` : spec.name;
  const argument = new Argument(spec.required ? `<${name}>` : `[${name}]`, spec.description);
  if (spec.choices) argument.choices(spec.choices);
  return argument;
}

/**
 * Runs the command line through commander and returns the exit code. Commander's own complaints (unknown
 * option, missing argument) are thrown as one-line usage errors, reported by main() like every other error.
 */
export async function runProgram(argv: string[], ctx: Context): Promise<number> {
  let exit: number = EXIT.ok;
  let commanderError = '';
  const program = buildProgram(ctx, {
    setExit: (code) => {
      exit = code;
    },
    captureError: (text) => {
      commanderError = text;
    },
    argv,
  });
  try {
    if (argv.length === 0) {
      ctx.stdout.write(program.helpInformation());
      return EXIT.ok;
    }
    refuseStrayArguments(argv, program);
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    const sub = program.commands.find((c) => c.name() === argv[0]);
    const helpCommand = sub ? `rmprep ${sub.name()} --help` : 'rmprep --help';
    const text = showControls(commanderError || err.message).trim().split('\n').map((l) => l.trim()).filter(Boolean);
    const first = describeUsageError((text[0] ?? 'invalid command line').replace(/^error: /, ''));
    const suggestion = text.slice(1).join(' ');
    // Commander says "(Did you mean drill?)"; rmprep's hints are lower case, like "did you mean ...?" for ids.
    const meant = suggestion.replace(/^\(|\)$/g, '').replace(/^Did you mean/, 'did you mean');
    throw new UsageError(first, meant ? `${meant} See '${helpCommand}'.` : `see '${helpCommand}'`);
  }
}

/**
 * `help` and `--version` take nothing more than a command name (commander would ignore the rest and exit
 * 0): `help nope`, `help list extra` and `-V extra` are usage mistakes like any other stray argument.
 */
function refuseStrayArguments(argv: readonly string[], program: Command): void {
  const [first, second] = argv;
  if ((first === '--version' || first === '-V') && argv.length > 1) throw new UsageError(`${first} takes no arguments, not "${showControls(second ?? '')}"`, "see 'rmprep --help'");
  if (first !== 'help' || second === undefined) return;
  if (second.startsWith('-') && argv.length === 2) return;
  if (!program.commands.some((c) => c.name() === second)) throw new UsageError(`unknown command '${showControls(second)}'`, "see 'rmprep --help'");
  if (argv.length > 2) throw new UsageError(`help takes one command name, not "${showControls(argv.slice(2).join(' '))}"`, `see 'rmprep help ${second}'`);
}

/**
 * Control characters of an argument shown as escapes (\x1b) rather than removed, so that an unknown
 * command typed with an escape sequence does not read as a known one.
 */
function showControls(text: string): string {
  return text.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16)}`));
}

/** Puts commander's message for a value outside its choices in the words rmprep uses for any bad value. */
export function describeUsageError(message: string): string {
  const option = /^option '(\S+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/.exec(message);
  if (option) return `${option[1]} must be ${listChoices(option[3]!)}, not "${option[2]}"`;
  const argument = /^command-argument value '(.*)' is invalid for argument '(\S+)'\. Allowed choices are (.+)\.$/.exec(message);
  if (argument) return `<${argument[2]}> must be ${listChoices(argument[3]!)}, not "${argument[1]}"`;
  return message;
}

function listChoices(choices: string): string {
  return choices.replace(/, ([^,]+)$/, ' or $1');
}
