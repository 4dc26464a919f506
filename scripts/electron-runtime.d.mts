/** Types of electron-runtime.mjs, for the tests. */
export type ElectronRuntime = { binary: string } | { reason: string };
/** A runnable Electron binary, or why there is none; `packageDir` is the electron package folder. */
export declare function findElectron(packageDir?: string | null, env?: NodeJS.ProcessEnv): Promise<ElectronRuntime>;
export declare function withoutRunAsNode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
