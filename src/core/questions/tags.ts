/** How many questions carry each tag, most used first, then by name. */
export function countTags(questions: readonly { tags: readonly string[] }[]): { tag: string; questions: number }[] {
  const counts = new Map<string, number>();
  for (const q of questions) for (const tag of new Set(q.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, n]) => ({ tag, questions: n }))
    .sort((a, b) => b.questions - a.questions || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
