/** Report exports through the API, as the UI asks for them (a zip of the report folder), and across the wire. */
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { nodeWire } from '../../src-main/host/wireCodec';
import { quickConfig } from '../pool/record';
import { openHarness, type Harness } from './labHarness';

describe('exportReport through the API', () => {
  let h: Harness;
  const runIds: string[] = [];

  beforeAll(async () => {
    h = openHarness(2);
    for (const seed of [1, 2]) {
      const reply = await dispatch(h.lab.handlers, 'startRun', { config: quickConfig(4000, 1000, seed) });
      if (!reply.ok) throw new Error(reply.error.message);
      runIds.push((reply.result as { runId: string }).runId);
    }
    await Promise.all(runIds.map((id) => h.ended(id)));
  });
  afterAll(async () => h?.dispose());

  it('zips the report folder of a run', async () => {
    const reply = await dispatch(h.lab.handlers, 'exportReport', { target: { runId: runIds[0] } });
    expect(reply.ok).toBe(true);
    const { fileName, data } = (reply as { result: { fileName: string; data: Uint8Array } }).result;
    expect(fileName).toMatch(/^ttlab-run-.*-report\.zip$/);
    const files = unzipSync(data);
    expect(Object.keys(files).sort()).toEqual([
      'config.json',
      'metrics.csv',
      'neurons.csv',
      'provenance.json',
      'report.png',
      'report.svg',
      'runs.csv',
    ]);
    expect(JSON.parse(new TextDecoder().decode(files['config.json']))).toMatchObject({ seed: 1, trainer: 'sgd' });
    // Provenance travels with the report: its own file, a line of the page, and columns of runs.csv.
    const traced = JSON.parse(new TextDecoder().decode(files['provenance.json'])) as {
      runId: string;
      provenance: { engineBuildId: string; node: string };
    };
    expect(traced.runId).toBe(runIds[0]);
    expect(traced.provenance).toMatchObject({
      engineBuildId: expect.stringMatching(/^[0-9a-f]{16}$/),
      node: process.versions.node,
    });
    expect(new TextDecoder().decode(files['report.svg'])).toContain(`engine ${traced.provenance.engineBuildId}`);
    const [row] = parse(new TextDecoder().decode(files['runs.csv']), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(row.provenance_engine_build).toBe(traced.provenance.engineBuildId);
    expect(row.provenance_node).toBe(process.versions.node);
    // The bytes survive the WebSocket's JSON encoding unchanged.
    const decoded = nodeWire.decode(nodeWire.encode(reply)) as { result: { data: Uint8Array } };
    expect(decoded.result.data).toEqual(data);
  });

  it('zips a comparison and refuses a comparison of one run, naming the field', async () => {
    const reply = await dispatch(h.lab.handlers, 'exportReport', { target: { runIds } });
    expect(reply.ok).toBe(true);
    const refused = await dispatch(h.lab.handlers, 'exportReport', { target: { runIds: [runIds[0]] } });
    expect(refused).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/target/);
  });

  it('answers an unknown run with NotFoundError', async () => {
    const reply = await dispatch(h.lab.handlers, 'exportReport', { target: { runId: 'no-such-run' } });
    expect(reply).toMatchObject({ ok: false, error: { name: 'NotFoundError' } });
  });
});
