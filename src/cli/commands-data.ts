/**
 * The commands that handle the person's own files (backup, restore, drafts), kept beside the manifest in
 * src/cli/commands.ts, which lists them in its place and checks their shape.
 */
/** The history command's options for forgetting answers, listed in its entry of the manifest. */
export const FORGET_OPTIONS = [
  { flags: '--forget-answers', description: 'remove the text of your answers wherever rmprep keeps it (asks first); ratings, scores and schedules stay' },
  { flags: '--before <date>', description: 'with --forget-answers: only answers before this day (2026-03-01, your time) or ISO date and time', value: 'text' },
  { flags: '--dry-run', description: 'with --forget-answers: say what would go and change nothing (with --json too)' },
] as const;

export const GRADER_OPTIONS = [
  { flags: '-f, --answer-file <file>', description: 'preview: read the answer from a file (default: standard input)', value: 'path' },
  { flags: '--posting <file>', description: 'preview: the request tailor would send for this job posting, instead of a question', value: 'path' },
] as const;

export const DATA_COMMANDS = [
  {
    name: 'backup',
    summary: 'everything of yours in one file: history, stories, drafts, own questions, phrasings, config without keys',
    group: 'Progress',
    args: [{ name: 'file', description: 'the backup file to write (0600)', value: 'path', required: true }],
    options: [{ flags: '--json', description: 'print a summary of what went in as JSON' }, { flags: '--force', description: 'replace an existing file' }],
    load: () => import('./commands/backup.js'),
  },
  {
    name: 'restore',
    summary: 'merge a backup into your data; run it again and nothing doubles',
    group: 'Progress',
    args: [{ name: 'file', description: "a file made by 'rmprep backup'", value: 'path', required: true }],
    options: [{ flags: '--json', description: 'print what was added, skipped and set aside as JSON' }, { flags: '--force', description: "take the backup's file where yours differs; yours is set aside" }],
    load: () => import('./commands/restore.js'),
  },
  {
    name: 'drafts',
    summary: 'answers typed in a drill and kept unrated: list, show, coach or rm one',
    group: 'Progress',
    args: [
      { name: 'action', description: 'what to do (default: list)', value: 'choice', required: false, choices: ['list', 'show', 'coach', 'rm'] },
      { name: 'name', description: 'the draft, as the list names it (show, coach, rm)', value: 'text', required: false },
    ],
    options: [{ flags: '--json', description: 'print JSON' }],
    load: () => import('./commands/drafts.js'),
  },
] as const;
