// @vitest-environment happy-dom
/** A full-batch run in the history shows no SGD stepsizes and no jump coverage: they are not settings it used. */
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabApi } from '#shared/api/contract';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import RunsView from '../../src-renderer/src/views/RunsView.vue';
import { fakeLab } from './fakeLab';
import { summary } from './historyRuns';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('history cells by trainer', () => {
  it('leaves h, ε and coverage empty for a full-batch run, and shows them for an SGD run', async () => {
    const runs = [
      summary(1, { id: 'fb', name: 'full batch', trainer: 'full-batch', coveredJumps: 0, totalJumps: 5 }),
      summary(2, {
        id: 'sgd',
        name: 'sgd run',
        trainer: 'sgd',
        h: 1e-3,
        epsilon: 2e-5,
        coveredJumps: 5,
        totalJumps: 5,
      }),
    ];
    const fake = fakeLab({ listRuns: vi.fn(async () => runs), listSweeps: vi.fn(async () => []) } as Partial<LabApi>);
    const wrapper = mount(RunsView, { global: { plugins: [labPlugin(fake.lab)] }, attachTo: document.body });
    await flushPromises();
    const cells = (id: string) =>
      wrapper
        .get(`[data-run-id="${id}"]`)
        .findAll('[role="cell"]')
        .map((cell) => cell.text());
    // check, star, name, status, trainer, m, eta, h, epsilon, seed, final, best, covered, ...
    expect(cells('fb').slice(7, 9)).toEqual(['—', '—']);
    expect(cells('fb')[12]).toBe('—');
    expect(cells('sgd').slice(7, 9)).toEqual(['0.001', '2e-5']);
    expect(cells('sgd')[12]).toBe('5/5');
    wrapper.unmount();
  });
});
