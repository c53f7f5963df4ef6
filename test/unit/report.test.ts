import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { AttemptRecord, HistoryRecord, SessionRecord } from '../../src/core/history/schema.js';
import type { QuestionData } from '../../src/core/questions/schema.js';
import { buildSessionReport } from '../../src/core/practice/report.js';
import { duration, renderReportMarkdown, renderReportText } from '../../src/ui/render-report.js';
import { createStyle } from '../../src/ui/style.js';

const ROLLBACK: QuestionData = {
  id: 'rollback-plan',
  category: 'technical',
  question: 'How do you roll back a release | safely?',
  answer: 'Model.',
  keyPoints: [
    { id: 'tested-rollback', point: 'Has a tested rollback', terms: ['rollback', 'revert'] },
    { id: 'watches-monitoring', point: 'Watches monitoring after release', terms: ['monitoring', 'dashboards'] },
  ],
  followUps: [],
  tags: [],
  difficulty: 2,
};
const CONFLICT: QuestionData = { ...ROLLBACK, id: 'team-conflict', category: 'behavioral', question: '# Tell me about a conflict', keyPoints: [] };
const bank = { byId: new Map([ROLLBACK, CONFLICT].map((q) => [q.id, q])) };

const session = (id: string, at: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({ type: 'session', id, at, ...extra });
let n = 0;
const attempt = (sessionId: string | undefined, questionId: string, extra: Partial<AttemptRecord> = {}): AttemptRecord => ({
  type: 'attempt',
  id: `a${++n}`,
  questionId,
  category: questionId === 'team-conflict' ? 'behavioral' : 'technical',
  at: '2024-05-02T10:00:00.000Z',
  rating: 'good',
  mode: 'typed',
  seconds: 60,
  ...(sessionId ? { session: sessionId } : {}),
  ...extra,
});

const RECORDS: HistoryRecord[] = [
  session('old', '2024-05-01T09:00:00.000Z'),
  attempt('old', 'team-conflict', { answer: 'An old answer.' }),
  session('newest', '2024-05-02T09:00:00.000Z', { plan: 'mock-interview', timeLimit: 120 }),
  attempt('newest', 'rollback-plan', { answer: 'We test the rollback every sprint.', seconds: 150, timeLimit: 120, overTime: true, rating: 'hard' }),
  attempt(undefined, 'rollback-plan', { answer: 'Outside any session.' }),
  attempt('newest', 'team-conflict', { mode: 'spoken', seconds: 90, rating: 'easy' }),
  attempt('newest', 'deleted-question', { answer: 'Still my answer.', score: 40, rating: 'again' }),
  // Written later but dated earlier: "last" goes by date.
  session('earlier', '2024-04-01T09:00:00.000Z'),
];

describe('buildSessionReport', () => {
  it('takes the newest session for "last", with its attempts in the order they were saved', () => {
    const report = buildSessionReport(RECORDS, 'last', bank);
    expect(report.session).toEqual({ id: 'newest', label: null, at: '2024-05-02T09:00:00.000Z', plan: 'mock-interview', timeLimit: 120 });
    expect(report.attempts.map((a) => [a.index, a.questionId])).toEqual([
      [1, 'rollback-plan'],
      [2, 'team-conflict'],
      [3, 'deleted-question'],
    ]);
  });

  it('recomputes feedback for a typed answer to a question still in the bank', () => {
    const [first] = buildSessionReport(RECORDS, 'newest', bank).attempts;
    expect(first).toMatchObject({ question: ROLLBACK.question, answer: 'We test the rollback every sprint.', rating: 'hard', seconds: 150, timeLimit: 120, overTime: true });
    expect(first?.coach?.id).toBe('rollback-plan');
    expect(first?.coach?.talkingPoints.map((p) => p.covered)).toEqual([true, false]);
    expect(first?.missed).toEqual(['Watches monitoring after release']);
    expect(first?.score).toBe(first?.coach?.score);
  });

  it('has no feedback for a spoken answer or a question that left the bank, and keeps a saved score', () => {
    const [, spoken, gone] = buildSessionReport(RECORDS, 'newest', bank).attempts;
    expect(spoken).toMatchObject({ mode: 'spoken', answer: null, coach: null, score: null, missed: [] });
    expect(gone).toMatchObject({ question: null, answer: 'Still my answer.', coach: null, score: 40 });
  });

  it('sums the session up', () => {
    const { summary } = buildSessionReport(RECORDS, 'last', bank);
    expect(summary).toMatchObject({ questions: 3, typed: 2, totalSeconds: 300, overTime: 1, ratings: { again: 1, hard: 1, good: 0, easy: 1 } });
  });

  it('finds a session by a unique prefix of its id', () => {
    expect(buildSessionReport(RECORDS, 'newe', bank).session.id).toBe('newest');
  });

  it('lists the latest sessions when the id is unknown', () => {
    let error: unknown;
    try {
      buildSessionReport(RECORDS, 'nope', bank);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).kind).toBe('missing');
    expect((error as InputError).message).toBe('no session with id or label "nope"');
    expect((error as InputError).hint).toMatch(/^latest sessions: newest \(2024-05-02 09:00\), old \(2024-05-01 09:00\), earlier/);
  });

  it('says so when the history has no session at all', () => {
    expect(() => buildSessionReport([attempt(undefined, 'rollback-plan')], 'last', bank)).toThrow('no practice sessions in the history yet');
  });
});

describe('renderReportMarkdown', () => {
  const md = renderReportMarkdown(buildSessionReport(RECORDS, 'last', bank));

  it('has a title with the date and plan, and a summary table', () => {
    expect(md.startsWith('# Practice session, 2024-05-02: mock-interview\n')).toBe(true);
    expect(md).toContain('| # | Question | Rating | Score | Time |');
    expect(md).toContain('| 3 | (deleted-question: no longer in the question bank) | again | 40 | 1:00 |');
  });

  it('escapes pack text that would break the table or make a heading', () => {
    expect(md).toContain('| 1 | How do you roll back a release \\| safely? | hard |');
    expect(md).toContain('## 2. \\# Tell me about a conflict');
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(7);
  });

  it('quotes the answer and lists the missed talking points', () => {
    expect(md).toContain('> We test the rollback every sprint.');
    expect(md).toContain('**Talking points not heard**\n\n- Watches monitoring after release');
    expect(md).toContain('**Time:** 2:30 of 2:00, over time');
  });

  it('has the same "Practise next" items as the terminal report, at most three', () => {
    const report = buildSessionReport(RECORDS, 'last', bank);
    const first = report.attempts.find((a) => a.practise.length > 0);
    expect(first).toBeDefined();
    expect(first!.practise.length).toBeLessThanOrEqual(3);
    const items = first!.practise;
    expect(md).toContain(`**Practise next**\n\n${items.map((t) => `- ${t}`).join('\n')}`);
    expect(renderReportText(report, { width: 200, style: createStyle(false) })).toContain(`Practise next\n     - ${items[0]}`);
  });

  it('gives each follow-up: what it probed and whether the second answer recovered it', () => {
    const followUps = [
      { question: 'What do you watch after?', probes: 'watches-monitoring', answer: 'The dashboards, for an hour.', heard: true },
      { question: 'Who decides?', probes: 'tested-rollback', answer: 'The on-call lead.', heard: false },
    ];
    const records: HistoryRecord[] = [session('f', '2024-05-02T09:00:00.000Z'), attempt('f', 'rollback-plan', { answer: 'We just ship it.', followUps })];
    const report = buildSessionReport(records, 'last', bank);
    const [a] = report.attempts;
    expect(a?.followUps.map((f) => [f.point, f.heard])).toEqual([['Watches monitoring after release', true], ['Has a tested rollback', false]]);
    // The recovered point is no longer something to practise; the one still missing comes first.
    expect(a?.practise[0]).toBe('Make the point: Has a tested rollback');
    expect(a?.practise.join(' ')).not.toContain('Watches monitoring');
    expect(report.summary).toMatchObject({ followUps: 2, recovered: 1 });
    const text = renderReportText(report, { width: 200, style: createStyle(false) });
    expect(text).toContain('Follow-up\n     What do you watch after?\n     The dashboards, for an hour.\n     Probed: Watches monitoring after release. Recovered in the second answer.');
    expect(text).toContain('1 of 2 follow-ups recovered a missed point');
    expect(renderReportMarkdown(report)).toContain('**Follow-up:** Who decides?\n\n> The on-call lead.\n\nProbed: Has a tested rollback. Still missing after the second answer.');
  });

  it('keeps a multi-line answer inside the blockquote and escapes line starts', () => {
    const records: HistoryRecord[] = [session('s', '2024-05-02T09:00:00.000Z'), attempt('s', 'rollback-plan', { answer: 'First line\n\n# not a heading\n- not a list <b>x</b>' })];
    const text = renderReportMarkdown(buildSessionReport(records, 'last', bank));
    expect(text).toContain('> First line\n>\n> \\# not a heading\n> \\- not a list \\<b\\>x\\</b\\>\n');
  });
});

describe('renderReportText', () => {
  it('shows each question with the answer and strips terminal control sequences', () => {
    const records: HistoryRecord[] = [session('s', '2024-05-02T09:00:00.000Z'), attempt('s', 'rollback-plan', { answer: 'We revert \u001b[2Jfast.' })];
    const text = renderReportText(buildSessionReport(records, 'last', bank), { width: 80, style: createStyle(false) });
    expect(text).toContain('1. How do you roll back a release | safely?');
    expect(text).toContain('We revert fast.');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Talking points not heard');
  });
});

describe('duration', () => {
  it.each([
    [0, '0:00'],
    [59.6, '1:00'],
    [95, '1:35'],
    [3600, '60:00'],
  ])('%d seconds is %s', (seconds, text) => expect(duration(seconds)).toBe(text));
});
