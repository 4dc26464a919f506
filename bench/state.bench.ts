/**
 * The cost of saving a run's state (what makes exact resume possible): one save is the session snapshot in the
 * trainer process, its structured clone to the parent (the IPC message), the encoding and the database write. A
 * trainer saves every STATE_INTERVAL_MS, so the share of a run's time it costs is one save over that interval.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunConfig } from '#shared/config/schema';
import { createRunSession } from '#shared/run/session';
import { openStore } from '../src-main/store';
import { STATE_INTERVAL_MS } from '../src-main/trainer/trainerRun';
import type { Figure } from './run';

function saveCostMs(m: number): number {
  const config = parseRunConfig({
    network: { m },
    sgd: { h: 1e-5, epsilon: 2e-5, limitBeside: m <= 1000 },
    duration: { kind: 'steps', steps: 2_000_000_000 },
    checkpoints: { count: 101 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-bench-state-'));
  const store = openStore(join(dir, 'runs.sqlite'));
  try {
    const session = createRunSession(config, () => {});
    session.advance(200_000);
    const runId = store.createRun({ config, name: 'state bench' });
    store.markRunning(runId, session.totalSteps);
    let best = Infinity;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const sent = structuredClone(session.snapshot());
      store.saveRunState(runId, sent, 1000);
      best = Math.min(best, performance.now() - started);
      session.advance(10_000);
    }
    return best;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figure[]> {
  return [20, 10_000].flatMap((m) => {
    const cost = saveCostMs(m);
    return [
      { name: `state save m=${m} (snapshot + message + encode + write)`, value: Number(cost.toFixed(3)), unit: 'ms' },
      {
        name: `state save m=${m} share of run time (one save per ${STATE_INTERVAL_MS / 1000} s)`,
        value: Number(((100 * cost) / STATE_INTERVAL_MS).toFixed(4)),
        unit: '%',
        target: '< 2 %',
      },
    ];
  });
}
