/**
 * The render process: started by the lab on its first export (report/renderProcess.ts; Electron utilityProcess.fork
 * or Node child_process.fork, as the trainer), it draws reports and chart figures one request after the other and
 * stays for the next. Drawing here keeps the host's event loop free, and keeps a native crash (resvg 2.6.2 aborts
 * the whole process on some malformed charts) away from the host, which answers that request with RenderExitError.
 */
import { toWireError } from '#shared/base/errors';
import { connectToParent } from '../trainer/channel';
import { watchParent } from '../trainer/watchdog';
import { renderRequest } from './renderJob';
import type { RenderMessage, RenderReply } from './renderProcess';

const channel = connectToParent<RenderReply>();
channel.onMessage(async (raw) => {
  const { id, request } = raw as RenderMessage;
  let reply: RenderReply;
  try {
    reply = { id, ok: true, data: await renderRequest(request) };
  } catch (error) {
    reply = { id, ok: false, error: toWireError(error) };
  }
  channel.send(reply);
});
// A render process outlives a killed parent only as long as the watcher takes to notice (see watchdog.ts).
watchParent();
