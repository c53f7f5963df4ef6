// Time from start to the drill's first question on screen, in a pseudo-terminal, against `node -e 0` in
// the same pseudo-terminal. Prints JSON: { rmprep: [ms...], node: [ms...] }, runs alternated.
// usage: node scripts/bench-first-question.mjs <pairs> (environment: HOME, XDG_* of the bench's folder)
// The terminal is util-linux `script`'s, sized by a shell that then execs node: both sides of a pair pay
// the same few milliseconds for script, the shell and stty.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'rmprep.js');
const pairs = Number(process.argv[2]) || 21;
const env = { ...process.env, TERM: 'xterm-256color', SHELL: '/bin/sh' };
const quote = (word) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Starts `args` in a 100x40 terminal; resolves with the ms until `done` says so (then the process is killed). */
function timeRun(args, done) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const command = `stty cols 100 rows 40; exec ${[process.execPath, ...args].map(quote).join(' ')}`;
    const pty = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Closing the terminal (script's end) hangs up the drill.
      pty.kill('SIGKILL');
      resolvePromise(ms);
    };
    const timer = setTimeout(() => reject(new Error(`no first question within 30 s:\n${screen.slice(-500)}`)), 30_000);
    pty.on('error', reject);
    pty.stdout.on('data', (d) => {
      screen += d;
      if (done === 'question' && /Question 1 of 1/.test(screen)) (clearTimeout(timer), finish());
    });
    pty.on('exit', () => {
      clearTimeout(timer);
      if (done === 'exit') finish();
      else if (!finished) reject(new Error(`exited before the first question:\n${screen.slice(-500)}`));
    });
  });
}

const drill = () => timeRun([BIN, 'drill', '--id', 'release-process', '--answer-mode', 'spoken'], 'question');
const node0 = () => timeRun(['-e', '0'], 'exit');
const out = { rmprep: [], node: [] };
for (let i = 0; i < 2; i++) (await drill(), await node0());
for (let i = 0; i < pairs; i++) {
  if (i % 2 === 0) (out.rmprep.push(await drill()), out.node.push(await node0()));
  else (out.node.push(await node0()), out.rmprep.push(await drill()));
}
process.stdout.write(JSON.stringify(out));
