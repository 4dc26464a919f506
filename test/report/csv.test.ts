import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsCsv, METRICS_HEADER, neuronsCsv, NEURONS_HEADER, numberCell } from '../../src-main/report/csv';
import { loadReport, type ReportRun } from '../../src-main/report/data';
import { runsCsv } from '../../src-main/report/runsCsv';
import { parseRunConfig } from '#shared/config/schema';
import { lossFloor } from '#shared/math/target';
import { openReportLab, type ReportLab } from './lab';

let lab: ReportLab;
let runs: ReportRun[];
beforeAll(() => {
  lab = openReportLab();
  runs = loadReport(lab.store, { runIds: [lab.runId, lab.otherRunId, lab.bigRunId] }).runs;
});
afterAll(() => lab.dispose());

const rowsOf = (csv: string) => parse(csv, { columns: true }) as Array<Record<string, string>>;
/** The double a cell holds; Object.is tells -0 from 0. */
const same = (cell: string, value: number) => Object.is(Number(cell), value);

describe('numberCell', () => {
  it('writes the shortest text that parses back to the same double, -0 included', () => {
    for (const value of [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, -0, 123456789012345680000, 2 ** -1074 * 3]) {
      expect(Object.is(Number(numberCell(value)), value)).toBe(true);
    }
    expect(numberCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberCell(null)).toBe('');
    expect(numberCell(NaN)).toBe('');
  });
});

describe('metricsCsv', () => {
  it('holds every stored loss, limit loss and coverage of every run, exactly', () => {
    const csv = metricsCsv(runs);
    expect(csv.split('\n')[0]).toBe(METRICS_HEADER.join(','));
    const rows = rowsOf(csv);
    let expected = 0;
    for (const { detail, series } of runs) {
      const mine = rows.filter((row) => row.run_id === detail.id);
      expect(mine.every((row) => row.run_name === detail.name)).toBe(true);
      for (const [metric, values] of [
        ['loss', series.loss],
        ['limit_loss', series.limitLoss],
        ['covered', series.covered],
      ] as const) {
        const lines = mine.filter((row) => row.metric === metric);
        if (!values) {
          expect(lines).toHaveLength(0);
          continue;
        }
        expect(lines).toHaveLength(series.count);
        lines.forEach((row, i) => {
          expect(same(row.step, series.step[i]) && same(row.tau, series.tau[i]) && same(row.value, values[i])).toBe(
            true,
          );
        });
        expected += series.count;
      }
    }
    expect(rows).toHaveLength(expected);
    expect(csv).not.toMatch(/NaN|Infinity/);
  });

  it('quotes run names holding commas and quotes', () => {
    const [run] = runs;
    const renamed = { ...run, detail: { ...run.detail, name: 'a "quoted", name' } };
    expect(rowsOf(metricsCsv([renamed]))[0].run_name).toBe('a "quoted", name');
  });
});

describe('neuronsCsv', () => {
  it('gives u_j and a_j of each of 1,000 neurons at every checkpoint, exactly, and the bias as neuron 0', () => {
    const big = runs[2];
    const { series } = big;
    expect(series.uLength).toBe(1000);
    const csv = neuronsCsv([big]);
    expect(csv.split('\n')[0]).toBe(NEURONS_HEADER.join(','));
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(series.count * 1001);
    let exact = 0;
    rows.forEach((row, r) => {
      const i = Math.floor(r / 1001);
      const j = r % 1001;
      expect(row.neuron).toBe(String(j));
      const uOk = j === 0 ? row.u === '' : same(row.u, series.u[i * 1000 + j - 1]);
      if (uOk && same(row.a, series.a[i * 1001 + j]) && same(row.tau, series.tau[i]) && same(row.step, series.step[i]))
        exact++;
    });
    expect(exact).toBe(rows.length);
    expect(csv).not.toMatch(/NaN|Infinity/);
  });
});

describe('runsCsv', () => {
  it('has one row per run with its summary and every configuration field, from which the configuration comes back', () => {
    const rows = rowsOf(runsCsv(runs.map((run) => run.detail)));
    expect(rows).toHaveLength(runs.length);
    rows.forEach((row, k) => {
      const { detail } = runs[k];
      expect(row.run_id).toBe(detail.id);
      expect(row.status).toBe(detail.status);
      expect(same(row.final_loss, detail.finalLoss!)).toBe(true);
      expect(same(row.loss_floor, lossFloor(detail.config.target, detail.config.network.eta))).toBe(true);
      // Rebuild the configuration from its dotted columns (JSON text for arrays, numbers, booleans).
      let config: object = {};
      for (const [column, cell] of Object.entries(row)) {
        if (!column.startsWith('config.')) continue;
        const path = column.slice('config.'.length);
        const value = /^[[{]|^(true|false)$/.test(cell)
          ? JSON.parse(cell)
          : cell !== '' && Number.isFinite(Number(cell))
            ? Number(cell)
            : cell;
        config = setPathCreating(config, path, value);
      }
      expect(parseRunConfig(config)).toEqual(detail.config);
    });
  });

  it('writes no NaN and leaves missing values empty', () => {
    const csv = runsCsv(runs.map((run) => run.detail));
    expect(csv).not.toMatch(/NaN|Infinity|undefined/);
    const second = rowsOf(csv)[1];
    expect(second.limit_final_loss).toBe('');
  });
});

/** setPath that creates the objects on the way. */
function setPathCreating(object: object, path: string, value: unknown): object {
  const keys = path.split('.');
  let node = object as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return object;
}
