/**
 * The port browser mode listened on last time, kept beside the run database: a restarted lab takes the same port
 * when it is free, so an open tab finds its host again (it still has to be opened with the new token, and says so).
 * The file is read as untrusted input: anything but {"port": 1..65535} is ignored.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

const rememberedSchema = z.strictObject({ port: z.number().int().min(1).max(65535) });

/** Where the port is kept for the database `dbFile`. */
export const portFile = (dbFile: string) => join(dirname(dbFile), `.${basename(dbFile)}.browser-port.json`);

/** The remembered port, or null when there is none or the file is not one we wrote. */
export function readRememberedPort(file: string): number | null {
  try {
    const parsed = rememberedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.port : null;
  } catch {
    return null;
  }
}

/** Remembers `port`, written whole or not at all; a folder that cannot be written only loses the convenience. */
export function rememberPort(file: string, port: number): void {
  const staging = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(staging, `${JSON.stringify({ port })}\n`);
    renameSync(staging, file);
  } catch {
    rmSync(staging, { force: true });
  }
}
