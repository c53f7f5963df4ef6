// The near-miss stories the story eval measures false fits on: every one loads, names known questions,
// and the halves stay 6 and 6 so the report half is never tuned on.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/core/questions/load.js';
import { parseStoryFile } from '../../src/core/stories/parse.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = join(ROOT, 'test', 'fixtures', 'stories', 'near-miss');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { not: string[]; missing: string }>;

describe('near-miss story fixtures', async () => {
  const bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).byId;
  const halves = ['tune', 'report'].map((half) => readdirSync(join(dir, half)).filter((n) => n.endsWith('.md')).map((n) => [half, n.slice(0, -3)] as const));

  it('splits six and six, each story with an answer key and each key with a story', () => {
    expect(halves.map((h) => h.length)).toEqual([6, 6]);
    expect(halves.flat().map(([, slug]) => slug).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(halves.flat())('%s/%s loads and names behavioral questions of the bank', (half, slug) => {
    const { story, problems } = parseStoryFile(readFileSync(join(dir, half, `${slug}.md`), 'utf8'), `${slug}.md`, slug);
    expect(problems).toEqual([]);
    expect(story?.questions).toEqual([]);
    for (const id of expected[slug]?.not ?? []) expect(bank.get(id)?.category).toBe('behavioral');
    expect(expected[slug]?.missing).toMatch(/\w/);
  });
});
