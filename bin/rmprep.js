#!/usr/bin/env node
// CommonJS on purpose (see bin/package.json): Node starts a CommonJS entry faster than an ES module one.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
// node:module's public wrapper costs a quarter of a millisecond to load; it is needed only where it
// offers enableCompileCache (Node 22 and later). module.constructor is the same Module class.
const Module = Number(process.versions.node.split('.')[0]) >= 22 ? require('node:module') : module.constructor;

const bundle = path.join(__dirname, '..', 'dist', 'rmprep.cjs');

/**
 * Runs the bundle with V8's compiled code kept between runs, which saves a few milliseconds of every
 * start. Node 22 and later do this themselves (enableCompileCache); on Node 20 the cache is kept by hand
 * in rmprep's cache folder. Any problem with the cache falls back to a plain require.
 */
function run() {
  const home = cacheHome();
  if (typeof Module.enableCompileCache === 'function') {
    // Node's own cache (it checks its entries against a checksum) goes in rmprep's cache folder, kept
    // private, never in the shared temp folder; with no cache folder it is not kept at all.
    if (home) {
      try {
        Module.enableCompileCache(makePrivateFolder(home, 'compile'));
      } catch {
        // A cache folder that cannot be written only costs speed.
      }
    }
    return require(bundle);
  }
  if (!home) return require(bundle);
  const vm = require('node:vm');
  const source = fs.readFileSync(bundle, 'utf8');
  // The build names itself on its first line; its length is what V8 itself checks a cache against.
  const id = /^\/\/ rmprep build ([a-z0-9]+)\n/.exec(source);
  const build = `code-${process.version}-${id ? id[1] : 'dev'}-${source.length}`;
  // One cache per command: each holds the functions its command compiled.
  const command = /^[a-z][a-z-]{0,20}$/.test(process.argv[2] || '') ? process.argv[2] : 'main';
  const cacheFile = path.join(home, 'rmprep', `${build}-${command}.v8`);
  const cachedData = readCodeCache(cacheFile, build);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const save = !cachedData || script.cachedDataRejected ? () => saveCodeCache(script, home, cacheFile, build) : undefined;
  let savedEarly = false;
  // Code compiled by node:vm cannot call import() itself; the bundle loads its lazy parts through this.
  globalThis.__rmprepImportHook = (url) => {
    // Also saved when the first lazy part loads: a drill's first question is on screen by then, and a
    // drill often ends with its terminal closed, when no exit handler runs.
    if (save && !savedEarly) (savedEarly = true), save();
    return import(url);
  };
  const bundleModule = { exports: {} };
  // This file's own require serves: the bundle requires only Node's modules and files by absolute path.
  script.runInThisContext().call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundle, path.dirname(bundle));
  // Saved at exit, so the cache also holds the functions this run compiled, not only the top level.
  if (save) process.once('exit', save);
}

/** Where caches go, or undefined when only the current folder would be left (an empty HOME). */
function cacheHome() {
  if (path.isAbsolute(process.env.XDG_CACHE_HOME || '')) return process.env.XDG_CACHE_HOME;
  let home = process.env.HOME;
  if (!path.isAbsolute(home || '')) {
    try {
      home = require('node:os').userInfo().homedir;
    } catch {
      return undefined;
    }
  }
  return path.isAbsolute(home || '') ? path.join(home, '.cache') : undefined;
}

/** rmprep's cache folder under `home`, or its folder `name`; made 0700, as every folder rmprep makes. */
function makePrivateFolder(home, name) {
  const folders = [home, path.join(home, 'rmprep')];
  if (name) folders.push(path.join(folders[1], name));
  // Level by level, not { recursive: true }, which never returns where mkdir says ENOENT (under /proc).
  for (const folder of folders) if (!fs.existsSync(folder)) fs.mkdirSync(folder, { mode: 0o700 });
  return folders[folders.length - 1];
}

/*
 * A code cache file is a fixed-size text header, then the bytes V8 made, then a second copy of them. V8
 * checks a cache only against its source and flags, not its bytes: damaged bytes (a flipped bit, the
 * zeroed tail a power loss leaves) crash or hang it. So the header names the Node version, the build and
 * the length, and nothing reaches V8 unless all three match and both copies are the same. The copies are
 * compared natively (memcmp): a checksum computed in JavaScript over 100 kB, on a function V8 has not
 * compiled yet, cost milliseconds at every start, more than the cache saves.
 */
const HEADER_SIZE = 128;
const MAGIC = 'rmprep-code-cache 2';

/** The saved code, when its header matches this Node and build and its two copies agree; undefined otherwise. */
function readCodeCache(cacheFile, build) {
  let fd;
  let buf;
  try {
    // Non-blocking: a FIFO or device put in its place is not waited on.
    fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size <= HEADER_SIZE || st.size > 128 * 1024 * 1024) return undefined;
    buf = fs.readFileSync(fd);
  } catch {
    // First run of this build: compile and save at exit.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const length = (buf.length - HEADER_SIZE) / 2;
  const data = buf.subarray(HEADER_SIZE, HEADER_SIZE + length);
  // Anything else (damaged, torn, another Node or build) is discarded: the run saves a fresh one.
  const whole = Number.isInteger(length) && buf.toString('latin1', 0, HEADER_SIZE) === codeCacheHeader(build, length) && data.equals(buf.subarray(HEADER_SIZE + length));
  return whole ? data : undefined;
}

function codeCacheHeader(build, length) {
  const text = `${MAGIC} ${process.version} ${build} ${length}`;
  return text.length < HEADER_SIZE ? `${text.padEnd(HEADER_SIZE - 1)}\n` : '';
}

function saveCodeCache(script, home, cacheFile, build) {
  let temp;
  try {
    const dir = makePrivateFolder(home);
    const data = script.createCachedData();
    const header = codeCacheHeader(build, data.length);
    if (!header) return;
    // Beside it, then renamed: whatever sits at the path (a FIFO, say) is replaced, never written into.
    // Synced before the rename, so that a power loss leaves the old file or the whole new one.
    temp = `${cacheFile}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, Buffer.concat([Buffer.from(header, 'latin1'), data, data]));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, cacheFile);
    temp = undefined;
    // Code cached for other builds or Node versions is of no further use.
    for (const name of fs.readdirSync(dir)) {
      if (/^code-.*\.v8$/.test(name) && !name.startsWith(`${build}-`)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // Read-only cache folder: start-up is just not sped up.
    if (temp) fs.rmSync(temp, { force: true });
  }
}

run();
