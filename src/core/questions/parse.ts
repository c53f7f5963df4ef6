import { findPlaceholders } from './placeholders.js';
import { basename, dirname, extname } from 'node:path';
import type { z } from 'zod';
import { type Problem } from '../problems.js';
import { readYaml, yamlToPlain, type YamlText } from '../text/yaml.js';
import { isCategory } from './categories.js';
import { quickCheckQuestion } from './quick-check.js';
import { questionSchema, type QuestionData, type RawQuestionData } from './schema.js';
import { finishQuestion } from './point-ids.js';

export interface ParsedQuestion extends QuestionData {
  line: number;
}

export interface ParsedFile {
  questions: ParsedQuestion[];
  problems: Problem[];
  /** What loads but should be fixed (key points without ids); validate prints these, nothing else does. */
  warnings?: Problem[];
}

/**
 * Turns the text of one question file into questions and every problem found, each located in the real file.
 * Pure: no I/O, nothing in the text is executed.
 */
export function parseQuestionFile(text: string, file: string): ParsedFile {
  const ext = extname(file).toLowerCase();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = ext === '.md' || ext === '.markdown' ? parseMarkdown(source, file) : parseData(source, file);
  const placeholders = findPlaceholders(source, file);
  if (placeholders.length === 0) return parsed;
  // A placeholder explains whatever else is wrong on its line (a TODO tag is not kebab-case either).
  const marked = new Set(placeholders.map((p) => p.line));
  return { questions: [], problems: [...parsed.problems.filter((p) => !marked.has(p.line)), ...placeholders].sort((a, b) => a.line - b.line || a.col - b.col) };
}

export interface Split {
  yaml: string;
  /** 0-based line of the file on which the YAML text starts. */
  lineOffset: number;
  body: string;
  bodyLine: number;
}

/** Splits a Markdown file into its YAML front matter and body; a problem when there is no closed front matter. */
export function splitFrontMatter(text: string, file: string): Split | Problem {
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
  const yaml = readYaml(split.yaml, file, split.lineOffset);
  const { doc, problems } = yaml;
  if (!doc) return { questions: [], problems };
  const data = yamlToPlain(doc, file, split.lineOffset, problems);
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
  const warnings: Problem[] = [];
  const question = checkQuestion(raw, { yaml, file, path: [], fallbackId: fileId(file), problems, warnings });
  return withWarnings({ questions: question ? [question] : [], problems }, warnings);
}

function parseData(text: string, file: string): ParsedFile {
  const yaml = readYaml(text, file, 0);
  const { doc, problems } = yaml;
  if (!doc) return { questions: [], problems };
  const data = yamlToPlain(doc, file, 0, problems);
  if (data === undefined) return { questions: [], problems };
  const questions: ParsedQuestion[] = [];
  const warnings: Problem[] = [];
  const ctx = { yaml, file, problems, warnings };
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
  return withWarnings({ questions, problems }, warnings);
}

function withWarnings(parsed: ParsedFile, warnings: Problem[]): ParsedFile {
  return warnings.length > 0 ? { ...parsed, warnings } : parsed;
}

interface CheckContext {
  yaml: YamlText;
  file: string;
  problems: Problem[];
  warnings: Problem[];
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
  const line = ctx.yaml.locate(ctx.path).line;
  const quick = quickCheckQuestion(raw);
  const result = quick ? undefined : questionSchema.safeParse(raw);
  if (result && !result.success) {
    for (const issue of result.error.issues) reportIssue(ctx, issue);
    return undefined;
  }
  const data = finish(quick ?? (result?.data as RawQuestionData), ctx);
  return data && { ...data, line };
}

function finish(raw: RawQuestionData, ctx: CheckContext & { path: (string | number)[] }): QuestionData | undefined {
  return finishQuestion(raw, {
    problem: (path, message) => problemAt(ctx, [...ctx.path, ...path], message),
    warning: (path, message) => {
      const pos = ctx.yaml.locate([...ctx.path, ...path], true);
      ctx.warnings.push({ file: ctx.file, line: pos.line, col: pos.col, message });
    },
  });
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
  const pos = ctx.yaml.locate(path, atKey);
  ctx.problems.push({ file: ctx.file, line: pos.line, col: pos.col, message });
}

function fileId(file: string): string {
  return basename(file, extname(file));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

