/**
 * Reports and chart figures are drawn in a render process of their own: the host's event loop turns (and answers
 * other requests) while it draws, a renderer failure comes back as an error with its name, and a render process that
 * dies (resvg aborts the whole process on some malformed charts) answers RenderExitError while the host goes on; the
 * next export starts a new render process.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_REPORT_BYTES } from '#shared/config/limits';
import { dispatch } from '#shared/api/dispatch';
import type { ChildHandle } from '../../src-main/pool/forkTrainer';
import type { ReportData } from '../../src-main/report/data';
import { forkRenderer, ReportRenderer } from '../../src-main/report/renderProcess';
import { createLabOnStore } from '../../src-main/service/lab';
import { openStore, type RunStore } from '../../src-main/store';
import { checkpoints, smallConfig } from '../store/fixtures';
import { openReportLab, type ReportLab } from '../report/lab';
import { silentChild } from './lab';

let lab: ReportLab;
beforeAll(() => {
  lab = openReportLab();
});
afterAll(() => lab.dispose());

/** A lab on `store` with one (silent) trainer process; its render processes start through `spawnRenderer` when given. */
const labOn = (store: RunStore, spawnRenderer?: () => ChildHandle) =>
  createLabOnStore({ store, spawn: silentChild, poolSize: 1, spawnRenderer });

/** Render processes as the lab starts them, each one kept, with a promise of the next one started. */
function recordedRenderers() {
  const spawn = forkRenderer();
  const started: ChildHandle[] = [];
  const exits: Array<Promise<void>> = [];
  let announce: ((child: ChildHandle) => void) | undefined;
  return {
    started,
    exits,
    spawnRenderer: (): ChildHandle => {
      const child = spawn();
      started.push(child);
      exits.push(new Promise((resolve) => child.onExit(() => resolve())));
      announce?.(child);
      return child;
    },
    next: () => new Promise<ChildHandle>((resolve) => (announce = resolve)),
  };
}

const zipNames = (reply: { ok: boolean; result?: unknown }) =>
  Object.keys(unzipSync((reply.result as { data: Uint8Array }).data));

/** A chart SVG whose nested chart lies wholly outside the canvas: resvg 2.6.2 panics on it and aborts its process. */
const ABORTING_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><svg x="500" y="500" width="50" height="50"><rect width="50" height="50" fill="red"/></svg></svg>';
const GOOD_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="50" height="50" fill="red"/></svg>';
const figure = (svg: string) => ({ svg, width: 100, height: 100, format: 'png' as const, title: 'Loss' });

describe('exports in the render process', () => {
  it('lets the event loop turn while the report renders, then answers the zip', async () => {
    const { handlers, close } = labOn(lab.store);
    let settled = false;
    const exported = dispatch(handlers, 'exportReport', { target: { runId: lab.runId } }).finally(
      () => (settled = true),
    );
    let turns = 0;
    // Turns of the event loop, each a chance to answer another request, counted until the report is in.
    while (!settled && turns < 1_000_000) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    expect(turns).toBeGreaterThan(10);
    expect(await dispatch(handlers, 'listRuns', {})).toMatchObject({ ok: true });
    const reply = await exported;
    if (!reply.ok) throw new Error(reply.error.message);
    const files = unzipSync((reply.result as { data: Uint8Array }).data);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['report.png', 'report.svg', 'metrics.csv', 'config.json']),
    );
    expect(new TextDecoder().decode(files['report.png'].subarray(1, 4))).toBe('PNG');
    await close();
  });

  it('refuses a report whose runs hold more checkpoints than a report may draw from, before reading them', async () => {
    const { handlers, close } = labOn(lab.store);
    const detail = lab.store.getRun(lab.bigRunId);
    const series = lab.store.getCheckpoints(lab.bigRunId);
    // Blobs of a and u plus 40 bytes of scalar columns per checkpoint.
    expect(lab.store.storedCheckpointBytes([lab.bigRunId])).toBe(
      series.count * (8 * (series.aLength + series.uLength) + 40),
    );
    expect(detail.m).toBe(1000);
    const spy = vi.spyOn(lab.store, 'storedCheckpointBytes').mockReturnValue(2 * MAX_REPORT_BYTES);
    const reply = await dispatch(handlers, 'exportReport', { target: { sweepId: lab.sweepId } });
    expect(reply).toEqual({
      ok: false,
      error: {
        name: 'ReplyTooLargeError',
        message:
          'exportReport: its 8 run(s) hold 2.1 GB of checkpoints, more than the 1.1 GB a report may draw from: export fewer runs, or use ttlab export',
      },
    });
    spy.mockRestore();
    await close();
  });

  it('rejects with the renderer error, named, when the data cannot be drawn, and draws the next request', async () => {
    const renderer = new ReportRenderer();
    const broken = { kind: 'run', runs: [{ detail: { config: null }, series: null }] } as unknown as ReportData;
    const context = { exportedAt: new Date(0), version: 'test' };
    await expect(
      renderer.render({ kind: 'report', input: { data: broken }, context, options: {} }),
    ).rejects.toMatchObject({ name: 'TypeError' });
    const png = await renderer.render({ kind: 'figure', params: figure(GOOD_SVG) });
    expect(new TextDecoder().decode(png.subarray(1, 4))).toBe('PNG');
    await renderer.close();
  });

  it('starts one render process on the first export, reuses it, and ends it when the lab closes', async () => {
    const renderers = recordedRenderers();
    const { handlers, close } = labOn(lab.store, renderers.spawnRenderer);
    expect(renderers.started).toHaveLength(0);
    const [report, other] = await Promise.all([
      dispatch(handlers, 'exportReport', { target: { runId: lab.runId } }),
      dispatch(handlers, 'exportReport', { target: { runIds: [lab.runId, lab.otherRunId] }, format: 'html' }),
    ]);
    expect(zipNames(report)).toContain('report.png');
    expect(other).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'renderFigure', figure(GOOD_SVG))).toMatchObject({ ok: true });
    expect(renderers.started).toHaveLength(1);
    await close();
    // close() resolves once the process is gone.
    await renderers.exits[0];
    expect(await dispatch(handlers, 'renderFigure', figure(GOOD_SVG))).toMatchObject({
      ok: false,
      error: { name: 'RenderExitError' },
    });
  });

  it('answers RenderExitError when resvg aborts the render process on a malformed chart; the host goes on and the next export works', async () => {
    const renderers = recordedRenderers();
    const { handlers, close } = labOn(lab.store, renderers.spawnRenderer);
    const crashed = await dispatch(handlers, 'renderFigure', figure(ABORTING_SVG));
    expect(crashed).toMatchObject({
      ok: false,
      error: {
        name: 'RenderExitError',
        message: expect.stringMatching(
          /^the render process (was killed by SIGABRT|exited with code \d+) before it answered/,
        ),
      },
    });
    expect(await dispatch(handlers, 'listRuns', {})).toMatchObject({ ok: true });
    const figureReply = await dispatch(handlers, 'renderFigure', figure(GOOD_SVG));
    expect(figureReply).toMatchObject({ ok: true });
    expect(zipNames(await dispatch(handlers, 'exportReport', { target: { runId: lab.runId } }))).toContain(
      'report.png',
    );
    expect(renderers.started).toHaveLength(2);
    await close();
  });

  it('answers an export whose render process is killed mid-export with RenderExitError, and the next export starts a new one', async () => {
    const renderers = recordedRenderers();
    const { handlers, close } = labOn(lab.store, renderers.spawnRenderer);
    const started = renderers.next();
    const exported = dispatch(handlers, 'exportReport', { target: { sweepId: lab.sweepId } });
    // The request is on its way to the process (sent as it started): killing it now ends that export.
    (await started).kill();
    expect(await exported).toMatchObject({
      ok: false,
      error: { name: 'RenderExitError', message: expect.stringContaining('was killed by SIGKILL') },
    });
    expect(await dispatch(handlers, 'listRuns', {})).toMatchObject({ ok: true });
    expect(zipNames(await dispatch(handlers, 'exportReport', { target: { runId: lab.runId } }))).toContain(
      'report.png',
    );
    expect(renderers.started).toHaveLength(2);
    await close();
  });

  it('sends the data itself from an in-memory store, which the render process cannot open', async () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'in memory' });
    store.appendCheckpoints(runId, 0, checkpoints(0, 20, 4));
    store.finishRun(runId, 'done', {});
    expect(store.sharedDatabase()).toBeNull();
    const { handlers, close } = labOn(store);
    expect(zipNames(await dispatch(handlers, 'exportReport', { target: { runId } }))).toContain('metrics.csv');
    await close();
    store.close();
  });
});
