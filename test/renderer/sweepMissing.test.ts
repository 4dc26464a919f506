// @vitest-environment happy-dom
/** The sweep dashboard's note on a partly merged cluster sweep: how many points are missing, and which. */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { pointRunId } from '#shared/cluster/shards';
import { parseSweepSpec } from '#shared/config/schema';
import SweepMissing from '../../src-renderer/src/components/SweepMissing.vue';

const sweepId = '6a86f576-1d23-472a-8390-4e63fd2fb4e2';
const spec = parseSweepSpec({
  name: 'cluster',
  base: { duration: { kind: 'steps', steps: 100 } },
  axes: [{ path: 'network.m', values: [10, 20] }],
  seeds: [1, 2, 3],
});

describe('SweepMissing', () => {
  it('lists the points without a result and disappears once every point is merged', async () => {
    const runs = [0, 1, 2, 3].map((i) => ({ id: pointRunId(sweepId, i), status: 'done' }));
    const wrapper = mount(SweepMissing, { props: { sweepId, spec, runs } });
    const note = wrapper.get('[data-testid="sweep-missing"]');
    expect(note.text()).toContain('2 of 6 points have no result yet');
    expect(note.findAll('li').map((item) => item.text())).toEqual([
      'point 4: network.m=20, seed=2',
      'point 5: network.m=20, seed=3',
    ]);
    await wrapper.setProps({ runs: [...runs, ...[4, 5].map((i) => ({ id: pointRunId(sweepId, i), status: 'done' }))] });
    expect(wrapper.find('[data-testid="sweep-missing"]').exists()).toBe(false);
  });
});
