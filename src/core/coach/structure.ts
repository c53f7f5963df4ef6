import { type Reading, SKIP_LIST, STAR_PARTS, type StarPart } from './reading.js';
import { findStems, stemPhrase } from './text.js';
import type { Structure } from './types.js';

export { STAR_PARTS };

const STAR_CUES: Record<StarPart, readonly string[]> = {
  situation: [
    'at my last', 'at my previous', 'at my current', 'in my last', 'in my previous', 'in my current',
    'in a previous role', 'at a previous', 'there was this',
    'we were', 'i was working', 'i was the', 'when i was', 'while i was', 'i joined', 'when i joined',
    'years ago', 'months ago', 'last year', 'a while back', 'back in', 'at the time', 'the situation',
    'the context', 'the background', 'there was a', 'one time', 'one release', 'our team', 'the team was',
    'the problem was', 'the issue was', 'we had a', 'it was a',
  ],
  task: [
    'my job', 'my role', 'my task', 'my responsibility', 'my goal', 'my call', 'my decision', 'was mine',
    'up to me', 'i was responsible',
    'i was accountable', 'i was asked', 'i was tasked', 'i was in charge', 'i was expected', 'i was the one',
    'i needed to', 'i had to', 'i owned', 'it was on me', 'it fell to me', 'the goal was', 'our goal',
    'the task was', 'the aim was', 'the challenge was', 'we needed to', 'we had to', 'i had been asked',
    'i wanted to make sure', 'i had to make sure', 'my part was', 'i was leading', 'i was running',
  ],
  action: [
    'first i', 'then i', 'so i', 'next i', 'after that i', 'i decided', 'i set up', 'i proposed', 'i started',
    'i asked', 'i put', 'i ran', 'i wrote', 'i sat down', 'i spoke', 'i met', 'i took', 'i got', 'i went',
    'i made', 'i built', 'i brought', 'i gave', 'i sent', 'i told', 'i kept', 'i led', 'i chose', 'i split',
    'i cut', 'i drew', 'i found', 'i held', 'i reached out', 'i pulled', 'i worked with', 'i pushed',
  ],
  result: [
    'as a result', 'in the end', 'the result', 'the outcome', 'resulted in', 'ended up', 'by the end',
    'since then', 'from then on', 'afterwards', 'after that', 'eventually', 'finally', 'which cut',
    'that cut', 'it cut', 'which meant', 'that meant', 'this meant', 'led to', 'went live', 'went out',
    'we shipped', 'we delivered', 'we hit', 'we met', 'we made it', 'on time', 'never happened again',
    'reduced', 'dropped', 'fell', 'improved', 'increased', 'saved', 'went down', 'went from', 'went up',
    'i learned', 'i learnt', 'the lesson', 'looking back', 'today', 'now we',
  ],
};

const SCENE_OPENERS = new Set(['was', 'were', 'had', 'worked', 'joined', 'ran', 'led', 'kept']);
const SCENE_FIRST_WORDS = new Set(['at', 'in', 'during', 'when', 'while', 'back', 'last', 'once', 'early']);
const PAST_EXCLUDED = new Set(['needed', 'wanted', 'used', 'supposed', 'worried', 'scared', 'tired', 'based', 'called']);

const SCENE_DETERMINERS = new Set(['a', 'an', 'my', 'our', 'one', 'this']);
const TIME_CUES = new Set(['ago', 'monthly', 'quarterly', 'weekly', 'fortnightly', 'nightly', 'yearly', 'annually']);
const NUMBER_WORDS = new Set('two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred dozen few several'.split(' '));
const PAST_VERBS = new Set(['was', 'were', 'had', 'ran', 'led', 'kept', 'sold', 'built', 'made', 'went', 'took', 'got', 'grew', 'began', 'came', 'spent']);

/**
 * An opening that sets the scene without a usual phrase: in one of the first two sentences, told in the past,
 * a place ("at a bank", "in our payments team"), a time ("two years ago", "once a month", "in 2021") or a
 * scale ("forty engineers"). Returns that sentence.
 */
function findScene(reading: Reading): number | undefined {
  const { tokens } = reading.doc;
  for (const sentence of [0, 1]) {
    let cue = false;
    let past = false;
    for (let p = 0; p < tokens.length; p++) {
      const t = tokens[p];
      if (!t || t.sentence > sentence) break;
      if (t.sentence < sentence || reading.skip[p] === SKIP_LIST) continue;
      const next = tokens[p + 1]?.sentence === sentence ? tokens[p + 1] : undefined;
      if ((t.norm === 'at' || t.norm === 'in') && next && (SCENE_DETERMINERS.has(next.norm) || /^(?:19|20)\d\d$/.test(next.norm))) cue = true;
      if (TIME_CUES.has(t.norm) || (t.norm === 'once' && next?.norm === 'a') || (t.norm === 'every' && next && /^(?:\d+|two|three|four|few)$/.test(next.norm))) cue = true;
      if ((/^\d+$/.test(t.norm) || NUMBER_WORDS.has(t.norm)) && next && next.norm.length > 3 && next.norm.endsWith('s')) cue = true;
      if (PAST_VERBS.has(t.norm) || (t.norm.length > 4 && t.norm.endsWith('ed') && !PAST_EXCLUDED.has(t.norm))) past = true;
    }
    if (cue && past) return sentence;
  }
  return undefined;
}

interface CompiledStar {
  cues: Record<StarPart, string[][]>;
}

function compileStar(): CompiledStar {
  const cues = {} as Record<StarPart, string[][]>;
  for (const part of STAR_PARTS) cues[part] = STAR_CUES[part].map(stemPhrase);
  return { cues };
}

let compiled: CompiledStar | undefined;

/**
 * STAR parts from labels ("Situation:", "S:", "## Result", "the result was"), which always count, and from
 * the usual ways of telling each part. `numberSentences` are the sentences that carry a figure.
 */
export function analyzeStar(reading: Reading, numberSentences: ReadonlySet<number>): Structure {
  compiled ??= compileStar();
  const { doc } = reading;
  const sentencesOf: Partial<Record<StarPart, number[]>> = {};
  for (const part of STAR_PARTS) {
    const sentences: number[] = [];
    for (const seq of compiled.cues[part]) {
      for (const span of findStems(doc, seq, 64)) {
        if (reading.skip[span.from] === SKIP_LIST) continue;
        const s = doc.tokens[span.from]?.sentence;
        if (s !== undefined) sentences.push(s);
      }
    }
    sentencesOf[part] = sentences;
  }
  // "I" followed by a past-tense verb is the most common way people describe their own actions.
  const actions = sentencesOf.action ?? [];
  for (let i = 0; i + 1 < doc.tokens.length && actions.length < 64; i++) {
    const a = doc.tokens[i];
    const b = doc.tokens[i + 1];
    if (a?.norm === 'i' && b && b.norm.length > 4 && b.norm.endsWith('ed') && !PAST_EXCLUDED.has(b.norm)) {
      actions.push(a.sentence);
    }
  }
  // Stories usually open by setting the scene in the past tense: "At a payments startup we were...".
  const situations = sentencesOf.situation ?? [];
  const opener = doc.tokens[0];
  if (opener && SCENE_FIRST_WORDS.has(opener.norm)) situations.push(0);
  for (const t of doc.tokens) {
    if (t.sentence > 1 || situations.length > 0) break;
    if (SCENE_OPENERS.has(t.norm)) situations.push(t.sentence);
  }
  const scene = situations.length === 0 ? findScene(reading) : undefined;
  if (scene !== undefined) situations.push(scene);
  // A result told in the opening sentence is context, not the outcome.
  const results = (sentencesOf.result ?? []).filter((s) => s > 0 || doc.sentenceCount === 1);
  sentencesOf.result = results;

  const labelled = new Set(reading.labels.map((l) => l.part));
  const last = doc.sentenceCount - 1;
  // A figure that sets the scene or the task ("forty engineers", "three weeks to do it") is not a result.
  const setup = setupSentences(reading, sentencesOf, results);
  const outcome = (s: number) => numberSentences.has(s) && !setup.has(s);
  let resultHasOutcome =
    results.some((s) => outcome(s) || outcome(s + 1)) || (last >= 0 && (outcome(last) || outcome(last - 1)));
  // A labelled result runs to the next label; a figure anywhere in it makes it concrete.
  reading.labels.forEach((label, k) => {
    if (label.part !== 'result') return;
    const end = reading.labels.slice(k + 1).find((l) => l.sentence > label.sentence)?.sentence ?? doc.sentenceCount;
    for (let s = label.sentence; s < Math.max(end, label.sentence + 1); s++) if (numberSentences.has(s)) resultHasOutcome = true;
  });
  // A result with a figure is a result, whatever words introduce it.
  const present = (name: StarPart) =>
    labelled.has(name) || (sentencesOf[name]?.length ?? 0) > 0 || (name === 'result' && resultHasOutcome);
  const parts = STAR_PARTS.map((name) => ({ name, present: present(name) }));
  return { kind: 'star', parts, resultHasOutcome };
}

/**
 * Sentences told as the Situation or the Task: those under a Situation or Task label, and those with a cue for
 * either that come before the first action and carry no result cue.
 */
function setupSentences(reading: Reading, sentencesOf: Partial<Record<StarPart, number[]>>, results: readonly number[]): Set<number> {
  const out = new Set<number>();
  const { labels, doc } = reading;
  labels.forEach((label, k) => {
    if (label.part !== 'situation' && label.part !== 'task') return;
    // A heading ("Task:") runs to the next label; a phrase ("my task was") is its own sentence.
    const heading = reading.skip[label.position] !== 0;
    const next = labels.slice(k + 1).find((l) => l.sentence > label.sentence)?.sentence ?? doc.sentenceCount;
    const end = heading ? next : label.sentence + 1;
    for (let s = label.sentence; s < Math.max(end, label.sentence + 1); s++) out.add(s);
  });
  const firstAction = Math.min(...(sentencesOf.action ?? []), doc.sentenceCount);
  for (const s of [...(sentencesOf.situation ?? []), ...(sentencesOf.task ?? [])]) {
    if (s < firstAction && !results.includes(s)) out.add(s);
  }
  return out;
}
