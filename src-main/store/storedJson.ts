/** Reads a JSON column back through its schema, so a hand-edited or damaged row fails with a message naming it. */
import type { z } from 'zod';
import { describeZodError } from '#shared/config/schema';
import { StoredDataError } from './errors';

/** `owner` names the row (e.g. `run 1b2c… ("baseline")`), `field` the column. */
export function parseStoredJson<S extends z.ZodType>(
  schema: S,
  json: string,
  owner: string,
  field: string,
): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoredDataError(`${owner}: the stored ${field} is not valid JSON`);
  }
  const result = schema.safeParse(value);
  if (!result.success)
    throw new StoredDataError(
      `${owner}: the stored ${field} is invalid: ${describeZodError(result.error, field).message}`,
    );
  return result.data;
}
