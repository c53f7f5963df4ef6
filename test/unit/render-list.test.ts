import { describe, expect, it } from 'vitest';
import type { QuestionPractice } from '../../src/core/history/practice.js';
import type { Listing } from '../../src/core/questions/cache-shape.js';
import { renderQuestionList } from '../../src/ui/render-list.js';
import { createStyle } from '../../src/ui/style.js';

const style = createStyle(false);
const now = new Date('2026-11-29T15:00:00.000Z');

type Row = Listing['rows'][number];
const row = (id: string, category: Row['category'], question: string): Row => ({ id, category, question, tags: [], difficulty: 2 });

// The longest ids of the bundled bank, so the widths are the ones people see.
const rows: Row[] = [
  row('influencing-without-authority', 'behavioral', 'Give me an example of getting a team that did not report to you to change how it releases.'),
  row('team-conflict', 'behavioral', 'Describe a time two people or teams clashed during a release.'),
  row('release-manager-role-differences', 'common', 'How is a release manager different from a project manager or a scrum master?'),
  row('why-this-role', 'common', 'Why this role?'),
  row('microservices-release-strategy', 'technical', 'You own releases for a platform built from dozens of microservices. How do you ship them?'),
  row('dora-metrics', 'technical', 'How would you measure the delivery metrics from the tools you already have?'),
];
const seen = (lastRating: QuestionPractice['lastRating'], due: string): QuestionPractice => ({ attempts: 1, lastRating, lastAt: '2026-11-29T14:00:00.000Z', due });
const practice = new Map<string, QuestionPractice>([
  ['release-manager-role-differences', seen('again', '2026-11-29T14:30:00.000Z')],
  ['microservices-release-strategy', seen('hard', '2026-11-29T18:00:00.000Z')],
  ['influencing-without-authority', seen('easy', '2026-12-21T09:00:00.000Z')],
]);

const render = (width: number, withPractice = true) => renderQuestionList(rows, withPractice ? practice : undefined, { width, style, now }).trimEnd().split('\n');
const HEADINGS = ['Behavioral (2)', 'Common (2)', 'Technical (2)'];

function expectFits(lines: string[], width: number) {
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
  // Every id whole, at the start of its own line: what people copy into 'rmprep show'.
  for (const q of rows) expect(lines.some((line) => line.split(' ')[0] === q.id), q.id).toBe(true);
}

describe('renderQuestionList', () => {
  it('at 100 columns keeps one line per question with the category column', () => {
    const lines = render(100);
    expectFits(lines, 100);
    expect(lines).toHaveLength(1 + rows.length + 1);
    expect(lines[0]).toMatch(/^ID +CATEGORY +DIFF +LAST · DUE +QUESTION$/);
    expect(lines).toContain('release-manager-role-differences  common      2     Again · now    How is a release manager…');
    expect(lines).toContainEqual(expect.stringMatching(/^influencing-without-authority +behavioral +2 +Easy · in 22d +Give me an example/));
    expect(lines.at(-1)).toBe("6 questions, 3 practised; 'rmprep show <id>' for one in full");
  });

  it('at 80 columns keeps one line per question, the category as a heading and the question cut with an ellipsis', () => {
    const lines = render(80);
    expectFits(lines, 80);
    expect(lines).toHaveLength(1 + HEADINGS.length + rows.length + 1);
    expect(lines[0]).toMatch(/^ID +DIFF +LAST · DUE +QUESTION$/);
    expect(lines.filter((line) => HEADINGS.includes(line))).toEqual(HEADINGS);
    const roleLine = lines.find((line) => line.startsWith('release-manager-role-differences'));
    expect(roleLine).toBe('release-manager-role-differences  2     Again · now    How is a release manager…');
    // A cut question ends at a word where one ends near the cut.
    const cut = lines.filter((line) => line.endsWith('…'));
    expect(cut.length).toBeGreaterThan(3);
    for (const line of cut) {
      const question = rows.find((q) => line.startsWith(`${q.id} `))!.question;
      const kept = line.slice(55, -1);
      expect(question.startsWith(`${kept} `), line).toBe(true);
    }
    expect(lines[lines.indexOf('Common (2)') + 2]).toMatch(/^why-this-role +2 +new +Why this role\?$/);
  });

  it('at 60 columns puts each question on an indented line under its row, nothing wrapping', () => {
    const lines = render(60);
    expectFits(lines, 60);
    expect(lines.slice(0, 2)).toEqual(['ID                                DIFF  LAST · DUE', '  QUESTION']);
    expect(lines).toHaveLength(2 + HEADINGS.length + 2 * rows.length + 1);
    const at = lines.indexOf('release-manager-role-differences  2     Again · now');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {2}How is a release manager different from a project manager.*…$/);
  });

  it('before any practice has no LAST · DUE column and keeps the category column at 80', () => {
    const lines = render(80, false);
    expectFits(lines, 80);
    expect(lines[0]).toMatch(/^ID +CATEGORY +DIFF +QUESTION$/);
    expect(lines).toHaveLength(1 + rows.length + 1);
  });

  it.each([40, 50])('stays within %i columns, an id too wide for its column getting a line of its own', (width) => {
    const lines = render(width);
    expectFits(lines, width);
    const at = lines.indexOf('release-manager-role-differences');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ +2 +Again · now$/);
  });

  it('cuts a question with no word end near the cut inside its last word', () => {
    const word = 'x'.repeat(60);
    const out = renderQuestionList([row('short', 'common', `Why ${word}?`)], undefined, { width: 60, style, now }).split('\n');
    expect(out[1]).toBe(`short  common    2     Why ${'x'.repeat(32)}…`);
    expect([...(out[1] ?? '')]).toHaveLength(60);
  });

  it('never cuts an id, and one very long id does not widen the other rows', () => {
    const long = 'a'.repeat(300);
    const out = renderQuestionList([row(long, 'common', 'Why?'), row('short', 'common', 'How?')], undefined, { width: 80, style, now }).split('\n');
    expect(out).toContain(long);
    expect(out[out.indexOf(long) + 1]).toMatch(/^ {40} {2}common {4}2 {5}Why\?$/);
    expect(out).toContainEqual(expect.stringMatching(/^short {37}common {4}2 {5}How\?$/));
  });
});
