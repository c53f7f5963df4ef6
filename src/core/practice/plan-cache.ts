import { openSealed, sealText } from '../cache-seal.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { makeFolder } from '../fs/make-folder.js';
import { readFileBoundedSync } from '../fs/read-bounded.js';
import { hashKey } from '../hash-key.js';
import { ID_PATTERN, isCategory } from '../questions/categories.js';
import { ANSWER_MODES } from './answer-modes.js';
import type { Plan } from './plan-parse.js';

// Where a plan named on the command line is, and the plans parsed before, kept beside the bank's cache:
// the drill's start-up path reads a plan from here without the YAML and schema libraries. Nothing here
// needs either of them.

const PLAN_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CACHE_VERSION = 1;
const MAX_CACHE_BYTES = 1_000_000;

/** Names of the plans shipped in `<packageRoot>/plans`, sorted. */
export function listBundledPlans(packageRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(packageRoot, 'plans'));
  } catch {
    return [];
  }
  return names
    .filter((n) => extname(n) === '.yaml')
    .map((n) => basename(n, '.yaml'))
    .filter((n) => PLAN_NAME.test(n))
    .sort();
}

export interface PlanPlace {
  path: string;
  /** As messages name it: plans/<name>.yaml for a bundled plan, else as given. */
  display: string;
}

/** Where the plan `wanted` (a bundled plan's name or a file, trimmed) is; undefined when nothing is there. */
export function locatePlan(wanted: string, { packageRoot, cwd }: { packageRoot: string; cwd: string }): PlanPlace | undefined {
  const bundled = listBundledPlans(packageRoot);
  if (bundled.includes(wanted)) return { path: join(packageRoot, 'plans', `${wanted}.yaml`), display: `plans/${wanted}.yaml` };
  const path = resolve(cwd, wanted);
  return existsSync(path) ? { path, display: wanted } : undefined;
}

export interface PlanCache {
  dir: string;
  /** Plans are parsed again by a new build. */
  build: string;
}

interface PlanCacheFile {
  v: number;
  build: string;
  path: string;
  size: number;
  mtimeMs: number;
  plan: Plan;
}

const cacheFile = (cache: PlanCache, path: string) => join(cache.dir, `plan-${hashKey(path)}.json`);

/** Keeps a plan just parsed from `path`; a cache that cannot be written only costs speed. */
export function writePlanCache(cache: PlanCache, path: string, plan: Plan): void {
  try {
    const { size, mtimeMs } = statSync(path);
    makeFolder(cache.dir);
    const data: PlanCacheFile = { v: CACHE_VERSION, build: cache.build, path, size, mtimeMs, plan };
    writeFileAtomic(cacheFile(cache, path), sealText(JSON.stringify(data)));
  } catch {
    // Read-only cache folder.
  }
}

/** The plan parsed from `path` before, when its file is unchanged since and the cache is whole; else undefined. */
export function readPlanCache(cache: PlanCache, path: string): Plan | undefined {
  try {
    const data = JSON.parse(openSealed(readFileBoundedSync(cacheFile(cache, path), MAX_CACHE_BYTES)) ?? 'null') as PlanCacheFile;
    if (!isRecord(data) || data.v !== CACHE_VERSION || data.build !== cache.build || data.path !== path || !isPlan(data.plan)) return undefined;
    const st = statSync(path);
    return st.isFile() && st.size === data.size && st.mtimeMs === data.mtimeMs ? data.plan : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isKebabList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && ID_PATTERN.test(s));

/** A plan as plan-parse.ts's schema gives it (its limits included): a cache is checked like any input. */
function isPlan(v: unknown): v is Plan {
  if (!isRecord(v) || !isText(v.name) || (v.description !== undefined && !isText(v.description))) return false;
  if (v.timeLimit !== undefined && !isInt(v.timeLimit, 10, 3600)) return false;
  if (v.answerMode !== undefined && !(ANSWER_MODES as readonly unknown[]).includes(v.answerMode)) return false;
  if (v.order !== 'as-listed' && v.order !== 'shuffled') return false;
  if (v.followUps !== undefined && !isInt(v.followUps, 0, 3)) return false;
  if (!Array.isArray(v.items) || v.items.length === 0) return false;
  return v.items.every(
    (item) =>
      isRecord(item) &&
      (item.category === undefined || (typeof item.category === 'string' && isCategory(item.category))) &&
      isKebabList(item.tags) &&
      isKebabList(item.ids) &&
      isInt(item.count, 1, 50),
  );
}
