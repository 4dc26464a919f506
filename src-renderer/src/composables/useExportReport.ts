/**
 * "Export report": the lab makes the report of a run, a comparison or a sweep (the zipped folder, the page as vector
 * PDF, or the interactive HTML report; the choice is remembered), and the page saves it. The page (the PDF, the zip's
 * report.png and report.svg) is laid out at the figure size the charts' save menus share, or as on screen.
 */
import { ref } from 'vue';
import { reportFormats, type MethodParams, type ReportFormat } from '#shared/api/contract';
import { saveFile } from '../lib/download';
import { useAction } from './useAction';
import { SCREEN, useFigureSize } from './useFigureSize';
import { useLab } from './useLab';
import { recall, remember } from '../lib/remembered';

export type ReportTarget = MethodParams<'exportReport'>['target'];

const STORAGE_KEY = 'ttlab.reportFormat';

/** Whether a format is a page that can be laid out at a figure size (the HTML report has no page size). */
export const hasPageSize = (value: ReportFormat) => value !== 'html';

/** The formats "Export report" offers, with their labels. */
export const reportFormatLabels: Record<ReportFormat, string> = {
  zip: 'Zip: figures, CSV, configuration',
  pdf: 'PDF page (vector)',
  html: 'Interactive HTML (one file)',
};

function storedFormat(): ReportFormat {
  const value = recall(STORAGE_KEY);
  return (reportFormats as readonly string[]).includes(value ?? '') ? (value as ReportFormat) : 'zip';
}

const format = ref<ReportFormat>(storedFormat());

export function useExportReport(target: () => ReportTarget) {
  const { api } = useLab();
  const { choice } = useFigureSize();
  /** Asks for the report and saves it; a second click while it is made does nothing. */
  const {
    busy,
    error,
    run: exportReport,
  } = useAction(async () => {
    const size = hasPageSize(format.value) && choice.value !== SCREEN ? { size: choice.value } : {};
    const { fileName, data } = await api.exportReport({
      target: target(),
      ...(format.value === 'zip' ? {} : { format: format.value }),
      ...size,
    });
    saveFile(data, fileName);
  }, 'Export failed');

  /** Chooses the format of the next exports (remembered). */
  function chooseFormat(value: ReportFormat) {
    format.value = value;
    remember(STORAGE_KEY, value);
  }

  return { busy, error, format, chooseFormat, exportReport };
}
