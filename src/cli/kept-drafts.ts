import { type DraftPlace, keepDraft } from '../core/practice/draft.js';
import type { UnsavedAnswer } from './unsaved-answer.js';

/** Where a stopped drill kept an unsaved answer and what was typed to its follow-ups. */
export interface KeptFiles {
  answer: string | undefined;
  followUps?: string | undefined;
}

/**
 * Keeps the answer as it was typed, and the follow-ups' text in a file beside it: one file each, so the
 * answer's file stays the answer alone, to continue or coach later. Several follow-ups share their file,
 * a blank line apart.
 */
export function keepDrafts(unsaved: UnsavedAnswer, place: DraftPlace): KeptFiles {
  const answer = keepDraft(unsaved.text, place);
  const followUps = unsaved.followUps?.filter((t) => t.trim() !== '') ?? [];
  return followUps.length === 0 ? { answer } : { answer, followUps: keepDraft(followUps.join('\n\n'), { ...place, followUp: true }) };
}
