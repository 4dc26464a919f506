/** The trainer process's message loop: runs one 'start' at a time ('cancel' at any time); the pool may reuse the process. */
import { ProtocolError, toWireError } from '#shared/base/errors';
import { parseOrThrow } from '#shared/config/schema';
import type { ParentChannel } from './channel';
import { parentMessageSchema, type ParentMessage } from './protocol';
import { TrainerRun, type CreateSession, type Fault } from './trainerRun';

export function serveTrainer(
  channel: ParentChannel,
  createSession: CreateSession,
  fault: Fault,
  stateIntervalMs?: number,
): void {
  let run: TrainerRun | null = null;
  channel.onMessage((raw) => {
    let message: ParentMessage;
    try {
      message = parseOrThrow(parentMessageSchema, raw);
    } catch (error) {
      channel.send({ type: 'error', error: toWireError(error) });
      return;
    }
    if (message.type === 'cancel') {
      run?.cancel();
    } else if (run && !run.ended) {
      channel.send({
        type: 'error',
        error: toWireError(new ProtocolError('this trainer process is still busy with a run')),
      });
    } else {
      run = new TrainerRun(channel, fault, stateIntervalMs, message.resume);
      run.start(message.config, createSession);
    }
  });
}
