import type { QuestionData } from '../questions/schema.js';
import { isGeneric, tokenize } from '../tailor/words.js';

/** Where a question says what it is about; the model answer's anecdote is left out on purpose. */
const FIELD_WEIGHT = { question: 3, tags: 3, points: 2, terms: 2, star: 1 } as const;

interface TopicModel {
  idf: Map<string, number>;
  vectors: Map<string, Map<string, number>>;
}

const models = new WeakMap<readonly QuestionData[], TopicModel>();

function questionStems(q: QuestionData): Map<string, number> {
  const fields: [keyof typeof FIELD_WEIGHT, string][] = [
    ['question', q.question],
    ['tags', q.tags.join(' ').replace(/-/g, ' ')],
    ['points', (q.keyPoints ?? []).map((k) => k.point).join('. ')],
    ['terms', (q.keyPoints ?? []).flatMap((k) => k.terms).join('. ')],
    ['star', Object.values(q.star ?? {}).join(' ')],
  ];
  const weights = new Map<string, number>();
  for (const [field, text] of fields) {
    for (const w of tokenize(text)) if (!isGeneric(w.stem)) weights.set(w.stem, (weights.get(w.stem) ?? 0) + FIELD_WEIGHT[field]);
  }
  return weights;
}

/** Each question's weighted stems and each stem's rarity across the bank; read once per bank array. */
function modelOf(bank: readonly QuestionData[]): TopicModel {
  const cached = models.get(bank);
  if (cached) return cached;
  const raw = new Map(bank.map((q) => [q.id, questionStems(q)]));
  const df = new Map<string, number>();
  for (const stems of raw.values()) for (const stem of stems.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
  const n = Math.max(bank.length, 1);
  const idf = new Map([...df].map(([stem, count]) => [stem, Math.log(n / count)]));
  const vectors = new Map([...raw].map(([id, stems]) => [id, new Map([...stems].map(([s, w]) => [s, Math.log1p(w) * (idf.get(s) ?? 0)]))]));
  const model = { idf, vectors };
  models.set(bank, model);
  return model;
}

/**
 * How much a story is about what a question asks, 0..1: the cosine of their rare words, the question's
 * weighed by where they stand. Words every question uses ("release", "team") count for nothing.
 */
export function topicSimilarity(question: QuestionData, text: string, bank: readonly QuestionData[]): number {
  const { idf, vectors } = modelOf(bank);
  const q = vectors.get(question.id);
  if (!q) return 0;
  const counts = new Map<string, number>();
  for (const w of tokenize(text)) if (!isGeneric(w.stem) && idf.has(w.stem)) counts.set(w.stem, (counts.get(w.stem) ?? 0) + 1);
  let dot = 0;
  let storyNorm = 0;
  for (const [stem, count] of counts) {
    const s = Math.log1p(count) * (idf.get(stem) ?? 0);
    storyNorm += s * s;
    dot += s * (q.get(stem) ?? 0);
  }
  const questionNorm = Math.hypot(...q.values());
  return dot === 0 ? 0 : dot / (Math.sqrt(storyNorm) * questionNorm);
}
