/** Every schema step, in order: migration n takes a database from version n - 1 to n. Append, never edit. */
import type { Migration } from '../migrate';
import { initialSchema } from './001Initial';
import { runOwner } from './002RunOwner';
import { provenanceAndState } from './003ProvenanceAndState';

export const migrations: readonly Migration[] = [initialSchema, runOwner, provenanceAndState];

/** The schema version this build writes. */
export const SCHEMA_VERSION = migrations.length;
