import { basename, dirname, extname } from 'node:path';
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { type Problem } from '../problems.js';
import { isCategory } from './categories.js';
import { questionSchema, type QuestionData } from './schema.js';

export interface ParsedQuestion extends QuestionData {
  line: number;
}

export interface ParsedFile {
  questions: ParsedQuestion[];
  problems: Problem[];
}

/** Aliases may expand to at most this many nodes, so a small file cannot balloon in memory. */
const MAX_ALIAS_COUNT = 100;
const QUESTION_EXTENSIONS = new Set(['.md', '.markdown', '.yaml', '.yml', '.json']);

export function isQuestionFile(name: string): boolean {
  return QUESTION_EXTENSIONS.has(extname(name).toLowerCase());
}

/**
 * Turns the text of one question file into questions and every problem found, each located in the real file.
 * Pure: no I/O, nothing in the text is executed.
 */
export function parseQuestionFile(text: string, file: string): ParsedFile {
  const ext = extname(file).toLowerCase();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (ext === '.md' || ext === '.markdown') return parseMarkdown(source, file);
  return parseData(source, file);
}

interface Split {
  yaml: string;
  /** 0-based line of the file on which the YAML text starts. */
  lineOffset: number;
  body: string;
  bodyLine: number;
}

function splitFrontMatter(text: string, file: string): Split | Problem {
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
  const open = /^---\s*([A-Za-z0-9_-]*)\s*$/.exec(firstLine);
  if (!open) {
    return { file, line: 1, col: 1, message: 'expected front matter: the file must start with a line of three dashes (---)' };
  }
  const lang = (open[1] ?? '').toLowerCase();
  if (lang !== '' && lang !== 'yaml' && lang !== 'yml') {
    return { file, line: 1, col: 4, message: `front matter must be YAML; "${lang}" front matter is not accepted` };
  }
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '---' || line === '...') {
      return {
        yaml: lines.slice(1, i).join('\n'),
        lineOffset: 1,
        body: lines.slice(i + 1).join('\n'),
        // The line after the closing fence, or the fence itself when the file ends there.
        bodyLine: Math.min(i + 2, lines.length),
      };
    }
  }
  return { file, line: 1, col: 1, message: 'front matter is not closed: add a line of three dashes (---) after it' };
}

function parseMarkdown(text: string, file: string): ParsedFile {
  const split = splitFrontMatter(text, file);
  if ('message' in split) return { questions: [], problems: [split] };
  const { doc, problems, counter } = readYaml(split.yaml, file, split.lineOffset);
  if (!doc) return { questions: [], problems };
  const data = toPlain(doc, file, split.lineOffset, problems);
  if (data === undefined) return { questions: [], problems };
  if (!isRecord(data)) {
    problems.push({ file, line: split.lineOffset + 1, col: 1, message: 'front matter must be a mapping of fields (key: value)' });
    return { questions: [], problems };
  }
  const body = split.body.trim();
  const raw: Record<string, unknown> = { ...data };
  if (body !== '') {
    if ('answer' in raw) {
      problems.push({ file, line: split.bodyLine, col: 1, message: 'the answer is given twice: in the front matter and as the body; keep one' });
    } else {
      raw.answer = body;
    }
  } else if (!('answer' in raw)) {
    problems.push({ file, line: split.bodyLine, col: 1, message: 'missing model answer: write it below the front matter' });
    raw.answer = '(missing)';
  }
  const question = checkQuestion(raw, { doc, counter, file, lineOffset: split.lineOffset, path: [], fallbackId: fileId(file), problems });
  return { questions: question ? [question] : [], problems };
}

function parseData(text: string, file: string): ParsedFile {
  const { doc, problems, counter } = readYaml(text, file, 0);
  if (!doc) return { questions: [], problems };
  const data = toPlain(doc, file, 0, problems);
  if (data === undefined) return { questions: [], problems };
  const questions: ParsedQuestion[] = [];
  const ctx = { doc, counter, file, lineOffset: 0, problems };
  if (Array.isArray(data) || (isRecord(data) && Array.isArray(data.questions))) {
    const list = (Array.isArray(data) ? data : data.questions) as unknown[];
    const base = Array.isArray(data) ? [] : ['questions'];
    if (isRecord(data)) {
      for (const key of Object.keys(data)) {
        if (key !== 'questions') problemAt(ctx, [key], `unknown top-level field ${JSON.stringify(key)}: a pack holds only "questions"`, true);
      }
    }
    list.forEach((item, index) => {
      const path = [...base, index];
      if (!isRecord(item)) {
        problemAt(ctx, path, 'each entry of "questions" must be a mapping of fields');
        return;
      }
      const q = checkQuestion({ ...item }, { ...ctx, path, fallbackId: undefined });
      if (q) questions.push(q);
    });
  } else if (isRecord(data)) {
    const q = checkQuestion({ ...data }, { ...ctx, path: [], fallbackId: fileId(file) });
    if (q) questions.push(q);
  } else {
    problems.push({ file, line: 1, col: 1, message: 'expected one question (a mapping) or a list under "questions:"' });
  }
  return { questions, problems };
}

function readYaml(text: string, file: string, lineOffset: number) {
  const counter = new LineCounter();
  const problems: Problem[] = [];
  // logLevel 'error': the yaml package would otherwise print warnings (quoting the file's text) straight to stderr.
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true, schema: 'core', merge: false, logLevel: 'error' });
  // The line counter only knows the lines the lexer got through, which stops short on some errors:
  // problems found while reading are placed from the text itself.
  const place = positionsIn(text);
  for (const err of [...doc.errors, ...doc.warnings]) {
    const pos = place(err.pos[0]);
    problems.push({ file, line: pos.line + lineOffset, col: pos.col, message: yamlMessage(err.code, err.message) });
  }
  visit(doc, {
    Node(_key, node) {
      if (isNode(node) && node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
        const pos = place(node.range?.[0] ?? 0);
        problems.push({ file, line: pos.line + lineOffset, col: pos.col, message: `custom YAML tag ${node.tag} is not allowed` });
      }
    },
    Pair(_key, pair) {
      // A list or mapping as a key (`? [a, b]`) names no field; turned into text it would span lines.
      if (isNode(pair.key) && !isScalar(pair.key)) {
        const pos = place(pair.key.range?.[0] ?? 0);
        problems.push({ file, line: pos.line + lineOffset, col: pos.col, message: 'a key must be a plain name, not a list or mapping' });
      }
    },
  });
  return { doc: problems.length === 0 ? doc : undefined, problems, counter };
}

/** 1-based line and column of an offset in `text`, clamped to the text; lines are found once, looked up by halving. */
function positionsIn(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.min(Math.max(offset, 0), text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - starts[lo]! + 1 };
  };
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each field may appear only once';
  const first = message.split('\n')[0] ?? message;
  return `invalid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function toPlain(doc: Document, file: string, lineOffset: number, problems: Problem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const tooMany = /alias/i.test(msg);
    problems.push({
      file,
      line: lineOffset + 1,
      col: 1,
      message: tooMany ? `YAML aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT})` : `invalid YAML: ${msg}`,
    });
    return undefined;
  }
}

interface CheckContext {
  doc: Document;
  counter: LineCounter;
  file: string;
  lineOffset: number;
  problems: Problem[];
}

function checkQuestion(
  raw: Record<string, unknown>,
  ctx: CheckContext & { path: (string | number)[]; fallbackId: string | undefined },
): ParsedQuestion | undefined {
  if (raw.id === undefined && ctx.fallbackId !== undefined) raw.id = ctx.fallbackId;
  if (raw.category === undefined) {
    const folder = basename(dirname(ctx.file));
    if (isCategory(folder)) raw.category = folder;
  }
  const result = questionSchema.safeParse(raw);
  const line = locate(ctx, ctx.path).line;
  if (result.success) return { ...result.data, line };
  for (const issue of result.error.issues) {
    reportIssue(ctx, issue);
  }
  return undefined;
}

function reportIssue(ctx: CheckContext & { path: (string | number)[] }, issue: z.core.$ZodIssue): void {
  const path = [...ctx.path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const field = issue.path.length > 0 ? issue.path.join('.') : '';
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      // Quoted as JSON: a key may hold line breaks or control characters, which must not shape the report.
      problemAt(ctx, [...path, key], `unknown field ${JSON.stringify([...issue.path, key].join('.'))}`, true);
    }
    return;
  }
  const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
  const message = missing ? `missing required field "${field}"` : `${field ? `"${field}" ` : ''}${describeIssue(issue)}`;
  problemAt(ctx, path, message);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.map(String).join(', ')}`;
    if (issue.code === 'invalid_type') return issue.message.replace(/^Invalid input: /, '');
  return issue.message;
}

function problemAt(ctx: CheckContext, path: (string | number)[], message: string, atKey = false): void {
  const pos = locate(ctx, path, atKey);
  ctx.problems.push({ file: ctx.file, line: pos.line, col: pos.col, message });
}

/** Finds the closest node on `path` that exists and returns its position in the file. */
function locate(ctx: CheckContext, path: (string | number)[], atKey = false): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    let offset: number | undefined;
    if (atKey && depth === path.length && depth > 0) {
      const parent = sub.length > 1 ? ctx.doc.getIn(sub.slice(0, -1), true) : ctx.doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === sub[sub.length - 1]);
        const key = pair?.key;
        if (isNode(key)) offset = key.range?.[0];
      }
    } else {
      const node = sub.length === 0 ? ctx.doc.contents : ctx.doc.getIn(sub, true);
      if (isNode(node)) offset = (node as Node).range?.[0];
      if ((isMap(node) || isSeq(node)) && depth < path.length && node.range) offset = node.range[0];
    }
    if (offset !== undefined) {
      const pos = ctx.counter.linePos(offset);
      return { line: pos.line + ctx.lineOffset, col: pos.col };
    }
  }
  return { line: ctx.lineOffset + 1, col: 1 };
}

function fileId(file: string): string {
  return basename(file, extname(file));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

