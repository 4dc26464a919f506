/** The list of keyboard shortcuts that `?` opens, and when a `?` key press means "show it" rather than a typed "?". */
import { COMMANDS, commands } from '#shared/api/commands';

/** One line of the list: what the keys do and the keys. */
export interface ShortcutLine {
  action: string;
  keys: string;
}

/** Every command with its shortcut (as `shortcutText` writes it), then the keys that are not commands. */
export function shortcutLines(shortcutText: (command: (typeof commands)[number]) => string): ShortcutLine[] {
  return [
    ...commands.map((command) => ({ action: COMMANDS[command].label.replace(/…$/, ''), keys: shortcutText(command) })),
    { action: 'Show this list of shortcuts', keys: '?' },
    { action: 'Close a dialog, menu or side panel', keys: 'Esc' },
  ];
}

/** True for `?` pressed outside a text field (there it types a question mark) and without Ctrl, Cmd or Alt. */
export function isHelpKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  const typing =
    target !== null &&
    (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName ?? '') || target.isContentEditable === true);
  return !typing;
}
