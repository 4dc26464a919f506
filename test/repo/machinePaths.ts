/**
 * Absolute paths that belong to one machine: a developer's home folder, an administrator's, a workspace mounted beside
 * the project, a tool's scratch folder. A repository that holds one works on that machine only.
 *
 * The patterns are built from pieces so that this file does not hold the paths it looks for. System locations that the
 * code names on purpose (a browser under /usr/bin, /opt/lab in tests of the Electron shell, /tmp/x.sqlite as an
 * argument) are not on the list. Tests of per-OS folders use the fictional user Ada (`ada`, `Ada Lovelace`); her home
 * folders are allowed.
 */
import { lineLocator } from './lines';

const SLASH = '/';
/** Not in the middle of a longer path or a URL: `example.org/home/` and `notes/home/` are ordinary segments, not home folders. */
const START = String.raw`(?<![\w.~-])`;
const USER = String.raw`([\w.-]+)`;
const EXAMPLE_USER = 'ada';

interface MachinePathPattern {
  /** what the path is, for the failure message. */
  kind: string;
  pattern: RegExp;
  /** true when the first capture group is a user name (a home folder). */
  home?: boolean;
}

const PATTERNS: readonly MachinePathPattern[] = [
  { kind: 'a workspace folder', pattern: new RegExp(`${START}${SLASH}work\\b`, 'g') },
  { kind: 'a folder beside the project', pattern: new RegExp(String.raw`\.\.[/\\]shared\b`, 'g') },
  { kind: "the administrator's home", pattern: new RegExp(`${START}${SLASH}root${SLASH}`, 'g') },
  { kind: 'a Linux home folder', pattern: new RegExp(`${START}${SLASH}home${SLASH}${USER}`, 'g'), home: true },
  { kind: 'a macOS home folder', pattern: new RegExp(`${START}${SLASH}Users${SLASH}${USER}`, 'g'), home: true },
  {
    kind: 'a Windows home folder',
    pattern: new RegExp(String.raw`\b[A-Za-z]:\\{1,2}Users\\{1,2}` + USER, 'gi'),
    home: true,
  },
  { kind: "a tool's scratch folder", pattern: new RegExp(`${SLASH}tmp${SLASH}bash_jobs`, 'g') },
];

export interface MachinePath {
  /** 1-based line of the match. */
  line: number;
  kind: string;
  /** the text matched. */
  path: string;
}

/** Every machine path in a text, with its line, in line order. */
export function machinePathsIn(text: string): MachinePath[] {
  const lineOf = lineLocator(text);
  const found: MachinePath[] = [];
  for (const { kind, pattern, home } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (home && match[1].toLowerCase() === EXAMPLE_USER) continue;
      found.push({ line: lineOf(match.index), kind, path: match[0] });
    }
  }
  return found.sort((left, right) => left.line - right.line);
}
