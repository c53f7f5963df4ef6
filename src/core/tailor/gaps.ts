import type { ThemeMatcher } from './match.js';
import { isGeneric, tokenize } from './words.js';

/** Acronyms of titles and offices, not of tools: "report to the CIO" names no gap. */
const TITLES = new Set(['CEO', 'CTO', 'CIO', 'CFO', 'COO', 'CISO', 'CPO', 'CDO', 'CMO', 'CRO', 'SVP', 'EVP', 'PMO', 'SME']);

/** An acronym (SBOM, XRs) or a word with inner capitals (TestFlight, OpenTelemetry): written as a tool's name. */
function looksLikeToolName(word: string): boolean {
  if (TITLES.has(word.replace(/s$/, ''))) return false;
  if (/^[A-Z][A-Z0-9]+s?$/.test(word)) return true;
  return /^[A-Za-z]+[A-Z][a-z]/.test(word) && /[a-z]/.test(word.slice(0, 2));
}

const CAPITALISED = /^[A-Z][a-z]+$/;
/** Words that introduce a tool: "built on X", "experience with X", "tools such as X". */
const TOOL_CUE = /(?:\b(?:using|use|with|via|on|like|as|including|e\.?g\.?)|[(,/]|\band|\bor)\s*$/i;
/** A list of places: "people in Poland and Czechia", "offices across Lisbon, Porto or Braga". */
const PLACE_LIST = /\b(?:in|across|from|at|near|throughout)\s+(?:[A-Z][\p{L}]+(?:\s*,\s*|\s+(?:and|or)\s+))+$/u;

/**
 * Tools and practices the posting names, in a sentence about release work, that no question mentions
 * anywhere (Fastlane, Bitrise, OpenTelemetry): what the bank cannot prepare you for. A sentence counts as
 * release work when it holds a theme phrase. A plain capitalised word (Ember, Forge) is more often the
 * employer, a product or a title than a tool, so it counts only where a tool would stand (after "with",
 * "using", "on", in a list or in brackets) and never when the posting also writes it as a possessive,
 * beside another capitalised word (Core Banking, Program Consultant) or in its title line.
 */
export function findUnknownNames(posting: string, known: { has(stem: string): boolean }, matcher: ThemeMatcher): string[] {
  const notTools = employerWords(posting);
  const out = new Map<string, string>();
  for (const sentence of posting.split(/(?<=[.!?:;])\s+|\n+/)) {
    const words = tokenize(sentence);
    const hits = matcher.find(words, sentence);
    if (hits.length === 0) continue;
    const inThemes = new Set(hits.flatMap((h) => tokenize(h.surface).map((w) => w.stem)));
    for (const m of sentence.matchAll(/[\p{L}\p{N}]+(?:[.+#][\p{L}\p{N}]+)*/gu)) {
      const word = m[0];
      const stem = tokenize(word)[0]?.stem ?? '';
      if (word.length < 3 || isGeneric(stem) || known.has(stem) || inThemes.has(stem) || out.has(stem)) continue;
      const before = sentence.slice(0, m.index);
      const tool = looksLikeToolName(word) || (CAPITALISED.test(word) && !notTools.has(word) && before.trim() !== '' && TOOL_CUE.test(before) && !PLACE_LIST.test(before) && !inNameRun(sentence, m.index, word));
      if (tool) out.set(stem, word);
    }
  }
  return [...out.values()];
}

/** Capitalised words the posting shows to be names of its own: possessives and words of its title line. */
function employerWords(posting: string): Set<string> {
  const out = new Set<string>();
  for (const m of posting.matchAll(/\b([A-Z][a-z]+)['’]s\b/g)) out.add(m[1] as string);
  // A first line that is short and followed by more is the posting's title: the job and often the employer.
  const [title, ...rest] = posting.split('\n').filter((line) => line.trim() !== '');
  if (title !== undefined && rest.length > 0 && title.split(/\s+/).length <= 12) for (const m of title.matchAll(/\b[A-Z][a-z]+\b/g)) out.add(m[0]);
  return out;
}

/** The word stands next to another capitalised word or a version (Core Banking, ITIL v4 Foundation): part of a name. */
function inNameRun(sentence: string, at: number, word: string): boolean {
  const before = /([\p{L}\p{N}]+)[ \t-]+$/u.exec(sentence.slice(0, at))?.[1];
  const after = /^[ \t-]+([\p{L}\p{N}]+)/u.exec(sentence.slice(at + word.length))?.[1];
  const partOfName = (w: string | undefined) => w !== undefined && (/^[A-Z]/.test(w) || /\d/.test(w));
  return partOfName(before) || partOfName(after);
}
