// The static checks `npm test` runs first; `npm run typecheck` runs exactly these, so the two never disagree.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const checks = [
  ['type check (shared)', 'npx', ['tsc', '-p', 'src-shared/tsconfig.json']],
  ['type check (main, tests)', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['type check (renderer)', 'npx', ['vue-tsc', '-p', 'src-renderer/tsconfig.json', '--noEmit']],
  ['lint (layering and style)', 'npx', ['eslint', '.']],
  ['format (Prettier; `npm run format` fixes it)', 'npx', ['prettier', '--check', '.']],
];

/** Runs each step in order with inherited output; exits the process with the first failing step's status. */
export function runSteps(steps, env = process.env) {
  for (const [label, command, args] of steps) {
    console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`\nfailed at: ${label}`);
      process.exit(result.status ?? 1);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runSteps(checks);
