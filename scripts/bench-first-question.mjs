// Time from start to the drill's first question on screen, in a pseudo-terminal, against `node -e 0` in
// the same pseudo-terminal. Prints JSON: { rmprep: [ms...], node: [ms...] }, runs alternated.
// usage: node scripts/bench-first-question.mjs <pairs> (environment: HOME, XDG_* of the bench's folder)
import { spawn } from 'node-pty';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'rmprep.js');
const pairs = Number(process.argv[2]) || 21;
const env = { ...process.env, TERM: 'xterm-256color' };

/** Starts `args` in a 100x40 terminal; resolves with the ms until `done` says so (then the process is killed). */
function timeRun(args, done) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const pty = spawn(process.execPath, args, { cwd: ROOT, env, cols: 100, rows: 40 });
    let screen = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      try {
        pty.kill();
      } catch {}
      resolvePromise(ms);
    };
    const timer = setTimeout(() => reject(new Error(`no first question within 30 s:\n${screen.slice(-500)}`)), 30_000);
    pty.onData((d) => {
      screen += d;
      if (done === 'question' && /Question 1 of 1/.test(screen)) (clearTimeout(timer), finish());
    });
    pty.onExit(() => {
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
