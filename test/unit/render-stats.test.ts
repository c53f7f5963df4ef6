import { describe, expect, it } from 'vitest';
import type { CategoryStats, Stats } from '../../src/core/practice/stats.js';
import { renderStats } from '../../src/ui/render-stats.js';
import { createStyle } from '../../src/ui/style.js';

const now = new Date('2026-03-10T12:00:00Z');

function category(name: CategoryStats['category'], practiced: number): CategoryStats {
  return {
    category: name,
    questions: 29,
    practiced,
    attempts: practiced * 2,
    averageRating: practiced > 0 ? 2.5 : null,
    averageScore: null,
    lastPracticed: practiced > 0 ? '2026-03-08T09:00:00Z' : null,
    need: practiced > 0 ? 40 : 100,
    mastery: 0,
    due: practiced,
    weakest: [],
  };
}

const stats: Stats = {
  totalAttempts: 6,
  questions: 71,
  practiced: 3,
  categories: [category('common', 0), category('technical', 3)],
  dueNow: 1,
  dueToday: 2,
  dueThisWeek: 3,
  streak: { current: 0, longest: 2, practicedToday: false },
  activity: [{ date: '2026-03-08', attempts: 6 }],
  next: { category: 'common', command: 'rmprep drill --category common' },
  followUps: { asked: 4, judged: 3, recovered: 2 },
};

describe('renderStats', () => {
  it.each([60, 80, 100])('keeps every detail of a category at %i columns, within the width', (width) => {
    const out = renderStats(stats, { width, style: createStyle(false), now });
    expect(out).not.toContain('…');
    const text = out.replace(/\n {14}/g, ' ');
    expect(text).toContain('0/29 practised · 0 attempts · not rated yet · 0 due · never practised');
    expect(text).toContain('3/29 practised · 6 attempts · average Good (2.5 of 4) · 3 due · last 2 days ago');
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    expect(out.replace(/\s+/g, ' ')).toContain('Follow-ups 2 of 3 typed follow-up answers recovered a missed point (67%)');
  });

  it('says nothing of follow-ups before a typed one was answered', () => {
    expect(renderStats({ ...stats, followUps: { asked: 2, judged: 0, recovered: 0 } }, { width: 80, style: createStyle(false), now })).not.toContain('Follow-ups');
  });
});
