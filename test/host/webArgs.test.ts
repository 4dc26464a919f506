import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../src-main/host/webArgs';
import { errorMessage, UsageError } from '#shared/base/errors';

describe('parseWebArgs', () => {
  it('leaves the port and the database to their defaults', () => {
    expect(parseWebArgs([])).toEqual({ port: undefined, db: undefined });
  });

  it('reads --port and --db, in both spellings', () => {
    expect(parseWebArgs(['--port', '8123', '--db', 'runs/lab.sqlite'])).toEqual({
      port: 8123,
      db: resolve('runs/lab.sqlite'),
    });
    expect(parseWebArgs(['--port=0', '--db=/tmp/x.sqlite'])).toEqual({ port: 0, db: '/tmp/x.sqlite' });
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--port', '-1'], '--port'],
    [['--port', '80.5'], '--port'],
    [['--port', 'abc'], '--port'],
    [['--port', ''], '--port'],
    [['--port'], '--port'],
    [['--db', '  '], '--db'],
    [['--db'], '--db'],
    [['--verbose'], '--verbose'],
  ])('refuses %j with a one-line message naming %s', (argv, flag) => {
    let caught: unknown;
    try {
      parseWebArgs(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect(errorMessage(caught)).toContain(flag);
    expect(errorMessage(caught)).not.toContain('\n');
  });
});
