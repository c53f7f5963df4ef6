import { describe, expect, it } from 'vitest';
import type { StoryMatrix } from '../../src/core/stories/match.js';
import { renderStoryMatrix } from '../../src/ui/render-stories.js';
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
