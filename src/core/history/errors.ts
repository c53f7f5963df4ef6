import { UserError } from '../errors.js';

/** Why the history could not be read or written; the CLI turns each into a one-line message and exit 1. */
export type HistoryErrorKind = 'corrupt' | 'newer-version' | 'not-saved' | 'locked' | 'bad-path' | 'too-large';

export class HistoryError extends UserError {
  declare readonly kind: HistoryErrorKind;

  constructor(kind: HistoryErrorKind, message: string, hint?: string) {
    super(message, kind, hint);
    this.name = 'HistoryError';
  }
}
