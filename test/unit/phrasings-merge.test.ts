import { describe, expect, it } from 'vitest';
import { mergePhrasings } from '../../src/core/backup/phrasings-merge.js';

const yaml = (...rows: [string, string, string][]) => `phrasings:\n${rows.map(([q, p, s]) => `  - question: ${q}\n    point: ${p}\n    sentence: ${s}\n`).join('')}`;

describe('mergePhrasings', () => {
  it('keeps yours as they are and adds the backup entries that are new, by question, point and sentence', () => {
    const mine = yaml(['q1', 'a', 'We rolled back fast'], ['q2', 'b', 'kept it small']);
    const theirs = yaml(['q1', 'a', 'we rolled  back fast'], ['q1', 'b', 'we rolled back fast'], ['q3', 'c', 'asked the team']);
    const merged = mergePhrasings(mine, theirs, 'phrasings.yaml');
    expect(merged?.added).toBe(2);
    expect(merged?.phrasings.map((p) => `${p.question}:${p.point}:${p.sentence}`)).toEqual(['q1:a:We rolled back fast', 'q2:b:kept it small', 'q1:b:we rolled back fast', 'q3:c:asked the team']);
  });
  it('adds nothing the second time', () => {
    const first = mergePhrasings(yaml(['q1', 'a', 'one thing']), yaml(['q2', 'a', 'another thing']), 'p.yaml')!;
    const again = yaml(...first.phrasings.map((p) => [p.question, p.point, p.sentence] as [string, string, string]));
    expect(mergePhrasings(again, yaml(['q2', 'a', 'another thing']), 'p.yaml')?.added).toBe(0);
  });
  it('leaves a file that does not read as phrasings to the whole-file rules', () => {
    expect(mergePhrasings('release-process:\n  rollback: [x]\n', yaml(['q1', 'a', 'x y z']), 'p.yaml')).toBeUndefined();
    expect(mergePhrasings(yaml(['q1', 'a', 'x y z']), 'phrasings: 3\n', 'p.yaml')).toBeUndefined();
  });
});
