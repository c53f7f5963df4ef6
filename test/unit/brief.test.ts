import { describe, expect, it } from 'vitest';
import { ankiFront, ankiNoteFields } from '../../src/core/export/anki.js';
import { exportMarkdown } from '../../src/core/export/markdown.js';
import type { Question } from '../../src/core/questions/schema.js';
import { renderCard } from '../../src/ui/render.js';
import { wrapKeepingLines } from '../../src/ui/render-brief.js';
import { renderQuestionScreen } from '../../src/ui/render-question-screen.js';
import { createStyle } from '../../src/ui/style.js';

const style = createStyle(false);

const CALENDAR = [
  'Next quarter, three clashes on the calendar:',
  '',
  'week  what                      clash',
  'W3    core upgrade              month-end close',
  'W7    customer release          bank holiday',
].join('\n');

const question = (extra: Partial<Question> = {}): Question => ({
  id: 'calendar-case',
  category: 'common',
  question: 'Plan the quarter.',
  answer: 'I would start with the month-end close.',
  keyPoints: [{ id: 'orders-clashes', point: 'Orders the clashes by risk', terms: ['month-end', 'bank holiday', 'freeze'] }],
  followUps: [],
  tags: ['case-exercise'],
  difficulty: 2,
  brief: CALENDAR,
  source: { file: 'questions/common/calendar-case.md', line: 1, bundled: true },
  ...extra,
});

describe('wrapKeepingLines', () => {
  it('keeps a line that fits exactly as written, spaces and all', () => {
    expect(wrapKeepingLines('a    b\n\nc  d', 40, '  ')).toBe('  a    b\n\n  c  d');
  });

  it('joins the lines of a plain paragraph and wraps it, each piece indented', () => {
    const out = wrapKeepingLines('short\none two three four five six', 12, '  ').split('\n');
    expect(out).toEqual(['  short one', '  two three', '  four five', '  six']);
    for (const line of out) expect(line.length).toBeLessThanOrEqual(12);
  });

  it('keeps a table row as written and wraps only a row too long for the width', () => {
    const out = wrapKeepingLines('Item   Status\nA long item    with a long status text', 20, '  ').split('\n');
    expect(out[0]).toBe('  Item   Status');
    expect(out.slice(1).every((l) => l.startsWith('  ') && l.length <= 20)).toBe(true);
    expect(out.slice(1).join(' ').replace(/\s+/g, ' ').trim()).toBe('A long item with a long status text');
  });
});

describe('rmprep show with a brief', () => {
  it('prints the brief, its table intact, between the header line and the question', () => {
    const lines = renderCard(question(), { width: 80, style }).split('\n');
    const brief = lines.indexOf('Brief');
    const asked = lines.indexOf('Plan the quarter.');
    expect(brief).toBeGreaterThan(0);
    expect(asked).toBeGreaterThan(brief);
    expect(lines).toContain('  W3    core upgrade              month-end close');
    expect(lines).toContain('  W7    customer release          bank holiday');
  });

  it('wraps a long brief line to the width instead of letting it run off the screen', () => {
    const card = renderCard(question({ brief: 'word '.repeat(40) }), { width: 30, style });
    const briefLines = card.split('\n').filter((l) => l.startsWith('  word'));
    expect(briefLines.length).toBeGreaterThan(1);
    for (const line of briefLines) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('strips escape sequences from the brief', () => {
    const card = renderCard(question({ brief: 'safe \u001b]0;owned\u0007text \u001b[2J' }), { width: 80, style });
    expect(card).toContain('  safe text');
    expect(card).not.toContain('\u001b');
  });

  it('prints no brief heading for a question without one', () => {
    expect(renderCard(question({ brief: undefined }), { width: 80, style })).not.toContain('Brief');
  });
});

describe('the drill question screen with a brief', () => {
  it('shows the brief before the question', () => {
    const screen = renderQuestionScreen(question(), 0, 3, { width: 80, style });
    expect(screen).toContain('Question 1 of 3');
    expect(screen.indexOf('Brief')).toBeGreaterThan(screen.indexOf('Question 1 of 3'));
    expect(screen.indexOf('  W3    core upgrade')).toBeLessThan(screen.indexOf('Plan the quarter.'));
  });
});

describe('exports with a brief', () => {
  it('puts the brief in the Markdown sheet as a fenced block, lines kept, before why and the answer', () => {
    const sheet = exportMarkdown([question({ why: 'Panels hand over a scenario.' })]);
    expect(sheet).toContain(`**Brief**\n\n\`\`\`\n${CALENDAR}\n\`\`\`\n`);
    expect(sheet.indexOf('**Brief**')).toBeLessThan(sheet.indexOf('**Why they ask:**'));
  });

  it('makes the Markdown fence longer than any backtick run in the brief, and sanitizes it', () => {
    const sheet = exportMarkdown([question({ brief: 'a ``` b\u001b[31m' })]);
    expect(sheet).toContain('````\na ``` b\n````');
    expect(sheet).not.toContain('\u001b');
  });

  it('puts the brief on the Anki front, escaped, lines as <br>, with no tab or newline in the field', () => {
    const front = ankiFront(question({ brief: 'a <b>\tx\nW3    y' }));
    expect(front).toBe('<pre>a &lt;b&gt;    x<br>W3    y</pre><p>Plan the quarter.</p>');
    const fields = ankiNoteFields(question());
    expect(fields[1]).toContain('W7    customer release');
    for (const f of fields) expect(f).not.toMatch(/[\t\n]/);
  });

  it('leaves the Anki front as the bare question when there is no brief', () => {
    expect(ankiFront(question({ brief: undefined }))).toBe('Plan the quarter.');
  });
});
