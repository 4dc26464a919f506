/**
 * The lab's commands (New run, Start run, Cancel, Compare, Export, Find, Toggle theme), from the desktop app's menu
 * or, in a browser, from keyboard shortcuts. A screen that can act on a command subscribes while it is shown; the
 * latest subscriber acts. A shortcut with no subscriber is left to the browser (Ctrl+F searches the page, except on
 * the run history, which subscribes to it).
 */
import { onBeforeUnmount } from 'vue';
import { COMMANDS, commands, type Command } from '#shared/api/commands';

export { commands, type Command };

const handlers = new Map<Command, Array<() => void>>();

/** Runs the command's latest subscriber; false when nobody subscribes. */
export function runCommand(command: Command): boolean {
  const handler = handlers.get(command)?.at(-1);
  handler?.();
  return Boolean(handler);
}

/** Subscribes `handler` to `command`; returns the function that unsubscribes it. */
export function onCommand(command: Command, handler: () => void): () => void {
  const list = handlers.get(command) ?? [];
  handlers.set(command, [...list, handler]);
  return () =>
    handlers.set(
      command,
      (handlers.get(command) ?? []).filter((h) => h !== handler),
    );
}

/** Subscribes for the life of the calling component. */
export function useCommand(command: Command, handler: () => void): void {
  onBeforeUnmount(onCommand(command, handler));
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The command of a key press, if any: Ctrl or Cmd, Shift exactly as the shortcut says, no Alt. */
export function commandOfKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): Command | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return (
    commands.find((command) => COMMANDS[command].key === key && COMMANDS[command].shift === event.shiftKey) ?? null
  );
}

/** "Ctrl+Shift+C" (⌘⇧C on macOS), for tooltips. */
export function shortcutText(command: Command, mac = isMac()): string {
  const { key, shift } = COMMANDS[command];
  const name = key === 'Enter' ? (mac ? '↩' : 'Enter') : key.toUpperCase();
  return mac ? `⌘${shift ? '⇧' : ''}${name}` : `Ctrl+${shift ? 'Shift+' : ''}${name}`;
}

/** "Compare (Ctrl+Shift+C)": a tooltip naming the shortcut. */
export const withShortcut = (label: string, command: Command) => `${label} (${shortcutText(command)})`;

/**
 * Listens for commands: the menu's in the desktop app (whose accelerators take the keys), else the keyboard's.
 * Returns the function that stops listening.
 */
export function listenForCommands(target: Window): () => void {
  if (target.lab?.onMenuCommand) return target.lab.onMenuCommand((command) => runCommand(command));
  const onKey = (event: KeyboardEvent) => {
    const command = commandOfKey(event);
    if (!command || !handlers.get(command)?.length) return;
    event.preventDefault();
    if (!event.repeat) runCommand(command);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
