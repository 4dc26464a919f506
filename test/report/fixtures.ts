/** Real short runs (createRunSession) stored in a temporary lab database, for report tests and sample images. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseRunConfig,
  parseSweepSpec,
  type RunConfig,
  type RunConfigInput,
  type SweepSpecInput,
} from '#shared/config/schema';
import { expandSweep } from '#shared/config/sweep';
import { createRunSession } from '#shared/run/session';
import type { RunCheckpoint } from '#shared/run/types';
import { openStore, type RunStore } from '../../src-main/store';

/** The paper's quick two-timescale run (h = 1e-3, epsilon = 2e-5), shortened to `tauMax`, limit beside SGD. */
export function quickConfig(overrides: RunConfigInput = {}, tauMax = 0.01): RunConfig {
  return parseRunConfig({
    sgd: { h: 1e-3, epsilon: 2e-5, limitBeside: true },
    duration: { kind: 'tau', tauMax },
    checkpoints: { kind: 'even', count: 51 },
    ...overrides,
  });
}

/** Trains `config` to the end in this process and stores it like the lab does; returns the run id. */
export function storeRun(store: RunStore, config: RunConfig, name: string, sweepId: string | null = null): string {
  const runId = store.createRun({ config, name, sweepId });
  const checkpoints: RunCheckpoint[] = [];
  const started = performance.now();
  const session = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint));
  store.markRunning(runId, session.totalSteps);
  while (session.advance(1_000_000));
  store.appendCheckpoints(runId, 0, checkpoints);
  const outcome = session.outcome();
  store.finishRun(runId, outcome.status, { ...outcome, durationMs: performance.now() - started });
  return runId;
}

/** Creates the sweep and stores each of its runs; returns the sweep id. */
export function storeSweep(store: RunStore, input: SweepSpecInput): string {
  const spec = parseSweepSpec(input);
  const sweepId = store.createSweep(spec.name, spec);
  for (const run of expandSweep(spec)) storeRun(store, run.config, run.label, sweepId);
  return sweepId;
}

/**
 * Stores the sweep "epsilon x m" of the report tests and samples: the quick run without the limit beside it, shortened
 * to `tauMax`, over epsilon in `epsilons` by m in `sizes`, each point once per seed in `seeds`; returns the sweep id.
 */
export function storeEpsilonBySize(
  store: RunStore,
  { tauMax, epsilons, sizes, seeds }: { tauMax: number; epsilons: number[]; sizes: number[]; seeds: number[] },
): string {
  return storeSweep(store, {
    name: 'epsilon x m',
    base: quickConfig({ sgd: { h: 1e-3, epsilon: 2e-5, limitBeside: false } }, tauMax),
    axes: [
      { path: 'sgd.epsilon', values: epsilons },
      { path: 'network.m', values: sizes },
    ],
    seeds,
  });
}

export interface TempLab {
  dir: string;
  file: string;
  store: RunStore;
  dispose(): void;
}

export function openTempLab(): TempLab {
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-report-'));
  const file = join(dir, 'lab.db');
  const store = openStore(file);
  return {
    dir,
    file,
    store,
    dispose: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
