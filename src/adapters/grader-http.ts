/**
 * A model grader reached over HTTP: an OpenAI-compatible chat completions API (Ollama, llama.cpp's server,
 * LM Studio, a hosted one). Every failure is a GraderUnavailable whose message names the URL's origin only,
 * so the key (sent in the Authorization header and nowhere else) and any path secret never reach it.
 */
import type { Grader, GraderInput, GraderReply } from '../core/coach/grader.js';
import { chatRequest } from './grader-request.js';
import { parseChatReply } from './grader-reply.js';

/** A reply larger than this is not a list of points: it is refused without reading further. */
export const MAX_REPLY_BYTES = 256 * 1024;
/** The longest Retry-After a 429 may ask for; a longer wait is a failure. */
const MAX_RETRY_AFTER_MS = 10_000;

export interface HttpGraderOptions {
  /** Base URL of the API, e.g. http://localhost:11434/v1. */
  url: string;
  model: string;
  key?: string | undefined;
  timeoutMs: number;
}

export class GraderUnavailable extends Error {
  constructor(
    readonly reason: string,
    readonly origin: string,
  ) {
    super(`model grader unavailable: ${reason} at ${origin}; showing the words-only reading`);
    this.name = 'GraderUnavailable';
  }
}

/** The URL's scheme, host and port: never its user info, path or query. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured URL';
  }
}

export function endpointOf(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/chat/completions`;
  return u.toString();
}

export function httpGrader(opts: HttpGraderOptions): Grader {
  return {
    grade: (input: GraderInput, signal: AbortSignal): Promise<GraderReply> => chatExchange(opts, chatRequest(opts.model, input), parseChatReply, signal),
  };
}

/**
 * One chat completions exchange with the configured server: `request` sent as the body, the reply read within
 * MAX_REPLY_BYTES and the deadline, and `parse` turning it into T or the words of a problem. Every failure is
 * a GraderUnavailable naming the origin only.
 */
export async function chatExchange<T>(opts: HttpGraderOptions, request: object, parse: (body: string) => T | string, signal: AbortSignal): Promise<T> {
  const origin = originOf(opts.url);
  const { deadline, release } = withDeadline(signal, opts.timeoutMs);
  try {
    return await exchange(opts, JSON.stringify(request), parse, deadline, origin);
  } finally {
    release();
  }
}

/**
 * The caller's signal joined with a timeout. Built by hand rather than with AbortSignal.any: there a timeout
 * signal that nothing else references can be collected before it fires, and the call would wait forever.
 */
function withDeadline(signal: AbortSignal, ms: number): { deadline: AbortSignal; release(): void } {
  const controller = new AbortController();
  const timeout = AbortSignal.timeout(ms);
  const fromCaller = () => controller.abort(signal.reason);
  const fromTimeout = () => controller.abort(timeout.reason);
  if (signal.aborted) fromCaller();
  signal.addEventListener('abort', fromCaller, { once: true });
  timeout.addEventListener('abort', fromTimeout, { once: true });
  return {
    deadline: controller.signal,
    release: () => {
      signal.removeEventListener('abort', fromCaller);
      timeout.removeEventListener('abort', fromTimeout);
    },
  };
}

async function exchange<T>(opts: HttpGraderOptions, body: string, parse: (body: string) => T | string, deadline: AbortSignal, origin: string): Promise<T> {
  let response = await send(opts, body, deadline, origin);
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'));
    await response.body?.cancel().catch(() => undefined);
    if (wait === undefined) throw new GraderUnavailable('rate limited (HTTP 429)', origin);
    await sleep(wait, deadline, opts, origin);
    response = await send(opts, body, deadline, origin);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new GraderUnavailable(describeStatus(response.status), origin);
  }
  const text = await readLimited(response, deadline, opts, origin);
  const reply = parse(text);
  if (typeof reply === 'string') throw new GraderUnavailable(reply, origin);
  return reply;
}

async function send(opts: HttpGraderOptions, body: string, signal: AbortSignal, origin: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  try {
    return await fetch(endpointOf(opts.url), { method: 'POST', headers, body, signal, redirect: 'error' });
  } catch (err) {
    throw new GraderUnavailable(describeFailure(err, signal, opts), origin);
  }
}

async function readLimited(response: Response, signal: AbortSignal, opts: HttpGraderOptions, origin: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_REPLY_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new GraderUnavailable('a reply too large to be one', origin);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_REPLY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new GraderUnavailable('a reply too large to be one', origin);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof GraderUnavailable) throw err;
    throw new GraderUnavailable(describeFailure(err, signal, opts), origin);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeStatus(status: number): string {
  if (status === 401 || status === 403) return `the key was refused (HTTP ${status})`;
  if (status === 404) return 'no such model or path (HTTP 404)';
  if (status === 429) return 'rate limited (HTTP 429)';
  return `HTTP ${status}`;
}

function describeFailure(err: unknown, signal: AbortSignal, opts: HttpGraderOptions): string {
  if (signal.aborted) {
    const why = signal.reason as { name?: string } | undefined;
    return why?.name === 'TimeoutError' ? `no reply within ${formatSeconds(opts.timeoutMs)}` : 'stopped';
  }
  const code = (err as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection closed';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `no reply within ${formatSeconds(opts.timeoutMs)}`;
  return 'no connection';
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Retry-After in seconds or as an HTTP date, within MAX_RETRY_AFTER_MS; undefined otherwise. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  const wait = Math.max(0, ms);
  return wait <= MAX_RETRY_AFTER_MS ? wait : undefined;
}

function sleep(ms: number, signal: AbortSignal, opts: HttpGraderOptions, origin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      reject(new GraderUnavailable(describeFailure(undefined, signal, opts), origin));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve();
    }, ms);
    if (signal.aborted) done();
    else signal.addEventListener('abort', done, { once: true });
  });
}
