import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
let main: string;
let recovers: string;
let misses: string;
beforeAll(() => {
  home = makeHome();
  main = join(home.dir, 'main.txt');
  recovers = join(home.dir, 'recovers.txt');
  misses = join(home.dir, 'misses.txt');
  // Canary, blue-green, costs and routing, but nothing on keeping old and new versions compatible.
  writeFileSync(main, 'Rolling is our default. A canary sends a small share of traffic and compares against the baseline, using weighted routing in Istio. Blue-green costs double capacity.');
  writeFileSync(recovers, 'Both versions must stay backward compatible with the shared database while they coexist, so we expand first and contract later.');
  writeFileSync(misses, 'I would ask the database team to schedule it for a quiet weekend.');
});
afterAll(() => home.cleanup());

const ID = 'deployment-strategies';
const ASKED = 'How would you combine a canary with a database migration?';

describe('coach --follow-up', () => {
  it('prints the follow-up aimed at the first point the answer left out', async () => {
    const r = await runCli(['coach', ID, '--answer-file', main, '--follow-up'], { env: home.env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Follow-up: ${ASKED}\n  (it probes: Keeps old and new versions compatible while they coexist)\n`);
  });

  it('gives the coach report plus followUp { question, probes } as JSON', async () => {
    const r = await runCli(['coach', ID, '--answer-file', main, '--follow-up', '--json'], { env: home.env });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { score: number; talkingPoints: unknown[]; followUp: unknown };
    expect(json.talkingPoints.length).toBeGreaterThan(0);
    expect(json.followUp).toEqual({ question: ASKED, probes: 'keeps-old-new' });
  });

  it('judges an answer to it on the probed point, with the evidence', async () => {
    const heard = await runCli(['coach', ID, '--answer-file', main, '--follow-up-answer', recovers, '--json'], { env: home.env });
    expect(heard.code).toBe(0);
    const followUp = (JSON.parse(heard.stdout) as { followUp: { heard: boolean; evidence: string[]; probes: string } }).followUp;
    expect(followUp).toMatchObject({ question: ASKED, probes: 'keeps-old-new', heard: true });
    expect(followUp.evidence.join(' ')).toMatch(/backward compatible/);

    const text = await runCli(['coach', ID, '--answer-file', main, '--follow-up-answer', misses], { env: home.env });
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('✗ Not heard in the follow-up answer: "Keeps old and new versions compatible while they coexist"');
  });

  it('saves the follow-up with the attempt under --record', async () => {
    const r = await runCli(['coach', ID, '--answer-file', main, '--follow-up-answer', recovers, '--record'], { env: home.env });
    expect(r.code).toBe(0);
    const lines = readFileSync(home.history, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const attempt = lines.find((l) => l.type === 'attempt');
    expect(attempt?.followUps).toEqual([{ question: ASKED, probes: 'keeps-old-new', answer: readFileSync(recovers, 'utf8'), heard: true }]);
    const history = await runCli(['history', '--json'], { env: home.env });
    expect((JSON.parse(history.stdout) as { followUps?: unknown[] }[])[0]?.followUps).toHaveLength(1);
    const text = await runCli(['history'], { env: home.env });
    expect(text.stdout).toContain(`  Follow-up: ${ASKED}`);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('✓ recovered');
    const stats = await runCli(['stats', '--json'], { env: home.env });
    expect((JSON.parse(stats.stdout) as { followUps: unknown }).followUps).toEqual({ asked: 1, judged: 1, recovered: 1 });
  });

  it('refuses two answers from standard input', async () => {
    const r = await runCli(['coach', ID, '--follow-up-answer', '-'], { env: home.env, input: 'an answer' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rmprep: the answer and the follow-up answer cannot both come from standard input/);
  });
});

describe('exports carry what each follow-up probes', () => {
  it('show --json and a JSON pack give followUps[].probes', async () => {
    const show = await runCli(['show', ID, '--json'], { env: home.env });
    expect((JSON.parse(show.stdout) as { followUps: { probes?: string }[] }).followUps.map((f) => f.probes)).toContain('keeps-old-new');
    const out = join(home.dir, 'pack.json');
    const exported = await runCli(['export', '--format', 'json', '--category', 'technical', '--out', out], { env: home.env });
    expect(exported.code).toBe(0);
    expect(JSON.stringify(JSON.parse(readFileSync(out, 'utf8')))).toContain('"probes":"keeps-old-new"');
  });
});
