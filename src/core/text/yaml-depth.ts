/**
 * How deep YAML may nest: far beyond any question, story or plan file, and far below the depth at which
 * the parser runs out of stack ("Maximum call stack size exceeded").
 */
const MAX_YAML_DEPTH = 64;

export const TOO_DEEP = `YAML nested more than ${MAX_YAML_DEPTH} levels deep`;

/**
 * The offset where the text nests deeper than MAX_YAML_DEPTH, counting flow collections (`[`, `{`),
 * block indentation and compact entries (`- - -`); undefined when it never does. One pass over the text,
 * done before parsing. Quotes are followed only where a scalar may start, so an apostrophe inside a word
 * changes nothing.
 */
export function findTooDeep(text: string): number | undefined {
  let flow = 0;
  let quote: string | undefined;
  const indents: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (flow === 0 && quote === undefined && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      const m = /^( *)((?:[-?:][ \t]+)*)/.exec(line) as RegExpExecArray;
      const indent = (m[1] as string).length;
      while (indents.length > 0 && (indents[indents.length - 1] as number) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < indent) indents.push(indent);
      const compact = ((m[2] as string).match(/[-?:]/g) ?? []).length;
      if (indents.length + compact > MAX_YAML_DEPTH) return offset;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      const before = i === 0 ? ' ' : (line[i - 1] as string);
      if (c === '#' && /\s/.test(before)) break;
      if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) quote = c;
      else if (c === '[' || c === '{') {
        if (++flow > MAX_YAML_DEPTH) return offset + i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    offset += line.length + 1;
  }
  return undefined;
}
