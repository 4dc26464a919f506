import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index';
import { checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';

describe('stats', () => {
  it('counts runs and checkpoints and gives the size the file has once closed', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    const store = openStore(file);
    const empty = store.stats();
    expect(empty).toMatchObject({ runs: 0, checkpoints: 0 });
    const ids = [1, 2, 3].map((seed) => store.createRun({ config: smallConfig({ seed }), name: `run ${seed}` }));
    store.appendCheckpoints(ids[0], 0, checkpoints(0, 20, 200));
    store.appendCheckpoints(ids[2], 0, checkpoints(0, 5, 200));
    const filled = store.stats();
    expect(filled).toMatchObject({ runs: 3, checkpoints: 25 });
    // 25 checkpoints of 2 x 200 doubles weigh 80 kB at least.
    expect(filled.bytes).toBeGreaterThan(empty.bytes + 25 * 401 * 8);
    store.deleteRuns([ids[0]]);
    expect(store.stats()).toMatchObject({ runs: 2, checkpoints: 5 });
    const last = store.stats();
    store.close();
    expect(fs.statSync(file).size).toBe(last.bytes);
  });

  it('answers quickly for 100,000 checkpoints', () => {
    const store = openStore(path.join(tempFolder(), 'runs.sqlite'));
    const batch = checkpoints(0, 1000, 4);
    for (let run = 0; run < 100; run++)
      store.appendCheckpoints(store.createRun({ config: smallConfig(), name: `run ${run}` }), 0, batch);
    const started = performance.now();
    const stats = store.stats();
    const elapsed = performance.now() - started;
    console.log(`stats over 100 runs and 100,000 checkpoints: ${elapsed.toFixed(1)} ms`);
    expect(stats).toMatchObject({ runs: 100, checkpoints: 100_000 });
    store.close();
  });
});
