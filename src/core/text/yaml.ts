import { findTooDeep, TOO_DEEP } from './yaml-depth.js';
import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '../problems.js';

/** Aliases may expand to at most this many nodes, so a small file cannot balloon in memory. */
export const MAX_ALIAS_COUNT = 100;

// The core schema's own tags: anything else (`!!js/function`, `!shell`) could ask a loader to construct something.
const CORE_TAGS = new Set(['str', 'seq', 'map', 'null', 'bool', 'int', 'float'].map((t) => `tag:yaml.org,2002:${t}`));

export type YamlPath = readonly (string | number)[];

export interface YamlText {
  /** The parsed document, or undefined when the text had problems. */
  doc: Document | undefined;
  problems: Problem[];
  /** 1-based position of the deepest node on `path` that exists (of its key, with `atKey`). */
  locate(path: YamlPath, atKey?: boolean): { line: number; col: number };
}

/**
 * Parses YAML that may hold anything: no custom tags (nothing is ever constructed from a tag), no keys
 * that are lists or mappings, no duplicate keys. Every problem is placed in the real file (`lineOffset`
 * lines above the text, as for front matter). Linear in the size of the text: duplicate keys are found
 * with one set per mapping, and key positions with one index per mapping, built on first use.
 */
export function readYaml(text: string, file: string, lineOffset = 0): YamlText {
  const problems: Problem[] = [];
  const deep = findTooDeep(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = (before.match(/\n/g) ?? []).length;
    problems.push({ file, line: line + 1 + lineOffset, col: deep - (before.lastIndexOf('\n') + 1) + 1, message: TOO_DEEP });
    return { doc: undefined, problems, locate: () => ({ line: lineOffset + 1, col: 1 }) };
  }
  // uniqueKeys is checked below in one pass: the yaml package compares each key with every earlier one.
  // logLevel 'error': the package would otherwise print warnings (quoting the file's text) to stderr.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true, schema: 'core', merge: false, logLevel: 'error' });
  let starts: number[] | undefined;
  // The line counter only knows the lines the lexer got through, which stops short on some errors, so
  // problems are placed from the text itself.
  const place = (offset: number) => {
    starts ??= lineStarts(text);
    const at = Math.min(Math.max(offset, 0), text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + lineOffset, col: at - starts[lo]! + 1 };
  };
  const problem = (offset: number, message: string) => problems.push({ file, ...place(offset), message });
  for (const err of [...doc.errors, ...doc.warnings]) {
    // Custom tags are reported below, at the tag, with a clearer message.
    if (err.code === 'TAG_RESOLVE_FAILED') continue;
    problem(err.pos[0], yamlMessage(err.message));
  }
  // One walk over the nodes (the yaml package's visit() is generic and several times slower).
  const walk = (node: unknown): void => {
    if (isNode(node) && node.tag && !CORE_TAGS.has(node.tag)) reportTag(node);
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) problem(pair.key.range?.[0] ?? 0, 'duplicate key: each field may appear only once');
          seen.add(pair.key.value);
        } else if (isNode(pair.key)) {
          // A list or mapping as a key (`? [a, b]`) names no field; turned into text it would span lines.
          problem(pair.key.range?.[0] ?? 0, 'a key must be a plain name, not a list or mapping');
        }
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  const reportTag = (node: Node) => {
    // The node's range starts after its tag; point at the tag itself, as written.
    const start = node.range?.[0] ?? 0;
    let bang = text.lastIndexOf('!', start);
    while (bang > 0 && text[bang - 1] === '!') bang--;
    const written = bang !== -1 && !text.slice(bang, start).includes('\n') ? text.slice(bang, start).trim() : '';
    problem(written ? bang : start, `custom YAML tag ${written.split(/\s/)[0] || node.tag} is not allowed`);
  };
  walk(doc.contents);
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  const keys = new WeakMap<YAMLMap, Map<unknown, Pair>>();
  const keyOf = (map: YAMLMap, name: unknown): Pair | undefined => {
    let index = keys.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(p.key.value)) index.set(p.key.value, p);
      keys.set(map, index);
    }
    return index.get(name);
  };
  const locate = (path: YamlPath, atKey = false) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth);
      let offset: number | undefined;
      if (atKey && depth === path.length && depth > 0) {
        const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
        const key = isMap(parent) ? keyOf(parent, sub[sub.length - 1])?.key : undefined;
        if (isNode(key)) offset = key.range?.[0];
      } else {
        const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
        if (isNode(node)) offset = (node as Node).range?.[0];
        if ((isMap(node) || isSeq(node)) && depth < path.length && node.range) offset = node.range[0];
      }
      if (offset !== undefined) return place(offset);
    }
    return { line: lineOffset + 1, col: 1 };
  };
  return { doc: problems.length === 0 ? doc : undefined, problems, locate };
}

/** The plain value of a document, with alias expansion bounded; undefined (and a problem) when refused. */
export function yamlToPlain(doc: Document, file: string, lineOffset: number, problems: Problem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const tooMany = /alias/i.test(msg);
    const deep = err instanceof RangeError && /call stack/i.test(msg);
    problems.push({ file, line: lineOffset + 1, col: 1, message: tooMany ? `YAML aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT})` : deep ? TOO_DEEP : `invalid YAML: ${msg}` });
    return undefined;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (/maximum call stack/i.test(first)) return TOO_DEEP;
  return `invalid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}
