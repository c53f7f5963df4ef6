import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/core/history/schema.js';
import { loadSummary, readHistory } from '../../src/core/history/store.js';
import { summarize } from '../../src/core/history/summary.js';
import { makeHome, runCli } from '../helpers/cli.js';
import { expectConsistentChains, expectWholeFile, leftovers, runDriver, useBundledStore } from './helpers.js';

const N = 6;
const M = 15;

const bundled = useBundledStore();

describe('several processes recording into one history at once', () => {
  it(`${N} processes x ${M} attempts: every attempt once, whole lines, one header, consistent scheduling, nothing left behind`, async () => {
    const dir = join(bundled.dir, 'many');
    const file = join(dir, 'history.json');
    const startAt = Date.now() + 1500;
    const results = await Promise.all(
      Array.from({ length: N }, (_, worker) => runDriver({ store: bundled.store, history: file, count: M, worker, seed: 7, questions: 4, answerBytes: 400, startAt })),
    );
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.saved).toHaveLength(M);
    }
    const lines = expectWholeFile(file);
    expect(lines).toHaveLength(N * M);
    const records = readHistory(file).records as AttemptRecord[];
    expect(records).toHaveLength(N * M);
    const reported = results.flatMap((r) => r.saved);
    expect(new Set(reported).size).toBe(N * M);
    expect(records.map((r) => r.id).sort()).toEqual([...reported].sort());
    // Each writer's own attempts keep their order in the file.
    for (const r of results) {
      const positions = r.saved.map((id) => records.findIndex((x) => x.id === id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expectConsistentChains(records);
    expect(loadSummary(file)).toEqual(summarize(records));
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['.history.json.practice', '.history.json.summary', 'history.json']);
  });

  it('4 real CLI processes recording 3 attempts each with coach --record', async () => {
    const home = makeHome();
    try {
      const answer = join(home.dir, 'answer.txt');
      writeFileSync(answer, 'I rolled back the release in 4 minutes with the runbook, then held a blameless review.');
      const ids = ['rollback-recovery', 'team-conflict', 'release-process'];
      const workers = Array.from({ length: 4 }, async (_, w) => {
        const codes: (number | null)[] = [];
        for (let i = 0; i < 3; i++) {
          const r = await runCli(['coach', ids[(w + i) % ids.length]!, '--record', '--rating', 'good', '--answer-file', answer], { env: home.env });
          expect(r.stderr).toBe('');
          codes.push(r.code);
        }
        return codes;
      });
      expect((await Promise.all(workers)).flat()).toEqual(Array(12).fill(0));
      const lines = expectWholeFile(home.history);
      expect(lines.filter((l) => l.type === 'attempt')).toHaveLength(12);
      const records = readHistory(home.history).records;
      expectConsistentChains(records);
      expect(leftovers(join(home.history, '..'))).toEqual([]);
      const h = await runCli(['history', '--json', '--limit', '100'], { env: home.env });
      expect(JSON.parse(h.stdout)).toHaveLength(12);
    } finally {
      home.cleanup();
    }
    // Twelve processes start one after another in each of four lanes: slow on a loaded machine, not stuck.
  }, 120_000);
});

