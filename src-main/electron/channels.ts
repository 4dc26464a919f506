/** The two IPC channels between the preload and the main process: requests in, events out. */
export const INVOKE_CHANNEL = 'lab:invoke';
export const EVENT_CHANNEL = 'lab:event';
