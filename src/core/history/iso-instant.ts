// Date.parse alone accepts much that is not ISO-8601 ("(anything)Jan 1 2026"), and such text would reach
// the terminal: the shape is checked first. Apart from schema.ts so that checks by hand can use it.
const ISO_INSTANT = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO-8601 date and time with its offset that names a moment JavaScript can represent. */
export function isIsoInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}
