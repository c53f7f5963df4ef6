import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, ROOT, runCli } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'packs', 'html-and-tabs.yaml');
const ANKI_HEADER = ['#separator:tab', '#html:true', '#notetype:Basic', '#columns:guid\tFront\tBack\tdeck\ttags', '#guid column:1', '#deck column:4', '#tags column:5'];

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(['--questions', FIXTURE, ...args], { env: home.env });

interface ListRow {
  id: string;
  category: string;
  question: string;
  tags: string[];
}

async function listBank(extra: string[] = []): Promise<ListRow[]> {
  const r = await run(['list', '--json', ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ListRow[];
}

function notesOf(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

describe('export --format anki', () => {
  it('writes the header lines, then one five-field note per question', async () => {
    const r = await run(['export', '--format', 'anki']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, ANKI_HEADER.length)).toEqual(ANKI_HEADER);
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(ANKI_HEADER.length, -1);
    expect(body.every((l) => !l.startsWith('#'))).toBe(true);
    for (const line of body) expect(line.split('\t')).toHaveLength(5);
    expect(body).toHaveLength((await listBank()).length);
  });

  it('puts each note in its category deck with the category and question tags', async () => {
    const bank = new Map((await listBank()).map((q) => [q.id, q]));
    const notes = notesOf((await run(['export', '--format', 'anki'])).stdout);
    for (const [guid, , , deck, tags] of notes) {
      const q = bank.get((guid ?? '').replace(/^rmprep-/, ''));
      expect(q, `note ${guid} matches a question`).toBeDefined();
      expect(deck).toBe(`rmprep::${q!.category}`);
      expect((tags ?? '').split(' ')).toEqual([q!.category, ...q!.tags]);
    }
  });

  it('keeps GUIDs stable across runs and unique per question', async () => {
    const first = notesOf((await run(['export', '--format', 'anki'])).stdout).map((n) => n[0]);
    const second = notesOf((await run(['export', '--format', 'anki'])).stdout).map((n) => n[0]);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('escapes HTML and keeps a question with a tab and a line break on one line', async () => {
    const notes = notesOf((await run(['export', '--format', 'anki'])).stdout);
    const note = notes.find((n) => n[0] === 'rmprep-html-tricky-question');
    expect(note).toBeDefined();
    const [, front, back, deck, tags] = note!;
    expect(front).toBe('Is &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; after a tab safe?<br>And a second line | with a pipe');
    expect(back).toContain('<p>First line with &lt;i&gt;tags&lt;/i&gt; &amp; ampersands. Still the first paragraph.</p>');
    expect(back).toContain('<li>Escapes &lt;, &gt; and &amp; in fields</li>');
    expect(back).toContain('<ol><li>Step one</li><li>Step | two</li></ol>');
    expect(back).toContain('<b>Tip:</b> Keep one note per line and no tabs.');
    expect(back).not.toMatch(/<(?!\/?(p|b|ul|ol|li|br)>)/);
    expect(deck).toBe('rmprep::technical');
    expect(tags).toBe('technical escaping html');
  });

  it('exports one category to a file and says where on stderr', async () => {
    const out = join(home.dir, 'behavioral.txt');
    const r = await run(['export', '--format', 'anki', '--category', 'behavioral', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(out);
    const notes = notesOf(readFileSync(out, 'utf8'));
    const behavioral = await listBank(['--category', 'behavioral']);
    expect(notes.map((n) => n[0]).sort()).toEqual(behavioral.map((q) => `rmprep-${q.id}`).sort());
    expect(new Set(notes.map((n) => n[3]))).toEqual(new Set(['rmprep::behavioral']));
  });
});

describe('export --format markdown', () => {
  it('contains every question, grouped by category', async () => {
    const r = await run(['export', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const bank = await listBank();
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toHaveLength(bank.length);
    for (const q of bank) expect(r.stdout).toContain(`\`${q.id}\``);
    expect(r.stdout.indexOf('## Common questions')).toBeLessThan(r.stdout.indexOf('## Behavioral questions'));
    expect(r.stdout.indexOf('## Behavioral questions')).toBeLessThan(r.stdout.indexOf('## Technical questions'));
  });

  it('escapes pack text that would break the Markdown', async () => {
    const r = await run(['export', '--format', 'markdown', '--category', 'technical']);
    expect(r.stdout).toContain('. Is \\<b\\>bold\\</b\\> & "quoted" after a tab safe? And a second line \\| with a pipe\n');
    expect(r.stdout).toContain('**Why they ask:** \\# Not a heading: the interviewer checks \\<escaping\\>.');
    expect(r.stdout).toContain('\n\\# Second paragraph, not a heading.\n');
    expect(r.stdout).not.toContain('\t');
  });
});

describe('export --format json', () => {
  it('round-trips: validate accepts the file and loading it gives the same questions', async () => {
    const out = join(home.dir, 'exported.json');
    const r = await run(['export', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { questions: Record<string, unknown>[] };
    expect(Object.keys(data)).toEqual(['questions']);
    for (const q of data.questions) expect(q).not.toHaveProperty('source');

    const validate = await runCli(['validate', out], { env: home.env });
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain(`${data.questions.length} valid questions in 1 file, no problems`);

    const fromOriginal = await listBank();
    const fromExport = await runCli(['list', '--json', '--questions', out], { env: home.env });
    expect(fromExport.code).toBe(0);
    // Each exported question stands in for the bundled one of its id, and list says so.
    const rows = JSON.parse(fromExport.stdout) as { id: string; replacesBundled?: boolean }[];
    const bundled = new Set((JSON.parse((await runCli(['list', '--json'], { env: home.env })).stdout) as ListRow[]).map((q) => q.id));
    expect(rows.filter((r) => r.replacesBundled === true).map((r) => r.id)).toEqual(rows.filter((r) => bundled.has(r.id)).map((r) => r.id));
    expect(rows.map(({ replacesBundled: _replaces, ...row }) => row)).toEqual(fromOriginal);

    // Every field survives, not only the ones `list` shows: exporting the export gives the same file.
    const again = await runCli(['--questions', out, 'export', '--format', 'json'], { env: home.env });
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
  });
});

describe('export errors', () => {
  it.each([
    [['export'], 2, /required option '--format <format>'/],
    [['export', '--format', 'xml'], 2, /--format must be anki, markdown or json, not "xml"/],
    [['export', '--format', 'json', '--category', 'managerial'], 2, /unknown category "managerial"/],
    [['export', '--format', 'json', '--out', '/nonexistent-folder/x.json'], 1, /cannot write \/nonexistent-folder\/x\.json: the folder \/nonexistent-folder does not exist/],
  ])('%j exits %i', async (args, code, message) => {
    const r = await runCli(args, { env: home.env });
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
