/**
 * The host under load: the longest event-loop stall while a 10,000-run sweep is created, while a report is exported
 * and while 2,000 runs of 101 checkpoints are imported, alone and with a trainer sending checkpoints meanwhile (each
 * time, other requests wait that long at most), and the host's memory while a WebSocket client that never reads
 * follows a 1 GB run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { parseRunConfig } from '#shared/config/schema';
import type { CheckpointSeries } from '#shared/api/contract';
import { startHost } from '../src-main/host/server';
import { createLab, createLabOnStore } from '../src-main/service/lab';
import { openStore } from '../src-main/store';
import { createStubLab } from '../test/host/stubLab';
import { silentChild } from '../test/hardening/lab';
import { scriptedChild, type ScriptedChild } from '../test/pool/scriptedChild';
import { checkpoints } from '../test/store/fixtures';
import type { Figure } from './run';

/** Runs `work` and returns the longest time, in ms, the event loop could not turn meanwhile. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await work();
  // A stall at the very end is recorded when the monitor's timer next fires: one more turn of the timers.
  await new Promise((resolve) => setTimeout(resolve, 1));
  delay.disable();
  return delay.max / 1e6;
}

async function stalls(dir: string): Promise<Figure[]> {
  const store = openStore(join(dir, 'lab.sqlite'));
  const lab = createLabOnStore({ store, spawn: silentChild, poolSize: 1 });
  const base = { network: { m: 20 }, duration: { kind: 'steps', steps: 1000 } };
  const seeds = Array.from({ length: 10_000 }, (_, i) => i);
  const sweep = { name: 'bench', base: parseRunConfig(base), variants: [], axes: [], seeds };
  const sweepStall = await longestStall(() => Promise.resolve(lab.handlers.startSweep({ sweep })));

  const runId = store.createRun({ config: parseRunConfig(base), name: 'report' });
  store.appendCheckpoints(runId, 0, checkpoints(0, 101, 20));
  store.finishRun(runId, 'done', { durationMs: 1000 });
  const exportStall = await longestStall(() => Promise.resolve(lab.handlers.exportReport({ target: { runId } })));
  await lab.close();
  store.close();
  return [
    {
      name: 'longest event-loop stall while a 10,000-run sweep is created',
      value: Math.round(sweepStall),
      unit: 'ms',
      target: '< 100 ms',
    },
    {
      name: 'longest event-loop stall while a run report is exported',
      value: Math.round(exportStall),
      unit: 'ms',
      target: '< 100 ms',
    },
  ];
}

/** `count` checkpoints of m = 600 from `first`, as one run:checkpoints event carries them (about 9.6 kB each). */
function event(
  first: number,
  count: number,
  m: number,
): { runId: string; firstIndex: number; series: CheckpointSeries } {
  const width = 2 * m + 1;
  const column = () => new Float64Array(count).map((_, i) => first + i);
  return {
    runId: 'r1',
    firstIndex: first,
    series: {
      runId: 'r1',
      count,
      aLength: m + 1,
      uLength: m,
      step: column(),
      tau: column(),
      loss: column(),
      limitLoss: null,
      covered: column(),
      a: new Float64Array(count * (m + 1)).fill(first),
      u: new Float64Array(count * (width - m - 1)).fill(first),
    },
  };
}

async function memory(dir: string): Promise<Figure[]> {
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  const lab = createStubLab();
  const host = await startHost({ lab, staticDir: join(dir, 'renderer') });
  const client = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  await new Promise((resolve) => client.once('open', resolve));
  client.pause();
  const m = 600;
  const perEvent = 100;
  const bytesPerEvent = perEvent * 8 * (5 + 2 * m + 1);
  const events = Math.ceil(1e9 / bytesPerEvent);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  for (let i = 0; i < events; i++) {
    lab.emit('run:checkpoints', event(i * perEvent, perEvent, m));
    peak = Math.max(peak, process.memoryUsage().rss);
    if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  client.terminate();
  await host.close();
  return [
    {
      name: `host memory growth while a client that never reads follows a 1 GB run (${events} events of ${(bytesPerEvent / 1e6).toFixed(2)} MB)`,
      value: Math.round((peak - before) / 1e6),
      unit: 'MB',
      target: 'bounded (16 MB backlog per client), not the 1 GB stream',
    },
  ];
}

/** A lab database of 2,000 finished runs of 101 checkpoints at m = 20 (about 75 MB of checkpoints). */
function importSource(dir: string): string {
  const file = join(dir, 'import-source.sqlite');
  const store = openStore(file);
  const config = parseRunConfig({ network: { m: 20 }, duration: { kind: 'steps', steps: 1000 } });
  const rows = checkpoints(0, 101, 20);
  for (let i = 0; i < 2000; i++) {
    const runId = store.createRun({ config, name: `imported ${i}` });
    store.appendCheckpoints(runId, 0, rows);
    store.finishRun(runId, 'done', { durationMs: 1000 });
  }
  store.close();
  return file;
}

/** Imports the source into a fresh lab, with a trainer sending a checkpoint every few milliseconds meanwhile when `training`. */
async function importStall(dir: string, source: string, training: boolean): Promise<number> {
  const children: ScriptedChild[] = [];
  const lab = createLab({
    dbFile: join(dir, `import-${training ? 'training' : 'idle'}.sqlite`),
    spawn: () => children[children.push(scriptedChild()) - 1],
    poolSize: 1,
  });
  const config = parseRunConfig({ network: { m: 20 }, duration: { kind: 'steps', steps: 1_000_000 } });
  await lab.handlers.startRun({ config });
  children[0].emit({ type: 'started', totalSteps: 1_000_000 });
  let sent = 0;
  const trainer = training
    ? setInterval(
        () => children[0].emit({ type: 'checkpoints', firstIndex: sent, checkpoints: checkpoints(sent++, 1, 20) }),
        5,
      )
    : undefined;
  const stall = await longestStall(() => Promise.resolve(lab.handlers.importRunsFrom({ path: source })));
  clearInterval(trainer);
  await lab.close();
  return stall;
}

async function imports(dir: string): Promise<Figure[]> {
  const source = importSource(dir);
  const idle = await importStall(dir, source, false);
  const training = await importStall(dir, source, true);
  return [
    {
      name: 'longest event-loop stall while 2,000 runs x 101 checkpoints are imported',
      value: Math.round(idle),
      unit: 'ms',
      target: '< 100 ms',
    },
    {
      name: 'longest event-loop stall while 2,000 runs x 101 checkpoints are imported as a run trains',
      value: Math.round(training),
      unit: 'ms',
      target: '< 100 ms',
    },
  ];
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-hardening-bench-'));
  try {
    return [...(await stalls(dir)), ...(await imports(dir)), ...(await memory(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
