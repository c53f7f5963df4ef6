/** "1 question", "3 questions": a count and its noun, plural by adding 's' unless `many` is given. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
