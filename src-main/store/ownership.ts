/**
 * Who owns an unfinished run. Several processes may share one database (the desktop app training while `ttlab run`
 * writes to the same file), so a store that opens must mark 'interrupted' only the runs whose writer is gone.
 *
 * A store stamps the runs it creates or starts with the owner `hostname:pid:session` (session: a random id per open
 * store) and refreshes the run's `touched_at` on every write to it. On open, an unfinished run is abandoned when:
 * - it has no owner (written before schema 2, or imported);
 * - its owner is this process and that store is closed;
 * - its owner is another process of this host that no longer exists (`process.kill(pid, 0)` fails with ESRCH), or whose
 *   pid is alive but the run was last touched before this machine booted (the pid now belongs to another program);
 * - its owner is on another host and has not touched it for FOREIGN_OWNER_TIMEOUT_MS. SQLite's WAL mode cannot be
 *   shared live between machines, so such a run is almost always in a copied file; the hour spares a live writer
 *   on an exotic setup.
 * Known limit: a pid reused by another program since the owner died, without a reboot, keeps the run 'running' until
 * that program exits.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';

/** How long a run owned by another machine may go untouched before it counts as abandoned. */
export const FOREIGN_OWNER_TIMEOUT_MS = 60 * 60 * 1000;
/** Slack for the boot-time rule: the clock may be set forward shortly after boot. */
const CLOCK_SLACK_MS = 10 * 60 * 1000;

/** Sessions of the stores open in this process. */
const openSessions = new Set<string>();

/** The identity a store writes into the runs it owns. */
export interface OwnerClaim {
  /** `hostname:pid:session`, the value of the owner column. */
  readonly owner: string;
  /** Ends the claim when the store closes: from then on its unfinished runs count as abandoned. */
  release(): void;
}

/** This process's view of the machine, passed to isAbandoned so the rule can be tested without real processes. */
export interface Here {
  host: string;
  pid: number;
  /** Sessions of the stores open in this process. */
  sessions: ReadonlySet<string>;
  /** When this machine booted, in milliseconds since the epoch. */
  bootTime: number;
  now: number;
  processExists(pid: number): boolean;
}

export function claimOwner(): OwnerClaim {
  const session = randomUUID();
  openSessions.add(session);
  return { owner: `${os.hostname()}:${process.pid}:${session}`, release: () => openSessions.delete(session) };
}

export function currentHere(): Here {
  const now = Date.now();
  return {
    host: os.hostname(),
    pid: process.pid,
    sessions: openSessions,
    bootTime: now - os.uptime() * 1000,
    now,
    processExists,
  };
}

/** Whether a 'queued' or 'running' run has lost its writer, by the rule at the top of this file. */
export function isAbandoned(owner: string | null, touchedAt: string | null, here: Here): boolean {
  const parts = owner === null ? null : /^(.+):(\d+):([^:]+)$/.exec(owner);
  const touched = touchedAt === null ? Number.NaN : Date.parse(touchedAt);
  if (!parts || Number.isNaN(touched)) return true;
  const [, host, pidText, session] = parts;
  const pid = Number(pidText);
  if (host !== here.host) return here.now - touched > FOREIGN_OWNER_TIMEOUT_MS;
  if (pid === here.pid) return !here.sessions.has(session);
  return !here.processExists(pid) || touched < here.bootTime - CLOCK_SLACK_MS;
}

/** Signal 0 only checks the pid; EPERM means the process exists but belongs to another user. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
