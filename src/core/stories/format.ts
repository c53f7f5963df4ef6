import { stringify } from 'yaml';
import { STAR_PARTS, type StarPart } from './parse.js';

export interface StoryDraft {
  title: string;
  tags?: string[];
  questions?: string[];
  star?: Partial<Record<StarPart, string>>;
}

const PROMPTS: Record<StarPart, string> = {
  situation: 'Where and when; what was at stake.',
  task: 'What you were responsible for.',
  action: 'What you did, step by step: say "I".',
  result: 'What changed, with a number if you have one.',
};

/** The text of a new story file; parts left empty get a one-line reminder of what goes there. */
export function formatStory(draft: StoryDraft): string {
  const front: Record<string, unknown> = { title: draft.title };
  if (draft.tags && draft.tags.length > 0) front.tags = draft.tags;
  if (draft.questions && draft.questions.length > 0) front.questions = draft.questions;
  const parts = STAR_PARTS.map((part) => {
    const label = `${part[0]?.toUpperCase()}${part.slice(1)}`;
    const text = draft.star?.[part]?.trim();
    return `## ${label}\n\n${text && text !== '' ? text : PROMPTS[part]}\n`;
  });
  return `---\n${stringify(front, { lineWidth: 100 })}---\n\n${parts.join('\n')}`;
}
