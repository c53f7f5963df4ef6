import { scheduleReview } from '../practice/schedule.js';
import { keepBackup } from './backup.js';
import { hashOf, writeAtomic, type Fs } from './files.js';
import type { ParsedHistory } from './parse.js';
import { HISTORY_VERSION, type AttemptRecord, type HistoryRecord, type Rating, type StoredCard } from './schema.js';

/** The records of a parsed history in the current format: the one place older formats are upgraded. */
export function currentRecords(parsed: Pick<ParsedHistory, 'header' | 'records'>): HistoryRecord[] {
  const version = parsed.header?.version ?? HISTORY_VERSION;
  return version < HISTORY_VERSION ? parsed.records.map(makeUpgrader(version)) : parsed.records;
}

/** The whole text of a history in the current format. */
export function historyText(header: string, records: HistoryRecord[]): string {
  return `${header}\n${records.map((r) => `${JSON.stringify(r)}\n`).join('')}`;
}

/**
 * Upgrades a file of an older format in place, keeping the original as `<file>.v<N>.bak` first. True
 * when it did.
 */
export function upgradeIfOlder(fs: Fs, file: string, header: string, current: { exists: boolean; bytes: Buffer; parsed: ParsedHistory }): boolean {
  const version = current.parsed.header?.version ?? HISTORY_VERSION;
  if (!current.exists || version >= HISTORY_VERSION) return false;
  keepBackup(fs, file, current.bytes, `v${version}`);
  writeAtomic(fs, file, historyText(header, currentRecords(current.parsed)));
  return true;
}

/** A session id as rmprep makes them ("2026-11-29-3fa9c1"); any other id before version 3 was a person's name. */
const GENERATED_SESSION_ID = /^\d{4}-\d{2}-\d{2}-[0-9a-f]{6}$/;

/**
 * Brings records of a file of `version` to the current format one at a time, in file order. Version 1 kept
 * no scheduling state: each question's ratings are replayed through the scheduler. Before version 3 a
 * named session's id was the name: it becomes the label, under an id made from the name, the marker's time
 * and how many markers of that name came before (the same on every read, so the file rewritten by the
 * upgrade and a read of the old file agree), and the attempts that named it name the new id.
 */
export function makeUpgrader(version: number): (record: HistoryRecord) => HistoryRecord {
  if (version >= HISTORY_VERSION) return (r) => r;
  const cards = new Map<string, AttemptRecord['card']>();
  const renamed = new Map<string, string>();
  const seen = new Map<string, number>();
  return (r) => {
    if (r.type === 'session') {
      if (GENERATED_SESSION_ID.test(r.id) || r.label !== undefined) return r;
      const n = (seen.get(r.id) ?? 0) + 1;
      seen.set(r.id, n);
      const id = `s-${hashOf(`${r.id}\n${r.at}\n${n}`)}`;
      renamed.set(r.id, id);
      return { ...r, id, label: r.id };
    }
    if (r.type !== 'attempt') return r;
    const session = r.session !== undefined ? renamed.get(r.session) : undefined;
    if (session !== undefined) r = { ...r, session };
    if (r.card) {
      cards.set(r.questionId, r.card);
      return r;
    }
    const card = nextCard(cards.get(r.questionId), r.rating, r.at);
    cards.set(r.questionId, card);
    return { ...r, card };
  };
}

/**
 * The card after an attempt. An attempt older than the question's last review (added back from a rescue
 * file, or made on a clock that was behind) counts as made at that review: the scheduler cannot go back.
 * A last review well after `now` (a clock that was ahead, an extreme date) is not trusted to push this
 * attempt later: the card is taken as last reviewed at this attempt. The margin covers writers racing
 * for the lock, whose clocks were read a moment apart.
 */
const CLOCK_MARGIN_MS = 60 * 60_000;

export function nextCard(previous: StoredCard | undefined, rating: Rating, at: string, now?: Date): StoredCard {
  const when = new Date(at);
  const last = previous?.last_review ? new Date(previous.last_review) : undefined;
  const trusted = last && (now === undefined || last.getTime() <= now.getTime() + CLOCK_MARGIN_MS) ? last : undefined;
  const reviewAt = trusted && trusted > when ? trusted : when;
  if (previous && last && !(last <= reviewAt)) {
    const due = new Date(previous.due) <= reviewAt ? previous.due : reviewAt.toISOString();
    return scheduleReview({ ...previous, last_review: reviewAt.toISOString(), due }, rating, reviewAt);
  }
  return scheduleReview(previous, rating, reviewAt);
}
