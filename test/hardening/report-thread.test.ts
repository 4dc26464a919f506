/**
 * A report is drawn on a worker thread, so the host's event loop turns (and answers other requests)
 * while it renders; a renderer failure comes back as an error with its name, and the host goes on.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_REPORT_BYTES } from '../../src-shared/config/limits';
import { dispatch } from '../../src-shared/api/dispatch';
import type { ReportData } from '../../src-main/report/data';
import { renderReportZip } from '../../src-main/report/render-thread';
import { createLabOnStore } from '../../src-main/service/lab';
import { openReportLab, type ReportLab } from '../report/lab';
import { silentChild } from './lab';

let lab: ReportLab;
beforeAll(() => {
  lab = openReportLab();
});
afterAll(() => lab.dispose());

describe('exportReport on a worker thread', () => {
  it('lets the event loop turn while the report renders, then answers the zip', async () => {
    const { handlers, close } = createLabOnStore({ store: lab.store, spawn: silentChild, poolSize: 1 });
    let settled = false;
    const exported = dispatch(handlers, 'exportReport', { target: { runId: lab.runId } }).finally(() => (settled = true));
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
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['report.png', 'report.svg', 'metrics.csv', 'config.json']));
    expect(new TextDecoder().decode(files['report.png'].subarray(1, 4))).toBe('PNG');
    await close();
  });

  it('refuses a report whose runs hold more checkpoints than a report may draw from, before reading them', async () => {
    const { handlers, close } = createLabOnStore({ store: lab.store, spawn: silentChild, poolSize: 1 });
    const detail = lab.store.getRun(lab.bigRunId);
    const series = lab.store.getCheckpoints(lab.bigRunId);
    // Blobs of a and u plus 40 bytes of scalar columns per checkpoint.
    expect(lab.store.checkpointBytes([lab.bigRunId])).toBe(series.count * (8 * (series.aLength + series.uLength) + 40));
    expect(detail.m).toBe(1000);
    const spy = vi.spyOn(lab.store, 'checkpointBytes').mockReturnValue(2 * MAX_REPORT_BYTES);
    const reply = await dispatch(handlers, 'exportReport', { target: { sweepId: lab.sweepId } });
    expect(reply).toEqual({ ok: false, error: { name: 'ReplyTooLargeError', message: 'exportReport: its 8 run(s) hold 2.1 GB of checkpoints, more than the 1.1 GB a report may draw from: export fewer runs, or use ttlab export' } });
    spy.mockRestore();
    await close();
  });

  it('rejects with the renderer error, named, when the data cannot be drawn', async () => {
    const broken = { kind: 'run', runs: [{ detail: { config: null }, series: null }] } as unknown as ReportData;
    await expect(renderReportZip(broken, { exportedAt: new Date(0), version: 'test' })).rejects.toMatchObject({ name: 'TypeError' });
  });
});
