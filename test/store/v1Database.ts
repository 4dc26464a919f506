/** A database as schema 1 wrote it (before run owners), built with migration 001 alone. */
import Database from 'better-sqlite3';
import { encodeFloat64 } from '../../src-main/store/blob';
import { migrate } from '../../src-main/store/migrate';
import { initialSchema } from '../../src-main/store/migrations/001Initial';
import { checkpoints, smallConfig } from './fixtures';

/** The runs written: one per status that matters, the first with 5 checkpoints. */
export const V1_RUNS = [
  { id: 'v1-done', status: 'done' },
  { id: 'v1-running', status: 'running' },
  { id: 'v1-queued', status: 'queued' },
] as const;

export function writeVersion1Database(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, [initialSchema], file);
  const config = smallConfig();
  const insertRun = db.prepare(`
    INSERT INTO runs (id, name, status, config, seed, trainer, m, eta, h, epsilon, created_at, total_steps, total_jumps)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  V1_RUNS.forEach(({ id, status }, i) => {
    const createdAt = new Date(Date.UTC(2024, 0, 1 + i)).toISOString();
    const { seed, trainer, network, sgd, target } = config;
    insertRun.run(
      id,
      `${status} in v1`,
      status,
      JSON.stringify(config),
      seed,
      trainer,
      network.m,
      network.eta,
      sgd.h,
      sgd.epsilon,
      createdAt,
      1000,
      target.positions.length,
    );
  });
  const insertCheckpoint = db.prepare(`
    INSERT INTO checkpoints (run_id, idx, step, tau, loss, limit_loss, covered, a, u) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  checkpoints(0, 5, 4).forEach((c, i) => {
    insertCheckpoint.run(
      V1_RUNS[0].id,
      i,
      c.step,
      c.tau,
      c.loss,
      c.limitLoss,
      c.covered,
      encodeFloat64(c.a),
      encodeFloat64(c.u),
    );
  });
  db.close();
}
