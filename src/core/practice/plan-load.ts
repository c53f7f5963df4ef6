import { InputError } from '../errors.js';
import { describeReadError, readFileBoundedSync } from '../fs/read-bounded.js';
import { formatProblem } from '../problems.js';
import { listBundledPlans, locatePlan, writePlanCache, type PlanCache } from './plan-cache.js';
import { parsePlan, type Plan } from './plan-parse.js';

export { listBundledPlans } from './plan-cache.js';

/** Plan files are small; anything larger is refused before parsing. */
export const MAX_PLAN_FILE_BYTES = 100_000;

/**
 * Loads a plan: a bundled one by name (`plans/<name>.yaml` in the package), else a YAML file relative to `cwd`.
 * A broken plan is an 'invalid' InputError listing every problem as file:line:col; an unknown name is 'missing'.
 */
export function loadPlan(nameOrFile: string, { packageRoot, cwd, cache }: { packageRoot: string; cwd: string; cache?: PlanCache }): Plan {
  const wanted = nameOrFile.trim();
  if (wanted === '') throw new InputError('--plan needs a plan name or a YAML file', 'invalid');
  const place = locatePlan(wanted, { packageRoot, cwd });
  if (!place) {
    const bundled = listBundledPlans(packageRoot);
    const looksLikeFile = /[/\\]/.test(wanted) || /\.ya?ml$/i.test(wanted);
    throw new InputError(
      looksLikeFile ? `plan file not found: ${wanted}` : `no plan named "${wanted}"`,
      'missing',
      bundled.length > 0 ? `bundled plans: ${bundled.join(', ')}; or give the path of a YAML plan file` : 'give the path of a YAML plan file',
    );
  }
  const { path, display } = place;
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(readFileBoundedSync(path, MAX_PLAN_FILE_BYTES));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EFBIG') throw new InputError(`${display}:1:1: a plan file may be at most 100 kB`, 'invalid');
    // A folder where a file is needed is a runtime refusal (exit 1), like any file that cannot be read.
    if (code === 'ENOTREG' || code === 'EISDIR') throw new InputError(`${display} is not a file`, 'missing');
    if (err instanceof TypeError) throw new InputError(`${display}:1:1: not a UTF-8 text file`, 'invalid');
    throw new InputError(`cannot read the plan ${display}: ${describeReadError(err)}`, 'missing');
  }
  const { plan, problems } = parsePlan(source, display);
  if (!plan) {
    const [first, ...rest] = problems;
    const more = rest.length > 0 ? `\n${rest.map((p) => `  ${formatProblem(p)}`).join('\n')}` : '';
    throw new InputError(`invalid plan: ${first ? formatProblem(first) : display}${more}`, 'invalid');
  }
  if (cache) writePlanCache(cache, path, plan);
  return plan;
}
