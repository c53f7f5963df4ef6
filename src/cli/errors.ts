/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** An error the user can fix; printed as one line (plus an optional hint), never with a stack. */
export class CliError extends Error {
  /** Marks these errors across bundles, where instanceof would not see one class (see scripts/build.mjs). */
  readonly cliError = true;

  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

export class NotFoundError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.failure, hint);
  }
}

export class FailureError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.failure, hint);
  }
}

/** The user pressed Ctrl-C or closed a prompt. */
export class InterruptedError extends CliError {
  constructor(message = 'interrupted') {
    super(message, EXIT.interrupted);
  }
}

export function isCliError(err: unknown): err is CliError {
  return err instanceof Error && (err as { cliError?: unknown }).cliError === true;
}
