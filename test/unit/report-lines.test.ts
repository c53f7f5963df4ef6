import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/core/history/schema.js';
import { buildSessionReport } from '../../src/core/practice/report.js';
import { renderReportText } from '../../src/ui/render-report.js';
import { createStyle } from '../../src/ui/style.js';

describe('report text', () => {
  it("keeps the answer's single line breaks and blank lines", () => {
    const answer = 'Situation: a freeze dispute.\nTask: one decision that day.\n\nResult: shipped a day later.';
    const records: HistoryRecord[] = [
      { type: 'session', id: 's1', at: '2026-01-01T10:00:00.000Z' },
      { type: 'attempt', id: 'a1', questionId: 'gone', category: 'common', at: '2026-01-01T10:00:00.000Z', rating: 'good', mode: 'typed', seconds: 30, session: 's1', answer },
    ];
    const text = renderReportText(buildSessionReport(records, 's1', { byId: new Map() }), { width: 80, style: createStyle(false) });
    expect(text).toContain('     Situation: a freeze dispute.\n     Task: one decision that day.\n\n     Result: shipped a day later.');
  });
});
