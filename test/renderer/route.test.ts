import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../src-renderer/src/composables/useRoute';

describe('hash routes', () => {
  it('reads and writes the three screens', () => {
    expect(parseRoute('')).toEqual({ name: 'new' });
    expect(parseRoute('#/runs')).toEqual({ name: 'runs' });
    expect(parseRoute('#/runs/a%2Fb')).toEqual({ name: 'run', runId: 'a/b' });
    expect(parseRoute('#/reproduce')).toEqual({ name: 'reproduce' });
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'new' });
    for (const route of [
      { name: 'new' },
      { name: 'runs' },
      { name: 'reproduce' },
      { name: 'run', runId: 'x y/z' },
    ] as const)
      expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
