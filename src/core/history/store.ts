// The history store's public face: callers import from here, the pieces live beside it.
export { appendRecords, recordAttempt, recordSession, type AppendResult, type RecordOptions } from './append.js';
export type { StoreOptions, WriteOptions } from './options.js';
export { readHistory, type HistoryData } from './read.js';
export { repairHistory, type RepairResult } from './repair.js';
export { loadSummary } from './summary-cache.js';
