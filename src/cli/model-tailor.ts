/**
 * `tailor` with a model grader beside it, when one is configured: the model is asked which questions each line
 * of the posting calls for, and its picks join the words' fits. Whatever the model does (no reply, an error,
 * ids the bank lacks), the ranking is still made, from the words alone, with one notice line.
 */
import { chatExchange } from '../adapters/grader-http.js';
import { parseTailorReply, tailorRequest, type TailorAsk } from '../adapters/tailor-request.js';
import type { QuestionData } from '../core/questions/schema.js';
import type { GraderSetup } from './grader-config.js';
import { unavailableNotice } from './model-grader.js';

export interface ModelPicks {
  /** The model's question ids per line, keyed by the line's text; undefined when words alone read the posting. */
  picks?: Map<string, string[]>;
  reading: 'words' | { model: string; origin: string };
  notice: string | null;
}

/** What is sent for a posting: its lines about the work, and every question with its duties. */
export function tailorAsk(lines: readonly string[], bank: readonly QuestionData[]): TailorAsk {
  return { bullets: [...lines], questions: bank.map((q) => ({ id: q.id, question: q.question, duties: q.duties ?? [] })) };
}

export async function askModelForPicks(setup: GraderSetup, lines: readonly string[], bank: readonly QuestionData[], signal = new AbortController().signal): Promise<ModelPicks> {
  if (setup.kind === 'off' || lines.length === 0) return { reading: 'words', notice: null };
  if (setup.kind === 'broken') return { reading: 'words', notice: setup.notice };
  const { config } = setup;
  const ask = tailorAsk(lines, bank);
  try {
    const numbered = await chatExchange(config, tailorRequest(config.model, ask), parseTailorReply, signal);
    const picks = new Map<string, string[]>();
    for (const [n, ids] of numbered) {
      const line = ask.bullets[n - 1];
      if (line !== undefined) picks.set(line, ids);
    }
    return { picks, reading: { model: config.model, origin: config.origin }, notice: null };
  } catch (err) {
    return { reading: 'words', notice: unavailableNotice(err, config.origin) };
  }
}
