import type { Style } from './style.js';

/** mm:ss */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "1:20 elapsed", or a countdown with the time limit: "0:40 left" / "over by 0:05". */
export function timerText(elapsed: number, limit: number | undefined, style: Style): string {
  if (!limit) return style.dim(`${clock(elapsed)} elapsed`);
  const left = limit - elapsed;
  if (left >= 0) return (left <= 15 ? style.warn : style.dim)(`${clock(left)} left of ${clock(limit)}`);
  return style.bad(`over time by ${clock(-left)}`);
}
