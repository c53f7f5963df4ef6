import { CATEGORIES, type Category, type FollowUp, type QuestionData } from '../questions/schema.js';
import { escapeMarkdownBlock, escapeMarkdownInline } from './markdown-escape.js';
import { plural } from '../text/plural.js';
import { sanitizeText } from '../text/sanitize.js';
import { STAR_KEYS, STAR_LABELS } from '../questions/star-labels.js';

const CATEGORY_TITLE: Record<Category, string> = { common: 'Common questions', behavioral: 'Behavioral questions', technical: 'Technical questions' };

/**
 * A printable study sheet: the questions grouped by category, each with why it is asked, its key points,
 * the STAR prompts or framework, the model answer, the tip and likely follow-ups. Pure.
 */
export function exportMarkdown(questions: readonly QuestionData[]): string {
  const out: string[] = ['# Release Manager interview study sheet', ''];
  const groups = CATEGORIES.map((c) => ({ category: c, items: sortById(questions.filter((q) => q.category === c)) })).filter((g) => g.items.length > 0);
  out.push(`${plural(questions.length, 'question')}: ${groups.map((g) => `${g.items.length} ${g.category}`).join(', ')}.`, '');
  for (const group of groups) {
    out.push(`## ${CATEGORY_TITLE[group.category]}`, '');
    group.items.forEach((q, i) => out.push(...questionSection(q, i + 1), ''));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function questionSection(q: QuestionData, n: number): string[] {
  const lines: string[] = [`### ${n}. ${escapeMarkdownInline(q.question)}`, ''];
  const meta = [`\`${q.id}\``, `difficulty ${q.difficulty} of 3`];
  if (q.tags.length > 0) meta.push(`tags: ${q.tags.map((t) => escapeMarkdownInline(t)).join(', ')}`);
  lines.push(`*${meta.join(' · ')}*`, '');
  if (q.brief && q.brief.trim() !== '') lines.push('**Brief**', '', ...codeBlock(q.brief), '');
  if (q.why) lines.push(`**Why they ask:** ${escapeMarkdownInline(q.why)}`, '');
  if (q.keyPoints.length > 0) {
    lines.push('**Key points**', '', ...q.keyPoints.map((k) => `- ${escapeMarkdownInline(k.point)}`), '');
  }
  if (q.star) {
    const star = q.star;
    lines.push('**STAR prompts**', '', ...STAR_KEYS.map((k) => `- **${STAR_LABELS[k]}:** ${escapeMarkdownInline(star[k])}`), '');
  }
  if (q.framework && q.framework.length > 0) {
    lines.push('**Framework**', '', ...q.framework.map((s, i) => `${i + 1}. ${escapeMarkdownInline(s)}`), '');
  }
  lines.push('**Model answer**', '', ...joinSoftWraps(escapeMarkdownBlock(q.answer)), '');
  if (q.tip) lines.push(`**Tip:** ${escapeMarkdownInline(q.tip)}`, '');
  if (q.followUps.length > 0) {
    const item = (f: FollowUp) => `- ${escapeMarkdownInline(f.question)}${f.hint ? ` *Hint: ${escapeMarkdownInline(f.hint)}*` : ''}`;
    lines.push('**Likely follow-ups**', '', ...q.followUps.map(item), '');
  }
  return lines;
}

/**
 * A case exercise's scenario as a fenced block, so its line breaks and table columns survive; the fence is
 * longer than any run of backticks inside, so the text cannot close it early.
 */
function codeBlock(text: string): string[] {
  const body = sanitizeText(text).replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/^\n+|\s+$/g, '');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...body.split('\n').map((line) => line.trimEnd()), fence];
}

/** Lines of one paragraph stay as they are (Markdown joins them); blank lines between paragraphs are kept single. */
function joinSoftWraps(lines: string[]): string[] {
  return lines.filter((line, i) => line !== '' || (lines[i - 1] ?? '') !== '');
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
