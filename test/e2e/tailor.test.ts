import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeHome, ROOT, runCli } from '../helpers/cli.js';
import { PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const run = (args: string[], input?: string) => runCli(args, { env: home.env, input, cwd: home.dir });
const posting = (name: string) => join(ROOT, 'test', 'fixtures', 'postings', 'tuning', name);

interface TailorJson {
  themes: { theme: string; label: string; phrases: string[]; questions: string[] }[];
  questions: { id: string; category: string; question: string; score: number; because: string[]; bullet?: string; fit?: number }[];
  gaps: string[];
  gapDetails: { text: string; bullet: string; nearest?: { id: string; fit: number } }[];
  bullets: { read: number; matched: number; cut: number };
}

describe('rmprep tailor', () => {
  it('prints the questions to practise first, why, the themes and the gaps', async () => {
    const r = await run(['tailor', posting('enterprise-itil.md')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Practise these first \(10\):\n 1\. [a-z0-9-]+ \((common|behavioral|technical)\)\n/);
    expect(r.stdout).toMatch(/\d\. cab-change-requests \(technical\)\n[^]*?because the posting says: "[^"]*Change Advisory Board[^"]*"/);
    expect(r.stdout).toMatch(/What the posting stresses:\n {2}- compliance, audit and regulated change \(\d+ questions?\): audit trail/);
  });

  it('reads standard input with -, prints JSON best first and honours --count', async () => {
    const r = await run(['tailor', '-', '--json', '--count', '3'], readFileSync(posting('cloud-platform.md'), 'utf8'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as TailorJson;
    expect(Object.keys(json).sort()).toEqual(['bullets', 'gapDetails', 'gaps', 'questions', 'reading', 'themes']);
    expect(json.questions).toHaveLength(3);
    expect(Object.keys(json.questions[0]!).sort()).toEqual(['because', 'bullet', 'category', 'fit', 'id', 'question', 'score']);
    const scores = json.questions.map((q) => q.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const supply = json.themes.find((t) => t.theme === 'supply-chain');
    expect(supply?.phrases).toEqual(expect.arrayContaining(['sboms', 'slsa', 'cosign']));
    expect(supply?.questions).toContain('supply-chain-security');
  });

  it('answers each bullet with a question that quotes it, and reports the bullets no question answers', async () => {
    const text = `${readFileSync(posting('cloud-platform.md'), 'utf8')}\n- Make every release accessible: WCAG 2.2 AA checks with screen readers before it ships.\n`;
    const r = await run(['tailor', '-', '--json'], text);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as TailorJson;
    expect(json.bullets.read).toBeGreaterThan(10);
    expect(json.bullets.cut).toBe(json.bullets.matched > 10 ? 15 : 10);
    const supply = json.questions.find((q) => q.id === 'supply-chain-security');
    expect(supply?.bullet).toMatch(/^Lead our software supply chain security work/);
    expect(supply?.bullet).toContain(supply?.because[0]);
    const gap = json.gapDetails.find((g) => g.bullet.startsWith('Make every release accessible'));
    expect(gap?.text).toMatch(/WCAG 2\.2 AA/);
    expect(json.gaps).toContain(gap?.text);

    await run(['tailor', '-', '--out', 'plan.yaml'], text);
    expect(readFileSync(join(home.dir, 'plan.yaml'), 'utf8')).toMatch(/^# Gaps: .*\n# {3}- .*WCAG 2\.2 AA/m);
  });

  it.skipIf(SKIP_PTY)('writes a plan with --out that drill --plan runs, in rank order', async () => {
    const r = await run(['tailor', posting('mobile-apps.md'), '--json', '-n', '2', '--out', 'plan.yaml']);
    expect(r.code).toBe(0);
    const ranked = (JSON.parse(r.stdout) as TailorJson).questions.map((q) => q.id);
    const plan = parse(readFileSync(join(home.dir, 'plan.yaml'), 'utf8')) as { items: { ids: string[] }[]; timeLimit: number };
    expect(plan.items.map((i) => i.ids[0])).toEqual(ranked);

    const s = new PtySession(['drill', '--plan', join(home.dir, 'plan.yaml')], home.env);
    await s.waitFor('Plan: tailored');
    await s.waitFor(new RegExp(`Question 1 of 2[\\s\\S]*${ranked[0]}`));
    s.pty.kill();
    // Gone before the folder is removed: a drill ended by a signal still writes its caches on the way out.
    await s.exited();
  });

  it('never replaces an existing plan without --force, and keeps its content', async () => {
    const plan = join(home.dir, 'plan.yaml');
    writeFileSync(plan, 'my own notes\n');
    const refused = await run(['tailor', posting('mobile-apps.md'), '--out', 'plan.yaml']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/plan\.yaml already exists.*--force/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(plan, 'utf8')).toBe('my own notes\n');

    const forced = await run(['tailor', posting('mobile-apps.md'), '--out', 'plan.yaml', '--force', '-n', '3']);
    expect(forced.code).toBe(0);
    expect((parse(readFileSync(plan, 'utf8')) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('prints only the plan with --out -, and writes no file named "-"', async () => {
    const r = await run(['tailor', posting('mobile-apps.md'), '--out', '-', '-n', '4']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plan = parse(r.stdout) as { name: string; items: { ids: string[] }[] };
    expect(plan.name).toBe('tailored');
    expect(plan.items).toHaveLength(4);
    expect(existsSync(join(home.dir, '-'))).toBe(false);

    const both = await run(['tailor', posting('mobile-apps.md'), '--out', '-', '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--out - and --json both write to standard output/);
    const lone = await run(['tailor', posting('mobile-apps.md'), '--force']);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toMatch(/--force only applies with --out/);
  });

  it.each([
    ['an empty posting', '', 2, /the posting on standard input is empty/],
    ['a posting with nothing the bank knows', 'Our florist shop arranges tulips and roses for weddings.', 1, /nothing in the posting matches/],
  ])('refuses %s', async (_what, input, code, message) => {
    const r = await run(['tailor', '-'], input);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a binary file, a folder, a missing file and a bad count with one line each', async () => {
    writeFileSync(join(home.dir, 'job.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x00]));
    const cases: [string[], number, RegExp][] = [
      [['tailor', 'job.pdf'], 2, /job\.pdf:1:1: not a UTF-8 text file/],
      // A folder where a file is needed is a runtime refusal, as for coach --answer-file.
      [['tailor', '.'], 1, /cannot read \.: it is a folder/],
      [['tailor', 'missing.md'], 1, /cannot read missing\.md: no such file/],
      [['tailor', posting('mobile-apps.md'), '--count', '0'], 2, /--count must be a whole number from 1 to 50/],
      [['tailor', posting('mobile-apps.md'), '--out', 'no/such/dir/plan.yaml'], 1, /cannot write .*plan\.yaml: the folder .* does not exist/],
      [['tailor'], 2, /missing required argument/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('lists as gaps the tools the posting names that no question mentions', async () => {
    const r = await run(['tailor', '-'], 'You will own release automation built on Zorblex and our canary deployments.');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nGaps: the bank has no question on these; prepare them on your own:\n {2}- named here, in no question: Zorblex\n/);
  });

  it('never prints control characters from the posting', async () => {
    const r = await run(['tailor', '-'], 'We need a \u001b]0;pwned\u0007 release manager for our \u001b[31mcanary\u001b[0m deployments and CAB.');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b/);
  });
});
