// docs/scripting.md is the contract for `tailor --json` and `story match --json`: every field the commands
// write must be documented there, under the command's own heading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/core/questions/load.js';
import { matchStories } from '../../src/core/stories/match.js';
import { parseStoryFile, type Story } from '../../src/core/stories/parse.js';
import { createRanker } from '../../src/core/tailor/rank.js';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'scripting.md'), 'utf8');

/** The ts block under a `### ` heading that starts with `heading`. */
function shapeUnder(heading: string): string {
  const at = doc.indexOf(`### \`${heading}`);
  expect(at, `docs/scripting.md has a section for ${heading}`).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([^]*?)```/.exec(doc.slice(at));
  return block?.[1] ?? '';
}

/** Every key of an object, nested objects and arrays of objects included, as `key` names. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

const documents = (shape: string, key: string) => new RegExp(`(^|[{\\s;])${key}\\??:`, 'm').test(shape);

describe('the JSON contracts in docs/scripting.md', async () => {
  const bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).questions;

  it('names every field tailor --json writes', () => {
    const posting = readFileSync(join(ROOT, 'test', 'fixtures', 'postings', 'tuning', 'cloud-platform.md'), 'utf8');
    const withGap = `${posting}\n- Make every release accessible: WCAG 2.2 AA checks with screen readers before it ships.\n`;
    const ranker = createRanker(bank);
    // A model grader that names no question for the Terraform line makes it a gap the words alone would not.
    const terraform = ranker.linesToAsk(withGap).find((line) => line.includes('Terraform')) as string;
    const { themes, questions, gaps, gapDetails, bullets } = ranker.rank(withGap, 10, new Map([[terraform, []]]));
    // As the command writes it (src/cli/commands/tailor.ts).
    const written = { themes, questions, gaps, gapDetails, bullets };
    const shape = shapeUnder('rmprep tailor');
    const keys = [...keysOf(written)];
    expect(keys).toEqual(expect.arrayContaining(['themes', 'label', 'phrases', 'questions', 'because', 'bullet', 'fit', 'score', 'gaps', 'gapDetails', 'text', 'nearest', 'byModel', 'read', 'matched', 'cut']));
    expect(keys.filter((k) => !documents(shape, k))).toEqual([]);
  });

  it('names every field story match --json writes', () => {
    const file = readFileSync(join(ROOT, 'test', 'fixtures', 'stories', 'vendor-slip.md'), 'utf8');
    const { story } = parseStoryFile(file, 'vendor-slip.md', 'vendor-slip');
    const matrix = matchStories([story as Story], bank);
    // As the command writes it (src/cli/commands/story.ts).
    const written = { questions: matrix.questions.map((q) => ({ ...q, stories: q.stories.map(({ slug, fit, tells }) => (tells ? { slug, fit, tells } : { slug, fit })) })), gaps: matrix.gaps };
    const shape = shapeUnder('rmprep story match');
    const keys = [...keysOf(written)];
    expect(keys).toEqual(expect.arrayContaining(['questions', 'id', 'category', 'question', 'stories', 'slug', 'fit', 'tells', 'what', 'found', 'gaps']));
    expect(keys.filter((k) => !documents(shape, k))).toEqual([]);
  });
});
