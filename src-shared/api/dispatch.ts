/** The receiving side of the contract: validates a request and calls the matching handler. */
import { describeZodError } from '../config/schema';
import { methodSchemas, type LabHandlers, type LabMethod, type WireError } from './contract';
import { toWireError, UnknownMethodError } from '../base/errors';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: WireError };

export function isLabMethod(method: unknown): method is LabMethod {
  return typeof method === 'string' && Object.hasOwn(methodSchemas, method);
}

/** Never throws: bad input and handler failures come back as `{ ok: false, error }`. */
export async function dispatch(handlers: LabHandlers, method: unknown, params: unknown): Promise<DispatchResult> {
  if (!isLabMethod(method)) {
    return {
      ok: false,
      error: toWireError(new UnknownMethodError(`unknown method ${JSON.stringify(String(method)).slice(0, 80)}`)),
    };
  }
  const parsed = methodSchemas[method].safeParse(params ?? {});
  if (!parsed.success) return { ok: false, error: toWireError(describeZodError(parsed.error)) };
  try {
    const handler = handlers[method] as (p: unknown) => unknown;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}
