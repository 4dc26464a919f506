/**
 * "Export report": the lab makes the report of a run, a comparison or a sweep (the zipped folder, the page as vector
 * PDF, or the interactive HTML report; the choice is remembered), and the page saves it.
 */
import { ref } from 'vue';
import { reportFormats, type MethodParams, type ReportFormat } from '../../../src-shared/api/contract';
import { saveFile } from '../lib/download';
import { useLab } from './useLab';

export type ReportTarget = MethodParams<'exportReport'>['target'];

const STORAGE_KEY = 'ttlab.reportFormat';

/** The formats "Export report" offers, with their labels. */
export const reportFormatLabels: Record<ReportFormat, string> = { zip: 'Zip: figures, CSV, configuration', pdf: 'PDF page (vector)', html: 'Interactive HTML (one file)' };

function storedFormat(): ReportFormat {
  const value = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return (reportFormats as readonly string[]).includes(value ?? '') ? (value as ReportFormat) : 'zip';
}

const format = ref<ReportFormat>(storedFormat());

export function useExportReport(target: () => ReportTarget) {
  const { api } = useLab();
  const busy = ref(false);
  const error = ref<string | null>(null);

  /** Asks for the zip and saves it; a second click while it is made does nothing. */
  async function exportReport() {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      const { fileName, data } = await api.exportReport({ target: target(), ...(format.value === 'zip' ? {} : { format: format.value }) });
      saveFile(data, fileName);
    } catch (failure) {
      error.value = `Export failed: ${(failure as Error).message}`;
    } finally {
      busy.value = false;
    }
  }

  /** Chooses the format of the next exports (remembered). */
  function chooseFormat(value: ReportFormat) {
    format.value = value;
    localStorage.setItem(STORAGE_KEY, value);
  }

  return { busy, error, format, chooseFormat, exportReport };
}
