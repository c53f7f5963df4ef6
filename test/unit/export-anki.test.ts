import { describe, expect, it } from 'vitest';
import { ankiBack, ankiGuid, ankiNoteFields, exportAnki, htmlLine } from '../../src/core/export/anki.js';
import type { QuestionData } from '../../src/core/questions/schema.js';

const BASE: QuestionData = {
  id: 'rollback-plan',
  category: 'technical',
  question: 'How do you roll back?',
  answer: 'First paragraph,\nwrapped in the file.\n\nSecond paragraph.',
  keyPoints: [{ id: 'tested-rollback', point: 'Has a tested rollback', terms: ['rollback'] }],
  framework: ['Clarify', 'Decide'],
  tip: 'Be concrete.',
  followUps: [],
  tags: ['rollback', 'incidents'],
  difficulty: 2,
};

describe('htmlLine', () => {
  it.each([
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ['one\ttwo', 'one two'],
    ['one\ntwo\r\nthree', 'one<br>two<br>three'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    ['bell\u0007 and \u001b[31mred', 'bell and red'],
  ])('%j becomes %j', (input, expected) => expect(htmlLine(input)).toBe(expected));
});

describe('ankiNoteFields', () => {
  it('gives guid, front, back, deck and tags, none with a tab or line break', () => {
    const tricky = { ...BASE, question: 'Tabs\there,\nnewlines & <tags>', tip: 'x\ty\nz' };
    const fields = ankiNoteFields(tricky);
    expect(fields).toHaveLength(5);
    expect(fields[0]).toBe('rmprep-rollback-plan');
    expect(fields[1]).toBe('Tabs here,<br>newlines &amp; &lt;tags&gt;');
    expect(fields[3]).toBe('rmprep::technical');
    expect(fields[4]).toBe('technical rollback incidents');
    for (const f of fields) expect(f).not.toMatch(/[\t\r\n]/);
  });

  it('derives the GUID from the id alone', () => {
    expect(ankiGuid('rollback-plan')).toBe(ankiNoteFields({ ...BASE, question: 'Reworded?' })[0]);
    expect(ankiGuid('a')).not.toBe(ankiGuid('b'));
  });
});

describe('ankiBack', () => {
  it('joins wrapped lines of a paragraph and keeps paragraphs apart', () => {
    expect(ankiBack(BASE)).toContain('<p>First paragraph, wrapped in the file.</p><p>Second paragraph.</p>');
  });

  it('lists key points, the framework and the tip', () => {
    const back = ankiBack(BASE);
    expect(back).toContain('<ul><li>Has a tested rollback</li></ul>');
    expect(back).toContain('<ol><li>Clarify</li><li>Decide</li></ol>');
    expect(back).toContain('<b>Tip:</b> Be concrete.');
  });

  it('lists the follow-ups, each hint under its question', () => {
    const back = ankiBack({ ...BASE, followUps: [{ question: 'And then?', hint: 'Name the <owner>' }, { question: 'Why?' }] });
    expect(back).toContain('<p><b>Likely follow-ups</b></p><ul><li>And then?<br><i>Hint: Name the &lt;owner&gt;</i></li><li>Why?</li></ul>');
    expect(ankiBack(BASE)).not.toContain('follow-ups');
  });

  it('lists STAR prompts for a behavioral question', () => {
    const back = ankiBack({ ...BASE, framework: undefined, star: { situation: 'S?', task: 'T?', action: 'A & B?', result: 'R?' } });
    expect(back).toContain('<li><b>Situation:</b> S?</li><li><b>Task:</b> T?</li><li><b>Action:</b> A &amp; B?</li><li><b>Result:</b> R?</li>');
  });
});

describe('exportAnki', () => {
  const text = exportAnki([{ ...BASE, id: 'zeta', category: 'behavioral' }, BASE]);
  const lines = text.trimEnd().split('\n');

  it('starts with the header lines Anki reads', () => {
    expect(lines.slice(0, 7)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#columns:guid\tFront\tBack\tdeck\ttags',
      '#guid column:1',
      '#deck column:4',
      '#tags column:5',
    ]);
  });

  it('writes one line of five fields per note, sorted by category and id', () => {
    const notes = lines.slice(7);
    expect(notes.map((l) => l.split('\t').length)).toEqual([5, 5]);
    expect(notes.map((l) => l.split('\t')[0])).toEqual(['rmprep-zeta', 'rmprep-rollback-plan']);
  });
});
