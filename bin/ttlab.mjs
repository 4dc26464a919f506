#!/usr/bin/env node
// The `ttlab` command: runs the TypeScript sources through tsx, so it works right after `npm install` in a checkout.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
