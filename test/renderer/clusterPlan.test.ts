// @vitest-environment happy-dom
/** "Run on a cluster…" in the sweep builder: Slurm options checked with the shared schema, commands, and the zip. */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { parseSweepSpec } from '#shared/config/schema';

const saved: Array<{ data: Uint8Array; name: string }> = [];
vi.mock('../../src-renderer/src/lib/download', () => ({
  saveFile: (data: Uint8Array, name: string) => saved.push({ data, name }),
}));
const { useClusterPlan } = await import('../../src-renderer/src/composables/useClusterPlan');

const spec = parseSweepSpec({
  name: 'eps grid',
  base: {},
  axes: [{ path: 'sgd.epsilon', values: [0.01, 0.1] }],
  seeds: [1, 2, 3],
});

describe('useClusterPlan', () => {
  it('names the flag of a bad option, then gives the commands and downloads the sweep with its README', () => {
    const plan = useClusterPlan(ref(spec), ref(6));
    expect(plan.options.value).toEqual({ error: '--tasks: at most 6, the number of runs' });
    plan.draft.tasks = '3';
    plan.draft.time = '2h';
    expect(plan.options.value).toMatchObject({ error: expect.stringMatching(/^--time: expected HH:MM:SS/) });
    plan.draft.time = '02:00:00';
    expect(plan.handoff.value?.commands[0]).toBe(
      'ttlab sweep plan --config sweep-spec.json --tasks 3 --cpus-per-task 1 --time 02:00:00 --out ~/sweeps/sweep-eps-grid',
    );
    plan.download();
    expect(saved[0].name).toBe('sweep-eps-grid.zip');
    const files = unzipSync(saved[0].data);
    expect(Object.keys(files).sort()).toEqual(['sweep-eps-grid/README.txt', 'sweep-eps-grid/sweep-spec.json']);
    expect(parseSweepSpec(JSON.parse(strFromU8(files['sweep-eps-grid/sweep-spec.json'])))).toEqual(spec);
  });
});
