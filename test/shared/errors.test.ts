/** The error catalogue: names that cross process boundaries stay exactly as they are, locally and on the other side. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import type { LabHandlers } from '#shared/api/contract';
import {
  BadRequestError,
  CancelTimeoutError,
  ConnectionError,
  errorMessage,
  ForbiddenError,
  NotFoundError,
  PoolClosedError,
  ProtocolError,
  RemoteError,
  ReplyTooLargeError,
  RunStateError,
  toWireError,
  TrainerExitError,
  UnknownMethodError,
  UsageError,
} from '#shared/base/errors';

const catalogue = [
  ['NotFoundError', NotFoundError],
  ['UnknownMethodError', UnknownMethodError],
  ['ReplyTooLargeError', ReplyTooLargeError],
  ['RunStateError', RunStateError],
  ['ProtocolError', ProtocolError],
  ['TrainerExitError', TrainerExitError],
  ['CancelTimeoutError', CancelTimeoutError],
  ['PoolClosedError', PoolClosedError],
  ['ForbiddenError', ForbiddenError],
  ['BadRequestError', BadRequestError],
  ['ConnectionError', ConnectionError],
  ['UsageError', UsageError],
] as const;

describe('the error catalogue', () => {
  it.each(catalogue)('%s is named so, is an Error of its own class and keeps its message', (name, Class) => {
    const error = new Class('what went wrong');
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('what went wrong');
    expect(String(error)).toBe(`${name}: what went wrong`);
  });

  it('tells the classes apart with instanceof', () => {
    expect(new ProtocolError('x')).not.toBeInstanceOf(TrainerExitError);
    expect(new UsageError('x')).not.toBeInstanceOf(NotFoundError);
  });

  it.each(catalogue)('%s sent over the wire and received keeps its name', (name, Class) => {
    const received = new RemoteError(JSON.parse(JSON.stringify(toWireError(new Class('over there')))));
    expect(received).toBeInstanceOf(Error);
    expect(received.name).toBe(name);
    expect(received.message).toBe('over there');
  });

  it('a named error thrown by a handler is answered with its name', async () => {
    const handlers = { getRun: () => Promise.reject(new NotFoundError('no run r1')) } as unknown as LabHandlers;
    expect(await dispatch(handlers, 'getRun', { runId: 'r1' })).toEqual({
      ok: false,
      error: { name: 'NotFoundError', message: 'no run r1' },
    });
    expect(await dispatch(handlers, 'noSuchMethod', {})).toMatchObject({
      ok: false,
      error: { name: 'UnknownMethodError' },
    });
  });

  it('errorMessage reads anything thrown', () => {
    expect(errorMessage(new UsageError('--port: not a number'))).toBe('--port: not a number');
    expect(errorMessage('a string')).toBe('a string');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(null)).toBe('null');
    expect(errorMessage({ message: 'not an Error' })).toBe('[object Object]');
  });

  it('toWireError sends a thrown non-Error as a plain Error', () => {
    expect(toWireError('a string')).toEqual({ name: 'Error', message: 'a string' });
    expect(toWireError(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
  });
});
