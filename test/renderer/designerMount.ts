/** Mounts the designer screen on a fake lab for component tests (the target chart is stubbed: happy-dom has no canvas). */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { LabApi } from '#shared/api/contract';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import NewRunView from '../../src-renderer/src/views/NewRunView.vue';
import { fakeLab } from './fakeLab';

export async function mountDesigner(overrides: Partial<LabApi> = {}) {
  const fake = fakeLab(overrides);
  const wrapper = mount(NewRunView, {
    attachTo: document.body,
    global: { plugins: [labPlugin(fake.lab)], stubs: { TargetChart: true } },
  });
  await flushPromises();
  const get = (id: string) => wrapper.get(`[data-testid="${id}"]`);
  const value = (id: string) => (get(id).element as HTMLInputElement).value;
  const exists = (id: string) => wrapper.find(`[data-testid="${id}"]`).exists();
  const startDisabled = () => (get('start-button').element as HTMLButtonElement).disabled;
  /** Submits the form and returns the parameters of the last startRun / startSweep call. */
  const submit = async () => {
    await get('start-button').trigger('submit');
    await flushPromises();
  };
  return { wrapper: wrapper as VueWrapper, get, value, exists, startDisabled, submit, ...fake };
}

/** The first argument of the last call of a vi.fn() API method. */
export function lastCall<T>(method: unknown): T {
  const calls = (method as { mock: { calls: unknown[][] } }).mock.calls;
  return calls[calls.length - 1][0] as T;
}
