import type { StarPrompts } from './schema.js';

/** The four parts of a STAR story, in order, as every renderer and exporter names them. */
export const STAR_LABELS: Readonly<Record<keyof StarPrompts, string>> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };

export const STAR_KEYS = Object.keys(STAR_LABELS) as (keyof StarPrompts)[];
