/** What the application menu asks the renderer to do (sent on `menu:command`); the renderer acts, main only relays. */
export const menuCommands = ['new-run', 'run', 'cancel', 'compare', 'export', 'search', 'toggle-theme'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return (menuCommands as readonly unknown[]).includes(value);
}
