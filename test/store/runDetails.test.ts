import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/base/errors';
import { openStore } from '../../src-main/store/index';
import { smallConfig } from './fixtures';

describe('getRunDetails', () => {
  it('returns the runs asked for in the order asked, as getRun does', () => {
    const store = openStore(':memory:');
    const ids = [1, 2, 3, 4].map((seed) => store.createRun({ config: smallConfig({ seed }), name: `seed ${seed}` }));
    store.updateRun(ids[2], { tags: ['kept', 'x'], notes: 'a note', starred: true });
    const order = [ids[2], ids[0], ids[3], ids[2]];
    const details = store.getRunDetails(order);
    expect(details.map((run) => run.id)).toEqual(order);
    expect(details).toEqual(order.map((runId) => store.getRun(runId)));
    expect(details[0]).toMatchObject({ tags: ['kept', 'x'], notes: 'a note', starred: true, seed: 3 });
    expect(details[1].config).toEqual(smallConfig({ seed: 1 }));
  });

  it('throws NotFoundError naming an unknown run', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'known' });
    expect(() => store.getRunDetails([runId, 'missing'])).toThrow(NotFoundError);
    expect(() => store.getRunDetails([runId, 'missing'])).toThrow('run missing not found');
  });
});
