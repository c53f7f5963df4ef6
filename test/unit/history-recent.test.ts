import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecentRecords } from '../../src/core/history/recent.js';
import { HEADER } from '../../src/core/history/read.js';
import { placeScriptedAttempt } from '../../src/core/practice/scripted-session.js';
import { createRng } from '../../src/core/random.js';
import { at, draft } from '../support/attempts.js';

const dir = mkdtempSync(join(tmpdir(), 'rmprep-recent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A history of `n` attempts in old drill sessions, ending with a scripted session of two attempts. */
function history(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ type: 'attempt', id: `a${i}`, ...draft(i, { session: 'old-drill' }) }));
  lines.push(JSON.stringify({ type: 'session', id: 'evening', at: at(n).toISOString(), scripted: true }));
  for (let i = n; i < n + 2; i++) lines.push(JSON.stringify({ type: 'attempt', id: `a${i}`, ...draft(i, { session: 'evening' }) }));
  return `${lines.join('\n')}\n`;
}

describe('the newest records of a long history', () => {
  it('reads only the end of a long history, whole lines only, enough to join the scripted session', () => {
    const file = join(dir, 'long.json');
    writeFileSync(file, history(5000));
    const recent = readRecentRecords(file, 64 * 1024);
    expect(recent).toBeDefined();
    expect(recent!.length).toBeGreaterThan(3);
    expect(recent!.length).toBeLessThan(5000);
    expect(recent!.at(-1)).toMatchObject({ type: 'attempt', id: 'a5001', session: 'evening' });
    const place = placeScriptedAttempt(recent!, { now: new Date(at(5002).getTime() + 60_000), rng: createRng(1) });
    expect(place).toEqual({ id: 'evening', marker: undefined });
  });

  it('leaves a short, missing or non-regular history to the full read', () => {
    const file = join(dir, 'short.json');
    writeFileSync(file, history(3));
    expect(readRecentRecords(file, 64 * 1024)).toBeUndefined();
    expect(readRecentRecords(join(dir, 'missing.json'))).toBeUndefined();
    expect(readRecentRecords(dir)).toBeUndefined();
  });
});
