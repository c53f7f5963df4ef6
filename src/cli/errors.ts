import { UserError } from '../core/errors.js';

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** A usage mistake: a bad flag or argument, or no terminal where one is needed. Exit 2. */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, 'invalid', hint, EXIT.usage);
  }
}

/** What the user named is not there. Exit 1. */
export class NotFoundError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, 'missing', hint, EXIT.failure);
  }
}

/** What the user asked for could not be done. Exit 1. */
export class FailureError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, 'failure', hint, EXIT.failure);
  }
}
