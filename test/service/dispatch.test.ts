import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { MAX_SWEEP_RUNS } from '../../src-main/service/handlers';
import { quickConfig } from '../pool/record';
import { openHarness, type Harness } from './labHarness';

let h: Harness;
beforeAll(() => {
  h = openHarness(1);
});
afterAll(() => h.dispose());

async function refusal(method: unknown, params: unknown) {
  const reply = await dispatch(h.lab.handlers, method, params);
  if (reply.ok) throw new Error(`${String(method)} accepted ${JSON.stringify(params)?.slice(0, 200)}`);
  return reply.error;
}

describe('hostile payloads through dispatch', () => {
  it.each([
    ['an unknown method', '__proto__', {}, 'UnknownMethodError', /unknown method "__proto__"/],
    ['a method name that is not a string', 42, {}, 'UnknownMethodError', /unknown method "42"/],
    ['params that are not an object', 'listRuns', 'all', 'ValidationError', /expected object/],
    ['an unknown top-level field', 'listRuns', { filter: 'x' }, 'ValidationError', /^unknown field filter$/],
    ['a wrong type', 'getRun', { runId: 123 }, 'ValidationError', /^runId: /],
    ['an empty id', 'getRun', { runId: '' }, 'ValidationError', /^runId: /],
    ['a huge id', 'getRun', { runId: 'x'.repeat(1_000_000) }, 'ValidationError', /^runId: /],
    [
      'a huge array of ids',
      'deleteRuns',
      { runIds: Array.from({ length: 20_000 }, (_, i) => `r${i}`) },
      'ValidationError',
      /^runIds: /,
    ],
    ['an empty array of ids', 'deleteRuns', { runIds: [] }, 'ValidationError', /^runIds: /],
    ['too many tags', 'updateRun', { runId: 'r', tags: Array(51).fill('t') }, 'ValidationError', /^tags: /],
    [
      'a tag of the wrong type',
      'updateRun',
      { runId: 'r', tags: ['ok', { $gt: '' }] },
      'ValidationError',
      /^tags\.1: /,
    ],
    [
      'a negative neuron count',
      'startRun',
      { config: { network: { m: -1 } } },
      'ValidationError',
      /^config\.network\.m: must be at least 1$/,
    ],
    [
      'a string for a number',
      'startRun',
      { config: { sgd: { h: '1e-3' } } },
      'ValidationError',
      /^config\.sgd\.h: must be a number$/,
    ],
    ['a non-finite stepsize', 'startRun', { config: { sgd: { h: Infinity } } }, 'ValidationError', /^config\.sgd\.h: /],
    [
      'an unknown nested field',
      'startRun',
      { config: { sgd: { h: 1e-3, momentum: 0.9 } } },
      'ValidationError',
      /^config\.sgd: unknown field momentum$/,
    ],
    [
      'an unknown field beside the config',
      'startRun',
      { config: {}, priority: 1 },
      'ValidationError',
      /^unknown field priority$/,
    ],
    [
      'a prototype-polluting field',
      'startRun',
      JSON.parse('{"config": {"__proto__": {"polluted": true}}}'),
      'ValidationError',
      /unknown field __proto__/,
    ],
    [
      'a huge target',
      'startRun',
      { config: { target: { positions: Array(5000).fill(0.5), values: Array(5001).fill(1) } } },
      'ValidationError',
      /^config\.target\.positions: at most 1000 jumps$/,
    ],
    [
      'too many neurons',
      'startRun',
      { config: { network: { m: 10_000_000 } } },
      'ValidationError',
      /^config\.network\.m: must be at most 100000$/,
    ],
    [
      'too many steps',
      'startRun',
      { config: { duration: { kind: 'steps', steps: 1e12 } } },
      'ValidationError',
      /^config\.duration\.steps: /,
    ],
    ['an unknown trainer', 'startRun', { config: { trainer: 'adam' } }, 'ValidationError', /^config\.trainer: /],
    [
      'a checkpoint cap below two',
      'getCheckpoints',
      { runId: 'r', maxCheckpoints: 1 },
      'ValidationError',
      /^maxCheckpoints: /,
    ],
    [
      'a fractional checkpoint cap',
      'getCheckpoints',
      { runId: 'r', maxCheckpoints: 2.5 },
      'ValidationError',
      /^maxCheckpoints: /,
    ],
    [
      'a checkpoint cap as text',
      'getCheckpoints',
      { runId: 'r', maxCheckpoints: '300' },
      'ValidationError',
      /^maxCheckpoints: /,
    ],
    [
      'an unknown checkpoint column',
      'getCheckpoints',
      { runId: 'r', fields: ['a', 'loss'] },
      'ValidationError',
      /^fields\.1: /,
    ],
    [
      'checkpoint columns that are not a list',
      'getCheckpoints',
      { runId: 'r', fields: 'a' },
      'ValidationError',
      /^fields: /,
    ],
    ['no run ids for details', 'getRunDetails', { runIds: [] }, 'ValidationError', /^runIds: /],
    [
      'too many run ids for details',
      'getRunDetails',
      { runIds: Array.from({ length: 1001 }, (_, i) => `r${i}`) },
      'ValidationError',
      /^runIds: /,
    ],
    ['a bad run id among details', 'getRunDetails', { runIds: ['r1', ''] }, 'ValidationError', /^runIds\.1: /],
  ])('refuses %s, naming the field', async (_what, method, params, name, message) => {
    const error = await refusal(method, params);
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a sweep that expands to too many runs before creating any', async () => {
    const seeds = Array.from({ length: 10_000 }, (_, i) => i);
    const error = await refusal('startSweep', {
      sweep: { base: quickConfig(100, 10), axes: [{ path: 'sgd.h', values: [1e-3, 2e-3] }], seeds },
    });
    expect(error).toEqual({
      name: 'ValidationError',
      message: `sweep: expands to 20000 runs, more than the ${MAX_SWEEP_RUNS} allowed`,
    });
    expect(h.lab.store.listSweeps()).toEqual([]);
    expect(h.lab.store.listRuns()).toEqual([]);
  });

  it('refuses a sweep axis that points nowhere, naming the run', async () => {
    const error = await refusal('startSweep', {
      sweep: { base: quickConfig(100, 10), axes: [{ path: 'sgd.nothing', values: [1] }], seeds: [1] },
    });
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/sgd\.nothing/);
    expect(h.lab.store.listRuns()).toEqual([]);
  });

  it('answers not found for unknown runs and sweeps', async () => {
    expect(await refusal('getRun', { runId: 'nope' })).toEqual({
      name: 'NotFoundError',
      message: 'run nope not found',
    });
    expect(await refusal('getCheckpoints', { runId: 'nope' })).toEqual({
      name: 'NotFoundError',
      message: 'run nope not found',
    });
    expect(await refusal('getCheckpoints', { runId: 'nope', maxCheckpoints: 2, fields: ['u'] })).toEqual({
      name: 'NotFoundError',
      message: 'run nope not found',
    });
    expect(await refusal('getRunDetails', { runIds: ['nope'] })).toEqual({
      name: 'NotFoundError',
      message: 'run nope not found',
    });
    expect(await refusal('getSweep', { sweepId: 'nope' })).toEqual({
      name: 'NotFoundError',
      message: 'sweep nope not found',
    });
    expect(await refusal('updateRun', { runId: 'nope', name: 'x' })).toEqual({
      name: 'NotFoundError',
      message: 'run nope not found',
    });
  });

  it('still answers a valid call after all that', async () => {
    const reply = await dispatch(h.lab.handlers, 'listPresets', {});
    expect(reply.ok && (reply.result as Array<{ name: string }>).map((p) => p.name)).toContain(
      'paper-two-timescale-quick',
    );
  });

  it('hands the checkpoint cap and columns to the store, and reads many runs in one call', async () => {
    const store = h.lab.store;
    const config = quickConfig(100, 10);
    const runIds = [1, 2].map((seed) => store.createRun({ config: { ...config, seed }, name: `seed ${seed}` }));
    const m = config.network.m;
    const checkpoint = (i: number) => ({
      step: i,
      tau: i * 1e-3,
      loss: 1 / (i + 1),
      limitLoss: null,
      covered: 0,
      a: new Float64Array(m + 1).fill(i),
      u: new Float64Array(m).fill(-i),
    });
    store.appendCheckpoints(
      runIds[0],
      0,
      Array.from({ length: 50 }, (_, i) => checkpoint(i)),
    );
    const reply = await dispatch(h.lab.handlers, 'getCheckpoints', {
      runId: runIds[0],
      maxCheckpoints: 3,
      fields: ['u'],
    });
    expect(reply).toMatchObject({
      ok: true,
      result: {
        count: 3,
        aLength: 0,
        uLength: m,
        indices: Float64Array.of(0, 25, 49),
        step: Float64Array.of(0, 25, 49),
      },
    });
    const details = await dispatch(h.lab.handlers, 'getRunDetails', { runIds: [runIds[1], runIds[0]] });
    expect(
      details.ok &&
        (details.result as Array<{ id: string; config: { seed: number } }>).map((run) => [run.id, run.config.seed]),
    ).toEqual([
      [runIds[1], 2],
      [runIds[0], 1],
    ]);
    store.deleteRuns(runIds);
  });
});
