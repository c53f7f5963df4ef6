import type { Delivery, DeliveryBand } from './types.js';

export const WORDS_PER_MINUTE = 150;
export const SHORT_BELOW_SECONDS = 60;
export const LONG_ABOVE_SECONDS = 180;

export function estimateSeconds(words: number): number {
  return Math.round((words / WORDS_PER_MINUTE) * 60);
}

export function bandFor(seconds: number): DeliveryBand {
  if (seconds < SHORT_BELOW_SECONDS) return 'short';
  if (seconds > LONG_ABOVE_SECONDS) return 'long';
  return 'ok';
}

export function measureDelivery(words: number): Delivery {
  const estimatedSeconds = estimateSeconds(words);
  return { words, estimatedSeconds, band: bandFor(estimatedSeconds) };
}

/** "about 25 seconds", "about 1 min 40 s". */
export function formatSpoken(seconds: number): string {
  if (seconds < 60) return `about ${seconds} seconds`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? `about ${m} min` : `about ${m} min ${s} s`;
}
