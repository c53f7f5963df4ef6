/**
 * What the user asked for cannot be done, said in words for them: it is malformed ('invalid': a bad plan
 * file, an empty name) or it is not there ('missing': an unknown plan or session, an unreadable file).
 * The command line decides the exit code; core code does not know about one.
 */
export class InputError extends Error {
  /** Marks these errors across bundles, where instanceof would not see one class (see scripts/build.mjs). */
  readonly inputError = true;

  constructor(
    message: string,
    readonly kind: 'invalid' | 'missing',
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof Error && (err as { inputError?: unknown }).inputError === true;
}
