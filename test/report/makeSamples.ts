/**
 * Writes docs/samples/{run,comparison,sweep}-report.png from real short runs: `npx tsx test/report/makeSamples.ts`.
 * The same data the report tests use, at a length where the pictures show the two-timescale behaviour.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadReport } from '../../src-main/report/data';
import { reportPng } from '../../src-main/report/image';
import { appVersion } from '../../src-main/report/version';
import { openTempLab, quickConfig, storeEpsilonBySize, storeRun } from './fixtures';

const out = new URL('../../docs/samples/', import.meta.url);
mkdirSync(out, { recursive: true });
const lab = openTempLab();
try {
  const context = { exportedAt: new Date(), version: appVersion() };
  const twoTimescale = storeRun(lab.store, quickConfig({}, 0.035), 'paper quick, two-timescale');
  const sameSteps = storeRun(lab.store, quickConfig({ sgd: { h: 1e-5, epsilon: 1 } }, 10), 'same stepsizes');
  const otherSeed = storeRun(lab.store, quickConfig({ seed: 7 }, 0.035), 'paper quick, seed 7');
  const sweepId = storeEpsilonBySize(lab.store, {
    tauMax: 0.02,
    epsilons: [2e-5, 1e-3, 0.1],
    sizes: [10, 20, 40],
    seeds: [0, 1, 2, 3],
  });
  const targets = {
    run: { runId: twoTimescale },
    comparison: { runIds: [twoTimescale, otherSeed, sameSteps] },
    sweep: { sweepId },
  };
  for (const [name, target] of Object.entries(targets)) {
    const png = reportPng(loadReport(lab.store, target), context, { pixelRatio: 1 });
    writeFileSync(new URL(`${name}-report.png`, out), png);
    console.log(`${name}-report.png: ${png.length} bytes`);
  }
} finally {
  lab.dispose();
}
