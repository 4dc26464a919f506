/**
 * The one API between the UI and the lab's services. The Electron preload and the browser-mode WebSocket client both
 * implement `LabApi`; the main side registers handlers that satisfy `LabHandlers`. Every request is validated on the
 * receiving side with `methodSchemas`; errors cross the boundary as `{ name, message }`.
 */
import { z } from 'zod';
import { MAX_CHECKPOINTS, runConfigSchema, sweepSpecSchema, type SweepSpec } from '../config/schema';
import type { Preset } from '../config/presets';
import { MAX_NAME_LENGTH, nameSchema, plainText } from '../config/text';
import { eventNames, methodNames } from './names';
import type { CoverageEntry } from '../math/coverage';
import type { RunDetail, RunStatus, RunSummary } from '../run/record';
import type { CheckpointSeries } from '../run/series';
import type { VerifyResult } from '../run/verify';
import { reproductionTiers, type Reproduction } from './reproduction';
import { figureSizeSchema, MAX_SIDE, MIN_SIDE } from '../charts/figureSize';

export { eventNames, methodNames };
// The domain's records are defined in the science (run, math), which never imports this contract; the wire carries them.
export { finishedStatuses, RESUMABLE_STATUSES, runStatuses } from '../run/record';
export type { CheckpointSeries, CoverageEntry, RunDetail, RunStatus, RunSummary };

/** Where a resumed run goes on from. */
export interface ResumeResult {
  runId: string;
  /** Step and number of stored checkpoints of the saved state it resumes from (0 and 0: it starts over). */
  fromStep: number;
  fromCheckpoint: number;
}

export interface SweepSummary {
  id: string;
  name: string;
  createdAt: string;
  spec: SweepSpec;
  runCount: number;
  doneCount: number;
}

export interface RunProgress {
  runId: string;
  status: RunStatus;
  step: number;
  totalSteps: number;
  tau: number;
  /** Loss at the latest checkpoint. */
  loss: number | null;
  stepsPerSecond: number;
  /** Seconds left at the current speed. */
  etaSeconds: number | null;
}

export interface LabEvents {
  /** At most about 20 per second per run. */
  'run:progress': RunProgress;
  /** New checkpoints of a running run; `firstIndex` is the index of the first one in the run's series. */
  'run:checkpoints': { runId: string; firstIndex: number; series: CheckpointSeries };
  /** A run changed status (queued, started, finished); `error` says why a run ended badly. */
  'run:status': { runId: string; status: RunStatus; error: string | null };
  /** "Reproduce the paper": the whole state after each run that ends; the last one carries the report. */
  'reproduce:progress': Reproduction;
}
export type LabEventName = keyof LabEvents;

/** The per-neuron columns of a checkpoint, which getCheckpoints can leave out; the scalar columns always come. */
export const neuronColumns = ['a', 'u'] as const;
export type NeuronColumn = (typeof neuronColumns)[number];

/** Most runs getRunDetails reads in one call. */
export const MAX_RUN_DETAILS = 1000;
/** Most runs one page of listRuns may ask for (leave `limit` out for all of them). */
export const MAX_RUN_PAGE = 100_000;

const id = z.string().min(1).max(100);

/** What "Export report" can write: the report folder zipped, the page as vector PDF, or the interactive HTML report. */
export const reportFormats = ['zip', 'pdf', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];
/** Longest chart SVG renderFigure accepts (a chart of long decimated series is well under 2 MB). */
export const MAX_FIGURE_SVG = 8_000_000;
const tag = plainText(50).refine((text) => text.length > 0, 'must not be empty');

/** Parameters of every method, validated on the receiving side. */
export const methodSchemas = {
  listPresets: z.strictObject({}),
  startRun: z.strictObject({ config: runConfigSchema, name: plainText(MAX_NAME_LENGTH).optional() }),
  startSweep: z.strictObject({ sweep: sweepSpecSchema }),
  cancelRun: z.strictObject({ runId: id }),
  /**
   * Runs newest first (by creation), all of them or one page: `limit` runs at most, and with `before` only the runs
   * listed after that one, so the id of a page's last run asks for the next page (runs created meanwhile never shift it).
   */
  listRuns: z.strictObject({
    limit: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_RUN_PAGE, `must be at most ${MAX_RUN_PAGE}`)
      .optional(),
    before: z.string({ error: 'must be a run id' }).min(1, 'must be a run id').max(100, 'must be a run id').optional(),
  }),
  getRun: z.strictObject({ runId: id }),
  /**
   * One reply carries at most MAX_REPLY_BYTES (config/limits.ts) of checkpoints: a larger series is asked for thinned
   * (`maxCheckpoints`) or in pages (`from`, `limit`); a request that would exceed it is refused with ReplyTooLargeError.
   */
  getCheckpoints: z
    .strictObject({
      runId: id,
      /** At most this many checkpoints, evenly spaced over the run, the first and the last always among them. */
      maxCheckpoints: z.int().min(2).max(1_000_000).optional(),
      /** The per-neuron columns to send (default both). */
      fields: z.array(z.enum(neuronColumns)).max(neuronColumns.length).optional(),
      /** A page: checkpoints from index `from` of the run's series (default 0)... */
      from: z
        .int('must be a whole number')
        .min(0, 'must be at least 0')
        .max(MAX_CHECKPOINTS, `must be at most ${MAX_CHECKPOINTS}`)
        .optional(),
      /** ...and at most `limit` of them (default: to the end). */
      limit: z
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(MAX_CHECKPOINTS, `must be at most ${MAX_CHECKPOINTS}`)
        .optional(),
    })
    .refine((page) => page.maxCheckpoints === undefined || (page.from === undefined && page.limit === undefined), {
      path: ['maxCheckpoints'],
      message: 'a thinned series is not paged: leave out from and limit',
    }),
  /** The full records of many runs in one call, in the order asked. */
  getRunDetails: z.strictObject({ runIds: z.array(id).min(1).max(MAX_RUN_DETAILS) }),
  updateRun: z.strictObject({
    runId: id,
    name: nameSchema.optional(),
    tags: z.array(tag).max(50).optional(),
    notes: z.string().max(100_000).optional(),
    starred: z.boolean().optional(),
  }),
  deleteRuns: z.strictObject({ runIds: z.array(id).min(1).max(10_000) }),
  listSweeps: z.strictObject({}),
  getSweep: z.strictObject({ sweepId: id }),
  /** A report folder (PNG, SVG, CSV, config.json) zipped, for one run, a comparison (2 to 50 runs) or a sweep. */
  exportReport: z
    .strictObject({
      target: z.union([
        z.strictObject({ runId: id }),
        z.strictObject({ runIds: z.array(id).min(2, 'compare at least 2 runs').max(50, 'compare at most 50 runs') }),
        z.strictObject({ sweepId: id }),
      ]),
      /** CSVs with text cells that a spreadsheet would run as formulas (=, +, -, @) prefixed with a quote. */
      spreadsheetSafe: z.boolean().optional(),
      /** zip: the report folder zipped (default); pdf: the report page as vector PDF; html: the interactive report in one file. */
      format: z.enum(reportFormats, { error: `must be one of ${reportFormats.join(', ')}` }).optional(),
      /**
       * The report page laid out at a figure size, as `ttlab export --size`: a preset name or WIDTHxHEIGHT with a unit
       * (parsed here, at the boundary); the PDF page and the zip's report.png and report.svg. Omitted: the screen page.
       */
      size: figureSizeSchema.optional(),
    })
    .refine((params) => params.size === undefined || params.format !== 'html', {
      path: ['size'],
      message: 'the interactive HTML report has no page size: leave size out',
    }),
  /**
   * A chart the window drew as SVG at a figure size (one unit per point) made into a vector PDF with the report fonts
   * embedded, or a PNG at `dpi`; the SVG is bounded and may hold only inline images.
   */
  renderFigure: z.strictObject({
    svg: z
      .string()
      .max(MAX_FIGURE_SVG, `must be at most ${MAX_FIGURE_SVG} characters`)
      .regex(/^\s*<svg[\s>]/, 'must be an SVG document'),
    width: z
      .number({ error: 'must be a number' })
      .min(MIN_SIDE, `must be at least ${MIN_SIDE} pt`)
      .max(MAX_SIDE, `must be at most ${MAX_SIDE} pt`),
    height: z
      .number({ error: 'must be a number' })
      .min(MIN_SIDE, `must be at least ${MIN_SIDE} pt`)
      .max(MAX_SIDE, `must be at most ${MAX_SIDE} pt`),
    format: z.enum(['pdf', 'png'], { error: 'must be pdf or png' }),
    title: z.string().max(200),
    /** PNG resolution in pixels per inch (default 300). */
    dpi: z.number().int().min(72).max(600).optional(),
  }),
  /** Starts the paper's checks in the lab's pool (or returns the reproduction already running); progress on `reproduce:progress`. */
  reproducePaper: z.strictObject({ tier: z.enum(reproductionTiers) }),
  /** The latest reproduction of this lab (running or ended), or null: a page that reloads shows it again. */
  currentReproduction: z.strictObject({}),
  /** Stops the running reproduction: its queued and running runs are cancelled, no further experiment starts. */
  cancelReproduction: z.strictObject({}),
  /** Puts a cancelled, failed or interrupted run back in the queue from its last saved state. */
  resumeRun: z.strictObject({ runId: id }),
  /** Resumes every run of a sweep that stopped before its end; finished runs are kept as they are. */
  resumeSweep: z.strictObject({ sweepId: id }),
  /** Trains a stored run again from its configuration and seed and compares every checkpoint bit for bit. */
  verifyRun: z.strictObject({ runId: id }),
  /**
   * Merges lab databases found on the lab's own machine (the host's, in browser mode): a database file, a folder of
   * them, or a cluster plan folder (its shards). One transaction: a refused file writes nothing.
   */
  importRunsFrom: z.strictObject({
    path: z.string().trim().min(1, 'give a folder or a database file').max(4096, 'must be at most 4096 characters'),
  }),
} as const;

export type LabMethod = keyof typeof methodSchemas;

/** Compile-time proof that names.ts lists exactly the contract's methods and events. */
type SameKeys<A extends PropertyKey, B extends PropertyKey> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : never
  : never;
export const namesMatchContract: [
  SameKeys<(typeof methodNames)[number], LabMethod>,
  SameKeys<(typeof eventNames)[number], LabEventName>,
] = [true, true];
export type MethodParams<M extends LabMethod> = z.input<(typeof methodSchemas)[M]>;
export type ParsedParams<M extends LabMethod> = z.output<(typeof methodSchemas)[M]>;

export interface MethodResults {
  listPresets: readonly Preset[];
  startRun: { runId: string };
  startSweep: { sweepId: string; runIds: string[] };
  cancelRun: { cancelled: boolean };
  listRuns: RunSummary[];
  getRun: RunDetail;
  getCheckpoints: CheckpointSeries;
  getRunDetails: RunDetail[];
  updateRun: RunSummary;
  deleteRuns: { deleted: number };
  listSweeps: SweepSummary[];
  getSweep: { sweep: SweepSummary; runs: RunSummary[] };
  exportReport: { fileName: string; data: Uint8Array };
  renderFigure: { data: Uint8Array };
  reproducePaper: Reproduction;
  currentReproduction: Reproduction | null;
  cancelReproduction: { cancelled: boolean };
  resumeRun: ResumeResult;
  resumeSweep: { sweepId: string; resumed: ResumeResult[]; finished: number };
  verifyRun: VerifyResult;
  importRunsFrom: ImportResult;
}

/** What an import of other lab databases did. */
export interface ImportResult {
  /** The database files read. */
  files: string[];
  /** Runs new here (of them, `replaced` took the place of an unfinished copy). */
  added: number;
  replaced: number;
  /** Runs stored here already, left as they are. */
  present: number;
  /** Runs refused: another run is stored under the same id. */
  refused: number;
  sweeps: number;
}

/** What the UI calls. */
export type LabApi = {
  [M in LabMethod]: (params: MethodParams<M>) => Promise<MethodResults[M]>;
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
};

/** What the main side implements: handlers receive validated parameters. */
export type LabHandlers = {
  [M in LabMethod]: (params: ParsedParams<M>) => MethodResults[M] | Promise<MethodResults[M]>;
};

/** An error as it crosses a process boundary. */
export interface WireError {
  name: string;
  message: string;
}
