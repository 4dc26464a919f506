/** Types of electronegativity.mjs, for the tests. */
export interface Finding {
  check: string;
  file: string;
  line: number;
  severity: string;
  description: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  why: string;
}
/** Scans the sources under `root` (src-main, src-renderer, package.json). */
export declare function scan(root?: string): Promise<Finding[]>;
export declare function readAllowlist(file?: string): AllowEntry[];
export declare function judge(
  findings: Finding[],
  allowlist: AllowEntry[],
): { unexplained: Finding[]; stale: AllowEntry[] };
