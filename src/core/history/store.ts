// The history store's public face: callers import from here, the pieces live beside it.
export { recordAttempt, recordSession } from './append.js';
export { importRecords } from './import-write.js';
export { readHistory } from './read.js';
export { repairHistory } from './repair.js';
export { loadSummary } from './summary-cache.js';
export { appendRerate, appendUndo } from './correct.js';
