import { FIT, type BulletReading } from './bullet-fit.js';
import type { QuestionProfile } from './profile.js';
import { quoteOf } from './quote.js';
import { THEMES } from './themes.js';
import { tokenize } from './words.js';

/** A bullet no question answers well: what the bank cannot prepare for, in the posting's words. */
export interface GapDetail {
  /** A short quote of the bullet: the words that name what is missing. */
  text: string;
  /** The whole bullet. */
  bullet: string;
  /** The question that comes closest, when one comes within NEAR of FIT. */
  nearest?: { id: string; fit: number };
  /** A gap because a model grader said no question prepares for it, though the words alone heard one. */
  byModel?: true;
}

/** The first this many questions hold one question for each matched bullet ... */
export const CUT = 10;
/** ... or this many when the posting has more than CUT matched bullets. */
export const WIDE_CUT = 15;
/** A gap names its nearest question when that question's fit is at least this. */
const NEAR = 0.2;
/** A bullet picks among its questions those within this share of its best fit (tuned: only ties), the one the posting as a whole ranks highest. */
const CLOSE = 1;
/** A line about what the person brings picks only a question within this share of its best fit. */
const BRINGS_CLOSE = 0.9;
/** A posting with at least this many list items about the work picks for its list items and prose duties only. */
const LISTS_DUTIES = 5;
/** A prose sentence that states a duty rather than a trait of the person ("you will", not "you are", "you can"). */
const DUTY = /\b(?:you will|you'll|we need you to)\b/i;
/** How many more questions one bullet may bring when the cut has room. */
const MAX_ROUNDS = 2;
/** Sections whose bullets tell about the employer or the offer, not the work: never gaps. */
const NOT_WORK = /\b(?:about us|who we are|our company|benefits?|perks?|we offer|offer|compensation|salary|pay|how to apply|apply|process|equal|diversity|our team|the team|location|logistics|why)\b/i;
/** Sections of things the employer would like but does not need: heard when a question answers them, never gaps. */
const NICE = /\b(?:nice to have|bonus|plus|would be nice|ideally|desirable|preferred)\b/i;
/** A credential rather than a duty: years of experience, a degree, a language, a certificate held. */
const CREDENTIAL = /^(?:\d+\+?|at least|several|some|a few|[a-z]+)\s+(?:\w+\s+)?years?\b|\b(?:\d+\+?|one|two|three|four|five|six|seven|eight|ten|several) years? (?:of|in|as|releasing|managing)\b|\bfor at least \w+ years\b|^(?:a |an )?(?:degree|bachelor|master|fluent|confident|native|working proficiency|certification)\b|\b(?:degree|diploma) in\b|\bfoundation (?:as a minimum|or higher|certificate)\b|\b(?:fluent|fluency|spoken|written|speak|speaking)\b[^.]{0,20}\b(?:english|german|french|dutch|spanish)\b|\b(?:english|german|french|dutch|spanish)\s+(?:at|to)\s+(?:a\s+)?(?:c1|c2|b2|native|business|professional)\b/i;
/** Words that make a prose sentence a requirement of the job rather than a line about the employer. */
/** A line that asks what you bring rather than what you will do: experience, knowledge, a track record. */
const REQUIREMENT = /^(?:(?:strong|solid|proven|good|deep|broad|hands-on|working|practical|demonstrable|some)\s+)*(?:experience|familiarity|knowledge|understanding|background|exposure)\b|^you(?:'ve| have)\b|^a track record\b/i;
/** Sections that list what the person brings rather than the work. */
const BRINGS = /\b(?:you bring|about you|great here|requirements?|qualifications?|who you are|you have|skills|profile|looking for|what we need)\b/i;
/** A prose line that places the job rather than stating a duty ("you will sit in Operations, report to ..."). */
const PLACES = /\byou will (?:sit|report|join|be part|be based|work (?:with|closely|alongside|every))\b/i;
const ASKS = /\b(?:you(?:'ll| will| have| bring| are| can| know| own| lead| run)|we need|we expect|we want you|must|required|experience (?:with|in|of)|responsible for)\b/i;

export interface BulletPicks {
  /** Question id -> the bullet it answers best among the bullets that picked it. */
  picks: Map<string, BulletReading>;
  /** How many bullets some question answers with a fit of at least FIT. */
  matched: number;
  /** How many questions at the top hold the picks: CUT, or WIDE_CUT for a posting of many matched bullets. */
  cut: number;
}

/**
 * One question for each bullet a question answers: its best fit, or among fits close to the best the one the
 * posting as a whole ranks highest, and never one an earlier (better answered) bullet has taken when another
 * answers it well enough. `relevance` is the posting-wide relevance, 0..1, by question id.
 */
export function pickForBullets(readings: readonly BulletReading[], relevance: ReadonlyMap<string, number>): BulletPicks {
  const work = readings.filter((r) => (r.fits[0]?.fit ?? 0) >= FIT && isAboutWork(r));
  // A posting that lists its duties says them in its lists; its prose introduces the team and the person,
  // except a sentence that states a duty ("you will run the go/no-go") or a requirement ("You have managed
  // releases for ...": a bullet in all but form).
  const listed = work.filter((r) => r.bullet.listed || (DUTY.test(r.bullet.text) && !PLACES.test(r.bullet.text)) || REQUIREMENT.test(r.bullet.text.trim()));
  const matched = (listed.length >= LISTS_DUTIES ? listed : work).sort((a, b) => (b.fits[0]?.fit ?? 0) - (a.fits[0]?.fit ?? 0));
  const cut = matched.length > CUT ? WIDE_CUT : CUT;
  // What the person brings ("Experience releasing native mobile apps") is heard by the question a duty already
  // brought, when one did: it picks after the duties, and only a question close to its own best.
  const duties = matched.filter((r) => !bringsOnly(r));
  const brings = duties.length > 0 ? matched.filter(bringsOnly) : [];
  const picks = new Map<string, BulletReading>();
  for (const reading of [...(duties.length > 0 ? duties : matched), ...brings]) {
    if (picks.size >= cut) break;
    const best = reading.fits[0]?.fit ?? 0;
    const open = reading.fits.filter((f) => f.fit >= FIT && !picks.has(f.id));
    const close = open.filter((f) => f.fit >= best * (brings.includes(reading) ? BRINGS_CLOSE : CLOSE));
    const pool = close.length > 0 || brings.includes(reading) ? close : open;
    const choice = [...pool].sort((a, b) => b.fit + (relevance.get(b.id) ?? 0) * 0.1 - (a.fit + (relevance.get(a.id) ?? 0) * 0.1))[0];
    if (choice) picks.set(choice.id, reading);
  }
  // Places left in the cut go to the bullets' next best questions, a round at a time, best fit first: a
  // bullet may ask about two things, and the next question on it prepares for more of the posting than one
  // that only shares its words.
  for (let round = 1; picks.size < cut; round++) {
    const next = (duties.length > 0 ? duties : matched)
      .map((reading) => ({ reading, fit: reading.fits.filter((f) => f.fit >= FIT && !picks.has(f.id))[0] }))
      .filter((n): n is { reading: BulletReading; fit: { id: string; fit: number } } => n.fit !== undefined)
      .sort((a, b) => b.fit.fit - a.fit.fit);
    if (next.length === 0 || round > MAX_ROUNDS) break;
    for (const { reading, fit } of next) if (picks.size < cut && !picks.has(fit.id)) picks.set(fit.id, reading);
  }
  return { picks, matched: matched.length, cut };
}

/**
 * Orders the list so that every pick stands within the first `cut`: a pick the diversified order put lower
 * moves up in place of the last question there that no bullet picked. Keeps the order otherwise.
 */
export function placePicks<T extends { id: string }>(ordered: readonly T[], picks: ReadonlySet<string>, cut: number): T[] {
  const head = ordered.slice(0, cut);
  const tail = ordered.slice(cut);
  for (const late of tail.filter((q) => picks.has(q.id))) {
    const at = head.map((q) => picks.has(q.id)).lastIndexOf(false);
    if (at < 0) break;
    const [out] = head.splice(at, 1) as [T];
    head.push(late);
    tail.splice(tail.indexOf(late), 1);
    tail.unshift(out);
  }
  // The moved picks keep the diversified order among themselves: sort the head back into it.
  const rank = new Map(ordered.map((q, i) => [q.id, i]));
  head.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return [...head, ...tail.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))];
}

/** A line about what the person brings, in a section of such lines or said so itself. */
function bringsOnly(reading: BulletReading): boolean {
  return REQUIREMENT.test(reading.bullet.text.trim()) || (reading.bullet.section !== undefined && (BRINGS.test(reading.bullet.section) || NICE.test(reading.bullet.section)));
}

/** A bullet is about the work when it is a list item outside sections about the employer, or a sentence that asks something of you. */
export function isAboutWork(reading: Pick<BulletReading, 'bullet'>): boolean {
  const { bullet } = reading;
  if (bullet.section !== undefined && NOT_WORK.test(bullet.section)) return false;
  // "ITIL 4 Foundation or higher; deep knowledge of change enablement": a credential beside a duty is about the work.
  if (bullet.text.split(/;\s*/).every((part) => CREDENTIAL.test(part))) return false;
  return bullet.listed || ASKS.test(bullet.text);
}

/** The stems of the lexicon's phrases: an acronym there (ECAB) is release vocabulary, not an unknown standard. */
const LEXICON = new Set(THEMES.flatMap((t) => [...t.phrases, ...(t.exact ?? [])]).flatMap((p) => tokenize(p).map((w) => w.stem)));
/** A trait of the person ("A calm head when ...", "A strong sense of ownership"), not a duty or a practice: no gap. */
const TRAIT = /^an?\s/i;
/** A duty that names a standard the bank never mentions is a gap below this fit. */
const NAMED_FIT = 0.5;
/** A line a model grader says no question prepares for is a gap unless the words fit a question this well (its own third pick's fit). */
const MODEL_NONE_FIT = 0.75;

/** A duty's own clause: its verb and object, before "with", "for", a comma ... ("Negotiate renewals and pricing"). */
function headOf(text: string): string {
  return text.split(/\s+(?:with|for|so|before|after|into|including|across|from|when|where|whose|that|to|in|on|at|of)\s+|[,:;(]/)[0] ?? '';
}

/**
 * The duty's own clause (before "with", "for", a comma ...) names an acronym of three letters or more, or with
 * a digit (WCAG, DCB0129), that neither the bank nor the lexicon uses. Two capitals are more often a role or a
 * place (GP, UK, QA) than a standard.
 */
function namesUnknownStandard(reading: BulletReading, known: ReadonlySet<string>): boolean {
  return [...headOf(reading.bullet.text).matchAll(/\b(?:[A-Z][A-Z0-9]{2,}|[A-Z][A-Z]?[0-9][A-Z0-9]*)\b/g)].some((m) => !known.has(tokenize(m[0])[0]?.stem ?? m[0]));
}

/** Words of release work itself: a bullet holding one is about the job even when it names no theme ("every release meets WCAG 2.2"). */
const RELEASE_WORDS = new Set(['releas', 'deploy', 'deployment', 'ship', 'rollout', 'chang', 'version', 'build', 'pipelin', 'launch', 'go']);

function isReleaseWork(reading: BulletReading): boolean {
  return reading.themes.size > 0 || [...tokenize(reading.bullet.text)].some((w) => RELEASE_WORDS.has(w.stem));
}

/** The bullets about the work that no question answers with a fit of FIT, each quoted by the words no question shares. */
export function findGapBullets(readings: readonly BulletReading[], profiles: ReadonlyMap<string, QuestionProfile>): GapDetail[] {
  const out: GapDetail[] = [];
  const known = new Set([...[...profiles.values()].flatMap((p) => [...p.terms.keys()]), ...LEXICON]);
  for (const reading of readings) {
    const best = reading.fits[0];
    // A gap is a listed duty or requirement in release work (it names one of the themes) that no question
    // answers; a degree, a language or a line about the employer is none. A duty that names a standard the
    // bank never mentions ("meets WCAG 2.2 AA") is a gap unless a question answers it well.
    const wordsLimit = namesUnknownStandard(reading, known) ? NAMED_FIT : FIT;
    const limit = reading.modelNone ? Math.max(MODEL_NONE_FIT, wordsLimit) : wordsLimit;
    if ((best?.fit ?? 0) >= limit || TRAIT.test(reading.bullet.text) || NICE.test(reading.bullet.section ?? '') || !reading.bullet.listed || !isAboutWork(reading) || !isReleaseWork(reading) || reading.stems.size < 3) continue;
    const near = best && best.fit >= NEAR ? best : undefined;
    const answered = near ? profiles.get(near.id)?.keyStems : undefined;
    const weights = new Map([...reading.stems].filter(([stem]) => !answered?.has(stem)));
    const byModel = reading.modelNone === true && (best?.fit ?? 0) >= wordsLimit;
    out.push({ text: quoteOf(reading.bullet.text, weights), bullet: reading.bullet.text, ...(near ? { nearest: { id: near.id, fit: near.fit } } : {}), ...(byModel ? { byModel: true as const } : {}) });
  }
  return out;
}
