// @vitest-environment happy-dom
/**
 * Saving charts from the window at a paper's size, and "Export report" as PDF or HTML: what the lab is asked for, what
 * is saved, and that the choices are remembered.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFigureSize } from '#shared/charts/figureSize';
import { lossChartOption } from '#shared/charts/loss';
import ExportReportButton from '../../src-renderer/src/components/ExportReportButton.vue';
import { init } from '../../src-renderer/src/charts/echarts';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import { useFigureSize } from '../../src-renderer/src/composables/useFigureSize';
import { saveChartImage } from '../../src-renderer/src/lib/chartImage';
import { paperConfig, syntheticSeries } from '../charts/series';
import { fakeLab } from './fakeLab';

afterEach(() => vi.restoreAllMocks());
enableAutoUnmount(afterEach);

/** Records what saveFile hands to the browser. */
function recordSaves() {
  const saved: Array<{ name: string; blob: Blob }> = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => `blob:${saved.push({ name: '', blob: blob as Blob })}`);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved[saved.length - 1].name = this.download;
  });
  return saved;
}

function lossChart() {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: 400 });
  chart.setOption(lossChartOption(syntheticSeries({ m: 4, count: 30 }), paperConfig()));
  return chart;
}

describe('saving a chart at a figure size', () => {
  it('asks the lab for a PDF page of exactly the size, drawn one unit per point', async () => {
    const saved = recordSaves();
    const renderFigure = vi.fn(async () => ({ data: new TextEncoder().encode('%PDF-1.3') }));
    const size = parseFigureSize('column');
    await saveChartImage({
      chart: lossChart(),
      format: { kind: 'pdf' },
      background: '#fff',
      size,
      api: { renderFigure },
      name: 'run-loss.pdf',
    });
    const [[request]] = renderFigure.mock.calls as unknown as Array<
      [{ svg: string; width: number; height: number; format: string; title: string }]
    >;
    expect(request).toMatchObject({ width: 234, format: 'pdf', title: 'Loss' });
    expect(request.height).toBeCloseTo(187.2, 10);
    expect(request.svg).toMatch(/^<svg width="234" height="187"/);
    // Print fonts: tick labels 7 pt, axis names 8 pt at the 8 pt column size.
    expect(request.svg).toContain('font-size:8px');
    expect(saved.map((file) => [file.name, file.blob.type])).toEqual([['run-loss.pdf', 'application/pdf']]);
  });

  it('saves the SVG itself sized in points, and PNGs at 150 dpi per step', async () => {
    const saved = recordSaves();
    const renderFigure = vi.fn(async () => ({ data: new Uint8Array(4) }));
    const size = parseFigureSize('3.25inx2.2in');
    await saveChartImage({
      chart: lossChart(),
      format: { kind: 'svg' },
      background: '#fff',
      size,
      api: { renderFigure },
      name: 'loss.svg',
    });
    expect(await saved[0].blob.text()).toMatch(/^<svg width="234pt" height="158pt"/);
    await saveChartImage({
      chart: lossChart(),
      format: { kind: 'png', pixelRatio: 2 },
      background: '#fff',
      size,
      api: { renderFigure },
      name: 'loss@2x.png',
    });
    expect(renderFigure).toHaveBeenCalledWith(expect.objectContaining({ format: 'png', dpi: 300 }));
  });

  it('makes a PDF of the chart as on screen, a CSS pixel a print point of 0.75', async () => {
    recordSaves();
    const renderFigure = vi.fn(async () => ({ data: new Uint8Array(4) }));
    await saveChartImage({
      chart: lossChart(),
      format: { kind: 'pdf' },
      background: '#fff',
      size: null,
      api: { renderFigure },
      name: 'loss.pdf',
    });
    expect(renderFigure).toHaveBeenCalledWith(
      expect.objectContaining({ width: 600, height: 300, format: 'pdf', svg: expect.stringMatching(/^<svg/) }),
    );
  });

  it('remembers the size chosen, and refuses a custom size that is not one', () => {
    const { choose, size, error } = useFigureSize();
    expect(choose('8cmx6cm')).toBe(true);
    expect(localStorage.getItem('ttlab.figureSize')).toBe('8cmx6cm');
    expect(size.value?.width).toBeCloseTo(226.77, 2);
    expect(choose('8x6')).toBe(false);
    expect(error.value).toMatch(/WIDTHxHEIGHT with a unit/);
    expect(localStorage.getItem('ttlab.figureSize')).toBe('8cmx6cm');
    choose('screen');
    expect(size.value).toBeNull();
  });
});

describe('Export report as PDF or HTML', () => {
  it('asks for the chosen format, names the file by it, and remembers it', async () => {
    const saved = recordSaves();
    const exportReport = vi.fn(async ({ format }: { format?: string }) => ({
      fileName: `ttlab-run-report.${format ?? 'zip'}`,
      data: new Uint8Array(3),
    }));
    const fake = fakeLab({ exportReport } as never);
    const wrapper = mount(ExportReportButton, {
      props: { target: { runId: 'run-1' } },
      global: { plugins: [labPlugin(fake.lab)] },
    });
    await wrapper.find('[data-testid="export-format"]').setValue('html');
    await wrapper.find('[data-testid="export-report"]').trigger('click');
    await flushPromises();
    expect(exportReport).toHaveBeenCalledWith({ target: { runId: 'run-1' }, format: 'html' });
    expect(saved.map((file) => [file.name, file.blob.type])).toEqual([['ttlab-run-report.html', 'text/html']]);
    expect(localStorage.getItem('ttlab.reportFormat')).toBe('html');
    await wrapper.find('[data-testid="export-format"]').setValue('zip');
  });
});
