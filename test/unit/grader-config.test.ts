import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/adapters/grader-http.js';
import { parseChatReply } from '../../src/adapters/grader-reply.js';
import { resolveGrader } from '../../src/cli/grader-config.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rmprep-grader-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const env = (extra: Record<string, string>) => ({ XDG_CONFIG_HOME: join(home, 'config'), ...extra });

describe('resolveGrader', () => {
  it('is off unless a URL is set, and off with --offline or an empty RMPREP_GRADER_URL', () => {
    expect(resolveGrader(env({}), home, false)).toEqual({ kind: 'off', why: 'not configured' });
    expect(resolveGrader(env({ RMPREP_GRADER_URL: 'http://localhost:11434/v1', RMPREP_GRADER_MODEL: 'm' }), home, true)).toEqual({ kind: 'off', why: 'offline' });
    expect(resolveGrader(env({ RMPREP_GRADER_URL: '', RMPREP_GRADER_MODEL: 'm' }), home, false)).toEqual({ kind: 'off', why: 'offline' });
  });

  it('takes URL, model, key and timeout from the environment, 20 s by default', () => {
    const on = resolveGrader(env({ RMPREP_GRADER_URL: 'http://localhost:11434/v1', RMPREP_GRADER_MODEL: 'llama3.1', RMPREP_GRADER_KEY: 'k' }), home, false);
    expect(on).toEqual({ kind: 'on', config: { url: 'http://localhost:11434/v1', origin: 'http://localhost:11434', model: 'llama3.1', key: 'k', timeoutMs: 20_000 } });
  });

  it('refuses, in one line naming the origin only, a URL with credentials, a missing model or a bad timeout', () => {
    const withUser = resolveGrader(env({ RMPREP_GRADER_URL: 'https://me:secret@api.example.com/v1', RMPREP_GRADER_MODEL: 'm' }), home, false);
    expect(withUser).toMatchObject({ kind: 'broken' });
    expect(JSON.stringify(withUser)).not.toContain('secret');
    expect(resolveGrader(env({ RMPREP_GRADER_URL: 'http://h:1/v1/path-token' }), home, false)).toEqual({
      kind: 'broken',
      notice: 'model grader not used: no model named for http://h:1; set RMPREP_GRADER_MODEL (for example llama3.1)',
    });
    expect(resolveGrader(env({ RMPREP_GRADER_URL: 'http://h:1', RMPREP_GRADER_MODEL: 'm', RMPREP_GRADER_TIMEOUT: 'soon' }), home, false)).toMatchObject({ kind: 'broken' });
    expect(resolveGrader(env({ RMPREP_GRADER_URL: 'file:///etc/passwd', RMPREP_GRADER_MODEL: 'm' }), home, false)).toMatchObject({ kind: 'broken' });
  });
});

describe('reading a chat completions reply', () => {
  const envelope = (content: unknown) => JSON.stringify({ choices: [{ message: { content } }] });
  it('accepts the reply as JSON content or fenced JSON, and says what is wrong otherwise', () => {
    const points = { points: [{ point: 1, made: true, quote: 'x y z w' }] };
    expect(parseChatReply(envelope(JSON.stringify(points)))).toEqual(points);
    expect(parseChatReply(envelope(`\`\`\`json\n${JSON.stringify(points)}\n\`\`\``))).toEqual(points);
    expect(parseChatReply(envelope('no'))).toBe('a malformed reply');
    expect(parseChatReply(envelope(null))).toBe('an empty reply');
    expect(parseChatReply('')).toBe('an empty reply');
    expect(parseChatReply('<html>')).toBe('a malformed reply');
    expect(parseChatReply(envelope('{"points": [{"point": 1}]}'))).toBe('a reply that breaks the schema');
  });

  it('waits for a Retry-After in seconds or as a date, within ten seconds', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(1_000_000 + 3000).toUTCString(), 1_000_000)).toBe(3000);
    expect(retryAfterMs('3600')).toBeUndefined();
    expect(retryAfterMs('later')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
