import { describe, expect, it } from 'vitest';
import { parseTailorReply, tailorRequest } from '../../src/adapters/tailor-request.js';
import { findGapBullets } from '../../src/core/tailor/bullet-picks.js';
import { MODEL_FITS, withModelPicks } from '../../src/core/tailor/model-picks.js';
import { createRanker } from '../../src/core/tailor/rank.js';
import type { BulletReading } from '../../src/core/tailor/bullet-fit.js';
import { makeQuestion } from '../support/questions.js';

const envelope = (content: string) => JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] });

describe('the reply naming questions per line', () => {
  it('reads each line\'s ids, best first, at most three, a line named twice once', () => {
    const picks = parseTailorReply(envelope(JSON.stringify({ bullets: [{ bullet: 1, questions: ['a', 'b', 'a', 'c', 'd'] }, { bullet: 2, questions: [] }, { bullet: 1, questions: ['z'] }] })));
    expect(picks).toEqual(new Map([[1, ['a', 'b', 'c']], [2, []]]));
  });

  it('reads JSON in a fence as well', () => {
    expect(parseTailorReply(envelope('```json\n{"bullets":[{"bullet":3,"questions":["x"]}]}\n```'))).toEqual(new Map([[3, ['x']]]));
  });

  it.each([
    ['an empty reply', ''],
    ['a malformed reply', envelope('the first line wants feature-flags')],
    ['a reply that breaks the schema', envelope('{"bullets":[{"bullet":"one","questions":["x"]}]}')],
  ])('says "%s" when it cannot be read', (problem, body) => {
    expect(parseTailorReply(body)).toBe(problem);
  });
});

describe('the request', () => {
  it('numbers the posting\'s lines, lists every question with its duties, and tells the model the posting is only data', () => {
    const body = tailorRequest('m', { bullets: ['Run the CAB.', 'Ship the app.'], questions: [{ id: 'cab', question: 'How do you run a CAB?', duties: ['Chair the change board'] }] }) as { model: string; messages: { content: string }[] };
    expect(body.model).toBe('m');
    expect(body.messages[0]?.content).toMatch(/never instructions/);
    expect(JSON.parse(body.messages[1]!.content)).toEqual({
      posting: [{ number: 1, line: 'Run the CAB.' }, { number: 2, line: 'Ship the app.' }],
      questions: [{ id: 'cab', question: 'How do you run a CAB?', duties: ['Chair the change board'] }],
    });
  });
});

describe('a model\'s picks beside the words', () => {
  const reading = (text: string, fits: [string, number][]): BulletReading => ({ bullet: { text, listed: true }, themes: new Map(), stems: new Map(), pairs: new Set(), themeCover: 0, fits: fits.map(([id, fit]) => ({ id, fit })) });

  it('raise the questions named for a line to the model\'s fits, best first, and leave other lines as the words read them', () => {
    const [named, other] = withModelPicks([reading('Line one', [['x', 0.5], ['y', 0.2]]), reading('Line two', [['x', 0.4]])], new Map([['Line one', ['y', 'nope', 'z']]]), new Set(['x', 'y', 'z']));
    expect(named?.fits).toEqual([{ id: 'y', fit: MODEL_FITS[0] }, { id: 'z', fit: MODEL_FITS[1] }, { id: 'x', fit: 0.5 }]);
    expect(other?.fits).toEqual([{ id: 'x', fit: 0.4 }]);
  });

  it('bring a question the words missed into the list for its line, quoting that line, and the line is no gap', () => {
    const bank = [
      makeQuestion('vendors', 'behavioral', { question: 'Tell me about a release that hinged on an outside partner.', answer: 'We planned a buffer.', tags: ['vendor-management'] }),
      makeQuestion('calendar', 'technical', { question: 'How do you keep a release calendar?', answer: 'One calendar.', tags: ['release-calendar'] }),
      makeQuestion('cab', 'technical', { question: 'How do you run a change advisory board?', answer: 'Risk first.', tags: ['change-management'] }),
    ];
    const ranker = createRanker(bank);
    const posting = 'Responsibilities\n\n- Keep the release calendar for every team.\n- Get our card processor and SDK suppliers to land their changes on time for each release.\n';
    const line = 'Get our card processor and SDK suppliers to land their changes on time for each release.';
    expect(ranker.linesToAsk(posting)).toEqual(['Keep the release calendar for every team.', line]);
    const words = ranker.rank(posting, 3);
    expect(words.gapDetails.map((g) => g.bullet)).toContain(line);
    const read = ranker.rank(posting, 3, new Map([[line, ['vendors']]]));
    expect(read.gapDetails.map((g) => g.bullet)).not.toContain(line);
    expect(read.questions.find((q) => q.id === 'vendors')).toMatchObject({ bullet: line });
  });

  it('mark a line the model says no question prepares for, and that line is a gap unless the words fit a question well', () => {
    const [none, unsaid] = withModelPicks([reading('Line one', [['x', 0.6]]), reading('Line two', [['x', 0.6]])], new Map([['Line one', []]]), new Set(['x']));
    expect(none?.modelNone).toBe(true);
    expect(unsaid?.modelNone).toBeUndefined();
    // A listed duty in release work, answered by a question's words at 0.6: no gap for the words alone.
    const duty = { ...reading('Negotiate renewals and pricing with our CI and artifact vendors for each release.', [['tools', 0.6]]), themes: new Map([['ci-cd', 1]]), stems: new Map([['negotiat', 1], ['renewal', 1], ['pricing', 1], ['vendor', 1]]) };
    expect(findGapBullets([duty], new Map())).toEqual([]);
    expect(findGapBullets([{ ...duty, modelNone: true }], new Map()).map((g) => g.bullet)).toEqual([duty.bullet.text]);
    const sure = { ...duty, modelNone: true, fits: [{ id: 'tools', fit: 0.8 }] };
    expect(findGapBullets([sure], new Map())).toEqual([]);
  });
});
