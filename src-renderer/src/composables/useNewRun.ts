/**
 * The new-run screen: the presets (one click loads one into the designer), a configuration handed over by another
 * screen (useDraft), the designer, the sweep builder, the name, and starting the run or the sweep (validated again
 * here, as the host will).
 */
import { computed, ref, shallowRef, watch } from 'vue';
import { errorMessage } from '#shared/base/errors';
import type { Preset } from '#shared/config/presets';
import { parseOrThrow, runConfigSchema, sweepSpecSchema } from '#shared/config/schema';
import { useAction } from './useAction';
import { useDesigner } from './useDesigner';
import { useDesignerSweep } from './useDesignerSweep';
import { takeDraft, useDraft } from './useDraft';
import { useLab } from './useLab';

export type Started = { kind: 'run'; runId: string } | { kind: 'sweep'; sweepId: string; runIds: string[] };

/** The preset the designer opens with. */
const FIRST_PRESET = 'paper-two-timescale-quick';

export function useNewRun() {
  const { api } = useLab();
  const designer = useDesigner();
  const name = ref('');
  const sweep = useDesignerSweep(designer.config, name);
  const presets = shallowRef<readonly Preset[]>([]);
  const presetName = ref('');
  const loadError = ref<string | null>(null);

  const isSweep = computed(() => sweep.draft.enabled);
  const valid = computed(() => (isSweep.value ? sweep.check.value.sweep !== null : designer.valid.value));

  const launch = useAction(async (): Promise<Started> => {
    if (isSweep.value)
      return {
        kind: 'sweep',
        ...(await api.startSweep({ sweep: parseOrThrow(sweepSpecSchema, sweep.check.value.sweep) })),
      };
    const config = parseOrThrow(runConfigSchema, designer.config.value);
    return { kind: 'run', ...(await api.startRun({ config, name: name.value.trim() || undefined })) };
  });
  const { busy: starting, error: startError } = launch;

  function loadPreset(chosen: string) {
    const preset = presets.value.find((p) => p.name === chosen);
    if (!preset) return;
    presetName.value = preset.name;
    designer.load(preset.kind === 'run' ? preset.config : preset.sweep.base);
    sweep.load(preset.kind === 'sweep' ? preset.sweep : null);
    name.value = preset.name;
    startError.value = null;
  }

  /** Opens a configuration handed over by another screen, when one waits; true when it did. */
  function openDraft(): boolean {
    const draft = takeDraft();
    if (!draft) return false;
    presetName.value = '';
    designer.load(draft.config);
    sweep.load(null);
    name.value = draft.name;
    startError.value = null;
    return true;
  }
  watch(useDraft().pending, openDraft);

  async function load() {
    loadError.value = null;
    const drafted = openDraft();
    try {
      presets.value = await api.listPresets({});
      if (!presetName.value && !drafted)
        loadPreset(presets.value.some((p) => p.name === FIRST_PRESET) ? FIRST_PRESET : (presets.value[0]?.name ?? ''));
    } catch (error) {
      loadError.value = `Could not load the presets: ${errorMessage(error)}`;
    }
  }

  /** Starts the run or the sweep when valid; what started, or null (the reason in startError). */
  const start = (): Promise<Started | null> => (valid.value ? launch.run() : Promise.resolve(null));

  return {
    designer,
    sweep,
    presets,
    presetName,
    name,
    isSweep,
    valid,
    loadError,
    startError,
    starting,
    load,
    loadPreset,
    start,
  };
}
