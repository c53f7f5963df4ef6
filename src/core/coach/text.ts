/** Tokens, stems and phrase search shared by every signal. */

/** What separates a token from the one before it. */
export type Gap = 'none' | 'clause' | 'sentence';

export interface Token {
  /** The characters as written in the answer. */
  raw: string;
  /** Lowercased, curly apostrophes made straight. */
  norm: string;
  stem: string;
  start: number;
  end: number;
  sentence: number;
  /** Clauses split at commas, semicolons, colons, dashes and sentence ends; numbered across the answer. */
  clause: number;
  gapBefore: Gap;
  /** A word with no content of its own ("the", "was", "not"): it never stands in for a term's word. */
  stop: boolean;
}

export interface AnalyzedText {
  text: string;
  tokens: Token[];
  sentenceCount: number;
  /** stem -> token positions */
  index: Map<string, number[]>;
  /** concatenated stems of two neighbours ("roll"+"back") -> position of the first */
  pairIndex: Map<string, number[]>;
  stems: Set<string>;
}

/** A match: token positions [from, to). */
export interface Span {
  from: number;
  to: number;
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
// The gap between two tokens: "noon. We" ends a sentence, "3.4" does not; so does a line break, unless the
// line was only wrapped (see isWrappedLine).
const SENTENCE_END = /[.!?]["')\]]*\s/;
/** A line at least this long that stops mid-sentence was wrapped, not ended (a list item is shorter). */
const WRAPPED_LINE_MIN = 40;
const CLAUSE_GAP = /[,;:()–—]|\.\.\.|…|\s-\s/;
const VOWEL = /[aeiouy]/;

// Stems of words seen before, shared across answers: most words of the next answer were in the last one.
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

/** stemWord, remembered. */
export function cachedStem(norm: string): string {
  let stem = STEMS.get(norm);
  if (stem === undefined) {
    stem = stemWord(norm);
    // Bounded: answers are untrusted and may hold any number of distinct words.
    if (STEMS.size < MAX_CACHED_STEMS) STEMS.set(norm, stem);
  }
  return stem;
}

export function analyzeText(text: string): AnalyzedText {
  const tokens: Token[] = [];
  const index = new Map<string, number[]>();
  const pairIndex = new Map<string, number[]>();
  let sentence = 0;
  let clause = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const raw = m[0];
    const gapText = text.slice(prevEnd, start);
    let gapBefore: Gap = 'none';
    if (tokens.length === 0 || SENTENCE_END.test(gapText) || (gapText.includes('\n') && !isWrappedLine(text, prevEnd, gapText, raw))) gapBefore = 'sentence';
    else if (CLAUSE_GAP.test(gapText)) gapBefore = 'clause';
    if (gapBefore === 'sentence' && tokens.length > 0) sentence++;
    if (gapBefore !== 'none' && tokens.length > 0) clause++;
    const norm = normalizeWord(raw);
    const stem = cachedStem(norm);
    const position = tokens.length;
    tokens.push({ raw, norm, stem, start, end: start + raw.length, sentence, clause, gapBefore, stop: STOPWORDS.has(norm) });
    pushTo(index, stem, position);
    const prev = tokens[position - 1];
    if (prev) pushTo(pairIndex, prev.stem + stem, position - 1);
    prevEnd = start + raw.length;
  }
  return {
    text,
    tokens,
    sentenceCount: tokens.length === 0 ? 0 : sentence + 1,
    index,
    pairIndex,
    stems: new Set(index.keys()),
  };
}

/**
 * True when a line break inside a sentence only wraps it, as an editor or an email does: one break, no end
 * punctuation before it, a long line before it, and the next line going on in lower case ("from an older /
 * release"). A blank line, a bullet, a short line or a capital still starts a new sentence.
 */
function isWrappedLine(text: string, lineEnd: number, gap: string, next: string): boolean {
  if (!/^[^\n.!?]*\n[ \t]*$/.test(gap) || !/^\p{Ll}/u.test(next)) return false;
  const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  return lineEnd - lineStart >= WRAPPED_LINE_MIN;
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function normalizeWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/’/g, "'");
}

/** Words of a short text (a term, a point, a cue), normalized; no offsets needed. */
export function splitWords(text: string): string[] {
  return Array.from(text.matchAll(TOKEN), (m) => normalizeWord(m[0]));
}

export function stemPhrase(text: string): string[] {
  return splitWords(text).map(stemWord);
}

/** Marks a stem that comes from a small word ("out" in "back out"): it matches only that small word. */
export const SMALL_MARK = '~';
// Small words a phrase can do without: "pick a side" is "pick side", but "back out" is not "back".
const DROPPABLE = new Set('a an the of to for in on at with and or our my their your his her its we i you they it is are was were be by as that this these those'.split(' '));

/** A term or phrase as stems for matching: droppable small words left out, other small words marked. */
export function phraseStems(text: string): string[] {
  const words = splitWords(text);
  const kept = words.filter((w) => !DROPPABLE.has(w));
  const use = kept.length > 0 ? kept : words;
  return use.map((w) => (STOPWORDS.has(w) ? SMALL_MARK + stemWord(w) : stemWord(w)));
}

export function bareStem(stem: string): string {
  return stem.startsWith(SMALL_MARK) ? stem.slice(1) : stem;
}

/**
 * A light suffix stripper. It only has to be consistent: terms and answers go through the same
 * function, so "rolled back", "rolling back" and "roll back" all become "roll back".
 */
export function stemWord(word: string): string {
  let w = word.replace(/'s$/, '').replace(/'/g, '');
  const base = IRREGULAR.get(w);
  if (base !== undefined) w = base;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;

  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ment') && w.length - 4 >= 4) w = w.slice(0, -4);
  else if (w.endsWith('ly') && w.length - 2 >= 4) w = w.slice(0, -2);

  if (w.endsWith('ing')) w = dropVerbEnding(w, 3);
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('eed')) {
    // "agreed" -> "agree", but "need" and "proceed" are not past tenses.
    if (w.length > 5 && !w.endsWith('ceed')) w = w.slice(0, -1);
  } else if (w.endsWith('ed')) w = dropVerbEnding(w, 2);
  if (/[ts]ion$/.test(w) && w.length - 3 >= 4) w = w.slice(0, -3);

  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

// Past forms of common irregular verbs, so "I spoke to each" meets "speak to each side".
const IRREGULAR_LIST = `spoke:speak spoken:speak told:tell heard:hear met:meet took:take taken:take brought:bring wrote:write
written:write chose:choose chosen:choose ran:run sat:sit sent:send built:build led:lead felt:feel found:find gave:give
given:give held:hold knew:know known:know lost:lose paid:pay saw:see seen:see sold:sell spent:spend stood:stand
taught:teach thought:think understood:understand went:go gone:go won:win broke:break broken:break caught:catch
drew:draw drawn:draw fell:fall fallen:fall grew:grow grown:grow began:begin begun:begin rode:ride ridden:ride
bought:buy fought:fight sought:seek dealt:deal meant:mean froze:freeze frozen:freeze shook:shake woke:wake
forgot:forget forgotten:forget hid:hide hidden:hide rang:ring rung:ring sang:sing drove:drive driven:drive
threw:throw thrown:throw overran:overrun undid:undo undone:undo rewrote:rewrite rewritten:rewrite withdrew:withdraw
withdrawn:withdraw`;
const IRREGULAR = new Map(IRREGULAR_LIST.split(/\s+/).map((pair) => pair.split(':') as [string, string]));

function dropVerbEnding(w: string, n: number): string {
  const base = w.slice(0, -n);
  if (base.length < 2 || !VOWEL.test(base)) return w;
  // "planned" -> "plan", but "rolled" keeps its double l, as "roll" does.
  const last = base.at(-1);
  if (base.length > 2 && last === base.at(-2) && last !== undefined && !'lsz'.includes(last) && !VOWEL.test(last)) {
    return base.slice(0, -1);
  }
  return base;
}

/** Every place the stem sequence occurs as consecutive tokens, also written as one word or split in two. */
export function findStems(doc: AnalyzedText, stems: readonly string[], limit = Infinity): Span[] {
  const first = stems[0];
  if (first === undefined) return [];
  const spans: Span[] = [];
  for (const p of doc.index.get(first) ?? []) {
    if (spans.length >= limit) break;
    let ok = true;
    for (let k = 1; k < stems.length; k++) {
      if (doc.tokens[p + k]?.stem !== stems[k]) {
        ok = false;
        break;
      }
    }
    if (ok) spans.push({ from: p, to: p + stems.length });
  }
  const joined = stems.join('');
  if (stems.length === 2) {
    for (const p of doc.index.get(joined) ?? []) {
      if (spans.length >= limit) break;
      spans.push({ from: p, to: p + 1 });
    }
  } else if (stems.length === 1) {
    for (const p of doc.pairIndex.get(joined) ?? []) {
      if (spans.length >= limit) break;
      spans.push({ from: p, to: p + 2 });
    }
  }
  return spans;
}

/** The answer's own words for a span, as written. */
export function spanText(doc: AnalyzedText, span: Span): string {
  const a = doc.tokens[span.from];
  const b = doc.tokens[span.to - 1];
  if (!a || !b) return '';
  return doc.text.slice(a.start, b.end).replace(/\s+/g, ' ');
}

export function countWords(text: string): number {
  let n = 0;
  for (const chunk of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(chunk)) n++;
  return n;
}

const STOPWORDS_LIST = `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't could did didn't do does doesn't doing don't down during each either
every few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how
i i'd i'll i'm i've if in into is isn't it it's its itself just let's may me might more most much must my myself
no nor not now of off on once one only or other ought our ours ourselves out over own same shall she should so
some such than that that's the their theirs them themselves then there there's these they they'd they'll they're
they've this those through to too under until up upon us very was wasn't we we'd we'll we're we've were weren't
what what's when where which while who whom whose why will with within without won't would wouldn't you you'd
you'll you're you've your yours yourself yourselves e.g eg etc i.e ie via per vs versus`;

export const STOPWORDS: ReadonlySet<string> = new Set(STOPWORDS_LIST.split(/\s+/).filter(Boolean));

/** Words too common in release talk to show that one specific point was made. */
const GENERIC_LIST = `release releases released releasing team teams time make makes made get gets got work works worked
thing things way ways people use uses used using need needs needed say says said know knows show shows
good well new like also each every whole first last next another everyone someone something keep keeps kept
rather instead without whether many often sure able lot lots really quite`;

export const GENERIC: ReadonlySet<string> = new Set(GENERIC_LIST.split(/\s+/).filter(Boolean));

