/** listRuns' paging parameters through dispatch: validated with messages naming the field, then passed to the store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN_PAGE, type RunSummary } from '#shared/api/contract';
import { dispatch } from '#shared/api/dispatch';
import { quickConfig } from '../pool/record';
import { openHarness, type Harness } from './labHarness';

let h: Harness;
beforeAll(() => {
  h = openHarness(1);
  for (let i = 0; i < 5; i++) h.lab.store.createRun({ config: quickConfig(100, 10), name: `paged ${i}` });
});
afterAll(() => h.dispose());

async function listRuns(params: unknown) {
  const reply = await dispatch(h.lab.handlers, 'listRuns', params);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.result as RunSummary[];
}

describe('listRuns paging through dispatch', () => {
  it.each([
    ['a zero limit', { limit: 0 }, /^limit: must be at least 1$/],
    ['a negative limit', { limit: -5 }, /^limit: must be at least 1$/],
    ['a fractional limit', { limit: 2.5 }, /^limit: must be a whole number$/],
    ['a limit as text', { limit: '200' }, /^limit: must be a number$/],
    ['a limit too large', { limit: MAX_RUN_PAGE + 1 }, new RegExp(`^limit: must be at most ${MAX_RUN_PAGE}$`)],
    ['an empty cursor', { before: '' }, /^before: must be a run id$/],
    ['a cursor that is not text', { before: 42 }, /^before: must be a run id$/],
    ['an unknown paging field', { offset: 200 }, /^unknown field offset$/],
  ])('refuses %s', async (_what, params, message) => {
    const reply = await dispatch(h.lab.handlers, 'listRuns', params);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.name).toBe('ValidationError');
    expect(reply.error.message).toMatch(message);
  });

  it('answers pages that join into the whole list', async () => {
    const whole = await listRuns({});
    expect(whole.map((run) => run.name)).toEqual(['paged 4', 'paged 3', 'paged 2', 'paged 1', 'paged 0']);
    const first = await listRuns({ limit: 2 });
    const second = await listRuns({ limit: 2, before: first[1].id });
    const rest = await listRuns({ before: second[1].id });
    expect([...first, ...second, ...rest]).toEqual(whole);
  });

  it('answers NotFoundError for a cursor that is not a run', async () => {
    const reply = await dispatch(h.lab.handlers, 'listRuns', { before: 'gone' });
    expect(reply).toEqual({ ok: false, error: { name: 'NotFoundError', message: 'before: run gone not found' } });
  });
});
