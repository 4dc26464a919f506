/** useAction: busy while the action runs, one run at a time, the failure's message kept until the next run. */
import { describe, expect, it, vi } from 'vitest';
import { useAction } from '../../src-renderer/src/composables/useAction';

/** A promise with its resolve and reject at hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useAction', () => {
  it('is busy while the action runs, and gives its result', async () => {
    const answer = deferred<number>();
    const { busy, error, run } = useAction(() => answer.promise);
    expect(busy.value).toBe(false);
    const result = run();
    expect(busy.value).toBe(true);
    answer.resolve(7);
    expect(await result).toBe(7);
    expect(busy.value).toBe(false);
    expect(error.value).toBeNull();
  });

  it('does nothing when started again while it runs', async () => {
    const answer = deferred<string>();
    const action = vi.fn((_name: string) => answer.promise);
    const { run } = useAction(action);
    const first = run('a');
    expect(await run('b')).toBeNull();
    expect(action).toHaveBeenCalledTimes(1);
    expect(action).toHaveBeenCalledWith('a');
    answer.resolve('done');
    expect(await first).toBe('done');
    await run('c');
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('keeps the message of a failure, prefixed as asked, and clears it when run again', async () => {
    let fail = true;
    const { busy, error, run } = useAction(async () => {
      if (fail) throw new Error('disk full');
      return 'saved';
    }, 'Export failed');
    expect(await run()).toBeNull();
    expect(busy.value).toBe(false);
    expect(error.value).toBe('Export failed: disk full');
    fail = false;
    const again = run();
    expect(error.value).toBeNull();
    expect(await again).toBe('saved');
    expect(error.value).toBeNull();
  });

  it('says what failed from the arguments, and takes the message of anything thrown', async () => {
    const { error, run } = useAction(
      async (kind: 'resume' | 'verify') => {
        throw kind === 'resume' ? new Error('no saved state') : 'gone';
      },
      (kind) => `Could not ${kind}`,
    );
    await run('resume');
    expect(error.value).toBe('Could not resume: no saved state');
    await run('verify');
    expect(error.value).toBe('Could not verify: gone');
    const plain = useAction(async () => Promise.reject(new Error('refused')));
    await plain.run();
    expect(plain.error.value).toBe('refused');
  });
});
