// Minimal programs that do the unavoidable part of a job, to compare rmprep against.
// usage: node scripts/bench-baselines.mjs bank <dir> | history <file>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const [kind, target] = process.argv.slice(2);
if (kind === 'bank') {
  // Read every question file and parse its front matter with the same YAML library rmprep uses.
  const rows = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const text = readFileSync(p, 'utf8');
        const end = text.indexOf('\n---', 4);
        const data = parse(text.slice(4, end));
        rows.push({ id: data.id, category: data.category, question: data.question, tags: data.tags, difficulty: data.difficulty });
      }
    }
  };
  walk(target);
  process.stdout.write(JSON.stringify(rows));
} else if (kind === 'history') {
  // Read the history and parse every line.
  const lines = readFileSync(target, 'utf8').split('\n');
  let n = 0;
  for (const line of lines) if (line) { JSON.parse(line); n++; }
  process.stdout.write(`${n}\n`);
} else {
  console.error('usage: bench-baselines.mjs bank <dir> | history <file>');
  process.exit(2);
}
