/**
 * Reading a chat completions reply: the envelope, then the message content as the grader's JSON, whether
 * the server followed response_format, sent plain JSON anyway, or wrapped it in a ```json fence.
 */
import { z } from 'zod';
import type { GraderReply } from '../core/coach/grader.js';

const MAX_CLAIMS = 100;
const MAX_QUOTE_CHARS = 2000;

const envelopeSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});

const replySchema = z.object({
  points: z
    .array(
      z.object({
        point: z.number().int(),
        made: z.boolean(),
        quote: z.string().max(MAX_QUOTE_CHARS).default(''),
      }),
    )
    .max(MAX_CLAIMS),
});

/** Why a reply could not be read, in the words of the notice. */
export type ReplyProblem = 'an empty reply' | 'a malformed reply' | 'a reply that breaks the schema';

export function parseChatReply(body: string): GraderReply | ReplyProblem {
  const json = replyJson(body);
  if (typeof json === 'string') return json;
  const reply = replySchema.safeParse(json.value);
  return reply.success ? { points: reply.data.points } : 'a reply that breaks the schema';
}

/** The message content of a chat completions reply, read as JSON (plain, or in a ```json fence). */
export function replyJson(body: string): { value: unknown } | Exclude<ReplyProblem, 'a reply that breaks the schema'> {
  const envelope = envelopeSchema.safeParse(parseJson(body));
  if (!envelope.success) return body.trim() === '' ? 'an empty reply' : 'a malformed reply';
  const content = envelope.data.choices[0]?.message.content ?? '';
  if (content.trim() === '') return 'an empty reply';
  const json = parseJson(content.trim()) ?? parseJson(fenced(content) ?? '');
  return json === undefined ? 'a malformed reply' : { value: json };
}

function fenced(content: string): string | undefined {
  return /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(content)?.[1]?.trim();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
