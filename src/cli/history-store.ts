import { tmpdir } from 'node:os';
import type { StoreOptions } from '../core/history/options.js';
import type { Run } from './context.js';

/** What the history store needs from the run: the temp folder for rescue files and the time zone in force. */
export function storeOptions(run: Pick<Run, 'env'>): StoreOptions {
  return { tmpDir: tmpdir(), timeZone: run.env.TZ ?? '' };
}
