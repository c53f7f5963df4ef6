import { describe, expect, it } from 'vitest';
import { editorTemplate, stripEditorComments } from '../../src/ui/editor-template.js';
import { makeQuestion } from '../support/questions.js';

const story = makeQuestion('clash', 'behavioral', {
  question: 'Tell me about a clash between two teams during a release.',
  star: { situation: 'Who clashed?', task: 'What was yours to do?', action: 'What did you do?', result: 'What changed, in numbers?' },
});

describe('the editor template', () => {
  it('opens with the question and the STAR prompts as comment lines, then room to write', () => {
    const text = editorTemplate(story);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Tell me about a clash between two teams during a release.');
    for (const prompt of ['- Situation: Who clashed?', '- Task: What was yours to do?', '- Action: What did you do?', '- Result: What changed, in numbers?']) {
      expect(lines).toContain(`# ${prompt}`);
    }
    expect(text.endsWith('\n\n')).toBe(true);
    expect(stripEditorComments(text)).toBe('');
  });

  it('gives a technical question no STAR prompts', () => {
    expect(editorTemplate(makeQuestion('t', 'technical'))).not.toContain('Situation');
  });

  it('keeps what was written as written, without the comment lines or blank lines at either end', () => {
    const saved = `${editorTemplate(story)}First paragraph.\r\n\r\n  Indented second, with a #hashtag inside.\n\n\n`;
    expect(stripEditorComments(saved)).toBe('First paragraph.\n\n  Indented second, with a #hashtag inside.');
  });
});
