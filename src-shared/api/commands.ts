/**
 * The lab's commands (New run, Start run, Cancel, Compare, Export, Find, Toggle theme): one list for the desktop
 * menu, which relays them to the page on `menu:command`, and for the page's keyboard shortcuts in a browser.
 */
export const commands = ['new-run', 'run', 'cancel', 'compare', 'export', 'search', 'toggle-theme'] as const;
export type Command = (typeof commands)[number];

export function isCommand(value: unknown): value is Command {
  return (commands as readonly unknown[]).includes(value);
}

/** A command's menu label and its key with Ctrl (Cmd on macOS), lower-case for letters, plus whether Shift is held. */
export interface CommandInfo {
  label: string;
  key: string;
  shift: boolean;
}

export const COMMANDS: Readonly<Record<Command, CommandInfo>> = {
  'new-run': { label: 'New Run', key: 'n', shift: false },
  run: { label: 'Start Run', key: 'Enter', shift: false },
  cancel: { label: 'Cancel Run', key: '.', shift: false },
  compare: { label: 'Compare Runs', key: 'c', shift: true },
  export: { label: 'Export…', key: 'e', shift: false },
  search: { label: 'Find Runs…', key: 'f', shift: false },
  'toggle-theme': { label: 'Toggle Light/Dark Theme', key: 'l', shift: true },
};

/** Electron's accelerator of a command, "CmdOrCtrl+Shift+C" ("CmdOrCtrl" is Cmd on macOS, Ctrl elsewhere). */
export function accelerator(command: Command): string {
  const { key, shift } = COMMANDS[command];
  return `CmdOrCtrl+${shift ? 'Shift+' : ''}${key.length === 1 ? key.toUpperCase() : key}`;
}
