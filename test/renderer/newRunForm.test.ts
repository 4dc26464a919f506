// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LabApi } from '../../src-shared/api/contract';
import { RemoteError } from '../../src-shared/api/errors';
import { presets } from '../../src-shared/config/presets';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import NewRunView from '../../src-renderer/src/views/NewRunView.vue';
import { fakeLab } from './fakeLab';

async function mountForm(overrides: Partial<LabApi> = {}) {
  const fake = fakeLab(overrides);
  const wrapper = mount(NewRunView, { attachTo: document.body, global: { plugins: [labPlugin(fake.lab)] } });
  await flushPromises();
  return { wrapper, ...fake };
}

const byTestId = (wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper'], id: string) => wrapper.get(`[data-testid="${id}"]`);
const fieldValue = (wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper'], key: string) => (byTestId(wrapper, `field-${key}`).element as HTMLInputElement).value;
const startDisabled = (wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper']) => (byTestId(wrapper, 'start-button').element as HTMLButtonElement).disabled;
const digits = (text: string) => text.replace(/\D/g, '');

describe('new-run form', () => {
  beforeEach(() => {
    window.location.hash = '#/new';
  });

  it('lists every preset and starts from the quick two-timescale run with its fields filled', async () => {
    const { wrapper, api } = await mountForm();
    expect(api.listPresets).toHaveBeenCalledOnce();
    const options = byTestId(wrapper, 'preset-select').findAll('option');
    expect(options.map((o) => o.element.value)).toEqual([...presets.filter((p) => p.kind === 'run'), ...presets.filter((p) => p.kind === 'sweep')].map((p) => p.name));
    expect((byTestId(wrapper, 'preset-select').element as HTMLSelectElement).value).toBe('paper-two-timescale-quick');
    expect(byTestId(wrapper, 'preset-description').text()).toContain('1.75 M steps');
    expect(fieldValue(wrapper, 'm')).toBe('20');
    expect(fieldValue(wrapper, 'h')).toBe('0.001');
    expect(fieldValue(wrapper, 'epsilon')).toBe('2e-5');
    expect(fieldValue(wrapper, 'tauMax')).toBe('0.035');
    expect(digits(byTestId(wrapper, 'steps-summary').text())).toBe(String(Math.floor(0.035 / (1e-3 * 2e-5))));
    expect(byTestId(wrapper, 'inner-stepsize').text()).toBe('2e-8');
    expect(startDisabled(wrapper)).toBe(false);
  });

  it('fills the fields from the preset chosen', async () => {
    const { wrapper } = await mountForm();
    await byTestId(wrapper, 'preset-select').setValue('paper-same-stepsizes');
    expect(fieldValue(wrapper, 'epsilon')).toBe('1');
    expect(fieldValue(wrapper, 'h')).toBe('1e-5');
    expect(fieldValue(wrapper, 'tauMax')).toBe('10');
    // The authors' int(10 / 1e-5) is 999,999 in floating point.
    expect(digits(byTestId(wrapper, 'steps-summary').text())).toBe('999999');
    expect((byTestId(wrapper, 'run-name').element as HTMLInputElement).value).toBe('paper-same-stepsizes');
  });

  it('disables Start on invalid input and says why beside the field', async () => {
    const { wrapper } = await mountForm();
    await byTestId(wrapper, 'field-m').setValue('0');
    expect(startDisabled(wrapper)).toBe(true);
    expect(byTestId(wrapper, 'error-m').text()).toBe('must be at least 1');
    await byTestId(wrapper, 'field-m').setValue('abc');
    expect(byTestId(wrapper, 'error-m').text()).toBe('must be a number');
    await byTestId(wrapper, 'field-m').setValue('20.5');
    expect(byTestId(wrapper, 'error-m').text()).toBe('must be a whole number');
    await byTestId(wrapper, 'field-m').setValue('30');
    expect(wrapper.find('[data-testid="error-m"]').exists()).toBe(false);
    expect(startDisabled(wrapper)).toBe(false);
    await byTestId(wrapper, 'field-h').setValue('-1');
    expect(byTestId(wrapper, 'error-h').text()).toBe('must be greater than 0');
    expect(startDisabled(wrapper)).toBe(true);
  });

  it('reports a duration with too many steps beside the duration field', async () => {
    const { wrapper } = await mountForm();
    await byTestId(wrapper, 'field-tauMax').setValue('1e6');
    expect(byTestId(wrapper, 'error-tauMax').text()).toMatch(/more than the 2000000000 allowed/);
    expect(startDisabled(wrapper)).toBe(true);
  });

  it('switches to a step budget carrying the number of steps over', async () => {
    const { wrapper, api } = await mountForm();
    await byTestId(wrapper, 'duration-steps').trigger('change');
    expect(fieldValue(wrapper, 'steps')).toBe('1750000');
    await byTestId(wrapper, 'field-steps').setValue('5000');
    await byTestId(wrapper, 'start-button').trigger('submit');
    await flushPromises();
    expect(api.startRun).toHaveBeenCalledWith(expect.objectContaining({ config: expect.objectContaining({ duration: { kind: 'steps', steps: 5000 } }) }));
  });

  it('shows the run count of a sweep, locks the swept fields and starts a sweep', async () => {
    const { wrapper, api } = await mountForm();
    await byTestId(wrapper, 'preset-select').setValue('paper-varying-epsilon');
    expect(byTestId(wrapper, 'run-count').text()).toBe('60 runs');
    expect(byTestId(wrapper, 'sweep-run-count').text()).toBe('60');
    expect(byTestId(wrapper, 'start-button').text()).toContain('60 runs');
    const epsilon = byTestId(wrapper, 'field-epsilon');
    expect((epsilon.element as HTMLInputElement).disabled).toBe(true);
    expect(wrapper.get('#field-epsilon-note').text()).toBe('set by the sweep: 0.01, 0.1, 1');
    await byTestId(wrapper, 'field-m').setValue('10');
    await byTestId(wrapper, 'start-button').trigger('submit');
    await flushPromises();
    expect(api.startRun).not.toHaveBeenCalled();
    const { sweep } = (api.startSweep as unknown as { mock: { calls: Array<[{ sweep: { base: { network: { m: number } }; seeds: number[] } }]> } }).mock.calls[0][0];
    expect(sweep.base.network.m).toBe(10);
    expect(sweep.seeds).toHaveLength(20);
    expect(window.location.hash).toBe('#/runs');

    await byTestId(wrapper, 'preset-select').setValue('paper-2d');
    expect(byTestId(wrapper, 'run-count').text()).toBe('40 runs');
  });

  it('starts a run with the validated configuration and opens it', async () => {
    const { wrapper, api } = await mountForm();
    await byTestId(wrapper, 'field-m').setValue('30');
    await byTestId(wrapper, 'field-seed').setValue('7');
    await byTestId(wrapper, 'start-button').trigger('submit');
    await flushPromises();
    expect(api.startRun).toHaveBeenCalledOnce();
    const [{ config, name }] = (api.startRun as unknown as { mock: { calls: Array<[{ config: { network: { m: number }; seed: number; sgd: { limitBeside: boolean } }; name: string }]> } }).mock.calls[0];
    expect(config.network.m).toBe(30);
    expect(config.seed).toBe(7);
    expect(config.sgd.limitBeside).toBe(true);
    expect(name).toBe('paper-two-timescale-quick');
    expect(window.location.hash).toBe('#/runs/run-42');
  });

  it('shows the error of a refused start with its message', async () => {
    const startRun = async () => {
      throw new RemoteError({ name: 'ValidationError', message: 'network.m: must be at most 100000' });
    };
    const { wrapper } = await mountForm({ startRun } as Partial<LabApi>);
    await byTestId(wrapper, 'start-button').trigger('submit');
    await flushPromises();
    expect(byTestId(wrapper, 'start-error').text()).toBe('network.m: must be at most 100000');
    expect(startDisabled(wrapper)).toBe(false);
  });
});
