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
  const folders = [path.join(home, 'rmprep')];
  if (name) folders.push(path.join(folders[0], name));
  // Level by level, not { recursive: true }, which never returns where mkdir says ENOENT (under /proc).
  for (const folder of folders) if (!fs.existsSync(folder)) fs.mkdirSync(folder, { mode: 0o700 });
  return folders[folders.length - 1];
}

/*
 * A code cache file is a fixed-size text header, then the bytes V8 made. V8 checks a cache only against
 * its source and flags, not its bytes: damaged bytes (a flipped bit, the zeroed tail a power loss leaves)
 * crash or hang it. So the header carries the Node version, the build and a checksum of the bytes, and
 * nothing reaches V8 unless all three match. The header's size keeps the bytes 8-aligned for hashing.
 */
const HEADER_SIZE = 128;
const MAGIC = 'rmprep-code-cache 1';

/** The saved code, when its header matches this Node, this build and its bytes; undefined otherwise. */
function readCodeCache(cacheFile, build) {
  let fd;
  let buf;
  try {
    // Non-blocking: a FIFO or device put in its place is not waited on.
    fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size <= HEADER_SIZE || st.size > 64 * 1024 * 1024) return undefined;
    buf = fs.readFileSync(fd);
  } catch {
    // First run of this build: compile and save at exit.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const data = buf.subarray(HEADER_SIZE);
  // Anything else (damaged, torn, another Node or build) is discarded: the run saves a fresh one.
  return buf.toString('latin1', 0, HEADER_SIZE) === codeCacheHeader(build, data) ? data : undefined;
}

function codeCacheHeader(build, data) {
  const text = `${MAGIC} ${process.version} ${build} ${data.length} ${checksum(data)}`;
  return text.length < HEADER_SIZE ? `${text.padEnd(HEADER_SIZE - 1)}\n` : '';
}

/**
 * A 32-bit checksum of the bytes: four FNV-style lanes over 32-bit words, each lane's high bits folded
 * into the next. The same as src/core/cache-seal.ts computes for the other caches. A word at a time, it
 * checks 100 kB in a fraction of a millisecond; it tells damage from a good cache, no more.
 */
function checksum(bytes) {
  const words = bytes.length >>> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const view = new Int32Array(aligned.buffer, aligned.byteOffset, words);
  let a = 0x811c9dc5 ^ bytes.length;
  let b = 0x5bd1e995;
  let c = 0x27d4eb2f;
  let d = 0x165667b1;
  let i = 0;
  for (; i + 4 <= words; i += 4) {
    a = Math.imul(a ^ view[i], 0x01000193);
    b = Math.imul(b ^ view[i + 1], 0x5bd1e995);
    c = Math.imul(c ^ view[i + 2], 0x01000193);
    d = Math.imul(d ^ view[i + 3], 0x5bd1e995);
    a ^= b >>> 15;
    b ^= c >>> 13;
    c ^= d >>> 15;
    d ^= a >>> 13;
  }
  for (; i < words; i++) a = Math.imul(a ^ view[i], 0x01000193) ^ (a >>> 15);
  for (let j = words * 4; j < bytes.length; j++) b = Math.imul(b ^ bytes[j], 0x5bd1e995) ^ (b >>> 13);
  let h = a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
}

function saveCodeCache(script, home, cacheFile, build) {
  let temp;
  try {
    const dir = makePrivateFolder(home);
    const data = script.createCachedData();
    const header = codeCacheHeader(build, data);
    if (!header) return;
    // Beside it, then renamed: whatever sits at the path (a FIFO, say) is replaced, never written into.
    // Synced before the rename, so that a power loss leaves the old file or the whole new one.
    temp = `${cacheFile}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, Buffer.concat([Buffer.from(header, 'latin1'), data]));
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
