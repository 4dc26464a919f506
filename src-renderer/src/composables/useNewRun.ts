/**
 * State of the new-run screen: the presets, the chosen one, the edited fields, validation against the shared schema
 * (messages beside the fields they concern), the numbers a run will take, and starting it.
 */
import { computed, reactive, ref, shallowRef } from 'vue';
import type { Preset } from '../../../src-shared/config/presets';
import { parseOrThrow, runConfigSchema, sweepSpecSchema, totalSteps, ValidationError, type RunConfig, type SweepSpec } from '../../../src-shared/config/schema';
import { expandSweep, sweepSize } from '../../../src-shared/config/sweep';
import { applyFields, fieldsFor, fieldTexts, issuesByField, presetBase, sweptPaths, type DurationKind, type FieldSpec } from '../lib/runForm';
import { useLab } from './useLab';

/** Sweeps up to this size are expanded on every edit to check each run; larger ones are checked when they start. */
const EXPAND_CHECK_LIMIT = 2000;

/** What the form would start: a checked run or sweep, or the messages saying why not. */
export interface FormCheck {
  fieldErrors: Record<string, string>;
  otherErrors: string[];
  config: RunConfig | null;
  sweep: SweepSpec | null;
}

export type Started = { kind: 'run'; runId: string } | { kind: 'sweep'; sweepId: string; runIds: string[] };

export function useNewRun() {
  const { api } = useLab();
  const presets = shallowRef<readonly Preset[]>([]);
  const presetName = ref('');
  const texts = reactive<Record<string, string>>({});
  const durationKind = ref<DurationKind>('tau');
  const name = ref('');
  const loadError = ref<string | null>(null);
  const startError = ref<string | null>(null);
  const starting = ref(false);

  const preset = computed(() => presets.value.find((p) => p.name === presetName.value) ?? null);
  const base = computed(() => (preset.value ? presetBase(preset.value) : null));
  const trainer = computed(() => base.value?.trainer ?? null);
  const fields = computed<FieldSpec[]>(() => (base.value ? fieldsFor(base.value.trainer, durationKind.value) : []));
  /** Fields the sweep sets on each run, with the values it gives them. */
  const locked = computed(() => (preset.value?.kind === 'sweep' ? sweptPaths(preset.value.sweep) : new Map<string, string>()));

  const check = computed<FormCheck>(() => {
    const none: FormCheck = { fieldErrors: {}, otherErrors: [], config: null, sweep: null };
    if (!preset.value || !base.value) return { ...none, otherErrors: ['choose a preset'] };
    const candidate = applyFields(base.value, fields.value, texts, new Set(locked.value.keys()));
    if (preset.value.kind === 'run') {
      const parsed = runConfigSchema.safeParse(candidate);
      if (parsed.success) return { ...none, config: parsed.data };
      const { byField, other } = issuesByField(parsed.error.issues, fields.value);
      return { ...none, fieldErrors: byField, otherErrors: other };
    }
    const parsed = sweepSpecSchema.safeParse({ ...preset.value.sweep, name: name.value || preset.value.sweep.name, base: candidate });
    if (!parsed.success) {
      const { byField, other } = issuesByField(parsed.error.issues, fields.value, ['base']);
      return { ...none, fieldErrors: byField, otherErrors: other };
    }
    if (sweepSize(parsed.data) <= EXPAND_CHECK_LIMIT) {
      try {
        expandSweep(parsed.data);
      } catch (error) {
        return { ...none, otherErrors: [error instanceof ValidationError ? error.message : String(error)] };
      }
    }
    return { ...none, sweep: parsed.data, config: parsed.data.base };
  });

  const valid = computed(() => check.value.config !== null && Object.keys(check.value.fieldErrors).length === 0 && check.value.otherErrors.length === 0);
  const runCount = computed(() => (preset.value?.kind === 'sweep' ? sweepSize(check.value.sweep ?? preset.value.sweep) : 1));
  /** Trainer steps of the (base) run, and the inner stepsize h·ε of SGD runs. */
  const steps = computed(() => (check.value.config ? totalSteps(check.value.config) : null));
  const innerStepsize = computed(() => (check.value.config?.trainer === 'sgd' ? check.value.config.sgd.h * check.value.config.sgd.epsilon : null));

  function selectPreset(presetToUse: string) {
    presetName.value = presetToUse;
    const chosen = preset.value;
    if (!chosen) return;
    const config = presetBase(chosen);
    Object.assign(texts, fieldTexts(config));
    durationKind.value = config.duration.kind;
    name.value = chosen.name;
    startError.value = null;
  }

  /** Switches an SGD run between a slow-time and a step budget, carrying the current number of steps over. */
  function setDurationKind(kind: DurationKind) {
    if (kind === 'steps' && steps.value !== null) texts.steps = String(steps.value);
    durationKind.value = kind;
  }

  async function load() {
    loadError.value = null;
    try {
      presets.value = await api.listPresets({});
      const first = presets.value.find((p) => p.name === 'paper-two-timescale-quick') ?? presets.value[0];
      if (first && !preset.value) selectPreset(first.name);
    } catch (error) {
      loadError.value = `Could not load the presets: ${(error as Error).message}`;
    }
  }

  /** Validates again (as the host will) and starts the run or sweep. */
  async function start(): Promise<Started | null> {
    if (!valid.value || starting.value) return null;
    starting.value = true;
    startError.value = null;
    try {
      if (check.value.sweep) {
        const sweep = parseOrThrow(sweepSpecSchema, check.value.sweep);
        return { kind: 'sweep', ...(await api.startSweep({ sweep })) };
      }
      const config = parseOrThrow(runConfigSchema, check.value.config);
      return { kind: 'run', ...(await api.startRun({ config, name: name.value.trim() || undefined })) };
    } catch (error) {
      startError.value = (error as Error).message;
      return null;
    } finally {
      starting.value = false;
    }
  }

  return { presets, presetName, preset, trainer, fields, texts, durationKind, name, locked, check, valid, runCount, steps, innerStepsize, loadError, startError, starting, load, selectPreset, setDurationKind, start };
}
