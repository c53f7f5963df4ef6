/**
 * The commands that move the person's data as a whole (backup, restore), kept beside the manifest in
 * src/cli/commands.ts, which lists them in its place and checks their shape.
 */
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
] as const;
