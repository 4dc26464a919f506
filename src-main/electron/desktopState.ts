/**
 * What the desktop app remembers between launches, in a small JSON file in userData: the window's size and place,
 * the last view, and the database last opened. Read with zod; a missing, unreadable or invalid file counts as empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { errorMessage } from '#shared/base/errors';

export const DESKTOP_STATE_FILE = 'desktop-state.json';

/** Smallest window the layout works in; a remembered size below it is refused. */
export const MIN_WINDOW = { width: 900, height: 600 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);

const desktopStateSchema = z.object({
  /** bounds: the window's normal (not maximized) rectangle, in screen pixels. */
  bounds: z
    .object({
      x: coordinate,
      y: coordinate,
      width: z.number().int().min(MIN_WINDOW.width).max(100_000),
      height: z.number().int().min(MIN_WINDOW.height).max(100_000),
    })
    .optional(),
  maximized: z.boolean().optional(),
  /** view: the renderer's route, the location hash without '#', e.g. "/runs/<id>". */
  view: z
    .string()
    .max(512)
    .regex(/^\/[\w\-.~%/]*$/)
    .optional(),
  /** databaseFile: absolute path of the run database opened last. */
  databaseFile: z
    .string()
    .max(4096)
    .refine((file) => path.isAbsolute(file), 'an absolute path')
    .optional(),
});

export type DesktopState = z.infer<typeof desktopStateSchema>;
export type WindowBounds = NonNullable<DesktopState['bounds']>;

/** The remembered state, or {} when the file is missing or not valid (said once on stderr, never thrown). */
export function readDesktopState(file: string): DesktopState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    return desktopStateSchema.parse(JSON.parse(text));
  } catch (error) {
    console.warn(`Ignoring ${file}: ${errorMessage(error).split('\n')[0]}`);
    return {};
  }
}

/** Writes atomically (a temporary file renamed over the old one); a failure is logged, never thrown. */
export function writeDesktopState(file: string, state: DesktopState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, `${JSON.stringify(desktopStateSchema.parse(state), null, 2)}\n`);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    console.warn(`Could not save ${file}: ${errorMessage(error)}`);
  }
}

/** A screen area, as Electron's Display.workArea. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the title bar must be on a screen for a remembered position to be kept (pixels). */
const GRIP = 64;

/**
 * The remembered bounds when the window's top edge is still reachable on one of `screens` (a monitor may have been
 * unplugged since); otherwise only the size, capped to the largest screen, so the OS places the window.
 */
export function placeOnScreens(bounds: WindowBounds, screens: readonly Area[]): Partial<WindowBounds> {
  const reachable = screens.some(
    (screen) =>
      bounds.y >= screen.y &&
      bounds.y + GRIP <= screen.y + screen.height &&
      Math.min(bounds.x + bounds.width, screen.x + screen.width) - Math.max(bounds.x, screen.x) >= GRIP,
  );
  if (reachable) return bounds;
  const widest = Math.max(MIN_WINDOW.width, ...screens.map((screen) => screen.width));
  const tallest = Math.max(MIN_WINDOW.height, ...screens.map((screen) => screen.height));
  return { width: Math.min(bounds.width, widest), height: Math.min(bounds.height, tallest) };
}

/** The view in a renderer URL ("file:///.../index.html#/runs/r1" gives "/runs/r1"), if it is a valid one. */
export function viewOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const view = new URL(url).hash.replace(/^#/, '');
  return desktopStateSchema.shape.view.safeParse(view).data;
}
