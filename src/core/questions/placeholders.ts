import type { Problem } from '../problems.js';

// A value that starts with TODO in capitals (after a list dash, a key, or an opening bracket): what `rmprep new` writes.
const PLACEHOLDER = /^(\s*(?:-\s+)?(?:[A-Za-z]+:\s+)?(?:>-?\s*)?(?:\[\s*)?)TODO\b/;

/**
 * Every placeholder `rmprep new` left in a question file, one problem each, so a file is not used (and
 * `validate` fails) until each is replaced with real content.
 */
export function findPlaceholders(text: string, file: string): Problem[] {
  if (!text.includes('TODO')) return [];
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const m = PLACEHOLDER.exec(line);
    if (m) problems.push({ file, line: i + 1, col: (m[1]?.length ?? 0) + 1, message: "placeholder left by 'rmprep new': replace this TODO with your own text" });
  });
  return problems;
}
