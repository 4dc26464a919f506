import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index';
import { tempFolder } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
/** Batches the child commits before it is killed. */
const BATCHES_BEFORE_KILL = 30;

/** Starts the writer child, waits for it to have committed enough batches, kills it with SIGKILL; returns what it reported. */
async function killWriterMidRun(file: string): Promise<{ runId: string; saved: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/writer-child.ts', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let runId = '';
  let saved = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const [word, value] = line.split(' ');
    if (word === 'run') runId = value;
    if (word === 'saved') saved = Number(value);
    if (saved >= BATCHES_BEFORE_KILL * 10) {
      child.kill('SIGKILL');
      break;
    }
  }
  const signal = await exited;
  expect(signal, `the writer ended on its own: ${stderr.join('')}`).toBe('SIGKILL');
  return { runId, saved };
}

describe('a writer killed mid-run', () => {
  it('leaves a sound database whose run is marked interrupted with its checkpoints kept', async () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    const { runId, saved } = await killWriterMidRun(file);

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = openStore(file);
    expect(store.interruptedOnOpen).toBe(1);
    expect(store.integrityCheck()).toBe('ok');
    const run = store.getRun(runId);
    expect(run.status).toBe('interrupted');
    expect(run.error).toMatch(/stopped before this run finished/);
    const series = store.getCheckpoints(runId);
    // Everything reported as saved survived, and batches are all-or-nothing.
    expect(series.count).toBeGreaterThanOrEqual(saved);
    expect(series.count % 10).toBe(0);
    expect(Array.from(series.step)).toEqual(Array.from({ length: series.count }, (_, i) => i * 10));
    expect(run.finalLoss).toBe(series.loss[series.count - 1]);
    expect(run.bestLoss).toBe(Math.min(...series.loss));
    expect(run.steps).toBeGreaterThanOrEqual((series.count - 1) * 10);
    store.close();

    const again = openStore(file);
    expect(again.interruptedOnOpen).toBe(0);
    again.close();
  });
});
