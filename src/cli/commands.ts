import { RATINGS } from '../core/history/ratings.js';
import { ANSWER_MODES } from '../core/practice/answer-modes.js';
import type { CommandModule } from './define-command.js';
import { DATA_COMMANDS, FORGET_OPTIONS, GRADER_OPTIONS } from './commands-data.js';

/*
 * The command manifest: every command's name, summary, arguments and options, and how to load it. The
 * root help (help.ts), the commander tree (program.ts), the fast path (fast-path.ts) and the shell
 * completion scripts are all made from it. Adding an option is one entry here and one field in the
 * command's options schema. It is plain data: the start-up bundle carries it.
 */

/** What a value is, for completion and help: ids and paths complete differently from free text. */
export type ValueKind = 'text' | 'number' | 'id' | 'path' | 'folder' | 'category' | 'plan' | 'choice' | 'story';

export interface OptionSpec {
  /** As commander takes them: '-c, --category <category>', '--json', '--no-color'. */
  flags: string;
  description: string;
  /** Left out for a switch. */
  value?: ValueKind;
  repeatable?: boolean;
  choices?: readonly string[];
  default?: string;
  /** The option must be given. */
  mandatory?: boolean;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  value: ValueKind;
  required: boolean;
  variadic?: boolean;
  choices?: readonly string[];
}

export type CommandGroup = 'Practise' | 'Prepare for a job' | 'Look up' | 'Progress' | 'Question files' | 'Shell';

export interface CommandSpec {
  name: string;
  summary: string;
  group: CommandGroup;
  args: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
  /** Whether the start-up path reads its command line without commander (list, show and drill). */
  fast?: boolean;
  load(): Promise<{ command: CommandModule }>;
}

export const DESCRIPTION = 'Practise for Release Manager job interviews: drill questions, get feedback on your answers, track progress.';

/** The options every command takes, in the order the root help lists them. */
export const GLOBAL_OPTIONS = [
  { flags: '--history <file>', description: 'history file (default: $RMPREP_HISTORY, else $XDG_DATA_HOME/rmprep/history.json)', value: 'path' },
  { flags: '--questions <path>', description: 'extra question folder or pack file; repeatable (also $RMPREP_QUESTIONS)', value: 'path', repeatable: true },
  { flags: '--no-color', description: 'plain output without colors (also NO_COLOR=1)' },
] as const satisfies readonly OptionSpec[];

export const VERSION_OPTION = { flags: '-V, --version', description: 'print the version' } as const satisfies OptionSpec;
export const HELP_OPTION = { flags: '-h, --help', description: 'show help' } as const satisfies OptionSpec;

// Not choices for commander: a category is read without regard to case, by the command's schema.
const category: OptionSpec = { flags: '-c, --category <category>', description: 'common, behavioral or technical', value: 'category' };
const json = (description: string): OptionSpec => ({ flags: '--json', description });
const out: OptionSpec = { flags: '-o, --out <file>', description: 'write to a file instead of standard output', value: 'path' };
const offline: OptionSpec = { flags: '--offline', description: 'read the answer by its words only, even when a model grader is configured' };
const questionId = (description: string): ArgumentSpec => ({ name: 'id', description, value: 'id', required: true });

export const COMMANDS = [
  {
    name: 'list',
    summary: 'list the questions in the bank',
    group: 'Look up',
    args: [],
    options: [
      category,
      { flags: '-t, --tag <tag>', description: 'only questions with this tag', value: 'text' },
      { flags: '--tags', description: 'list the tags instead, with how many questions carry each' },
      json('print JSON: [{ id, category, question, tags, difficulty, practice }], or with --tags [{ tag, questions }]'),
    ],
    fast: true,
    load: () => import('./commands/list.js'),
  },
  {
    name: 'show',
    summary: 'show one question in full: why it is asked, key points, model answer, tip, follow-ups',
    group: 'Look up',
    args: [questionId('question id, e.g. rollback-recovery')],
    options: [json('print the question as JSON')],
    fast: true,
    load: () => import('./commands/show.js'),
  },
  {
    name: 'drill',
    summary: 'practise interactively: answer, get feedback, see the model answer, rate yourself',
    group: 'Practise',
    args: [],
    options: [
      { ...category, description: 'only this category; repeatable', repeatable: true },
      { flags: '-t, --tag <tag>', description: 'only questions with this tag', value: 'text' },
      { flags: '-n, --count <n>', description: 'how many questions (default 5)', value: 'number' },
      { flags: '--seed <seed>', description: 'make the order reproducible', value: 'text' },
      { flags: '--due', description: 'only questions that are due for review' },
      { flags: '--new', description: 'only questions never practised' },
      { flags: '--id <id>', description: 'ask these questions, in this order; repeatable', value: 'id', repeatable: true },
      { flags: '--plan <name|file>', description: 'run a study plan: a bundled one by name (e.g. mock-interview) or a YAML file', value: 'plan' },
      { flags: '--time-limit <seconds>', description: 'a countdown for each answer', value: 'number' },
      { flags: '--answer-mode <mode>', description: 'how to answer: ask each time, type, editor or spoken', value: 'choice', choices: ANSWER_MODES },
      { flags: '--follow-ups [n]', description: 'after each answer, ask n follow-ups (default 1) aimed at what it left out; 0 turns them off', value: 'number' },
      { flags: '--stories <dir>', description: 'stories folder for the "stories that fit" hint (default: $RMPREP_STORIES, else $XDG_DATA_HOME/rmprep/stories)', value: 'folder' },
      offline,
    ],
    // The command stays a lazy bundle; the start-up path shows its first question (drill-start.ts).
    fast: true,
    load: () => import('./commands/drill.js'),
  },
  {
    name: 'coach',
    summary: 'feedback on one answer: talking points, structure, specifics, delivery and a score',
    group: 'Practise',
    args: [questionId('question id')],
    options: [
      { flags: '-f, --answer-file <file>', description: 'read the answer from a file (default: standard input)', value: 'path' },
      json('print the feedback as JSON'),
      { flags: '--record', description: 'save the attempt to your history' },
      { flags: '--rating <rating>', description: 'self-rating to record (default: from the score)', value: 'choice', choices: RATINGS },
      { flags: '--session <name>', description: 'with --record: the session to add the attempt to (default: the last hour\'s scripted session, or a new one)', value: 'text' },
      { flags: '--heard <point>', description: 'teach the coach a point it did not hear (its number as shown, or its id); kept in phrasings.yaml', value: 'text' },
      { flags: '--sentence <words>', description: 'with --heard: the exact words of the answer that make the point (default: the closest clause)', value: 'text' },
      offline,
      { flags: '--follow-up', description: 'also print the follow-up a drill would ask, aimed at a point the answer left out' },
      { flags: '--follow-up-answer <file>', description: 'judge this answer to that follow-up: is its point heard now? (implies --follow-up)', value: 'path' },
    ],
    load: () => import('./commands/coach.js'),
  },
  {
    name: 'phrasings',
    summary: 'the sentences you taught the coach (coach --heard): list them, or forget one',
    group: 'Practise',
    args: [
      { name: 'action', description: 'list (the default) or forget; or a question id to list its phrasings', value: 'text', required: false },
      { name: 'target', description: 'list: a question id; forget: a number as listed, or <question id>:<point>', value: 'text', required: false },
    ],
    options: [json('print JSON: list [{ n, question, point, sentence, status, pointNumber?, pointText? }], forget { forgotten, left }')],
    load: () => import('./commands/phrasings.js'),
  },
  {
    name: 'next',
    summary: 'print the id of the question to study next',
    group: 'Practise',
    args: [],
    options: [category, { flags: '--seed <seed>', description: 'make tie-breaking reproducible', value: 'text' }, json('print JSON: { id, category, question, reason, why, due }')],
    load: () => import('./commands/next.js'),
  },
  {
    name: 'stats',
    summary: 'progress by category, what is due, streak, activity and what to practise next',
    group: 'Progress',
    args: [],
    options: [json('print the figures as JSON')],
    load: () => import('./commands/stats.js'),
  },
  {
    name: 'history',
    summary: 'past attempts, newest first, with the answers you typed',
    group: 'Progress',
    args: [],
    options: [
      { flags: '--id <id>', description: 'only attempts at this question (with --forget-answers: only its answers)', value: 'id' },
      { flags: '-n, --limit <n>', description: 'at most this many attempts (default 20)', value: 'number' },
      json('print JSON'),
      { flags: '--repair', description: 'set aside lines of a damaged history file and keep the rest' },
      { flags: '--import <file>', description: 'add attempts from a file (one kept when a save failed, another history, or a backup)', value: 'path' },
      { flags: '--undo', description: 'remove the latest attempt after showing it (asks first)' },
      { flags: '--yes', description: 'with --undo or --forget-answers: go ahead without asking, for scripts' },
      { flags: '--rerate <attempt>', description: 'give one attempt (its id or a unique start of it) another rating', value: 'text' },
      { flags: '--rating <rating>', description: 'with --rerate: the new rating', value: 'choice', choices: RATINGS },
      ...FORGET_OPTIONS,
    ],
    load: () => import('./commands/history.js'),
  },
  ...DATA_COMMANDS,
  {
    name: 'report',
    summary: 'a review of one practice session: questions, answers, feedback and ratings',
    group: 'Progress',
    args: [],
    options: [
      { flags: '--session <id>', description: 'which session: "last" or a session id', value: 'text', default: 'last' },
      // No default here: the schema tells a --format the user gave from none, to catch --json --format markdown.
      { flags: '--format <format>', description: 'output format, text unless given', value: 'choice', choices: ['text', 'markdown', 'json'] },
      json('print JSON, the same as --format json'),
      out,
    ],
    load: () => import('./commands/report.js'),
  },
  {
    name: 'validate',
    summary: 'check question files; every problem as file:line:col, exit 1 if any',
    group: 'Question files',
    args: [{ name: 'paths', description: 'files or folders (default: the bundled bank and your question folders)', value: 'path', required: false, variadic: true }],
    options: [json('print problems as JSON')],
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'new',
    summary: 'create a question file to fill in, in your questions folder; on a terminal, asks and opens your editor',
    group: 'Question files',
    args: [],
    options: [
      // A new question's id names nothing yet, so it completes as free text.
      { flags: '--id <id>', description: 'question id (kebab-case)', value: 'text' },
      category,
      { flags: '--question <text>', description: 'the question', value: 'text' },
      { flags: '--dir <folder>', description: "where to write it (default: $XDG_DATA_HOME/rmprep/questions, loaded with the bank; '.' for the current folder)", value: 'folder' },
      { flags: '--force', description: 'overwrite an existing file' },
    ],
    load: () => import('./commands/new.js'),
  },
  {
    name: 'export',
    summary: 'export questions as an Anki import file, a Markdown study sheet or a JSON pack',
    group: 'Question files',
    args: [],
    options: [{ flags: '--format <format>', description: 'output format', value: 'choice', choices: ['anki', 'markdown', 'json'], mandatory: true }, category, out],
    load: () => import('./commands/export.js'),
  },
  {
    name: 'tailor',
    summary: 'rank the questions for one job posting: what it stresses, what to practise first, what the bank lacks',
    group: 'Prepare for a job',
    args: [{ name: 'file', description: "the job posting, plain text or Markdown; '-' reads standard input", value: 'path', required: true }],
    options: [
      { flags: '-n, --count <n>', description: 'how many questions (default 10)', value: 'number' },
      json('print JSON: { themes, questions, gaps }, questions best first'),
      { flags: '-o, --out <file>', description: "also write a study plan for rmprep drill --plan; '-' prints only the plan", value: 'path' },
      { flags: '--force', description: 'let --out replace an existing file' },
      { ...offline, description: 'read the posting by its words only, even when a model grader is configured' },
    ],
    load: () => import('./commands/tailor.js'),
  },
  {
    name: 'story',
    summary: 'your STAR stories: new, list, show, edit, check (coach one) and match (which questions each answers)',
    group: 'Prepare for a job',
    args: [
      { name: 'action', description: 'what to do', value: 'choice', required: true, choices: ['new', 'list', 'show', 'edit', 'check', 'match'] },
      { name: 'slug', description: 'the story name, kebab-case (new, show, edit, check); also its file name', value: 'story', required: false },
    ],
    options: [
      { flags: '--stories <dir>', description: 'stories folder (default: $RMPREP_STORIES, else $XDG_DATA_HOME/rmprep/stories)', value: 'folder' },
      json('list, show, check, match: print JSON'),
      { ...category, description: 'match: only questions of this category' },
      { flags: '--title <title>', description: 'new: a few words to recognise it by (default: from the name)', value: 'text' },
      { flags: '--tag <tag>', description: 'new: a tag; repeatable', value: 'text', repeatable: true },
      { flags: '--question <id>', description: 'new: pin it to a question it answers; repeatable', value: 'id', repeatable: true },
      { flags: '--situation <text>', description: 'new: the Situation part (on a terminal, asked for when no part is given)', value: 'text' },
      { flags: '--task <text>', description: 'new: the Task part', value: 'text' },
      { flags: '--action <text>', description: 'new: the Action part', value: 'text' },
      { flags: '--result <text>', description: 'new: the Result part', value: 'text' },
      { flags: '--force', description: 'new: replace a story of the same name' },
      { ...offline, description: 'check: read with words only, even when a model grader is configured' },
    ],
    load: () => import('./commands/story.js'),
  },
  {
    name: 'grader',
    summary: 'the optional model grader: check that it answers, or preview what would be sent',
    group: 'Practise',
    args: [
      { name: 'action', description: 'check (one tiny request) or preview (print the request, send nothing)', value: 'choice', required: true, choices: ['check', 'preview'] },
      { name: 'id', description: 'preview: the question id', value: 'id', required: false },
    ],
    options: GRADER_OPTIONS,
    load: () => import('./commands/grader.js'),
  },
  {
    name: 'completion',
    summary: 'print a shell completion script',
    group: 'Shell',
    args: [{ name: 'shell', description: 'the shell to complete for', value: 'choice', required: true, choices: ['bash', 'zsh', 'fish'] }],
    options: [],
    load: () => import('./commands/completion.js'),
  },
] as const satisfies readonly CommandSpec[];

/** The option's long name as commander keys it: '--answer-mode' is answerMode, '--no-color' is color. */
export function optionKey(flags: string): string {
  const long = /--(?:no-)?([a-z][a-z-]*)/.exec(flags)?.[1] ?? '';
  return long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** How a command is written in help: 'coach [options] <id>', 'validate [options] [paths...]'. */
export function commandUsage(spec: Pick<CommandSpec, 'name' | 'args' | 'options'>): string {
  const args = spec.args.map((a) => (a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`));
  return [spec.name, ...(spec.options.length > 0 ? ['[options]'] : []), ...args].join(' ');
}
