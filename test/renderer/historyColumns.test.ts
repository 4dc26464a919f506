/** The history's columns as data: the grid, the sweep row's spans and the cells all follow from the one list. */
import { describe, expect, it } from 'vitest';
import { columns, gridMinWidth, gridTemplate, spanColumns } from '../../src-renderer/src/lib/historyColumns';
import { summary } from './historyRuns';

describe('history columns', () => {
  it('make the grid: a checkbox, one track per column, the actions', () => {
    expect(gridTemplate).toBe(
      '28px 30px minmax(178px, 2fr) 86px 76px 44px 52px 52px 52px 52px 76px 76px 62px 68px 124px minmax(80px, 1fr) 36px',
    );
    expect(gridTemplate.split(/ (?![^(]*\))/)).toHaveLength(columns.length + 2);
    expect(gridMinWidth).toBe(1172);
  });

  it('span the sweep row over the columns it gathers', () => {
    expect(spanColumns('m', 'seed')).toBe('span 5');
    expect(spanColumns('covered', 'duration')).toBe('span 2');
    expect(spanColumns('tags', 'actions')).toBe('span 2');
  });

  it('format a run cell by cell, with the full value on hover', () => {
    const run = summary(1, {
      name: 'sgd run',
      trainer: 'sgd',
      h: 1e-3,
      epsilon: 2e-5,
      coveredJumps: 5,
      totalJumps: 5,
      tags: ['a', 'b'],
    });
    const cells = Object.fromEntries(columns.map((column) => [column.key, column.format(run)]));
    expect(cells.name).toEqual({ text: 'sgd run', title: 'sgd run' });
    expect(cells.h).toEqual({ text: '0.001', title: 'h = 0.001' });
    expect(cells.covered).toEqual({ text: '5/5', tone: 'ok' });
    expect(cells.tags).toEqual({ text: 'a, b', title: 'a, b' });
    expect(cells.created.tone).toBe('muted');
    const fullBatch = summary(2, { trainer: 'full-batch', coveredJumps: 0, totalJumps: 5 });
    expect(columns.find((column) => column.key === 'epsilon')!.format(fullBatch)).toEqual({
      text: '—',
      title: 'not an SGD run',
      tone: 'muted',
    });
    expect(columns.find((column) => column.key === 'covered')!.format(fullBatch).text).toBe('—');
  });
});
