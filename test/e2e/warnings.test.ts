import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
let pack: string;
beforeAll(() => {
  home = makeHome();
  pack = join(home.dir, 'pack');
  mkdirSync(pack);
});
afterAll(() => home.cleanup());

// Each file has three problems: no category, no question, no model answer.
const broken = (id: string) => writeFileSync(join(pack, `${id}.md`), `---\nid: ${id}\n---\n`);

describe('the warning about broken question files', () => {
  it('counts the problems of one broken file as in it', async () => {
    broken('a');
    const r = await runCli(['--questions', pack, 'list'], { env: home.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^rmprep: warning: skipped a broken question file: .*a\.md:\d+:\d+: .* \(\+2 more in it; run 'rmprep validate'\)\n$/);
  });

  it('says how many files were skipped when there are several', async () => {
    broken('b');
    const r = await runCli(['--questions', pack, 'list'], { env: home.env });
    expect(r.stderr).toMatch(/^rmprep: warning: skipped 2 broken question files: .*a\.md:\d+:\d+: .* \(\+5 more; run 'rmprep validate'\)\n$/);
    rmSync(join(pack, 'b.md'));
  });
});

describe('a mistyped command', () => {
  it('suggests the command in the same words as a mistyped id', async () => {
    const r = await runCli(['dril'], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("rmprep: unknown command 'dril' (did you mean drill? See 'rmprep --help'.)\n");
  });
});
