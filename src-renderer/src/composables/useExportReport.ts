/** "Export report": the lab zips the report of a run, a comparison or a sweep, and the page saves it. */
import { ref } from 'vue';
import type { MethodParams } from '../../../src-shared/api/contract';
import { saveFile } from '../lib/download';
import { useLab } from './useLab';

export type ReportTarget = MethodParams<'exportReport'>['target'];

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
      const { fileName, data } = await api.exportReport({ target: target() });
      saveFile(data, fileName);
    } catch (failure) {
      error.value = `Export failed: ${(failure as Error).message}`;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, exportReport };
}
