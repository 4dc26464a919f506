/**
 * `npm run bench [-- NAME ...]`: runs the benchmark modules and prints one JSON line per figure
 * ({ bench, name, value, unit, target }). Each module exports `run()`; one module at a time, one core per run.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const only = process.argv.slice(2);
const folder = import.meta.dirname;
const modules = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => basename(file, '.bench.ts'))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

for (const bench of modules) {
  const module = (await import(`./${bench}.bench.ts`)) as { run: () => Promise<Figure[]> };
  for (const figure of await module.run()) {
    process.stdout.write(`${JSON.stringify({ bench, ...figure })}\n`);
  }
}
