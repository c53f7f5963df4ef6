import { sanitizeText } from '../text/sanitize.js';
import type { QuestionData } from '../questions/schema.js';
import { STAR_KEYS, STAR_LABELS } from '../questions/star-labels.js';

/** Column order of a note line; the header lines name the special columns by these (1-based) positions. */
export const ANKI_COLUMNS = ['guid', 'Front', 'Back', 'deck', 'tags'] as const;

/**
 * An Anki note file (Anki 2.1.55 or later): tab-separated, HTML fields, one note per line. The header lines
 * tell Anki the separator, the note type, and which columns hold the GUID, deck and tags, so the import
 * needs no manual mapping; the GUID column lets a second import update notes instead of adding copies. Pure.
 */
export function exportAnki(questions: readonly QuestionData[]): string {
  const col = (name: (typeof ANKI_COLUMNS)[number]) => ANKI_COLUMNS.indexOf(name) + 1;
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#guid column:${col('guid')}`,
    `#deck column:${col('deck')}`,
    `#tags column:${col('tags')}`,
  ];
  const sorted = [...questions].sort((a, b) => a.category.localeCompare(b.category) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const notes = sorted.map((q) => ankiNoteFields(q).join('\t'));
  return `${[...header, ...notes].join('\n')}\n`;
}

/** The fields of one note, in column order; none holds a tab or a line break. */
export function ankiNoteFields(q: QuestionData): string[] {
  return [ankiGuid(q.id), ankiFront(q), ankiBack(q), ankiDeck(q.category), ankiTags(q).join(' ')];
}

/**
 * The front of the card: the question, after a case exercise's scenario when it has one. The scenario keeps
 * its lines (as <br>) and its spacing (in <pre>), so a plain-text table stays a table.
 */
export function ankiFront(q: Pick<QuestionData, 'question' | 'brief'>): string {
  if (!q.brief || q.brief.trim() === '') return htmlLine(q.question);
  const lines = sanitizeText(q.brief).replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/^\n+|\s+$/g, '').split('\n');
  return `<pre>${lines.map((line) => escapeHtml(line.trimEnd())).join('<br>')}</pre><p>${htmlLine(q.question)}</p>`;
}

/** Stable across exports and unique per question, so re-importing updates the note. */
export function ankiGuid(id: string): string {
  return `rmprep-${id}`;
}

export function ankiDeck(category: string): string {
  return `rmprep::${category}`;
}

/** The category and the question's tags; Anki separates tags with spaces, so none may contain one. */
export function ankiTags(q: QuestionData): string[] {
  const tags = [q.category, ...q.tags].map((t) => sanitizeText(t).trim().replace(/\s+/g, '-')).filter((t) => t !== '');
  return [...new Set(tags)];
}

/** The back of the card: the model answer, then key points, STAR prompts or framework, the tip and follow-ups. */
export function ankiBack(q: QuestionData): string {
  const parts: string[] = [paragraphs(q.answer)];
  if (q.keyPoints.length > 0) {
    parts.push(`<p><b>Key points</b></p><ul>${q.keyPoints.map((k) => `<li>${htmlLine(k.point)}</li>`).join('')}</ul>`);
  }
  if (q.star) {
    const star = q.star;
    const items = STAR_KEYS.map((k) => `<li><b>${STAR_LABELS[k]}:</b> ${htmlLine(star[k])}</li>`);
    parts.push(`<p><b>STAR prompts</b></p><ul>${items.join('')}</ul>`);
  }
  if (q.framework && q.framework.length > 0) {
    parts.push(`<p><b>Framework</b></p><ol>${q.framework.map((s) => `<li>${htmlLine(s)}</li>`).join('')}</ol>`);
  }
  if (q.tip) parts.push(`<p><b>Tip:</b> ${htmlLine(q.tip)}</p>`);
  if (q.followUps.length > 0) {
    const items = q.followUps.map((f) => `<li>${htmlLine(f.question)}${f.hint ? `<br><i>Hint: ${htmlLine(f.hint)}</i>` : ''}</li>`);
    parts.push(`<p><b>Likely follow-ups</b></p><ul>${items.join('')}</ul>`);
  }
  return parts.join('');
}

/** Escapes text for an HTML field and keeps it on one line: line breaks become <br>, tabs spaces. */
export function htmlLine(text: string): string {
  return escapeHtml(sanitizeText(text).replace(/\r\n?/g, '\n').trim())
    .replace(/\t/g, ' ')
    .replace(/\n/g, '<br>');
}

/**
 * A model answer as HTML paragraphs. Blank lines separate paragraphs; a single line break inside one is a
 * wrap in the source file, so it becomes a space rather than a hard break on the card.
 */
function paragraphs(text: string): string {
  return sanitizeText(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p.replace(/[ \t]*\n[ \t]*/g, ' ')).replace(/\t/g, ' ')}</p>`)
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
