/** Why the history could not be read or written; the CLI turns each into a one-line message and exit 1. */
export type HistoryErrorKind = 'corrupt' | 'newer-version' | 'not-saved' | 'locked' | 'bad-path';

export class HistoryError extends Error {
  constructor(
    readonly kind: HistoryErrorKind,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'HistoryError';
  }
}
