import { describe, expect, it } from 'vitest';
import type { StoryMatrix } from '../../src/core/stories/match.js';
import { renderEmptyMatrix, renderStoryMatrix, renderTells } from '../../src/ui/render-stories.js';
import { createStyle } from '../../src/ui/style.js';

const matrix: StoryMatrix = {
  questions: [
    { id: 'night-incident', category: 'behavioral', question: 'Walk me through a night incident.', stories: [{ slug: 'friday-hotfix', fit: 0.5, pinned: false }] },
    { id: 'team-conflict', category: 'behavioral', question: 'Two teams clashed.', stories: [{ slug: 'friday-hotfix', fit: 0.05, pinned: false }] },
  ],
  gaps: ['team-conflict'],
} as StoryMatrix;

describe('story match matrix', () => {
  it.each([60, 80])('keeps every line, the legend included, within %i columns', (width) => {
    const text = renderStoryMatrix(matrix, ['friday-hotfix'], { width, style: createStyle(false) });
    expect(text).toContain('Fit: the talking points');
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
  });
});

describe('what a story tells, on screen', () => {
  const screen = { width: 60, style: createStyle(false) };
  it('marks a fit whose story lacks what the question asks for', () => {
    const lacking = { ...matrix, questions: [{ ...matrix.questions[0]!, stories: [{ slug: 'friday-hotfix', fit: 0.2, pinned: false, tells: { what: 'the teller’s own mistake', found: null } }] }] } as StoryMatrix;
    expect(renderStoryMatrix(lacking, ['friday-hotfix'], { width: 80, style: createStyle(false) })).toMatch(/\nnight-incident +20×\n/);
    expect(renderStoryMatrix(matrix, ['friday-hotfix'], { width: 80, style: createStyle(false) })).toMatch(/\nnight-incident +50\n/);
  });

  it('says what is found, or what is missing and what to do', () => {
    expect(renderTells({ what: 'the teller’s own mistake', found: 'It was my mistake' }, screen)).toBe('Tells: the teller’s own mistake: "It was my mistake"\n\n');
    expect(renderTells({ what: 'the teller’s own mistake', found: null }, screen)).toMatch(/^Missing: the teller’s own mistake\. Without it/);
  });

  it('explains an empty grid instead of drawing one', () => {
    expect(renderEmptyMatrix('common', screen)).toMatch(/^No common question asks for a story[^]*--category\nbehavioral|--category behavioral/);
    expect(renderEmptyMatrix(undefined, screen)).toMatch(/No question in the bank asks for a story/);
  });
});
