/**
 * When a card is next due, in the calendar words a person plans by: "now", "later today", "tomorrow",
 * "in 3 days (2026-12-02)". FSRS's learning steps (due in minutes) read as "later today", since rmprep
 * asks again on the next run, not minutes later. Local time: the day the person lives in.
 */
export function describeDue(due: string, now: Date): string {
  const when = dueIn(due, now);
  if (typeof when === 'string') return when;
  const { days, at } = when;
  if (days <= 0) return 'later today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days (${localDate(at)})`;
}

/** The same in a few columns, for tables: "now", "today", "in 3d", "in 5w", "in 2y". */
export function describeDueShort(due: string, now: Date): string {
  const when = dueIn(due, now);
  if (typeof when === 'string') return when;
  const { days } = when;
  if (days <= 0) return 'today';
  if (days < 100) return `in ${days}d`;
  return days < 700 ? `in ${Math.round(days / 7)}w` : `in ${Math.round(days / 365)}y`;
}

/** 'soon' for a date that cannot be read, 'now' once it has passed, else the local calendar days to it. */
function dueIn(due: string, now: Date): 'soon' | 'now' | { days: number; at: Date } {
  const at = new Date(due);
  if (Number.isNaN(at.getTime())) return 'soon';
  if (at.getTime() <= now.getTime()) return 'now';
  return { days: dayNumber(at) - dayNumber(now), at };
}

/** The local calendar day of `date` as YYYY-MM-DD. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Days since the epoch of the local calendar day of `date` (daylight saving time does not shift it). */
export function dayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}
