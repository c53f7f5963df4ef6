import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claims, startChatServer, useHomeWithServers } from '../helpers/chat-server.js';
import { runCli } from '../helpers/cli.js';

const ID = 'rollback-recovery';
// Makes points 1, 3 and 7 in words; point 2 ("agrees the rollback triggers in advance") in other words.
const ANSWER = [
  'When a release goes wrong I want the decision to be boring.',
  'Before the release starts, the team walks through the way back in staging so nobody improvises at midnight.',
  'We write down the error level that sends us back, and nobody argues about it on the night.',
  'Last spring a payment change misbehaved, so I switched the traffic to the old cluster within four minutes.',
  'Afterwards I ran a blameless review and we added a check to the pipeline.',
].join(' ');
const POINT_2 = 'We write down the error level that sends us back';
const KEY = 'sk-test-Zq81vXy-never-shown';

const ctx = useHomeWithServers();

interface CoachJson {
  score: number;
  wordsScore?: number;
  talkingPoints: { point: string; covered: boolean; evidence: string[]; heardBy?: string }[];
  grader: { used: boolean; model: string | null; latencyMs: number | null; droppedQuotes: number; notice: string | null };
  [key: string]: unknown;
}

const coach = (args: string[], answer: string, env: Record<string, string> = {}) =>
  runCli(['coach', ID, '--json', ...args], { env: { ...ctx.home.env, ...env }, input: answer, timeoutMs: 30_000 });

async function serve(script: Parameters<typeof startChatServer>[0]) {
  const s = await startChatServer(script);
  ctx.track(s);
  return { ...s, env: { RMPREP_GRADER_URL: s.url, RMPREP_GRADER_MODEL: 'test-model', RMPREP_GRADER_KEY: KEY } };
}

async function wordsOnly(answer = ANSWER): Promise<CoachJson> {
  const r = await coach(['--offline'], answer);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as CoachJson;
}

/** The report without the grader's own field: what must equal the words-only reading on failure. */
function reportOf(j: CoachJson) {
  const { grader: _grader, ...rest } = j;
  return rest;
}

describe('coach with a model grader', () => {
  it('credits a point whose quote is in the answer, marks it, and keeps the words-only score beside', async () => {
    const words = await wordsOnly();
    expect(words.talkingPoints[1]?.covered).toBe(false);
    const s = await serve(() => ({ content: claims({ point: 2, quote: POINT_2 }, { point: 1, made: false, quote: '' }) }));
    const r = await coach([], ANSWER, s.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as CoachJson;
    expect(j.talkingPoints[1]).toMatchObject({ covered: true, heardBy: 'model', evidence: [POINT_2] });
    expect(j.talkingPoints[0]).toMatchObject({ covered: true, heardBy: 'words' });
    expect(j.score).toBeGreaterThan(words.score);
    expect(j.wordsScore).toBe(words.score);
    expect(j.grader).toMatchObject({ used: true, model: 'test-model', droppedQuotes: 0, notice: null });
    expect(j.grader.latencyMs).toEqual(expect.any(Number));
    // The request: to <url>/chat/completions, with a JSON schema, the answer as data, the key only in the header.
    expect(s.received).toHaveLength(1);
    const req = s.received[0]!;
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    const body = JSON.parse(req.body) as { model: string; response_format: { type: string }; messages: { content: string }[] };
    expect(body.model).toBe('test-model');
    expect(body.response_format.type).toBe('json_schema');
    expect(JSON.parse(body.messages[1]!.content)).toMatchObject({ answer: ANSWER, points: expect.arrayContaining([expect.objectContaining({ number: 2 })]) });
    expect(req.body).not.toContain(KEY);
    // On a terminal the model's point is marked as the model's.
    const text = await runCli(['coach', ID], { env: { ...ctx.home.env, ...s.env }, input: ANSWER });
    expect(text.stdout).toMatch(/\[model\] heard in "We write down the error level that sends us back"/);
    expect(text.stdout).toContain(`(words alone: ${words.score})`);
  });

  it('reads a reply the same when the server ignores response_format and fences its JSON, and allows spacing and quote-mark differences', async () => {
    const quote = '  We write down  the error level that sends us “back”  ';
    const s = await serve(() => ({ content: `Here you are:\n\`\`\`json\n${claims({ point: 2, quote })}\n\`\`\`` }));
    const j = JSON.parse((await coach([], ANSWER, s.env)).stdout) as CoachJson;
    expect(j.talkingPoints[1]).toMatchObject({ covered: true, heardBy: 'model' });
  });

  it('never credits an invented, fragment or list-drawn quote; invented ones are counted', async () => {
    const words = await wordsOnly();
    const s = await serve(() => ({
      content: claims(
        { point: 2, quote: 'I agreed the rollback triggers with the business in advance' },
        { point: 4, quote: 'the error level' },
        { point: 5, quote: 'I ran the whole recovery call myself' },
        { point: 9, quote: POINT_2 },
      ),
    }));
    const r = await coach([], ANSWER, s.env);
    const j = JSON.parse(r.stdout) as CoachJson;
    expect(j.talkingPoints.filter((p) => p.heardBy === 'model')).toEqual([]);
    expect(j.score).toBe(words.score);
    expect(j.wordsScore).toBeUndefined();
    expect(j.grader).toMatchObject({ used: true, droppedQuotes: 3 });
  });

  it('leaves a keyword list at most 30 when a greedy grader claims every point, quoting the list', async () => {
    const shown = JSON.parse((await runCli(['show', ID, '--json'], { env: ctx.home.env })).stdout) as { keyPoints: { terms: string[] }[] };
    const pairs = shown.keyPoints.map((kp) => kp.terms.slice(0, 2).join(', '));
    const list = `${pairs.join(', ')}.`;
    const s = await serve(() => ({ content: claims(...pairs.map((quote, k) => ({ point: k + 1, quote })), { point: 1, quote: list }) }));
    const j = JSON.parse((await coach([], list, s.env)).stdout) as CoachJson;
    expect(j.talkingPoints.filter((p) => p.heardBy === 'model')).toEqual([]);
    expect(j.score).toBeLessThanOrEqual(30);
    // The same list quoted by one sentence around it is still a list.
    const framed = `I focus on these: ${list}`;
    const s2 = await serve(() => ({ content: claims(...shown.keyPoints.map((_, k) => ({ point: k + 1, quote: framed }))) }));
    const j2 = JSON.parse((await coach([], framed, s2.env)).stdout) as CoachJson;
    expect(j2.talkingPoints.filter((p) => p.heardBy === 'model')).toEqual([]);
    expect(j2.score).toBeLessThanOrEqual(30);
  });

  it('credits a quote claimed for several points once', async () => {
    const s = await serve(() => ({ content: claims({ point: 4, quote: POINT_2 }, { point: 2, quote: POINT_2 }, { point: 6, quote: POINT_2 }) }));
    const j = JSON.parse((await coach([], ANSWER, s.env)).stdout) as CoachJson;
    const model = j.talkingPoints.flatMap((p, k) => (p.heardBy === 'model' ? [k + 1] : []));
    expect(model).toHaveLength(1);
    expect(model[0]).toBe(2);
  });

  it('keeps the words: a grader that says nothing was made takes no point away', async () => {
    const words = await wordsOnly();
    const s = await serve(() => ({ content: claims(...[1, 2, 3, 4, 5, 6, 7].map((point) => ({ point, made: false, quote: '' }))) }));
    const j = JSON.parse((await coach([], ANSWER, s.env)).stdout) as CoachJson;
    expect(reportOf(j)).toEqual(reportOf(words));
  });

  it('retries once after a 429 with Retry-After', async () => {
    const s = await serve((_, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: '{}' } : { content: claims({ point: 2, quote: POINT_2 }) }));
    const j = JSON.parse((await coach([], ANSWER, s.env)).stdout) as CoachJson;
    expect(s.received).toHaveLength(2);
    expect(j.talkingPoints[1]?.heardBy).toBe('model');
  });

  const failures: [string, Parameters<typeof startChatServer>[0], RegExp, Record<string, string>?][] = [
    ['slow', () => ({ delayMs: 5000, content: claims({ point: 2, quote: POINT_2 }) }), /no reply within 0\.5 s/, { RMPREP_GRADER_TIMEOUT: '0.5' }],
    ['malformed', () => ({ content: 'The answer makes points 2 and 3.' }), /a malformed reply/],
    ['schema-breaking', () => ({ content: '{"points": [{"point": "two", "made": "yes"}]}' }), /a reply that breaks the schema/],
    ['empty', () => ({ content: '' }), /an empty reply/],
    ['500', () => ({ status: 500, body: 'boom' }), /HTTP 500/],
    ['401', () => ({ status: 401, body: `{"error":"bad key ${KEY}"}` }), /the key was refused \(HTTP 401\)/],
    ['404', () => ({ status: 404, body: 'no' }), /no such model or path \(HTTP 404\)/],
    ['429 twice', () => ({ status: 429, headers: { 'retry-after': '0' }, body: '{}' }), /rate limited \(HTTP 429\)/],
  ];
  it.each(failures)('a %s grader leaves the words-only result, exit code and one notice line', async (_, script, reason, extra = {}) => {
    const words = await wordsOnly();
    const s = await serve(script);
    const r = await coach([], ANSWER, { ...s.env, ...extra });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CoachJson;
    expect(reportOf(j)).toEqual(reportOf(words));
    expect(j.grader).toMatchObject({ used: false, notice: expect.stringMatching(reason) });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^model grader unavailable: ${reason.source} at ${s.origin.replace(/\./g, '\\.')}; showing the words-only reading\\n$`));
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('a refused connection leaves the words-only result, naming the origin only', async () => {
    const port = await closedPort();
    const words = await wordsOnly();
    const r = await coach([], ANSWER, { RMPREP_GRADER_URL: `http://127.0.0.1:${port}/v1/secret-path?token=abc`, RMPREP_GRADER_MODEL: 'm', RMPREP_GRADER_KEY: KEY });
    expect(r.code).toBe(0);
    expect(reportOf(JSON.parse(r.stdout) as CoachJson)).toEqual(reportOf(words));
    expect(r.stderr).toBe(`model grader unavailable: connection refused at http://127.0.0.1:${port}; showing the words-only reading\n`);
  });

  it('sends nothing with --offline, with an empty RMPREP_GRADER_URL, or for a batch command', async () => {
    const s = await serve(() => ({ content: claims({ point: 2, quote: POINT_2 }) }));
    expect((await coach(['--offline'], ANSWER, s.env)).code).toBe(0);
    expect((await coach([], ANSWER, { ...s.env, RMPREP_GRADER_URL: '' })).code).toBe(0);
    await runCli(['coach', ID, '--record', '--offline'], { env: { ...ctx.home.env, ...s.env }, input: ANSWER });
    for (const args of [['report'], ['stats'], ['report', '--json']]) {
      expect((await runCli(args, { env: { ...ctx.home.env, ...s.env } })).code).toBe(0);
    }
    expect(s.received).toHaveLength(0);
  });

  it('stores the checked credits, the reading and the words-only score, and the key in no file', async () => {
    const s = await serve(() => ({ content: claims({ point: 2, quote: POINT_2 }) }));
    const r = await runCli(['coach', ID, '--record'], { env: { ...ctx.home.env, ...s.env }, input: ANSWER });
    expect(r.code).toBe(0);
    const lines = readFileSync(ctx.home.history, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const attempt = lines.find((l) => l.type === 'attempt')!;
    expect(attempt.reading).toEqual({ model: 'test-model', origin: s.origin });
    expect(attempt.credits).toEqual([{ point: 'agrees-rollback-triggers', by: 'model', quote: POINT_2 }]);
    expect(attempt.wordsScore).toBeLessThan(attempt.score as number);
    const report = await runCli(['report', '--json'], { env: ctx.home.env });
    expect(report.code).toBe(0);
    // report shows the kept model point as made, with no grader configured to ask.
    const missed = (JSON.parse(report.stdout) as { attempts: { missed: string[] }[] }).attempts[0]?.missed;
    expect(missed).toContain('Keeps data changes reversible');
    expect(missed).not.toContain('Agrees the rollback triggers in advance');
    for (const file of walk(ctx.home.dir)) expect(readFileSync(file, 'utf8'), file).not.toContain(KEY);
    expect(r.stdout + r.stderr + report.stdout).not.toContain(KEY);
  });
});

describe('grader configuration file', () => {
  const writeConfig = (text: string, mode: number) => {
    const dir = join(ctx.home.dir, 'config', 'rmprep');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.yaml'), text);
    chmodSync(join(dir, 'config.yaml'), mode);
    return join(dir, 'config.yaml');
  };

  it('is used when private, and the environment wins over it', async () => {
    const s = await serve(() => ({ content: claims({ point: 2, quote: POINT_2 }) }));
    writeConfig(`grader:\n  url: ${s.url}\n  model: from-file\n  key: ${KEY}\n  timeout: 5\n`, 0o600);
    const j = JSON.parse((await coach([], ANSWER)).stdout) as CoachJson;
    expect(j.grader).toMatchObject({ used: true, model: 'from-file' });
    expect(s.received[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const j2 = JSON.parse((await coach([], ANSWER, { RMPREP_GRADER_MODEL: 'from-env' })).stdout) as CoachJson;
    expect(j2.grader.model).toBe('from-env');
  });

  it('holding a key others can read, it is refused in one line and nothing is sent', async () => {
    const s = await serve(() => ({ content: claims({ point: 2, quote: POINT_2 }) }));
    const path = writeConfig(`grader:\n  url: ${s.url}\n  model: m\n  key: ${KEY}\n`, 0o644);
    const r = await coach([], ANSWER);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`model grader not used: ${path} holds a key and others can read it; run chmod 600 on it, or set RMPREP_GRADER_KEY instead\n`);
    expect(s.received).toHaveLength(0);
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });
});

describe('grader check and preview', () => {
  it('check says whether the server answers and follows the schema', async () => {
    const good = await serve((req) => {
      const answer = (JSON.parse((JSON.parse(req.body) as { messages: { content: string }[] }).messages[1]!.content) as { answer: string }).answer;
      return { content: claims({ point: 1, quote: answer.split(',')[1]!.trim() }) };
    });
    const ok = await runCli(['grader', 'check'], { env: { ...ctx.home.env, ...good.env } });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^Model grader at ${good.origin.replace(/\./g, '\\.')} \\(test-model\\) answered in \\d+ ms, followed the reply schema, and quoted the answer's own words\\.\\n$`));
    expect(good.received).toHaveLength(1);
    const bad = await serve(() => ({ content: 'sure!' }));
    const no = await runCli(['grader', 'check'], { env: { ...ctx.home.env, ...bad.env } });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain('a malformed reply');
    expect(no.stdout + no.stderr).not.toContain(KEY);
    const none = await runCli(['grader', 'check'], { env: ctx.home.env });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('nothing leaves this machine');
  });

  it('preview prints exactly the body that would be sent, without the key, and sends nothing', async () => {
    const s = await serve(() => ({ content: claims({ point: 2, quote: POINT_2 }) }));
    const answerFile = join(ctx.home.dir, 'answer.txt');
    writeFileSync(answerFile, ANSWER);
    const p = await runCli(['grader', 'preview', ID, '--answer-file', answerFile], { env: { ...ctx.home.env, ...s.env } });
    expect(p.code).toBe(0);
    expect(p.stdout + p.stderr).not.toContain(KEY);
    expect(s.received).toHaveLength(0);
    await coach([], ANSWER, s.env);
    expect(JSON.parse(p.stdout)).toEqual(JSON.parse(s.received[0]!.body));
  });

  it('preview --posting prints exactly the body tailor would send for that posting, and sends nothing', async () => {
    const s = await serve(() => ({ content: JSON.stringify({ bullets: [] }) }));
    const posting = join(ctx.home.dir, 'job.md');
    writeFileSync(posting, 'Responsibilities\n\n- Chair the weekly change advisory board.\n- Keep the release calendar.\n');
    const p = await runCli(['grader', 'preview', '--posting', posting], { env: { ...ctx.home.env, ...s.env } });
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).toContain(`would be sent by tailor to ${s.origin}`);
    expect(p.stdout + p.stderr).not.toContain(KEY);
    expect(s.received).toHaveLength(0);
    expect((await runCli(['tailor', posting, '--json'], { env: { ...ctx.home.env, ...s.env } })).code).toBe(0);
    expect(JSON.parse(p.stdout)).toEqual(JSON.parse(s.received[0]!.body));
    const both = await runCli(['grader', 'preview', ID, '--posting', posting], { env: ctx.home.env });
    expect(both.code).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
  });
});

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile()) yield path;
  }
}

/** A port that was free a moment ago and has nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('story check with a model grader', () => {
  // Pinned to mistake-ownership, the story owns the mistake in words its must-tell terms do not hold.
  const OWNED = 'I had approved the schema migration without opening it, because I trusted the author';
  const story = (env: Record<string, string>, extra: string[] = []) =>
    runCli(['story', 'check', 'double-invoices', '--json', ...extra], { env: { ...ctx.home.env, ...env }, timeoutMs: 30_000 });

  it('asks the model for what the story must tell when the words miss it, and keeps its quote only if the story says it', async () => {
    const made = await runCli(
      ['story', 'new', 'double-invoices', '--question', 'mistake-ownership', '--situation', 'One Friday our invoicing job sent every customer two invoices.', '--action', `${OWNED}. I rolled it back within the hour and wrote to the finance team.`, '--result', 'We added a review step for migrations and no invoice went out twice again.'],
      { env: ctx.home.env },
    );
    expect(made.code, made.stderr).toBe(0);
    const words = JSON.parse((await story({}, ['--offline'])).stdout) as { tells: { found: string | null } };
    expect(words.tells.found).toBeNull();

    const s = await serve(() => ({ content: claims({ point: 1, quote: OWNED }) }));
    const read = JSON.parse((await story(s.env)).stdout) as { tells: { found: string | null; heardBy?: string } };
    expect(read.tells).toMatchObject({ found: expect.stringContaining('approved the schema migration without opening it'), heardBy: 'model' });
    // The element was asked as the only point of a request of its own.
    expect(s.received.some((r) => r.body.includes('The story tells'))).toBe(true);
    const text = await runCli(['story', 'check', 'double-invoices'], { env: { ...ctx.home.env, ...s.env } });
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('(heard by the model grader)');

    const invented = await serve(() => ({ content: claims({ point: 1, quote: 'it was entirely my own fault and I said so at once' }) }));
    expect((JSON.parse((await story(invented.env)).stdout) as { tells: { found: string | null } }).tells.found).toBeNull();
  });
});
