import { Argument, Command, CommanderError, Help, Option } from 'commander';
import type { Context, GlobalOptions } from './context.js';
import { EXIT, UsageError } from './errors.js';
import { COMMANDS, DESCRIPTION, GLOBAL_OPTIONS, helpWidth, renderRootHelp, type CommandName } from './help.js';
import { createRun } from './run.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export interface ProgramHooks {
  setExit(code: number): void;
  /** Receives commander's own error text (unknown option, missing argument...), to be printed as one line. */
  captureError?(text: string): void;
  /** The command line about to be parsed; without it every command's options are built. */
  argv?: readonly string[];
}

/** Builds the command tree. Command modules are imported only when their command runs, to keep start-up fast. */
export function buildProgram(ctx: Context, { setExit, captureError, argv }: ProgramHooks): Command {
  const program = new Command('rmprep');
  program
    .description(DESCRIPTION)
    .version(ctx.version, ...GLOBAL_OPTIONS.version)
    .helpOption(...GLOBAL_OPTIONS.help)
    .option(...GLOBAL_OPTIONS.history)
    .option(...GLOBAL_OPTIONS.questions, collect)
    .option(...GLOBAL_OPTIONS.color)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => (captureError ? captureError(s) : write(s)),
      getOutHelpWidth: () => helpWidth(ctx.stdout),
      getErrHelpWidth: () => helpWidth(ctx.stderr),
    });

  const on = (load: () => Promise<Record<string, unknown>>, name: string) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals() as GlobalOptions;
      const run = createRun(ctx, globals);
      const mod = await load();
      const fn = mod[name] as unknown as (run: unknown, ...rest: unknown[]) => Promise<number | void>;
      const code = await fn(run, ...args.slice(0, -1));
      setExit(typeof code === 'number' ? code : EXIT.ok);
    };
  const category = () => new Option('-c, --category <category>', 'common, behavioral or technical');
  // A command's options are built only when it may run or show its help: building all of them costs
  // start-up time. Without argv (shell completion) everything is built.
  const define = (name: CommandName, options?: (c: Command) => Command): Command => {
    const c = program.command(name).description(COMMANDS[name].summary);
    return options && (!argv || argv.includes(name)) ? options(c) : c;
  };
  // The root help is rmprep's own (help.ts), the same text the start-up path prints without commander.
  program.configureHelp({
    formatHelp: (cmd, helper) => (cmd === program ? renderRootHelp(helpWidth(ctx.stdout)) : Help.prototype.formatHelp.call(helper, cmd, helper)),
  });

  define('list',
    (c) =>
      c
        .addOption(category())
        .option('-t, --tag <tag>', 'only questions with this tag')
        .option('--json', 'print JSON: [{ id, category, question, tags, difficulty }]'))
    .action(on(() => import('./commands/list.js'), 'listCommand'));

  define('show',
    (c) =>
      c
        .option('--json', 'print the question as JSON'))
    .argument('<id>', 'question id, e.g. rollback-recovery')
    .action(on(() => import('./commands/show.js'), 'showCommand'));

  define('drill',
    (c) =>
      c
        .addOption(new Option('-c, --category <category>', 'only this category; repeatable').argParser(collect))
        .option('-t, --tag <tag>', 'only questions with this tag')
        .option('-n, --count <n>', 'how many questions (default 5)')
        .option('--seed <seed>', 'make the order reproducible')
        .option('--due', 'only questions that are due for review')
        .option('--new', 'only questions never practised')
        .option('--id <id>', 'ask these questions, in this order; repeatable', collect)
        .option('--plan <name|file>', 'run a study plan: a bundled one by name (e.g. mock-interview) or a YAML file')
        .option('--time-limit <seconds>', 'a countdown for each answer')
        .addOption(new Option('--answer-mode <mode>', 'how to answer: ask each time, type, editor or spoken').choices(['ask', 'type', 'editor', 'spoken'])))
    .action(on(() => import('./commands/drill.js'), 'drillCommand'));

  define('coach',
    (c) =>
      c
        .option('-f, --answer-file <file>', 'read the answer from a file (default: standard input)')
        .option('--json', 'print the feedback as JSON')
        .option('--record', 'save the attempt to your history')
        .addOption(new Option('--rating <rating>', 'self-rating to record (default: from the score)').choices(['again', 'hard', 'good', 'easy'])))
    .argument('<id>', 'question id')
    .action(on(() => import('./commands/coach.js'), 'coachCommand'));

  define('next',
    (c) =>
      c
        .addOption(category())
        .option('--seed <seed>', 'make tie-breaking reproducible')
        .option('--json', 'print JSON: { id, category, question, reason, why, due }'))
    .action(on(() => import('./commands/next.js'), 'nextCommand'));

  define('stats',
    (c) =>
      c
        .option('--json', 'print the figures as JSON'))
    .action(on(() => import('./commands/stats.js'), 'statsCommand'));

  define('history',
    (c) =>
      c
        .option('--id <id>', 'only attempts at this question')
        .option('-n, --limit <n>', 'at most this many attempts (default 20)')
        .option('--json', 'print JSON')
        .option('--repair', 'set aside lines of a damaged history file and keep the rest')
        .option('--import <file>', 'add attempts from a file (e.g. one kept when a save failed)'))
    .action(on(() => import('./commands/history.js'), 'historyCommand'));

  define('report',
    (c) =>
      c
        .option('--session <id>', 'which session: "last" or a session id', 'last')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
        .option('-o, --out <file>', 'write to a file instead of standard output'))
    .action(on(() => import('./commands/report.js'), 'reportCommand'));

  define('export',
    (c) =>
      c
        .addOption(new Option('--format <format>', 'output format').choices(['anki', 'markdown', 'json']).makeOptionMandatory())
        .addOption(category())
        .option('-o, --out <file>', 'write to a file instead of standard output'))
    .action(on(() => import('./commands/export.js'), 'exportCommand'));

  define('validate',
    (c) =>
      c
        .option('--json', 'print problems as JSON'))
    .argument('[paths...]', 'files or folders (default: the bundled bank and your question folders)')
    .action(on(() => import('./commands/validate.js'), 'validateCommand'));

  define('new',
    (c) =>
      c
        .option('--id <id>', 'question id (kebab-case)')
        .addOption(category())
        .option('--question <text>', 'the question')
        .option('--dir <folder>', 'where to write it (default: current folder)')
        .option('--force', 'overwrite an existing file'))
    .action(on(() => import('./commands/new.js'), 'newCommand'));

  define('completion')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .action(on(() => import('./commands/completion.js'), 'completionCommand'));

  for (const sub of program.commands) {
    sub.exitOverride().showSuggestionAfterError(true).configureOutput(program.configureOutput());
  }
  return program;
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
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    const sub = program.commands.find((c) => c.name() === argv[0]);
    const helpCommand = sub ? `rmprep ${sub.name()} --help` : 'rmprep --help';
    const text = (commanderError || err.message).trim().split('\n').map((l) => l.trim()).filter(Boolean);
    const first = (text[0] ?? 'invalid command line').replace(/^error: /, '');
    const suggestion = text.slice(1).join(' ');
    throw new UsageError(first, suggestion ? `${suggestion.replace(/^\(|\)$/g, '')}; see '${helpCommand}'` : `see '${helpCommand}'`);
  }
}
