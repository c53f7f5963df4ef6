import { describe, expect, it } from 'vitest';
import { startChatServer, useHomeWithServers } from '../helpers/chat-server.js';
import { runCli } from '../helpers/cli.js';

// A line whose words the bank barely shares (a card processor, SDKs), though a hiring manager hears the
// vendor question in it at once.
const LINE = 'Get our card processor and two outside SDK suppliers to land their changes on time for each release.';
const POSTING = ['# Release Manager', '', 'Responsibilities', '', '- Chair the weekly change advisory board.', `- ${LINE}`, '- Keep the release calendar for every team.', ''].join('\n');
const KEY = 'sk-test-Tq2-never-shown';

interface TailorJson {
  questions: { id: string; bullet?: string; fit?: number }[];
  gapDetails: { bullet: string; byModel?: true }[];
  reading: 'words' | { model: string; origin: string };
}

const ctx = useHomeWithServers();

const tailor = (args: string[], env: Record<string, string> = {}) => runCli(['tailor', '-', '--json', ...args], { env: { ...ctx.home.env, ...env }, input: POSTING, timeoutMs: 30_000 });

/** A server that names vendor-release for the line about suppliers, whatever number the line was sent under. */
async function serve(status = 200) {
  const s = await startChatServer((request) => {
    const data = JSON.parse((JSON.parse(request.body) as { messages: { content: string }[] }).messages[1]!.content) as { posting: { number: number; line: string }[] };
    const n = data.posting.find((p) => p.line === LINE)?.number ?? 99;
    return status === 200 ? { content: JSON.stringify({ bullets: [{ bullet: n, questions: ['vendor-release', 'no-such-question'] }] }) } : { status, body: '{}' };
  });
  ctx.track(s);
  return { ...s, env: { RMPREP_GRADER_URL: s.url, RMPREP_GRADER_MODEL: 'test-model', RMPREP_GRADER_KEY: KEY } };
}

describe('tailor with a model grader', () => {
  it('joins the model\'s questions for a line to the words\' reading: the line is heard, not a gap, and the JSON says who read it', async () => {
    const words = await tailor(['--offline']);
    expect(words.code, words.stderr).toBe(0);
    const before = JSON.parse(words.stdout) as TailorJson;
    expect(before.reading).toBe('words');
    expect(before.gapDetails.map((g) => g.bullet)).toContain(LINE);

    const s = await serve();
    const r = await tailor([], s.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const read = JSON.parse(r.stdout) as TailorJson;
    expect(read.reading).toEqual({ model: 'test-model', origin: s.origin });
    expect(read.gapDetails.map((g) => g.bullet)).not.toContain(LINE);
    expect(read.questions.find((q) => q.id === 'vendor-release')).toMatchObject({ bullet: LINE, fit: 0.95 });
    expect(read.questions.some((q) => q.id === 'no-such-question')).toBe(false);
    // One request: the posting's lines and the bank, the key in its header only.
    expect(s.received).toHaveLength(1);
    expect(s.received[0]!.body).toContain('Chair the weekly change advisory board.');
    expect(s.received[0]!.body).not.toContain(KEY);
    expect(s.received[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('takes a line the model says no question prepares for as a gap, though the words heard a question in it', async () => {
    const line = 'Get store listings and screenshots translated into our four market languages for each release.';
    const posting = ['# Release Manager', '', 'Responsibilities', '', '- Chair the weekly change advisory board.', `- ${line}`, ''].join('\n');
    const run = (env: Record<string, string>, args: string[] = []) => runCli(['tailor', '-', '--json', ...args], { env: { ...ctx.home.env, ...env }, input: posting, timeoutMs: 30_000 });
    const words = JSON.parse((await run({}, ['--offline'])).stdout) as TailorJson;
    const heard = words.questions.find((q) => q.bullet === line);
    // The words hear a question in it, though not as surely as a model's third pick (0.75).
    expect(heard?.fit).toBeGreaterThan(0);
    expect(heard?.fit).toBeLessThan(0.75);
    expect(words.gapDetails.map((g) => g.bullet)).not.toContain(line);
    const s = await startChatServer((request) => {
      const data = JSON.parse((JSON.parse(request.body) as { messages: { content: string }[] }).messages[1]!.content) as { posting: { number: number; line: string }[] };
      return { content: JSON.stringify({ bullets: data.posting.map((p) => ({ bullet: p.number, questions: p.line === line ? [] : ['cab-change-requests'] })) }) };
    });
    ctx.track(s);
    const env = { RMPREP_GRADER_URL: s.url, RMPREP_GRADER_MODEL: 'test-model' };
    const read = JSON.parse((await run(env)).stdout) as TailorJson;
    expect(read.gapDetails.find((g) => g.bullet === line)).toMatchObject({ byModel: true });
    expect(read.questions.some((q) => q.bullet === line)).toBe(false);
    const text = await runCli(['tailor', '-'], { env: { ...ctx.home.env, ...env }, input: posting, timeoutMs: 30_000 });
    expect(text.stdout.replace(/\s+/g, ' ')).toMatch(/four market languages.*\(the model grader names no question; by words, closest: [a-z-]+\)/);
  });

  it('says so in the human output', async () => {
    const s = await serve();
    const r = await runCli(['tailor', '-'], { env: { ...ctx.home.env, ...s.env }, input: POSTING });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`read by the model grader test-model (${s.origin}) as well as by their words`);
  });

  it('falls back to the words with one line on stderr when the server fails, and sends nothing with --offline', async () => {
    const failing = await serve(500);
    const r = await tailor([], failing.env);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/model grader unavailable: HTTP 500 at http:\/\/127\.0\.0\.1:\d+; showing the words-only reading/);
    expect((JSON.parse(r.stdout) as TailorJson).reading).toBe('words');

    const quiet = await serve();
    expect((await tailor(['--offline'], quiet.env)).code).toBe(0);
    expect((await tailor([], { ...quiet.env, RMPREP_GRADER_URL: '' })).code).toBe(0);
    expect(quiet.received).toHaveLength(0);
  });
});
