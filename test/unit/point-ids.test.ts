import { describe, expect, it } from 'vitest';
import { parseQuestionFile } from '../../src/core/questions/parse.js';
import { derivePointId } from '../../src/core/questions/point-ids.js';

const file = (front: string) => `---\nid: q\ncategory: technical\nquestion: How?\n${front}---\nAn answer.\n`;

describe('key point ids', () => {
  it.each([
    ['Admits the mistake quickly and without excuses', 'admits-mistake-quickly-without'],
    ['Has a tested rollback', 'has-tested-rollback'],
    ['The 2% error budget', '2-error-budget'],
    ['Ça marche: déploiement', 'ca-marche-deploiement'],
    ['The', 'the'],
  ])('derives %j as %j', (point, id) => {
    expect(derivePointId(point)).toBe(id);
  });

  it('keeps ids written in the file, with no warning', () => {
    const parsed = parseQuestionFile(file('keyPoints:\n  - id: tested-rollback\n    point: Has a tested rollback\n    terms: [rollback]\n'), 'q.md');
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toBeUndefined();
    expect(parsed.questions[0]?.keyPoints[0]?.id).toBe('tested-rollback');
  });

  it('derives unique ids for points without one, and warns at the keyPoints field', () => {
    const parsed = parseQuestionFile(file('keyPoints:\n  - point: Has a plan\n    terms: [plan]\n  - point: Has a plan\n    terms: [plan b]\n'), 'q.md');
    expect(parsed.problems).toEqual([]);
    expect(parsed.questions[0]?.keyPoints.map((k) => k.id)).toEqual(['has-plan', 'has-plan-2']);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings?.[0]).toMatchObject({ file: 'q.md', line: 5, message: expect.stringContaining('no id') });
  });

  it('reports a duplicate id and a follow-up probing a point that does not exist, with their places', () => {
    const parsed = parseQuestionFile(
      file('keyPoints:\n  - id: a\n    point: One\n    terms: [one]\n  - id: a\n    point: Two\n    terms: [two]\nfollowUps:\n  - question: Why?\n    probes: b\n'),
      'q.md',
    );
    expect(parsed.questions).toEqual([]);
    expect(parsed.problems.map((p) => `${p.line}:${p.message.slice(0, 24)}`)).toEqual(['9:duplicate point id "a": ', '14:follow-up probes "b", wh']);
  });

  it('reads aliases, a brief and what a story must tell', () => {
    const parsed = parseQuestionFile(
      file('aliases: [old-q]\nbrief: |-\n  Three releases clash.\n  Plan it.\nmustTell:\n  what: a no to someone senior\n  terms: [said no]\nkeyPoints:\n  - id: a\n    point: One\n    terms: [one]\nfollowUps:\n  - question: Why?\n    probes: a\n'),
      'q.md',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.questions[0]).toMatchObject({ aliases: ['old-q'], brief: 'Three releases clash.\nPlan it.', mustTell: { what: 'a no to someone senior', terms: ['said no'] }, followUps: [{ question: 'Why?', probes: 'a' }] });
  });

  it('refuses an alias equal to the question id', () => {
    const parsed = parseQuestionFile(file('aliases: [q]\n'), 'q.md');
    expect(parsed.problems.map((p) => p.message)).toEqual(["alias \"q\" is the question's own id"]);
  });
});
