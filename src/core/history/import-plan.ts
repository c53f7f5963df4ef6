import { collectCorrections, makeFolder } from './fold.js';
import { hashOf } from './files.js';
import type { HistoryRecord, SessionRecord, StoredCard } from './schema.js';
import type { Summary } from './summary.js';
import { nextCard } from './upgrade.js';

/** What the history already holds, as an import needs to know it. Ids are kept apart by record type. */
export interface Existing {
  attempts: Set<string>;
  /** Session id to its marker's time and label. */
  sessions: Map<string, { at: string; label: string | undefined }>;
  /** Undo and rerate record ids. */
  corrections: Set<string>;
}

export function emptyExisting(): Existing {
  return { attempts: new Set(), sessions: new Map(), corrections: new Set() };
}

export function noteExisting(existing: Existing, r: HistoryRecord): void {
  if (r.type === 'attempt') existing.attempts.add(r.id);
  else if (r.type === 'session') existing.sessions.set(r.id, { at: r.at, label: r.label });
  else existing.corrections.add(r.id);
}

/** A label of an imported session that another session here already had, and the label it was given. */
export interface LabelMapping {
  label: string;
  as: string;
  session: string;
}

export interface ImportPlan {
  records: HistoryRecord[];
  /** Attempts written. */
  added: number;
  /** Attempts left out because the history (or the batch) already holds their id. */
  duplicates: number;
  sessions: number;
  labels: LabelMapping[];
}

/**
 * The records an import adds to a history. Pure. An attempt, session, undo or rerate whose id the history
 * (or the batch) already holds under that type is left out, so importing the same file twice adds nothing;
 * ids of different types never clash. Attempts undone within the batch are left out (an undo of an attempt
 * outside the batch, or already here, is kept); rerate records are kept as they are. A session whose id is here
 * already for another session (another time) gets a new id, and its attempts with it; a label another
 * session here already has gets a free one (`mock-2`), said in `labels`, so sessions of two histories never
 * merge. Each attempt's schedule is worked out again against this history.
 */
export function planImport(existing: Existing, incoming: readonly HistoryRecord[], summary: Pick<Summary, 'questions'>, now: Date): ImportPlan {
  const plan: ImportPlan = { records: [], added: 0, duplicates: 0, sessions: 0, labels: [] };
  // Rerates are written as they are (readers fold them in), so importing the same file again adds nothing.
  const corrections = collectCorrections(incoming);
  corrections.rerated.clear();
  const inBatch = new Set(incoming.flatMap((r) => (r.type === 'attempt' ? [r.id] : [])));
  // An undo of an attempt this history holds applies here too, even when the batch holds it as well.
  const applyHere = new Set(incoming.flatMap((r) => (r.type === 'rerate' || (r.type === 'undo' && (!inBatch.has(r.attempt) || existing.attempts.has(r.attempt))) ? [r.id] : [])));
  const fold = makeFolder(corrections);
  const sessionIds = new Map<string, string>();
  const labels = new Map<string, string>();
  const takenLabels = new Set<string>();
  for (const s of existing.sessions.values()) if (s.label !== undefined) takenLabels.add(s.label);
  const cards = new Map<string, StoredCard | undefined>();
  for (const raw of incoming) {
    if ((raw.type === 'undo' || raw.type === 'rerate') && applyHere.has(raw.id)) {
      if (existing.corrections.has(raw.id)) continue;
      existing.corrections.add(raw.id);
      plan.records.push(raw);
      continue;
    }
    const r = fold(raw);
    if (!r || r.type === 'undo' || r.type === 'rerate') continue;
    if (r.type === 'session') {
      const session = placeSession(r, existing, sessionIds, labels, takenLabels, plan);
      if (session) plan.records.push(session);
      continue;
    }
    if (existing.attempts.has(r.id)) {
      plan.duplicates++;
      continue;
    }
    existing.attempts.add(r.id);
    const previous = cards.has(r.questionId) ? cards.get(r.questionId) : summary.questions[r.questionId]?.card;
    const { card: _ignored, ...rest } = r;
    const card = nextCard(previous, r.rating, r.at, now);
    cards.set(r.questionId, card);
    const session = r.session !== undefined ? (sessionIds.get(r.session) ?? r.session) : undefined;
    plan.records.push({ ...rest, ...(session !== undefined ? { session } : {}), card });
    plan.added++;
  }
  return plan;
}

/** The session marker to write for an imported one, undefined when the history has it already. */
function placeSession(
  r: SessionRecord,
  existing: Existing,
  ids: Map<string, string>,
  labels: Map<string, string>,
  taken: Set<string>,
  plan: ImportPlan,
): SessionRecord | undefined {
  const here = existing.sessions.get(r.id);
  if (here && here.at === r.at) return undefined;
  let id = r.id;
  for (let n = 1; existing.sessions.has(id); n++) id = `s-${hashOf(`${r.id}\n${r.at}\n${n}`)}`;
  ids.set(r.id, id);
  let label = r.label;
  if (label !== undefined) {
    const mapped = labels.get(label) ?? freeLabel(label, taken);
    if (mapped !== label) plan.labels.push({ label, as: mapped, session: id });
    labels.set(label, mapped);
    label = mapped;
  }
  existing.sessions.set(id, { at: r.at, label });
  plan.sessions++;
  return { ...r, id, ...(label !== undefined ? { label } : {}) };
}

/** The label itself when no session here has it, else the first free `<label>-2`, `<label>-3` ... */
function freeLabel(label: string, taken: Set<string>): string {
  let out = label;
  for (let n = 2; taken.has(out); n++) out = `${label.slice(0, 190)}-${n}`;
  taken.add(out);
  return out;
}
