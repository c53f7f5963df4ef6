import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

// --out writes where the user means: through links, into FIFOs and devices as streams, never over a folder.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const exportTo = (out: string) => runCli(['export', '--format', 'json', '--category', 'behavioral', '--out', out], { env: home.env, cwd: home.dir, timeoutMs: 20_000 });
const isExport = (text: string) => (JSON.parse(text) as { questions: unknown[] }).questions.length > 0;

describe('regular files and links', () => {
  it('through a symbolic link, the file it points to is replaced and the link stays a link', async () => {
    const target = join(home.dir, 'real.json');
    writeFileSync(target, 'old');
    symlinkSync('real.json', join(home.dir, 'link.json'));
    const r = await exportTo('link.json');
    expect(r.code).toBe(0);
    expect(lstatSync(join(home.dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(home.dir, 'link.json'))).toBe('real.json');
    expect(isExport(readFileSync(target, 'utf8'))).toBe(true);
  });

  it('a link to nothing is refused', async () => {
    symlinkSync('missing.json', join(home.dir, 'dangling.json'));
    const r = await exportTo('dangling.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^rmprep: cannot write .*dangling\.json: it is a symbolic link to a file that does not exist\n$/);
  });

  it("an existing file keeps its mode (0600 stays 0600) and, written by root, its owner", async () => {
    const file = join(home.dir, 'private.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    const root = process.getuid?.() === 0;
    if (root) chownSync(file, 65534, 65534);
    const r = await exportTo('private.json');
    expect(r.code).toBe(0);
    const st = statSync(file);
    expect(st.mode & 0o777).toBe(0o600);
    if (root) expect([st.uid, st.gid]).toEqual([65534, 65534]);
    expect(isExport(readFileSync(file, 'utf8'))).toBe(true);
  });

  it('a new file is made readable by others as before', async () => {
    expect((await exportTo('new.json')).code).toBe(0);
    expect(statSync(join(home.dir, 'new.json')).mode & 0o044).toBe(0o044);
  });

  it('a folder is refused', async () => {
    mkdirSync(join(home.dir, 'folder'));
    const r = await exportTo('folder');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/it is a folder/);
  });
});

/**
 * Resolves once process `pid` waits in the FIFO's open or holds it open (read from /proc), so the FIFO has
 * a reader however loaded the machine is; where /proc says nothing, after 300 ms as before.
 */
async function readerOpened(pid: number | undefined, path: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const holds = () => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === path);
    } catch {
      return false;
    }
  };
  if (!existsSync(`/proc/${pid}`)) return void (await new Promise((r) => setTimeout(r, 300)));
  while (Date.now() < deadline && !/wait_for_partner|fifo/.test(read(`/proc/${pid}/wchan`)) && !holds()) await new Promise((r) => setTimeout(r, 10));
}

describe('streams', () => {
  it('a FIFO is written into, not replaced', async () => {
    const fifo = join(home.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    // Wait until cat has opened its end, however loaded the machine: a FIFO nobody reads is refused.
    await readerOpened(reader.pid, fifo);
    const r = await exportTo(fifo);
    await done;
    expect(r.code).toBe(0);
    expect(isExport(got)).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a FIFO nobody reads is refused at once', async () => {
    const fifo = join(home.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await exportTo(fifo);
    expect(r.timedOut).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing is reading from it/);
  });

  // Never the system's own nodes: code that replaces them (as this once did) would break the machine.
  // A private null device (root only) and a private link like /dev/stdout stand in for them.
  it.skipIf(process.getuid?.() !== 0)('a character device is written to and stays a device', async () => {
    const device = join(home.dir, 'null');
    expect(spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status).toBe(0);
    expect((await exportTo(device)).code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('a link to standard output, and -, write to standard output', async () => {
    symlinkSync('/proc/self/fd/1', join(home.dir, 'stdout'));
    for (const out of ['stdout', '-']) {
      const r = await exportTo(out);
      expect(r.code).toBe(0);
      expect(isExport(r.stdout)).toBe(true);
    }
    expect(lstatSync(join(home.dir, 'stdout')).isSymbolicLink()).toBe(true);
  });
});
