import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { makeHome } from './cli.js';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  /** The raw body; `content` wraps a message content in a chat completions envelope instead. */
  body?: string;
  content?: string;
  delayMs?: number;
}

/** A chat completions server on 127.0.0.1 at a random port, answering each request as the script says. */
export async function startChatServer(script: (request: Received, n: number) => Scripted): Promise<{ url: string; origin: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      const answer = script(request, received.length);
      const send = () => {
        timers.delete(timer);
        if (res.destroyed) return;
        const body = answer.content !== undefined ? JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: answer.content } }] }) : (answer.body ?? '');
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(body);
      };
      const timer = setTimeout(send, answer.delayMs ?? 0);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A grader's message content claiming these points. */
export function claims(...points: { point: number; made?: boolean; quote: string }[]): string {
  return JSON.stringify({ points: points.map((p) => ({ point: p.point, made: p.made ?? true, quote: p.quote })) });
}

/**
 * A scratch home for each test of the file, and the chat servers a test starts: every server is closed and the
 * home removed after each test. Call once at the top of a test file.
 */
export function useHomeWithServers(): { readonly home: ReturnType<typeof makeHome>; track<T extends { close(): Promise<void> }>(server: T): T } {
  let home: ReturnType<typeof makeHome> | undefined;
  let servers: { close(): Promise<void> }[] = [];
  beforeEach(() => {
    home = makeHome();
    servers = [];
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    home?.cleanup();
  });
  return {
    get home() {
      if (!home) throw new Error('useHomeWithServers: the home exists only inside a test');
      return home;
    },
    track(server) {
      servers.push(server);
      return server;
    },
  };
}
