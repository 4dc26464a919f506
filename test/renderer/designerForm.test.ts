// @vitest-environment happy-dom
import { describe, expect, it, beforeEach } from 'vitest';
import type { RunConfig, SweepSpec } from '#shared/config/schema';
import { presets } from '#shared/config/presets';
import { RemoteError } from '#shared/base/errors';
import type { LabApi } from '#shared/api/contract';
import { parseRunConfig } from '#shared/config/schema';
import { setDraft } from '../../src-renderer/src/composables/useDraft';
import { lastCall, mountDesigner } from './designerMount';

const digits = (text: string) => text.replace(/\D/g, '');

describe('experiment designer form', () => {
  beforeEach(() => {
    window.location.hash = '#/new';
  });

  it('lists every preset with its description and opens on the quick two-timescale run', async () => {
    const { get, value, api, startDisabled } = await mountDesigner();
    expect(api.listPresets).toHaveBeenCalledOnce();
    for (const preset of presets) expect(get(`preset-${preset.name}`).text()).toContain(preset.description);
    expect(get('preset-paper-two-timescale-quick').attributes('aria-pressed')).toBe('true');
    expect(value('field-m')).toBe('20');
    expect(value('field-h')).toBe('0.001');
    expect(value('field-epsilon')).toBe('2e-5');
    expect(value('jump-position-2')).toBe('0.5');
    expect(digits(get('steps-summary').text())).toBe(String(Math.floor(0.035 / (1e-3 * 2e-5))));
    expect(get('inner-stepsize').text()).toBe('2e-8');
    expect(get('time-estimate').text()).toMatch(/^≈ [\d.]+ m?s$/);
    expect(startDisabled()).toBe(false);
  });

  it('loads a preset in one click', async () => {
    const { get, value } = await mountDesigner();
    await get('preset-paper-same-stepsizes').trigger('click');
    expect(value('field-epsilon')).toBe('1');
    expect(value('field-h')).toBe('1e-5');
    expect(digits(get('steps-summary').text())).toBe('999999');
    expect(value('run-name')).toBe('paper-same-stepsizes');
    await get('preset-paper-limit-ode').trigger('click');
    expect(get('trainer-limit').attributes('aria-checked')).toBe('true');
  });

  it('says why beside each invalid field and disables Start until the form is valid', async () => {
    const { get, exists, setValue, startDisabled } = await mountDesignerWithSetValue();
    await setValue('field-m', '0');
    expect(get('error-m').text()).toBe('must be at least 1');
    expect(startDisabled()).toBe(true);
    await setValue('field-m', '20.5');
    expect(get('error-m').text()).toBe('must be a whole number');
    await setValue('field-m', '30');
    expect(exists('error-m')).toBe(false);
    expect(startDisabled()).toBe(false);
    await setValue('field-tauMax', '1e6');
    expect(get('error-tauMax').text()).toMatch(/more than the 2000000000 allowed/);
    await setValue('field-tauMax', '0.035');
    // Leaving the field (change) sorts the rows: 1.5 moves to the last row, its message with it.
    await setValue('jump-position-1', '1.5');
    expect(get('error-jump-4-position').text()).toBe('must lie strictly inside (0, 1)');
    expect(startDisabled()).toBe(true);
    await setValue('jump-position-4', '0.35');
    expect(exists('error-jump-4-position')).toBe(false);
    await setValue('jump-value-3', 'abc');
    expect(get('error-jump-3-jump').text()).toBe('must be a number');
    await setValue('jump-value-3', '-2');
    expect(startDisabled()).toBe(false);
  });

  it('edits the target: rows stay sorted, jumps can be added and removed, the paper target is one click away', async () => {
    const { get, value, wrapper, setValue } = await mountDesignerWithSetValue();
    const rows = () => wrapper.findAll('[data-testid^="jump-row-"]').length;
    await setValue('jump-position-0', '0.6');
    await get('jump-position-0').trigger('change');
    expect([0, 1, 2, 3, 4].map((i) => value(`jump-position-${i}`))).toEqual(['0.35', '0.5', '0.6', '0.65', '0.8']);
    expect(value('jump-value-2')).toBe('4');
    await get('add-jump').trigger('click');
    expect(rows()).toBe(6);
    await get('jump-remove-5').trigger('click');
    expect(rows()).toBe(5);
    await get('paper-target').trigger('click');
    expect([0, 1, 2, 3, 4].map((i) => value(`jump-position-${i}`))).toEqual(['0.2', '0.35', '0.5', '0.65', '0.8']);
    await get('random-generate').trigger('click');
    expect(rows()).toBe(5);
    expect(value('jump-position-0')).not.toBe('0.2');
    await setValue('random-jumps', '20');
    expect(get('random-error').text()).toMatch(/cannot be 0.1 apart/);
  });

  it('types the inner stepsize directly and starts the run with epsilon = h_inner / h', async () => {
    const { get, value, setValue, submit, api } = await mountDesignerWithSetValue();
    await get('stepsizes-inner').trigger('click');
    expect(value('field-hInner')).toBe('2e-8');
    await setValue('field-hInner', '4e-8');
    expect(get('derived-epsilon').text()).toBe('4e-5');
    await get('duration-steps').trigger('click');
    expect(value('field-steps')).toBe('875000');
    await submit();
    const { config } = lastCall<{ config: RunConfig }>(api.startRun);
    expect(config.sgd.epsilon).toBeCloseTo(4e-5, 18);
    expect(config.duration).toEqual({ kind: 'steps', steps: 875000 });
    expect(window.location.hash).toBe('#/runs/run-42');
  });

  it('validates typed positions and offers the full-batch problems', async () => {
    const { get, setValue, startDisabled, exists } = await mountDesignerWithSetValue();
    await get('positions-list').trigger('click');
    await setValue('field-positionsList', '0.1, 0.2, 0.3');
    expect(get('error-positionsList').text()).toBe('needs m = 20 positions, got 3');
    expect(startDisabled()).toBe(true);
    await get('trainer-full-batch').trigger('click');
    expect(exists('problem-relu')).toBe(true);
    expect(exists('field-d')).toBe(true);
    expect(exists('target-table')).toBe(false);
  });

  it('opens a configuration handed over by another screen instead of the first preset', async () => {
    setDraft(parseRunConfig({ network: { m: 33 }, sgd: { epsilon: 0.5 } }), 'copy of a run');
    const { get, value } = await mountDesigner();
    expect(value('field-m')).toBe('33');
    expect(value('field-epsilon')).toBe('0.5');
    expect(value('run-name')).toBe('copy of a run');
    expect(get('preset-paper-two-timescale-quick').attributes('aria-pressed')).toBe('false');
  });

  it('shows the message of a refused start', async () => {
    const startRun = async () => {
      throw new RemoteError({ name: 'ValidationError', message: 'network.m: must be at most 100000' });
    };
    const { get, submit, startDisabled } = await mountDesigner({ startRun } as Partial<LabApi>);
    await submit();
    expect(get('start-error').text()).toBe('network.m: must be at most 100000');
    expect(startDisabled()).toBe(false);
  });
});

describe('sweep builder', () => {
  it('loads a sweep preset with its run count and starts it as one sweep', async () => {
    const { get, submit, api } = await mountDesigner();
    await get('preset-paper-varying-epsilon').trigger('click');
    expect(get('sweep-run-count').text()).toBe('60');
    expect(get('start-button').text()).toBe('Start sweep (60 runs)');
    await submit();
    const { sweep } = lastCall<{ sweep: SweepSpec }>(api.startSweep);
    expect(sweep.axes).toEqual([{ path: 'sgd.epsilon', values: [0.01, 0.1, 1] }]);
    expect(sweep.seeds).toHaveLength(20);
    expect(window.location.hash).toBe('#/runs');
    await get('preset-paper-2d').trigger('click');
    expect(get('sweep-run-count').text()).toBe('40');
  });

  it('counts runs as axes and seeds are typed, estimates the total time, and refuses bad axes', async () => {
    const { get, setValue, submit, api, startDisabled } = await mountDesignerWithSetValue();
    await get('sweep-enabled').setValue(true);
    await get('sweep-add-axis').trigger('click');
    expect((get('sweep-path-0').element as HTMLSelectElement).value).toBe('sgd.epsilon');
    await setValue('sweep-list-0', '1e-5, 2e-5, 4e-5');
    await setValue('sweep-seeds', '2');
    expect(get('sweep-run-count').text()).toBe('6');
    expect(get('sweep-time').text()).toMatch(/^≈ /);
    await get('sweep-mode-0').setValue('log');
    await setValue('sweep-from-0', '0');
    await setValue('sweep-to-0', '1');
    expect(get('sweep-errors').text()).toContain('a log range needs both ends above 0');
    expect(startDisabled()).toBe(true);
    await setValue('sweep-from-0', '1e-3');
    await setValue('sweep-count-0', '4');
    expect(get('sweep-run-count').text()).toBe('8');
    await submit();
    const { sweep } = lastCall<{ sweep: SweepSpec }>(api.startSweep);
    expect(sweep.axes[0].values).toEqual([0.001, 0.01, 0.1, 1]);
    // Seeds start at the run's seed.
    expect(sweep.seeds).toEqual([42, 43]);
    expect(sweep.base.sgd.h).toBe(1e-3);
  });
});

/** mountDesigner plus setValue by test id. */
async function mountDesignerWithSetValue(overrides: Partial<LabApi> = {}) {
  const mounted = await mountDesigner(overrides);
  const setValue = (id: string, text: string) => mounted.get(id).setValue(text);
  return { ...mounted, setValue };
}
