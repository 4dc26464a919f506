/**
 * A sweep's expanded size and a run's memory are checked before anything is built; a sweep is
 * created in chunks that give the event loop turns; a sweep whose creation fails leaves nothing behind.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { MAX_RUN_MEMORY_BYTES, runMemoryBytes } from '#shared/config/limits';
import { parseRunConfig } from '#shared/config/schema';
import { DatabaseWriteError } from '../../src-main/store';
import { silentLab } from './lab';

const labs: Array<ReturnType<typeof silentLab>> = [];
function open() {
  const lab = silentLab();
  labs.push(lab);
  return lab;
}
afterEach(async () => {
  for (const lab of labs.splice(0)) await lab.dispose();
});

const quick = { duration: { kind: 'steps', steps: 100 }, network: { m: 4 } };

async function refusal(lab: ReturnType<typeof silentLab>, method: string, params: unknown) {
  const reply = await dispatch(lab.handlers, method, params);
  if (reply.ok) throw new Error(`${method} was accepted`);
  return reply.error;
}

describe('limits on what one request may ask for', () => {
  // 8 (m + 1)^2 bytes for the Jacobian block: 16.9 GB at m = 46,000.
  it('refuses gradient flow at m = 46,000 with the memory estimate in the message', async () => {
    const lab = open();
    const error = await refusal(lab, 'startRun', { config: { trainer: 'gradient-flow', network: { m: 46_000 } } });
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(
      /^config\.network\.m: gradient-flow with m = 46000 needs about 17\.0 GB of memory, more than the 2\.1 GB a run may take$/,
    );
    expect(lab.store.listRuns()).toEqual([]);
  });

  it('accepts gradient flow while its matrix fits', () => {
    const config = parseRunConfig({ trainer: 'gradient-flow', network: { m: 3000 } });
    expect(runMemoryBytes(config)).toBeLessThan(MAX_RUN_MEMORY_BYTES);
    expect(runMemoryBytes(config)).toBeGreaterThan(8 * 3000 * 3000);
  });

  it('refuses a run that would record more checkpoints than a run may hold', async () => {
    const lab = open();
    const error = await refusal(lab, 'startRun', {
      config: { network: { m: 100_000 }, checkpoints: { count: 100_000, cap: 100_000 } },
    });
    expect(error.message).toMatch(/^config\.checkpoints: 100000 checkpoints of 200001 values need about 160\.0 GB/);
  });

  it('refuses a sweep of large configurations from its size alone, before expanding it', async () => {
    const lab = open();
    const m = 100_000;
    const u = Array.from({ length: m }, (_, j) => (j + 0.5) / m);
    const base = { ...quick, network: { m, positions: { kind: 'list', u } } };
    const seeds = Array.from({ length: 10_000 }, (_, i) => i);
    const error = await refusal(lab, 'startSweep', { sweep: { base, seeds } });
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(
      /^sweep: 10000 runs of configurations up to 901 kB make about 9\.0 GB, more than the 67\.1 MB a sweep may hold$/,
    );
    expect(lab.store.listSweeps()).toEqual([]);
  });

  it('refuses a sweep whose axis gives one run too much memory, storing nothing', async () => {
    const lab = open();
    const sweep = {
      base: { ...quick, trainer: 'gradient-flow' },
      axes: [{ path: 'network.m', values: [10, 20_000] }],
      seeds: [1, 2, 3],
    };
    const error = await refusal(lab, 'startSweep', { sweep });
    expect(error.message).toMatch(
      /^network\.m=20000, seed=1: network\.m: gradient-flow with m = 20000 needs about 3\.2 GB/,
    );
    expect(lab.store.listSweeps()).toEqual([]);
    expect(lab.store.listRuns()).toEqual([]);
  });
});

describe('creating a large sweep', () => {
  it('gives the event loop turns while it expands and stores 2,000 runs', async () => {
    const lab = open();
    const seeds = Array.from({ length: 2000 }, (_, i) => i);
    let settled = false;
    const started = dispatch(lab.handlers, 'startSweep', { sweep: { base: quick, seeds } }).finally(
      () => (settled = true),
    );
    // A macrotask that runs before the sweep is stored: another request would have been answered here.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    const reply = await started;
    expect(reply.ok).toBe(true);
    expect(lab.store.getSweep((reply as { result: { sweepId: string } }).result.sweepId).sweep.runCount).toBe(2000);
  });

  it('keeps the order and labels of the expansion', async () => {
    const lab = open();
    const sweep = {
      base: quick,
      axes: [
        { path: 'sgd.h', values: [1e-3, 2e-3] },
        { path: 'network.eta', values: [0.01, 0.02] },
      ],
      seeds: [7, 8],
    };
    const reply = await dispatch(lab.handlers, 'startSweep', { sweep });
    if (!reply.ok) throw new Error(reply.error.message);
    const { sweepId } = reply.result as { sweepId: string };
    expect(lab.store.getSweep(sweepId).runs.map((run) => run.name)).toEqual([
      'sgd.h=0.001, network.eta=0.01, seed=7',
      'sgd.h=0.001, network.eta=0.01, seed=8',
      'sgd.h=0.001, network.eta=0.02, seed=7',
      'sgd.h=0.001, network.eta=0.02, seed=8',
      'sgd.h=0.002, network.eta=0.01, seed=7',
      'sgd.h=0.002, network.eta=0.01, seed=8',
      'sgd.h=0.002, network.eta=0.02, seed=7',
      'sgd.h=0.002, network.eta=0.02, seed=8',
    ]);
  });

  it('writes nothing when the disk fills part way through', async () => {
    const lab = open();
    const store = lab.store;
    const original = store.createSweepRuns.bind(store);
    let chunks = 0;
    vi.spyOn(store, 'createSweepRuns').mockImplementation((sweepId, runs) => {
      if (++chunks === 3)
        throw new DatabaseWriteError(`could not save the sweep's runs in ${store.file}: database or disk is full`);
      return original(sweepId, runs);
    });
    const seeds = Array.from({ length: 1000 }, (_, i) => i);
    const error = await refusal(lab, 'startSweep', { sweep: { base: quick, seeds } });
    expect(chunks).toBe(3);
    expect(error).toMatchObject({ name: 'DatabaseWriteError', message: expect.stringMatching(/disk is full$/) });
    expect(store.listSweeps()).toEqual([]);
    expect(store.listRuns()).toEqual([]);
  });
});
