/**
 * The mark of an error the user can act on. It is looked up with Symbol.for, so the start-up bundle and
 * the lazy bundles, each with its own copy of these classes, recognise one another's errors.
 */
const USER_ERROR = Symbol.for('rmprep.user-error');

/**
 * An error the user can act on: printed as one line (plus an optional hint), never with a stack. `kind`
 * says what went wrong; 'invalid' means the input was malformed. Core code never sets `exitCode`: the
 * command line, which alone knows exit codes, picks one from the kind unless it set one itself.
 */
export class UserError extends Error {
  readonly [USER_ERROR] = true;

  constructor(
    message: string,
    readonly kind: string,
    readonly hint?: string,
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof Error && (err as { [USER_ERROR]?: unknown })[USER_ERROR] === true;
}

/**
 * What the user asked for cannot be done: it is malformed ('invalid': a bad plan file, an empty name) or
 * it is not there ('missing': an unknown plan, session or id, an unreadable file).
 */
export class InputError extends UserError {
  declare readonly kind: 'invalid' | 'missing';

  constructor(message: string, kind: 'invalid' | 'missing', hint?: string) {
    super(message, kind, hint);
    this.name = 'InputError';
  }
}
