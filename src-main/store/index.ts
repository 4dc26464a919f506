/** The run store: what the rest of the main side imports. */
export { openStore, RunStore } from './store';
export { DatabaseOpenError, DatabaseTooNewError, DatabaseWriteError, StoredDataError } from './errors';
export { defaultDatabasePath } from './paths';
export type { OpenOptions } from './connection';
export type { ImportCounts } from './import-database';
export type { MergeCounts } from './merge-database';
export type { RunRecord } from './run-record';
export { resultFromDetail, sweepResults, type RunResult } from './run-result';
export type { StoreStats } from './stats';
