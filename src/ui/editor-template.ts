import type { Question } from '../core/questions/schema.js';
import { wrapText } from './text.js';
import { STAR_KEYS, STAR_LABELS } from '../core/questions/star-labels.js';

const MARK = '#';

/**
 * What the editor opens with: the question (and for a story, the STAR prompts) as comment lines, then
 * room to write. Lines starting with '#' are removed on save.
 */
export function editorTemplate(question: Question): string {
  const comment = (text: string) => wrapText(text.replace(/\s+/g, ' ').trim(), 76, `${MARK} `, `${MARK}   `);
  const lines = [...comment(question.question)];
  if (question.star) {
    lines.push(MARK, ...comment('Tell it as a story:'));
    for (const part of STAR_KEYS) lines.push(...comment(`- ${STAR_LABELS[part]}: ${question.star[part]}`));
  } else if (question.category === 'behavioral') {
    lines.push(MARK, ...comment('Tell it as a story: situation, task, what you did, and the result in numbers.'));
  }
  lines.push(MARK, `${MARK} Lines starting with ${MARK} are removed. Write below, save and close the editor to finish.`, '', '');
  return lines.join('\n');
}

/** The answer without the comment lines; what is left is kept as written, apart from blank lines at either end. */
export function stripEditorComments(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !line.startsWith(MARK))
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\s+$/, '');
}
