// `node --import ./importRecorder.mjs ...` records every module the process loads into $TTLAB_IMPORTS_FILE.
import { register } from 'node:module';

register('./importHooks.mjs', import.meta.url, { data: { file: process.env.TTLAB_IMPORTS_FILE } });
