/** The run store: what the rest of the main side imports. */
export { openStore, RunStore } from './store';
export { DatabaseOpenError, DatabaseTooNewError, DatabaseWriteError, StoredDataError } from './errors';
export { defaultDatabasePath } from './paths';
export type { OpenOptions } from './connection';
export type { MergeCounts } from './mergeDatabase';
export { resultFromDetail, sweepResults, type RunResult } from './runResult';
export type { StoreStats } from './stats';
