/** The IPC path: whatever is thrown while a request is answered comes back as a typed error. */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerLabIpc } from '../../src-main/electron/ipc';
import { createStubLab } from '../host/stubLab';

vi.mock('electron', () => ({}));

const rendererUrl = 'app://lab/index.html';

describe('the lab:invoke handler', () => {
  it('answers a sender frame that throws when read (it navigated away) with a typed error', async () => {
    const handle = vi.fn();
    registerLabIpc({ handle } as unknown as IpcMain, createStubLab(), rendererUrl);
    const invoke = handle.mock.calls[0][1] as (
      event: Partial<IpcMainInvokeEvent>,
      method: unknown,
      params: unknown,
    ) => Promise<unknown>;
    const gone = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    } as unknown as WebFrameMain;
    await expect(invoke({ senderFrame: gone }, 'getCheckpoints', { runId: 'r1' })).resolves.toEqual({
      ok: false,
      error: { name: 'Error', message: 'Render frame was disposed before WebFrameMain could be accessed' },
    });
  });
});
