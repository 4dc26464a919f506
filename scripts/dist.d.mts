/** Types of dist.mjs, for the tests. */
export declare function bindingNameFromMarker(marker: string): string;
export declare function withoutNodedir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
