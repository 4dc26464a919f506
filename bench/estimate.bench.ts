/**
 * The designer's wall-time estimate against the measured wall time of a run in the lab's pool (one trainer process,
 * from startRun to its end), for every trainer kind at the configuration the designer or a preset starts it with.
 * Target: every ratio estimate / measured within [0.5, 2].
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPreset } from '#shared/config/presets';
import { parseRunConfig, type RunConfig } from '#shared/config/schema';
import { forkTrainer } from '../src-main/pool';
import { createLab, type Lab } from '../src-main/service/lab';
import { estimateSeconds } from '../src-renderer/src/lib/designerSpeed';
import type { Figure } from './run';

/** A preset's configuration (a sweep's base). */
function presetConfig(name: string): RunConfig {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no preset ${name}`);
  return preset.kind === 'run' ? preset.config : preset.sweep.base;
}

const cases: Array<[string, () => RunConfig]> = [
  ['sgd (paper-two-timescale-quick)', () => presetConfig('paper-two-timescale-quick')],
  ['limit (paper-limit-ode)', () => presetConfig('paper-limit-ode')],
  ['varpro (paper-varpro)', () => presetConfig('paper-varpro')],
  ['gradient-flow (designer default)', () => parseRunConfig({ trainer: 'gradient-flow' })],
  ['full-batch (paper-2d)', () => presetConfig('paper-2d')],
  ['full-batch (paper-10d)', () => presetConfig('paper-10d')],
  ['full-batch (paper-relu)', () => presetConfig('paper-relu')],
];

/** Seconds from startRun to the run's end, as the app would see it. */
async function measure(lab: Lab, config: RunConfig): Promise<number> {
  const started = performance.now();
  const { runId } = await lab.handlers.startRun({ config });
  await new Promise<void>((resolve, reject) => {
    const stop = lab.events.on('run:status', (event) => {
      if (event.runId !== runId || event.status === 'running' || event.status === 'queued') return;
      stop();
      if (event.status === 'done') resolve();
      else reject(new Error(`${runId} ended ${event.status}: ${event.error}`));
    });
  });
  return (performance.now() - started) / 1000;
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-estimate-bench-'));
  const lab = createLab({ dbFile: join(dir, 'runs.sqlite'), spawn: forkTrainer(), poolSize: 1 });
  const figures: Figure[] = [];
  try {
    // The pool keeps its trainer process warm between runs; the first run also pays for starting it.
    await measure(lab, parseRunConfig({ trainer: 'limit', ode: { steps: 10 } }));
    for (const [name, config] of cases) {
      const measured = await measure(lab, config());
      const estimate = estimateSeconds(config());
      figures.push({
        name: `estimate / measured, ${name} (estimate ${estimate.toFixed(2)} s, measured ${measured.toFixed(2)} s)`,
        value: Number((estimate / measured).toFixed(2)),
        unit: 'x',
        target: '0.5 to 2',
      });
    }
  } finally {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
