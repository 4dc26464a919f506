/** Where this install of the lab is, for the job scripts a cluster node runs. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Absolute path of `bin/ttlab.mjs` of the install this code runs from, found by walking up from this module (the
 * sources and the built bundle both sit below the install's root). A plan made here runs this very install.
 */
export function ttlabEntry(start: string = import.meta.dirname): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const entry = join(folder, 'bin', 'ttlab.mjs');
    if (existsSync(entry) && existsSync(join(folder, 'package.json'))) return entry;
    if (dirname(folder) === folder)
      throw new Error(`cannot find bin/ttlab.mjs above ${start}: run the plan from an install of the lab`);
  }
}
