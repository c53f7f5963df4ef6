import { describe, expect, it } from 'vitest';
import { countFillers } from '../../src/core/coach/fillers.js';
import { analyzeText } from '../../src/core/coach/text.js';

const fillers = (text: string) => {
  const found = countFillers(analyzeText(text), 60);
  return Object.fromEntries(found.top.map((t) => [t.word, t.count]));
};

describe('countFillers', () => {
  it.each([
    ['I like Jenkins.', {}],
    ['We would like to ship on Friday.', {}],
    ['Tools like Jenkins and Argo CD.', {}],
    ['It looks like a race condition.', {}],
    ['It took something like 20 minutes.', {}],
    ['It was, like, broken.', { like: 1 }],
    ['Like, nobody knew what happened.', { like: 1 }],
    ['So like we just pushed it.', { like: 1 }],
    ['It was like um broken.', { like: 1, um: 1 }],
    ['Um, we, uh, shipped it. Erm.', { um: 1, uh: 1, er: 1 }],
    ['You know, it was late.', { 'you know': 1 }],
    ['Do you know what happened?', {}],
    ['You know the pipeline well.', {}],
    ['It was kind of late.', { 'kind of': 1 }],
    ['What kind of release was it?', {}],
    ['A sort of freeze.', {}],
    ['I mean, it worked.', { 'I mean': 1 }],
    ['It was basically done, actually.', { basically: 1, actually: 1 }],
    ['We literally shipped it. So yeah.', { literally: 1, 'so yeah': 1 }],
  ])('%s', (text, expected) => {
    expect(fillers(text)).toEqual(expected);
  });

  it('counts per minute of speech and lists the most frequent first', () => {
    const found = countFillers(analyzeText('Um, um, uh, like, it broke.'), 30);
    expect(found.total).toBe(4);
    expect(found.perMinute).toBe(8);
    expect(found.top[0]).toEqual({ word: 'um', count: 2 });
  });

  it('reports zero for no speech', () => {
    expect(countFillers(analyzeText(''), 0)).toEqual({ total: 0, perMinute: 0, top: [] });
  });
});
