import { describe, expect, it } from 'vitest';
import { renderPhrasings } from '../../src/ui/render-phrasings.js';
import { createStyle } from '../../src/ui/style.js';

const style = createStyle(false);
const file = '/home/someone/.local/share/rmprep/phrasings.yaml';

describe('the phrasings listing on a narrow terminal', () => {
  it('with none yet, gives the command on a line of its own and keeps every line within 60 columns', () => {
    const lines = renderPhrasings([], file, { width: 60, style }).split('\n');
    expect(lines).toContain('  rmprep coach <id> --answer-file F --heard <point>');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('wraps the footer that says where they are kept', () => {
    const row = { n: 1, question: 'rollback-recovery', point: 'restores-service', sentence: 'we put the old build back', status: 'ok' as const, pointNumber: 2, pointText: 'Restores service first' };
    const lines = renderPhrasings([row], file, { width: 50, style }).split('\n');
    expect(lines.join(' ')).toContain('forget one with: rmprep phrasings forget <n>');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
  });
});
