import { describe, expect, it } from 'vitest';
import { LEVEL_CELLS, levelBySearch, sgdProblem, targetAt } from '#shared/trainers/sgd/problem';
import { PAPER_TARGET } from '#shared/config/schema';

describe('the level table of targetAt', () => {
  // jumps inside cells, on cell edges (0.25 = 128 / 512, 3 / 512) and next to them
  const target = {
    positions: [3 / LEVEL_CELLS, 0.1, 0.25, 0.25 + 2 ** -40, 0.7, 1 - 2 ** -30],
    values: [0.2, 1, -0.5, 0.3, 2, -1, 0.7],
  };
  const problem = sgdProblem(target, 4e-3, 1e-5, 2e-5, 'box');

  it('gives the level of the walk through the jumps everywhere: jumps, cell edges, their neighbours, outside [0, 1)', () => {
    const xs: number[] = [-1e-300, -0.5, 0, 1, 1.5, 1 - 2 ** -53];
    for (const v of target.positions) xs.push(v, v - 2 ** -52, v + 2 ** -52, v * (1 - 2 ** -53));
    for (let c = 0; c <= LEVEL_CELLS; c++)
      xs.push(c / LEVEL_CELLS, (c + 0.5) / LEVEL_CELLS, (c + 1) / LEVEL_CELLS - 2 ** -60);
    for (let i = 0; i < 20_000; i++) xs.push(((i * 7919) % 20_000) / 20_000 + 1e-7 * Math.sin(i));
    for (const x of xs) expect(targetAt(problem, x), `x = ${x}`).toBe(levelBySearch(problem, x));
  });

  it('marks exactly the cells with a jump strictly inside as ambiguous', () => {
    const ambiguous = Array.from(problem.cellLevel.keys()).filter((c) => Number.isNaN(problem.cellLevel[c]));
    // 3 / 512 and 0.25 are cell edges; 0.25 + 2^-40 is inside cell 128
    expect(ambiguous).toEqual([51, 128, 358, 511]);
  });

  it("holds the paper target's levels", () => {
    const paper = sgdProblem(PAPER_TARGET, 4e-3, 1e-5, 2e-5, 'box');
    expect(paper.cellLevel[0]).toBe(PAPER_TARGET.values[0]);
    expect(paper.cellLevel[LEVEL_CELLS - 1]).toBe(paper.levels[paper.levels.length - 1]);
  });
});
