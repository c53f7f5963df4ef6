import type { AnalyzedText, Token } from './text.js';
import type { FillerCount, Fillers } from './types.js';

/** Sounds and words that are fillers wherever they appear, mapped to the label shown. */
const ALWAYS: ReadonlyMap<string, string> = new Map([
  ['um', 'um'], ['umm', 'um'], ['ummm', 'um'], ['uhm', 'um'], ['uh', 'uh'], ['uhh', 'uh'], ['uhhh', 'uh'],
  ['er', 'er'], ['erm', 'er'], ['ehm', 'er'], ['hmm', 'hmm'], ['hm', 'hmm'], ['ah', 'ah'],
  ['basically', 'basically'], ['literally', 'literally'], ['actually', 'actually'], ['honestly', 'honestly'],
]);
const HESITATION = new Set(['um', 'umm', 'ummm', 'uhm', 'uh', 'uhh', 'uhhh', 'er', 'erm', 'ehm', 'hmm', 'hm', 'ah']);
// "like" is a verb after these ("I like Jenkins", "we'd like to") and a comparison after a noun.
const LIKE_VERB_BEFORE = new Set([
  'i', 'we', 'you', 'they', 'he', 'she', 'people', 'would', "i'd", "we'd", "you'd", "they'd", 'do', 'does', 'did',
  "don't", "didn't", "doesn't", 'really', 'not', 'to', 'also', 'just', 'might', 'will', 'should',
]);
const LIKE_LEAD = new Set(['so', 'and', 'but', 'yeah', 'because', 'then', ...HESITATION]);
const SUBJECT_AFTER = new Set(['i', 'we', 'they', 'he', 'she', 'it', 'you', 'nobody', 'everyone', 'everybody', 'there', 'no', 'all']);
const NOT_BEFORE_YOU_KNOW = new Set(['do', 'did', "don't", "didn't", 'if', 'as', 'what', 'would', 'to', 'let', 'how', 'whether', 'that', 'so', 'because', 'and']);
const OBJECT_AFTER_KNOW = new Set(['what', 'how', 'why', 'when', 'where', 'whether', 'if', 'about', 'the', 'that', 'who', 'which', 'it', 'them', 'him', 'her', 'me', 'us', 'this', 'a', 'an']);
const KIND_OF_NOUN_BEFORE = new Set([
  'a', 'an', 'the', 'what', 'which', 'this', 'that', 'any', 'some', 'every', 'each', 'same', 'one', 'other', 'all',
  'these', 'those', 'no', "that's", 'whatever', 'different', 'new', 'right', 'wrong', 'first', 'only', 'two',
  'many', 'several', 'various', 'our', 'my', 'their', 'your', 'its',
]);
const TOP = 5;

export function countFillers(doc: AnalyzedText, seconds: number): Fillers {
  const counts = new Map<string, number>();
  const add = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
  const t = doc.tokens;
  for (let i = 0; i < t.length; i++) {
    const cur = t[i] as Token;
    const prev = t[i - 1];
    const next = t[i + 1];
    const always = ALWAYS.get(cur.norm);
    if (always) {
      add(always);
      continue;
    }
    switch (cur.norm) {
      case 'like':
        if (isFillerLike(prev, cur, next)) add('like');
        break;
      case 'you':
        if (next?.norm === 'know' && next.gapBefore === 'none' && isFillerYouKnow(prev, cur, t[i + 2])) {
          add('you know');
          i++;
        }
        break;
      case 'kind':
      case 'sort':
        // "a kind of test" and "what sort of release" name a type; "it was kind of late" hedges.
        if (next?.norm === 'of' && next.gapBefore === 'none' && !(prev && cur.gapBefore === 'none' && KIND_OF_NOUN_BEFORE.has(prev.norm))) {
          add(`${cur.norm} of`);
          i++;
        }
        break;
      case 'i':
        if (next?.norm === 'mean' && next.gapBefore === 'none' && !(prev && cur.gapBefore === 'none' && ['what', 'if', 'do', "don't"].includes(prev.norm))) {
          add('I mean');
          i++;
        }
        break;
      case 'so':
        if (next?.norm === 'yeah' && next.gapBefore !== 'sentence') {
          add('so yeah');
          i++;
        }
        break;
      case 'or':
        if (next?.norm === 'whatever' && next.gapBefore === 'none') {
          add('or whatever');
          i++;
        }
        break;
      case 'and':
        if (next?.norm === 'stuff' && next.gapBefore === 'none' && (t[i + 2]?.gapBefore ?? 'sentence') !== 'none') {
          add('and stuff');
          i++;
        }
        break;
    }
  }
  let total = 0;
  for (const n of counts.values()) total += n;
  const top: FillerCount[] = [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, TOP);
  const perMinute = seconds > 0 ? Math.round((total / (seconds / 60)) * 10) / 10 : 0;
  return { total, perMinute, top };
}

function isFillerLike(prev: Token | undefined, cur: Token, next: Token | undefined): boolean {
  const joinedToPrev = prev !== undefined && cur.gapBefore === 'none';
  if (joinedToPrev && LIKE_VERB_BEFORE.has(prev.norm)) return false;
  // "like," or ", like," and "like um".
  if (next && next.gapBefore !== 'none') return true;
  if (next && HESITATION.has(next.norm)) return true;
  // Clause starts: "so like we just pushed it", "and like nobody knew".
  if (joinedToPrev && LIKE_LEAD.has(prev.norm) && next && SUBJECT_AFTER.has(next.norm)) return true;
  return false;
}

function isFillerYouKnow(prev: Token | undefined, you: Token, after: Token | undefined): boolean {
  // "you know," is always a filler; "do you know" and "you know what happened" are not.
  if (!after || after.gapBefore !== 'none') return true;
  if (prev && you.gapBefore === 'none' && NOT_BEFORE_YOU_KNOW.has(prev.norm)) return false;
  return !OBJECT_AFTER_KNOW.has(after.norm);
}
