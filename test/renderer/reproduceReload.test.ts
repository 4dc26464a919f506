// @vitest-environment happy-dom
/**
 * The Reproduce page after a reload: it asks the lab for its latest reproduction, so a running one shows its progress
 * and can be cancelled, and a finished one keeps its table and report download.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Reproduction } from '#shared/api/reproduction';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import ReproduceView from '../../src-renderer/src/views/ReproduceView.vue';
import { fakeLab } from './fakeLab';

const reproduction = (patch: Partial<Reproduction>): Reproduction => ({
  id: '2026-01-01T10:00:00.000Z',
  tier: 'quick',
  status: 'running',
  experiments: [
    {
      name: 'two-timescale',
      summary: 'every jump covered',
      status: 'running',
      runs: 20,
      finishedRuns: 7,
      sweepId: 's1',
      pass: null,
      wallMs: null,
    },
  ],
  checks: [],
  error: null,
  report: null,
  ...patch,
});

async function reloaded(latest: Reproduction | null) {
  const cancelReproduction = vi.fn(async () => ({ cancelled: true }));
  const fake = fakeLab({ currentReproduction: vi.fn(async () => latest), cancelReproduction } as never);
  const wrapper = mount(ReproduceView, { global: { plugins: [labPlugin(fake.lab)] } });
  await flushPromises();
  return { wrapper, cancelReproduction };
}

describe('the Reproduce page after a reload', () => {
  it('shows a running reproduction with its progress, and cancels it', async () => {
    const { wrapper, cancelReproduction } = await reloaded(reproduction({}));
    expect(wrapper.get('[data-testid="reproduce-progress"]').text()).toBe('7 of 20 runs ended');
    expect(wrapper.get('[data-testid="reproduce-start"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="reproduce-cancel"]').trigger('click');
    expect(cancelReproduction).toHaveBeenCalledWith({});
  });

  it("keeps a finished reproduction's table and report", async () => {
    const check = {
      experiment: 'two-timescale',
      claim: 'every run finishes',
      expected: '20/20 done',
      measured: '20/20 done',
      pass: true,
    };
    const { wrapper } = await reloaded(
      reproduction({
        status: 'done',
        checks: [check],
        report: { fileName: 'ttlab-reproduction-quick.zip', data: new Uint8Array([1]) },
      }),
    );
    expect(wrapper.find('[data-testid="reproduce-download"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('every run finishes');
    expect(wrapper.find('[data-testid="reproduce-cancel"]').exists()).toBe(false);
  });

  it('starts empty when the lab has none', async () => {
    const { wrapper } = await reloaded(null);
    expect(wrapper.get('[data-testid="reproduce-start"]').text()).toBe('Run the quick tier');
  });
});
