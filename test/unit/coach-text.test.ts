import { describe, expect, it } from 'vitest';
import { analyzeText, countWords, findStems, spanText, stemPhrase, stemWord } from '../../src/core/coach/text.js';

describe('stemWord', () => {
  it.each([
    ['rolled', 'roll'],
    ['rolling', 'roll'],
    ['roll', 'roll'],
    ['deployments', 'deploy'],
    ['deployed', 'deploy'],
    ['deploying', 'deploy'],
    ['monitored', 'monitor'],
    ['monitoring', 'monitor'],
    ['planned', 'plan'],
    ['dependencies', 'dependency'],
    ['fixes', 'fix'],
    ['weekly', 'week'],
  ])('%s -> %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it.each([
    ['release', 'releases', 'released', 'releasing'],
    ['rehearse', 'rehearsed', 'rehearsing', 'rehearses'],
    ['migrate', 'migrated', 'migration', 'migrations'],
    ['agree', 'agreed', 'agreement', 'agrees'],
    ['need', 'needs', 'needed', 'needing'],
    ['version', 'versions', 'versioning', 'versioned'],
    ['issue', 'issues', 'issued', 'issuing'],
  ])('gives the forms of "%s" one stem', (...forms) => {
    expect(new Set(forms.map(stemWord)).size).toBe(1);
  });

  it.each(['this', 'status', 'process', 'only', 'thing', 'was', 'comment', 'bus'])('leaves "%s" readable', (word) => {
    expect(stemWord(word).length).toBeGreaterThanOrEqual(word.length - 1);
  });
});

describe('analyzeText', () => {
  it('lowercases, drops punctuation and keeps offsets into the original text', () => {
    const doc = analyzeText('We Rolled-back the "release", fast!');
    expect(doc.tokens.map((t) => t.norm)).toEqual(['we', 'rolled', 'back', 'the', 'release', 'fast']);
    const t = doc.tokens[1];
    expect(t && doc.text.slice(t.start, t.end)).toBe('Rolled');
  });

  it('splits sentences on full stops but not inside decimals', () => {
    const doc = analyzeText('Errors hit 3.4% at noon. We reverted! Then we checked again');
    expect(doc.sentenceCount).toBe(3);
    expect(doc.tokens.find((t) => t.norm === 'reverted')?.sentence).toBe(1);
  });

  it('keeps contractions whole', () => {
    expect(analyzeText("I'm sure we're fine").tokens.map((t) => t.norm)).toEqual(["i'm", 'sure', "we're", 'fine']);
  });

  it.each([
    ['Wir haben das Release zurückgerollt und überwacht.', 7],
    ['我们回滚了发布', 1],
    ['Мы откатили релиз за 5 минут', 6],
    ['🚀 shipped 🎉', 1],
  ])('tokenizes non-English text without throwing: %s', (text, tokens) => {
    expect(analyzeText(text).tokens).toHaveLength(tokens);
  });
});

describe('findStems', () => {
  const spans = (answer: string, term: string) => {
    const doc = analyzeText(answer);
    return findStems(doc, stemPhrase(term)).map((s) => spanText(doc, s));
  };

  it.each([
    ['We rolled back within minutes', 'roll back', ['rolled back']],
    ['We were rolling back when it recovered', 'roll back', ['rolling back']],
    ['The rollback took four minutes', 'roll back', ['rollback']],
    ['We rolled back twice', 'rollback', ['rolled back']],
    ['A blameless post-mortem followed', 'postmortem', ['post-mortem']],
    ['Our postmortems are blameless', 'post mortem', ['postmortems']],
    ['Three deployments a day', 'deploy', ['deployments']],
    ['We monitored error rates closely', 'monitoring', ['monitored']],
    ['Feature flags were switched off', 'feature flag', ['Feature flags']],
    ['blue-green switch', 'blue green', ['blue-green']],
  ])('"%s" contains "%s"', (answer, term, expected) => {
    expect(spans(answer, term)).toEqual(expected);
  });

  it.each([
    ['We rolled the dice and went back', 'roll back'],
    ['The flag of the feature', 'feature flag'],
    ['deploy', 'deployment frequency'],
  ])('"%s" does not contain "%s" as a phrase', (answer, term) => {
    expect(spans(answer, term)).toEqual([]);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one two  three', 3],
    ['blue-green, canary; rolling.', 3],
    ['— ... !!', 0],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});
