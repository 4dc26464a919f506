/** Every schema step, in order: migration n takes a database from version n - 1 to n. Append, never edit. */
import type { Migration } from '../migrate';
import { initialSchema } from './001-initial';
import { runOwner } from './002-run-owner';
import { provenanceAndState } from './003-provenance-and-state';

export const migrations: readonly Migration[] = [initialSchema, runOwner, provenanceAndState];

/** The schema version this build writes. */
export const SCHEMA_VERSION = migrations.length;
