import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string>; engines: { node: string } };

/** A section's text, from its heading to the next heading of the same level or higher. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const level = /^#+/.exec(heading)![0].length;
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end === -1 ? rest : rest.slice(0, end);
}

/** The quick start's lines as written, and the single commands they chain with &&. */
const quickStart = section('## Quick start');
const lines = (/```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
const commands = lines.flatMap((l) => l.split('&&').map((c) => c.trim()));

describe("the README's quick start", () => {
  it('is two lines: install and run, then test', () => {
    expect(lines).toHaveLength(2);
    expect(commands[0]).toBe('npm ci');
  });

  it.each(commands.map((c) => [c]))('%s is something package.json provides', (command) => {
    const [tool, first, ...rest] = command.split(/\s+/);
    if (tool === 'npm' && first === 'ci') {
      // npm ci installs from the lock file; prepare builds dist/, which npx rmprep then runs.
      expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
      expect(pkg.scripts.prepare).toBeDefined();
    } else if (tool === 'npm') {
      const script = first === 'run' ? rest[0] : first;
      expect(['test', 'start', 'run'], `npm ${first ?? ''} is not a script shorthand`).toContain(first);
      expect(pkg.scripts[script!], `package.json has no "${script ?? ''}" script`).toBeDefined();
    } else if (tool === 'npx') {
      expect(Object.keys(pkg.bin)).toContain(first);
      expect(COMMANDS.map((c) => c.name)).toContain(rest[0]);
    } else {
      expect.fail(`the quick start runs ${command}, which is neither npm nor npx`);
    }
  });

  it('names the Node version package.json requires', () => {
    const minimum = /^>=\s*(\d+\.\d+)/.exec(pkg.engines.node)?.[1];
    expect(minimum).toBeDefined();
    expect(quickStart).toContain(`Node ${minimum!} or later`);
  });

  it('is what "For contributors" describes, command for command', () => {
    const contributing = section('### Installing and testing');
    for (const line of lines) expect(contributing).toContain(`\`${line}\``);
    expect(contributing).toContain(`Node ${/^>=\s*(\d+\.\d+)/.exec(pkg.engines.node)![1]!} or later`);
  });
});
