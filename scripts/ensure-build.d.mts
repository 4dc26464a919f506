/** Types of ensure-build.mjs, for the tests. */
export declare const projectRoot: string;
/** What `npm start`, `npm run web` and `ttlab` need from the build, relative to the project root. */
export declare const builtFiles: readonly string[];
/** The reason to build, or null when out/ is complete and newer than every source. */
export declare function buildReason(root?: string): string | null;
/** Runs `electron-vite build` when buildReason gives a reason; false when that build failed. `log` gets the "Building" line. */
export declare function ensureBuild(root?: string, log?: (line: string) => void): boolean;
