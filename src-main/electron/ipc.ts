/**
 * The lab's API over Electron IPC: one `lab:invoke` handler that only answers our own renderer's top frame, and the
 * lab's events forwarded to the window on `lab:event`.
 */
import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { eventNames } from '#shared/api/contract';
import { dispatch, type DispatchResult } from '#shared/api/dispatch';
import { ForbiddenError, toWireError } from '#shared/base/errors';
import type { LabEndpoint } from '../serve/endpoint';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

/** The frame is the top frame of the page at `rendererUrl` (hash and query ignored). */
export function isTrustedSender(frame: WebFrameMain | null | undefined, rendererUrl: string): boolean {
  if (!frame || frame.parent !== null || !URL.canParse(frame.url)) return false;
  const url = new URL(frame.url);
  url.hash = '';
  url.search = '';
  return url.href === rendererUrl;
}

const untrusted: DispatchResult = {
  ok: false,
  error: toWireError(new ForbiddenError('the lab answers only its own window')),
};

export function registerLabIpc(ipcMain: IpcMain, lab: LabEndpoint, rendererUrl: string): void {
  // Always an answer, never a rejection: reading a frame that navigated away throws, and whatever is thrown here is
  // answered as a typed error rather than left to Electron.
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, params: unknown): Promise<DispatchResult> => {
    try {
      return isTrustedSender(event.senderFrame, rendererUrl) ? await dispatch(lab.handlers, method, params) : untrusted;
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  });
}

/** Returns the function that stops forwarding. */
export function forwardLabEvents(lab: LabEndpoint, contents: WebContents): () => void {
  const unsubscribers = eventNames.map((name) =>
    lab.events.on(name, (payload) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    }),
  );
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
