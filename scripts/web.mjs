// `npm run web [-- --port N --db FILE]`: the workbench in the browser, building first when needed.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitOnEarlySignals } from './early-signals.mjs';
import { ensureBuild, projectRoot } from './ensure-build.mjs';

exitOnEarlySignals();
if (!ensureBuild()) process.exit(1);
// out/main/web.js reads its flags from process.argv, which are ours: [node, web.mjs, ...flags].
await import(pathToFileURL(join(projectRoot, 'out/main/web.js')).href);
