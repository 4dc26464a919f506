/** Every schema step, in order: migration n takes a database from version n - 1 to n. Append, never edit. */
import type { Migration } from '../migrate';
import { initialSchema } from './001-initial';

export const migrations: readonly Migration[] = [initialSchema];

/** The schema version this build writes. */
export const SCHEMA_VERSION = migrations.length;
