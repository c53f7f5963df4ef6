/**
 * A model's reading of a posting joined to the words': the questions a model named for a line answer that
 * line at least as well as MODEL_FITS says, best first, whatever words they share. Everything else (gaps,
 * the cut, the reasons) follows from the fits as it does for words alone. Pure.
 */
import type { BulletReading } from './bullet-fit.js';
import { isAboutWork } from './bullet-picks.js';
import type { Bullet } from './bullets.js';

/** The fit given to the first, second and third question a model names for a line. */
export const MODEL_FITS = [0.95, 0.85, 0.75] as const;

/** The posting's lines a model is asked about: those about the work, in order (numbered from 1 when sent). */
export function linesToAsk(bullets: readonly Bullet[]): string[] {
  return bullets.filter((bullet) => isAboutWork({ bullet })).map((b) => b.text);
}

/**
 * Each reading with the model's picks for its line raised to MODEL_FITS; `picks` is keyed by the line's text
 * as sent. Ids the bank does not have are dropped; a line the model named nothing for keeps the words' fits,
 * and is marked `modelNone` when the model said so (an empty list), as it is asked to for a line no question
 * prepares for.
 */
export function withModelPicks(readings: readonly BulletReading[], picks: ReadonlyMap<string, readonly string[]>, known: ReadonlySet<string>): BulletReading[] {
  return readings.map((reading) => {
    const said = picks.get(reading.bullet.text);
    if (said !== undefined && said.length === 0) return { ...reading, modelNone: true };
    const named = (said ?? []).filter((id) => known.has(id)).slice(0, MODEL_FITS.length);
    if (named.length === 0) return reading;
    const fits = new Map(reading.fits.map((f) => [f.id, f.fit]));
    named.forEach((id, k) => fits.set(id, Math.max(fits.get(id) ?? 0, MODEL_FITS[k] as number)));
    const sorted = [...fits].map(([id, fit]) => ({ id, fit })).sort((a, b) => b.fit - a.fit || (a.id < b.id ? -1 : 1));
    return { ...reading, fits: sorted };
  });
}
