/**
 * When a card is next due, in the calendar words a person plans by: "now", "later today", "tomorrow",
 * "in 3 days (2026-12-02)". FSRS's learning steps (due in minutes) read as "later today", since rmprep
 * asks again on the next run, not minutes later. Local time: the day the person lives in.
 */
export function describeDue(due: string, now: Date): string {
  const at = new Date(due);
  if (Number.isNaN(at.getTime())) return 'soon';
  if (at.getTime() <= now.getTime()) return 'now';
  const days = dayNumber(at) - dayNumber(now);
  if (days === 0) return 'later today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days (${localDate(at)})`;
}

/** The local calendar day of `date` as YYYY-MM-DD. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Days since the epoch of the local calendar day of `date` (daylight saving time does not shift it). */
export function dayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}
