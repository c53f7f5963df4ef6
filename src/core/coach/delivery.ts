import type { Delivery, DeliveryBand } from './types.js';

export const WORDS_PER_MINUTE = 150;
export const SHORT_BELOW_SECONDS = 60;
export const LONG_ABOVE_SECONDS = 180;

export function estimateSeconds(words: number): number {
  return Math.round((words / WORDS_PER_MINUTE) * 60);
}

export function bandFor(seconds: number, edges: { shortBelow: number; longAbove: number } = { shortBelow: SHORT_BELOW_SECONDS, longAbove: LONG_ABOVE_SECONDS }): DeliveryBand {
  if (seconds < edges.shortBelow) return 'short';
  if (seconds > edges.longAbove) return 'long';
  return 'ok';
}

/**
 * Length said aloud against the target: one to three minutes, or with a time limit, up to the limit (and
 * short below half of it, or below a minute when the limit is longer than two).
 */
export function measureDelivery(words: number, timeLimit?: number): Delivery {
  const estimatedSeconds = estimateSeconds(words);
  const edges = timeLimit ? { shortBelow: Math.min(SHORT_BELOW_SECONDS, timeLimit / 2), longAbove: timeLimit } : { shortBelow: SHORT_BELOW_SECONDS, longAbove: LONG_ABOVE_SECONDS };
  return { words, estimatedSeconds, band: bandFor(estimatedSeconds, edges), ...(timeLimit ? { ...edges, timeLimit } : {}) };
}

/** The target in words: "1-3 min", or "your 2:00 limit". */
export function describeTarget(delivery: Pick<Delivery, 'timeLimit'>): string {
  if (!delivery.timeLimit) return '1-3 min';
  const s = Math.round(delivery.timeLimit);
  return `your ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} limit`;
}

/** "about 25 seconds", "about 1 min 40 s". */
export function formatSpoken(seconds: number): string {
  if (seconds < 60) return `about ${seconds} seconds`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? `about ${m} min` : `about ${m} min ${s} s`;
}
