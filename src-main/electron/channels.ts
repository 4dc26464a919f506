/** The IPC channels between the preload and the main process: requests in, lab events out, menu commands out. */
export const INVOKE_CHANNEL = 'lab:invoke';
export const EVENT_CHANNEL = 'lab:event';
export const MENU_CHANNEL = 'menu:command';
