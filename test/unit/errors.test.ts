import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/main.js';
import { FailureError, NotFoundError, UsageError } from '../../src/cli/errors.js';
import { InputError, isUserError } from '../../src/core/errors.js';
import { HistoryError } from '../../src/core/history/errors.js';

function report(err: unknown): { code: number; err: string } {
  let text = '';
  const code = reportError(err, { stderr: { write: (s: string) => (text += s) } });
  return { code, err: text };
}

/** An error made by another copy of the classes, as a lazy bundle has: only the shared mark is the same. */
function foreignUserError(message: string, kind: string, exitCode?: number): Error {
  const err = new Error(message) as Error & Record<symbol | string, unknown>;
  err[Symbol.for('rmprep.user-error')] = true;
  err.kind = kind;
  if (exitCode !== undefined) err.exitCode = exitCode;
  return err;
}

describe('errors the user can act on', () => {
  it.each([
    [new UsageError('bad flag', 'see help'), 2, 'rmprep: bad flag (see help)\n'],
    [new NotFoundError('no such thing'), 1, 'rmprep: no such thing\n'],
    [new FailureError('could not write'), 1, 'rmprep: could not write\n'],
    [new InputError('bad plan', 'invalid'), 2, 'rmprep: bad plan\n'],
    [new InputError('no plan', 'missing', 'try another'), 1, 'rmprep: no plan (try another)\n'],
    [new HistoryError('locked', 'history is locked'), 1, 'rmprep: history is locked\n'],
    [foreignUserError('from another bundle', 'invalid'), 2, 'rmprep: from another bundle\n'],
    [foreignUserError('from another bundle', 'usage', 130), 130, 'rmprep: from another bundle\n'],
  ])('%s gives exit %i and one line', (err, code, text) => {
    expect(report(err)).toEqual({ code, err: text });
  });

  it('recognises only errors with the mark', () => {
    expect(isUserError(new HistoryError('corrupt', 'x'))).toBe(true);
    expect(isUserError(new Error('x'))).toBe(false);
    expect(isUserError({ message: 'x', [Symbol.for('rmprep.user-error')]: true })).toBe(false);
  });

  it('prints outside text as one sanitized line, cut with an ellipsis', () => {
    const r = report(new NotFoundError(`no question with id "${'x'.repeat(500)}\u001b[31m\nred"`, 'hint\u001b]0;title\u0007 here'));
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([expect.any(String), '']);
    expect(r.err).not.toMatch(/\u001b|\u0007/);
    expect(r.err).toMatch(/^rmprep: no question with id "x{170,}…/);
    expect(r.err.length).toBeLessThan(330);
    expect(r.err).toContain('(hint here)');
  });

  it('prints anything else as a bug, with its stack', () => {
    const r = report(new TypeError('oops'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^rmprep: internal error: oops\nTypeError: oops/);
    expect(r.err).toMatch(/This is a bug in rmprep/);
  });
});
