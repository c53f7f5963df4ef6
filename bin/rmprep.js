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
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache();
    } catch {
      // A cache folder that cannot be written only costs speed.
    }
    return require(bundle);
  }
  const home = cacheHome();
  if (!home) return require(bundle);
  const vm = require('node:vm');
  const source = fs.readFileSync(bundle, 'utf8');
  // The build names itself on its first line; its length is what V8 itself checks a cache against.
  const id = /^\/\/ rmprep build ([a-z0-9]+)\n/.exec(source);
  const build = `code-${process.version}-${id ? id[1] : 'dev'}-${source.length}`;
  // One cache per command: each holds the functions its command compiled.
  const command = /^[a-z][a-z-]{0,20}$/.test(process.argv[2] || '') ? process.argv[2] : 'main';
  const cacheFile = path.join(home, 'rmprep', `${build}-${command}.v8`);
  const cachedData = readCodeCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const save = !cachedData || script.cachedDataRejected ? () => saveCodeCache(script, cacheFile, build) : undefined;
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

/** The saved code, when it is a regular file of a sane size; a FIFO or device there is not waited on. */
function readCodeCache(cacheFile) {
  let fd;
  try {
    fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > 64 * 1024 * 1024) return undefined;
    return fs.readFileSync(fd);
  } catch {
    // First run of this build: compile and save at exit.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function saveCodeCache(script, cacheFile, build) {
  try {
    // Level by level, not { recursive: true }, which never returns where mkdir says ENOENT (under /proc).
    const dir = path.dirname(cacheFile);
    for (const folder of [path.dirname(dir), dir]) if (!fs.existsSync(folder)) fs.mkdirSync(folder);
    // Beside it, then renamed: whatever sits at the path (a FIFO, say) is replaced, never written into.
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData(), { flag: 'wx' });
    fs.renameSync(temp, cacheFile);
    // Code cached for other builds or Node versions is of no further use.
    for (const name of fs.readdirSync(path.dirname(cacheFile))) {
      if (/^code-.*\.v8$/.test(name) && !name.startsWith(`${build}-`)) fs.rmSync(path.join(path.dirname(cacheFile), name), { force: true });
    }
  } catch {
    // Read-only cache folder: start-up is just not sped up.
  }
}

run();
