// The history store's public face: callers import from here, the pieces live beside it.
export { appendRecords, recordAttempt, recordSession } from './append.js';
export { readHistory } from './read.js';
export { repairHistory } from './repair.js';
export { loadSummary } from './summary-cache.js';
