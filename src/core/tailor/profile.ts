import type { QuestionData } from '../questions/schema.js';
import type { ThemeMatcher } from './match.js';
import { distinctSenses } from './senses.js';
import { isGeneric, tokenize, type Word } from './words.js';

/** How much a word counts by where in a question it stands: what is asked and tagged outweighs the model answer. */
const FIELD_WEIGHT = { question: 3, duties: 3, tags: 3, points: 2, terms: 2, framework: 1, why: 1, extra: 0.6, answer: 0.4 } as const;
type Field = keyof typeof FIELD_WEIGHT;

/** A question as the ranking sees it: weighted stems and how strongly it covers each theme (0..1). */
export interface QuestionProfile {
  id: string;
  terms: Map<string, number>;
  /** Stems of what the question asks, its tags and key points: sharing one of these makes it relevant. */
  keyStems: Set<string>;
  /** Stems of what the question asks and its tags: a rare one shared with a posting is a reason on its own. */
  askStems: Set<string>;
  /** Two specific words in a row in what it asks, its tags or key points ("feature flag", "build number"), as "a b" stems. */
  pairs: Set<string>;
  themes: Map<string, number>;
  /** A question about one time in the person's past rather than about a practice. */
  behavioral: boolean;
  /** A question about the person rather than the work (why this role, questions for the panel): it answers no bullet. */
  aboutYou: boolean;
  /** Words of two distinct senses (DORA), with the theme of the sense the question asks about. */
  senses: Map<string, { read: string; first: string }>;
}

/** The bank's profiles and each stem's inverse document frequency. */
export interface BankIndex {
  profiles: QuestionProfile[];
  idf: Map<string, number>;
  /** How many questions cover each theme well (strength of at least STRONG). */
  themeCounts: Map<string, number>;
  size: number;
}

/** Tags of a question about the person and the interview rather than about the work. */
const ABOUT_YOU = new Set(['role-fit', 'motivation', 'introduction', 'opening-question', 'closing-question', 'hr-screen']);

/** A theme named in what a question asks, its tags or key points: the question prepares for it. */
export const STRONG = 0.5;

function fieldsOf(q: QuestionData): [Field, string][] {
  return [
    ['question', q.question],
    ['tags', q.tags.join(' ').replace(/-/g, ' ')],
    // One duty per sentence, so that no phrase runs across two of them.
    ['duties', (q.duties ?? []).join('. ')],
    ['points', (q.keyPoints ?? []).map((k) => k.point).join('. ')],
    ['terms', (q.keyPoints ?? []).flatMap((k) => k.terms).join('. ')],
    ['framework', (q.framework ?? []).join('. ')],
    ['why', q.why ?? ''],
    ['extra', [q.tip ?? '', ...(q.followUps ?? []).map((f) => f.question)].join('. ')],
    ['answer', q.answer],
  ];
}

/** How strongly a theme found in one field counts: full in what is asked and tagged, less in key points, little in the answer. */
function themeStrength(field: Field): number {
  // Duties word one practice many ways, and would spread a question over every theme they touch: their words
  // count as what the question asks, their themes not at all (tuned on the tune half of the postings).
  if (field === 'duties') return 0;
  if (field === 'question' || field === 'tags') return 1;
  if (field === 'points' || field === 'terms') return 0.7;
  if (field === 'framework' || field === 'why') return STRONG;
  return field === 'extra' ? 0.25 : 0.1;
}

export function profileQuestion(q: QuestionData, matcher: ThemeMatcher): QuestionProfile {
  const terms = new Map<string, number>();
  const themes = new Map<string, number>();
  const keyStems = new Set<string>();
  const askStems = new Set<string>();
  const pairs = new Set<string>();
  for (const [field, text] of fieldsOf(q)) {
    if (text === '') continue;
    const words = tokenize(text);
    for (const w of words) {
      if (isGeneric(w.stem)) continue;
      terms.set(w.stem, (terms.get(w.stem) ?? 0) + FIELD_WEIGHT[field]);
      if (FIELD_WEIGHT[field] >= 2) keyStems.add(w.stem);
      if (field === 'question' || field === 'tags' || field === 'duties') askStems.add(w.stem);
    }
    if (FIELD_WEIGHT[field] >= 2) for (const pair of pairsOf(words)) pairs.add(pair);
    const strength = themeStrength(field);
    if (strength > 0) for (const hit of matcher.find(words, text)) themes.set(hit.theme, Math.max(themes.get(hit.theme) ?? 0, strength));
  }
  // A question's sense of a word like DORA is the one it asks about: its key points may name the other to set it apart.
  const ask = `${q.question}. ${q.tags.join(' ').replace(/-/g, ' ')}`;
  const senses = distinctSenses(matcher, fieldsOf(q).map(([, text]) => text).join('\n'), ask);
  for (const { read, first } of senses.values()) if (read !== first) themes.delete(first);
  return { id: q.id, terms, keyStems, askStems, pairs, themes, behavioral: q.category === 'behavioral', aboutYou: q.tags.some((t) => ABOUT_YOU.has(t)), senses };
}

/** Each two words in a row that both say something, as "a b" stems: "crash free", "release note". */
export function pairsOf(words: readonly Word[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1] as Word;
    const b = words[i] as Word;
    if (!isGeneric(a.stem) && !isGeneric(b.stem)) out.push(`${a.stem} ${b.stem}`);
  }
  return out;
}

/** Profiles every question and weighs each stem by how few questions use it. Pure. */
export function indexBank(questions: readonly QuestionData[], matcher: ThemeMatcher): BankIndex {
  const profiles = questions.map((q) => profileQuestion(q, matcher));
  const df = new Map<string, number>();
  const themeCounts = new Map<string, number>();
  for (const p of profiles) {
    for (const stem of p.terms.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
    for (const [theme, strength] of p.themes) if (strength >= STRONG) themeCounts.set(theme, (themeCounts.get(theme) ?? 0) + 1);
  }
  const n = Math.max(profiles.length, 1);
  const idf = new Map<string, number>();
  for (const [stem, count] of df) idf.set(stem, Math.log(n / count));
  return { profiles, idf, themeCounts, size: profiles.length };
}
