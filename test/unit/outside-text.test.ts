import { describe, expect, it, vi } from 'vitest';
import type { AttemptRecord, HistoryRecord, SessionRecord } from '../../src/core/history/schema.js';
import { parsePlan } from '../../src/core/practice/plan-parse.js';
import { buildSessionReport } from '../../src/core/practice/report.js';
import { renderTable } from '../../src/ui/render.js';
import { renderReportMarkdown, renderReportText } from '../../src/ui/render-report.js';
import { createStyle } from '../../src/ui/style.js';

// Text from a hand-edited or imported history, or a plan file, reaches the terminal sanitized and cut.
const ESC = '\x1b]0;owned\x07\x1b[2J';
const hasControl = (s: string) => /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(s);
const style = createStyle(false);
const noBank = { byId: new Map() };

const session = (id: string, at: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({ type: 'session', id, at, ...extra });
const attempt = (questionId: string, sessionId: string): AttemptRecord => ({
  type: 'attempt',
  id: 'a1',
  questionId,
  category: 'common',
  at: '2026-01-01T10:00:00.000Z',
  rating: 'good',
  mode: 'typed',
  seconds: 30,
  session: sessionId,
});

describe('report', () => {
  const records: HistoryRecord[] = [session('s1', `${ESC}Jan 1 2026`, { plan: `plan${ESC}${'p'.repeat(5000)}` }), attempt(`gone${ESC}${'x'.repeat(5000)}`, 's1')];

  it('prints a question id no longer in the bank, the date and the plan without escapes, cut', () => {
    const report = buildSessionReport(records, 's1', noBank);
    for (const text of [renderReportText(report, { width: 80, style }), renderReportMarkdown(report)]) {
      expect(hasControl(text)).toBe(false);
      expect(text.length).toBeLessThan(2000);
    }
    expect(renderReportMarkdown(report).split('\n')[0]).not.toContain('owned');
  });

  it('lists known sessions in the unknown --session hint without escapes, cut', () => {
    const many: HistoryRecord[] = Array.from({ length: 6 }, (_, i) => session(`s${i}${ESC}${'y'.repeat(3000)}`, `2026-01-0${i + 1}T10:00:00Z${ESC}`));
    let hint = '';
    try {
      buildSessionReport(many, 'nope', noBank);
    } catch (err) {
      hint = (err as { hint?: string }).hint ?? '';
    }
    expect(hint).toMatch(/^latest sessions: /);
    expect(hasControl(hint)).toBe(false);
    expect(hint.length).toBeLessThan(400);
  });
});

describe('plans', () => {
  it('names unknown keys without escapes, cut', () => {
    const { problems } = parsePlan(`name: p\nitems:\n  - count: 1\n"bad${ESC.replace(/\x1b/g, '\\e').replace(/\x07/g, '\\a')}${'k'.repeat(500)}": 1\n`, 'plan.yaml');
    const message = problems.map((p) => p.message).join('\n');
    expect(message).toMatch(/unknown field/);
    expect(hasControl(message)).toBe(false);
    expect(message.length).toBeLessThan(120);
  });

  it('reports a list used as a key at its place, with no warning from the YAML library', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const { plan, problems } = parsePlan('name: p\nitems:\n  - count: 1\n? [a, b]\n: 1\n', 'plan.yaml');
      expect(plan).toBeUndefined();
      expect(problems).toContainEqual({ file: 'plan.yaml', line: 4, col: 3, message: 'a key must be a plain name, not a list or mapping' });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('tables', () => {
  it('one very long id does not widen every row', () => {
    const rows = [
      ['a'.repeat(10_000), 'common', '1', 'Why?'],
      ['short', 'common', '2', 'How?'],
    ];
    const lines = renderTable(['ID', 'CATEGORY', 'DIFF', 'QUESTION'], rows, 80, style).trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^a+… {2}common/);
  });
});
