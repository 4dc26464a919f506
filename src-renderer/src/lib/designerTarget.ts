/**
 * The target as the designer edits it: the base level f*(0) and one row per jump (position v_i, jump Delta_i), all
 * kept as typed text so that half-typed numbers survive until the schema judges them. Edits from the table and drags
 * on the chart go through these functions, which change the rows in place and keep the jumps sorted.
 */
import type { Target } from '#shared/config/schema';
import { formatExact, parseField } from './runForm';

/** One jump of the target, as typed. */
export interface JumpRow {
  /** position: text of v_i. */
  position: string;
  /** jump: text of Delta_i = f*(v_i+) - f*(v_i-). */
  jump: string;
}

export interface TargetRows {
  /** base: text of the level f* on [0, v_1). */
  base: string;
  jumps: JumpRow[];
}

/** Drags move positions on a grid of this step and levels on a grid of LEVEL_STEP. */
const POSITION_STEP = 1e-3;
const LEVEL_STEP = 1e-2;

/** Sums and differences of typed decimals without binary noise (0.3 - 0.1 gives 0.2, not 0.19999999999999998). */
const clean = (x: number): number => Number(x.toPrecision(12));
const roundTo = (x: number, step: number): number => clean(Math.round(x / step) * step);

export function rowsFromTarget(target: Target): TargetRows {
  return {
    base: formatExact(target.values[0]),
    jumps: target.positions.map((v, i) => ({ position: formatExact(v), jump: formatExact(target.values[i + 1]) })),
  };
}

/** The target the rows describe; unreadable text gives NaN, which the schema reports beside its field. */
export function targetFromRows(rows: TargetRows): Target {
  return {
    positions: rows.jumps.map((row) => parseField(row.position)),
    values: [parseField(rows.base), ...rows.jumps.map((row) => parseField(row.jump))],
  };
}

/** Level of f* on each piece: levels[0] on [0, v_1), levels[i] on [v_i, v_{i+1}). */
export function levels(target: Target): number[] {
  const result = [target.values[0]];
  for (let i = 1; i < target.values.length; i++) result.push(clean(result[i - 1] + target.values[i]));
  return result;
}

/** Orders the jumps by position (unreadable positions last); a row's jump travels with it. */
export function sortJumps(rows: TargetRows): void {
  const key = (row: JumpRow) => {
    const v = parseField(row.position);
    return Number.isFinite(v) ? v : Infinity;
  };
  rows.jumps.sort((p, q) => key(p) - key(q));
}

/** Adds a jump of size 1 in the middle of the widest piece; returns its row index. */
export function addJump(rows: TargetRows): number {
  const ends = [0, ...rows.jumps.map((row) => parseField(row.position)).filter(Number.isFinite), 1].sort(
    (p, q) => p - q,
  );
  let widest = 0;
  for (let k = 1; k + 1 < ends.length; k++) if (ends[k + 1] - ends[k] > ends[widest + 1] - ends[widest]) widest = k;
  const position = roundTo((ends[widest] + ends[widest + 1]) / 2, POSITION_STEP);
  rows.jumps.push({ position: formatExact(position), jump: '1' });
  sortJumps(rows);
  return rows.jumps.findIndex((row) => parseField(row.position) === position);
}

/** Removes jump i; its size moves to the next jump, so every level to the right of the removed piece stays. */
export function removeJump(rows: TargetRows, i: number): void {
  const [removed] = rows.jumps.splice(i, 1);
  const next = rows.jumps[i];
  const size = parseField(removed.jump);
  if (next && Number.isFinite(size)) next.jump = formatExact(clean(parseField(next.jump) + size));
}

/** Drags jump i to `position`, kept strictly between its neighbours (and inside (0, 1)) so the order never changes. */
export function moveJump(rows: TargetRows, i: number, position: number): void {
  const left = i > 0 ? parseField(rows.jumps[i - 1].position) : 0;
  const right = i + 1 < rows.jumps.length ? parseField(rows.jumps[i + 1].position) : 1;
  const low = (Number.isFinite(left) ? left : 0) + POSITION_STEP;
  const high = (Number.isFinite(right) ? right : 1) - POSITION_STEP;
  if (low > high) return;
  rows.jumps[i].position = formatExact(roundTo(Math.min(high, Math.max(low, position)), POSITION_STEP));
}

/** Sets the level of piece k (0: the base) to `level`, changing the jumps on its two sides so other levels stay. */
export function setLevel(rows: TargetRows, k: number, level: number): void {
  const current = levels(targetFromRows(rows))[k];
  if (!Number.isFinite(current)) return;
  const shift = clean(roundTo(level, LEVEL_STEP) - current);
  if (k === 0) rows.base = formatExact(clean(parseField(rows.base) + shift));
  else rows.jumps[k - 1].jump = formatExact(clean(parseField(rows.jumps[k - 1].jump) + shift));
  const after = rows.jumps[k];
  if (after) after.jump = formatExact(clean(parseField(after.jump) - shift));
}
