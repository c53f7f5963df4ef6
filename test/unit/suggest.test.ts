import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/core/suggest.js';

const IDS = ['rollback-recovery', 'rollback-strategy', 'release-process', 'team-conflict', 'dora-metrics', 'feature-flags', 'hotfix-process'];

describe('suggest', () => {
  it.each([
    ['a typo', 'rolback-recovery', 'rollback-recovery'],
    ['a swapped letter', 'team-confilct', 'team-conflict'],
    ['a missing letter', 'team-confict', 'team-conflict'],
    ['a prefix', 'rollback', 'rollback-recovery'],
    ['a short prefix', 'dora', 'dora-metrics'],
    ['a word inside', 'flags', 'feature-flags'],
    ['another case', 'Release-Process', 'release-process'],
  ])('finds the id from %s', (_case, input, expected) => {
    expect(suggest(input, IDS)).toContain(expected);
  });

  it('lists prefixes first and in order of closeness', () => {
    expect(suggest('rollback', IDS)).toEqual(['rollback-recovery', 'rollback-strategy']);
    expect(suggest('process', IDS)).toEqual(['hotfix-process', 'release-process']);
  });

  it('suggests nothing for something unrelated or empty', () => {
    expect(suggest('kubernetes-upgrade', IDS)).toEqual([]);
    expect(suggest('  ', IDS)).toEqual([]);
  });

  it('gives at most max', () => {
    expect(suggest('r', IDS, 2)).toHaveLength(2);
  });
});
