import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = 4242;
  postMessage = vi.fn();
  kill = vi.fn(() => true);
}
const forked = vi.hoisted(() => ({ calls: [] as unknown[][], children: [] as unknown[] }));

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (...args: unknown[]) => {
      const child = new FakeUtilityProcess();
      forked.calls.push(args);
      forked.children.push(child);
      return child;
    },
  },
}));

const { utilityTrainer } = await import('../../src-main/electron/utilityTrainer');

beforeEach(() => {
  forked.calls.length = 0;
  forked.children.length = 0;
});

describe('utilityTrainer', () => {
  it('forks the trainer entry as a utility process named trainer, one per call', () => {
    const spawn = utilityTrainer('/opt/lab/out/main/trainer.js');
    spawn();
    spawn();
    expect(forked.calls).toEqual([
      ['/opt/lab/out/main/trainer.js', [], { serviceName: 'trainer' }],
      ['/opt/lab/out/main/trainer.js', [], { serviceName: 'trainer' }],
    ]);
  });

  it('names the process as asked: the render process is started the same way', () => {
    utilityTrainer('/opt/lab/out/main/reportRenderer.js', 'report-renderer')();
    expect(forked.calls).toEqual([['/opt/lab/out/main/reportRenderer.js', [], { serviceName: 'report-renderer' }]]);
  });

  it('wraps messages, exit and kill as a ChildHandle', () => {
    const handle = utilityTrainer('/x/trainer.js')();
    const child = forked.children[0] as FakeUtilityProcess;
    expect(handle.pid).toBe(4242);
    const message = { type: 'start', runId: 'r1', a: Float64Array.of(1) };
    handle.send(message);
    expect(child.postMessage).toHaveBeenCalledWith(message);

    const received = vi.fn();
    handle.onMessage(received);
    child.emit('message', { type: 'started', totalSteps: 10 });
    expect(received).toHaveBeenCalledWith({ type: 'started', totalSteps: 10 });

    const exited = vi.fn();
    handle.onExit(exited);
    handle.kill();
    expect(child.kill).toHaveBeenCalledTimes(1);
    child.pid = undefined;
    child.emit('exit', 9);
    expect(exited).toHaveBeenCalledWith(9);
    expect(handle.pid).toBeUndefined();
  });

  it('sends and kills nothing once the process is gone', () => {
    const handle = utilityTrainer('/x/trainer.js')();
    const child = forked.children[0] as FakeUtilityProcess;
    child.emit('exit', 1);
    handle.send({ type: 'cancel' });
    handle.kill();
    expect(child.postMessage).not.toHaveBeenCalled();
    expect(child.kill).not.toHaveBeenCalled();
  });
});
