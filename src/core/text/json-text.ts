/**
 * JSON text as JSON.stringify writes it, with the characters it leaves raw but a terminal would act on
 * (DEL, C1 controls, line and paragraph separators, bidi overrides) written as \u escapes instead.
 * The value parses back the same; JSON shown in a terminal cannot drive it.
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
