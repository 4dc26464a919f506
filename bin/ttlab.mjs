#!/usr/bin/env node
// The `ttlab` command. It loads the bundled build, out/main/cli.js, so it starts like a compiled tool: `npm install`
// in a checkout builds it (the "prepare" script), and it is rebuilt here first when this checkout's sources are
// newer, as `npm start` does. TTLAB_FROM_SOURCE=1 runs the TypeScript sources through tsx instead, with no build
// (for development; every start then compiles the sources, which takes seconds).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const projectRoot = join(import.meta.dirname, '..');

// A reader that stops early (`ttlab runs | head`) closes the pipe: that ends the answer, as SIGPIPE ends other
// command-line tools, instead of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

/** The CLI's `main(argv)`, from the sources or from the build; null when the build is missing and cannot be made. */
async function loadMain() {
  if (process.env.TTLAB_FROM_SOURCE === '1') {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../src-main/cli/main.ts')).main;
  }
  const { ensureBuild } = await import('../scripts/ensure-build.mjs');
  // The "Building" line is for a person at a terminal, on stderr: stdout is the command's answer (scripts parse
  // --json output), and a script reading stderr expects only the command's own messages there.
  const log = (line) => process.stderr.isTTY && process.stderr.write(`ttlab: ${line}\n`);
  if (!ensureBuild(projectRoot, log)) return null;
  return (await import(pathToFileURL(join(projectRoot, 'out/main/cli.js')).href)).main;
}

const main = await loadMain();
if (main) process.exitCode = await main(process.argv.slice(2));
else {
  process.stderr.write(
    'ttlab: the command is not built; run `npm run build`, or set TTLAB_FROM_SOURCE=1 to run it from the sources\n',
  );
  process.exitCode = 1;
}
