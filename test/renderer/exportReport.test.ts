// @vitest-environment happy-dom
/**
 * "Export report": busy while the lab zips, the zip saved under the lab's name, errors shown, Ctrl+E (or the menu) too;
 * the page at the figure size chosen beside the format.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ExportReportButton from '../../src-renderer/src/components/ExportReportButton.vue';
import type { ReportTarget } from '../../src-renderer/src/composables/useExportReport';
import { runCommand } from '../../src-renderer/src/composables/useCommands';
import { SCREEN, useFigureSize } from '../../src-renderer/src/composables/useFigureSize';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import { fakeLab } from './fakeLab';

afterEach(() => vi.restoreAllMocks());
// Each button subscribes to the export command: unmounted after each test, as a screen is when left.
enableAutoUnmount(afterEach);

function mountButton(
  exportReport: ReturnType<typeof vi.fn>,
  props: { target: ReportTarget; disabled?: boolean } = { target: { runId: 'run-1' } },
) {
  const fake = fakeLab({ exportReport } as never);
  const saved: Array<{ name: string; blob: Blob }> = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => `blob:${saved.push({ name: '', blob: blob as Blob })}`);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved[saved.length - 1].name = this.download;
  });
  const wrapper = mount(ExportReportButton, { props, global: { plugins: [labPlugin(fake.lab)] } });
  return { wrapper, saved, button: () => wrapper.find('[data-testid="export-report"]') };
}

describe('ExportReportButton', () => {
  it('asks the lab for the target, is busy meanwhile, and saves the zip it gets', async () => {
    let answer!: (value: { fileName: string; data: Uint8Array }) => void;
    const exportReport = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const { saved, button } = mountButton(exportReport, { target: { runIds: ['a', 'b'] } });
    expect(button().attributes('title')).toMatch(/Ctrl\+E|⌘E/);
    await button().trigger('click');
    await button().trigger('click');
    expect(exportReport).toHaveBeenCalledTimes(1);
    expect(exportReport).toHaveBeenCalledWith({ target: { runIds: ['a', 'b'] } });
    expect(button().text()).toBe('Exporting…');
    expect(button().attributes('disabled')).toBeDefined();
    answer({ fileName: 'ttlab-comparison-2-runs-report.zip', data: Uint8Array.of(0x50, 0x4b, 3, 4) });
    await flushPromises();
    expect(button().text()).toBe('Export report');
    expect(saved.map((file) => [file.name, file.blob.type])).toEqual([
      ['ttlab-comparison-2-runs-report.zip', 'application/zip'],
    ]);
  });

  it('shows why the export failed', async () => {
    const { wrapper, button, saved } = mountButton(vi.fn(async () => Promise.reject(new Error('run run-1 not found'))));
    await button().trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="export-error"]').text()).toBe('Export failed: run run-1 not found');
    expect(saved).toEqual([]);
  });

  it('answers the export command while shown, unless disabled', async () => {
    const exportReport = vi.fn(async () => ({ fileName: 'r.zip', data: new Uint8Array(1) }));
    const { wrapper } = mountButton(exportReport, { target: { sweepId: 's1' }, disabled: true });
    runCommand('export');
    expect(exportReport).not.toHaveBeenCalled();
    await wrapper.setProps({ disabled: false });
    runCommand('export');
    await flushPromises();
    expect(exportReport).toHaveBeenCalledWith({ target: { sweepId: 's1' } });
    wrapper.unmount();
    expect(runCommand('export')).toBe(false);
  });

  it("sends the page size chosen beside the format (the one the charts' save menus share), none for the HTML report", async () => {
    const exportReport = vi.fn(async () => ({ fileName: 'r.pdf', data: new Uint8Array(1) }));
    const { wrapper, button } = mountButton(exportReport);
    const format = () => wrapper.find('[data-testid="export-format"]');
    const size = () => wrapper.find('[data-testid="export-size"]');
    const exported = async () => {
      await button().trigger('click');
      await flushPromises();
      return exportReport.mock.lastCall;
    };
    try {
      await format().setValue('pdf');
      await size().setValue('column');
      expect(await exported()).toEqual([{ target: { runId: 'run-1' }, format: 'pdf', size: 'column' }]);
      expect(localStorage.getItem('ttlab.figureSize')).toBe('column');
      expect(useFigureSize().choice.value).toBe('column');

      await size().setValue('custom');
      await wrapper.find('[data-testid="export-size-custom"]').setValue('3.25inx2.2in');
      await wrapper.find('[data-testid="export-size-custom"]').trigger('change');
      await format().setValue('zip');
      expect(await exported()).toEqual([{ target: { runId: 'run-1' }, size: '3.25inx2.2in' }]);

      await format().setValue('html');
      expect(size().exists()).toBe(false);
      expect(await exported()).toEqual([{ target: { runId: 'run-1' }, format: 'html' }]);

      await format().setValue('pdf');
      await size().setValue(SCREEN);
      expect(await exported()).toEqual([{ target: { runId: 'run-1' }, format: 'pdf' }]);
    } finally {
      // Format and size are remembered for every later export: back to the defaults the other tests expect.
      await format().setValue('zip');
      useFigureSize().choose(SCREEN);
    }
  });
});
