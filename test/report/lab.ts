/** One temporary lab shared by a test file: two short runs, a 1,000-neuron run and a 2 x 2 sweep, all really trained. */
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { exportCommand } from '../../src-main/cli/exportCommand';
import type { RunStore } from '../../src-main/store';
import { openTempLab, quickConfig, storeEpsilonBySize, storeRun, type TempLab } from './fixtures';

export interface ReportLab extends TempLab {
  runId: string;
  otherRunId: string;
  bigRunId: string;
  sweepId: string;
}

/** About 1.5 s of training: tau = 0.002 at h = 1e-3, epsilon = 2e-5 is 100,000 SGD steps per run. */
export function openReportLab(): ReportLab {
  const lab = openTempLab();
  const store: RunStore = lab.store;
  const runId = storeRun(store, quickConfig({}, 0.002), 'quick two-timescale');
  const otherRunId = storeRun(
    store,
    quickConfig({ seed: 7, sgd: { h: 1e-3, epsilon: 1e-3, limitBeside: false } }, 0.05),
    'larger epsilon, seed 7',
  );
  const bigRunId = storeRun(
    store,
    quickConfig({ network: { m: 1000 }, checkpoints: { kind: 'even', count: 11 } }, 0.0005),
    'thousand neurons',
  );
  const sweepId = storeEpsilonBySize(store, { tauMax: 0.001, epsilons: [2e-5, 1e-3], sizes: [10, 20], seeds: [0, 1] });
  return { ...lab, runId, otherRunId, bigRunId, sweepId };
}

/**
 * The report lab of a test file that drives `ttlab export` in-process: opened before its tests (stdout muted), closed
 * after. `out(name)` is a path in the lab's folder; `run(...flags)` runs the export against the lab's database.
 */
export function useExportLab() {
  const handle = {
    lab: undefined as unknown as ReportLab,
    out: (name: string) => join(handle.lab.dir, name),
    run: (...args: string[]) => exportCommand([...args, '--db', handle.lab.file]),
  };
  beforeAll(() => {
    handle.lab = openReportLab();
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    handle.lab.dispose();
  });
  return handle;
}
