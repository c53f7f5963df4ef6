import { scheduleReview } from '../practice/schedule.js';
import { keepBackup } from './backup.js';
import { writeAtomic, type Fs } from './files.js';
import type { ParsedHistory } from './parse.js';
import { HISTORY_VERSION, type AttemptRecord, type HistoryRecord, type Rating, type StoredCard } from './schema.js';

/** The records of a parsed history in the current format: the one place older formats are upgraded. */
export function currentRecords(parsed: Pick<ParsedHistory, 'header' | 'records'>): HistoryRecord[] {
  const version = parsed.header?.version ?? HISTORY_VERSION;
  return version < HISTORY_VERSION ? upgradeRecords(parsed.records) : parsed.records;
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

/** Version 1 kept no scheduling state: replay each question's ratings through the scheduler. */
function upgradeRecords(records: HistoryRecord[]): HistoryRecord[] {
  return records.map(makeUpgrader(1));
}

/** Brings records of a file of `version` to the current format one at a time, in file order. */
export function makeUpgrader(version: number): (record: HistoryRecord) => HistoryRecord {
  if (version >= HISTORY_VERSION) return (r) => r;
  const cards = new Map<string, AttemptRecord['card']>();
  return (r) => {
    if (r.type !== 'attempt') return r;
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
