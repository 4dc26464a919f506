/**
 * The names of the contract's methods and events, free of any schema library so the sandboxed preload stays small.
 * contract.ts checks at compile time that these lists match the schemas and the event map.
 */
export const methodNames = [
  'listPresets',
  'startRun',
  'startSweep',
  'cancelRun',
  'listRuns',
  'getRun',
  'getCheckpoints',
  'getRunDetails',
  'updateRun',
  'deleteRuns',
  'listSweeps',
  'getSweep',
  'exportReport',
  'renderFigure',
  'reproducePaper',
  'currentReproduction',
  'cancelReproduction',
  'resumeRun',
  'resumeSweep',
  'verifyRun',
  'importRunsFrom',
] as const;

export const eventNames = ['run:progress', 'run:checkpoints', 'run:status', 'reproduce:progress'] as const;
