/**
 * The experiment designer's state: every input of the form, validated as the user types with the shared schema
 * (messages keyed by input), the numbers the run will take, and the edits of the target. Provided by the new-run
 * screen to its sections with `provideDesigner`, which they read with `injectDesigner`.
 */
import { computed, inject, provide, reactive, type InjectionKey } from 'vue';
import {
  PAPER_TARGET,
  parseRunConfig,
  runConfigSchema,
  totalSteps,
  type RunConfig,
  type Target,
} from '#shared/config/schema';
import {
  candidateConfig,
  durationKind,
  evenPositionsText,
  issueKey,
  stateFromConfig,
  visibleFields,
  type DesignerState,
} from '../lib/designerForm';
import { estimateSeconds } from '../lib/designerSpeed';
import { addJump, moveJump, removeJump, rowsFromTarget, setLevel, sortJumps } from '../lib/designerTarget';
import { formatExact, parseField } from '../lib/runForm';

/** What the form would start, or the messages saying why not. */
export interface DesignerCheck {
  /** fieldErrors[key]: the first message for an input (keys of designerForm's issueKey). */
  fieldErrors: Record<string, string>;
  /** Messages no input owns. */
  otherErrors: string[];
  config: RunConfig | null;
}

/** Cleans binary noise off a product or quotient of typed decimals. */
const clean = (x: number): number => Number(x.toPrecision(12));

export function useDesigner(initial: RunConfig = parseRunConfig({})) {
  const state = reactive<DesignerState>(stateFromConfig(initial));

  const check = computed<DesignerCheck>(() => {
    const parsed = runConfigSchema.safeParse(candidateConfig(state));
    if (parsed.success) return { fieldErrors: {}, otherErrors: [], config: parsed.data };
    const fieldErrors: Record<string, string> = {};
    const otherErrors: string[] = [];
    for (const issue of parsed.error.issues) {
      const key = issueKey(issue.path, state);
      if (key) fieldErrors[key] ??= issue.message;
      else otherErrors.push(`${issue.path.join('.')}: ${issue.message}`);
    }
    return { fieldErrors, otherErrors, config: null };
  });
  const config = computed(() => check.value.config);
  const valid = computed(() => config.value !== null);
  const fields = computed(() => visibleFields(state));
  const steps = computed(() => (config.value ? totalSteps(config.value) : null));
  /** h·epsilon when epsilon is typed, epsilon when h·epsilon is: the stepsize the user did not type. */
  const derivedStepsize = computed(() =>
    config.value?.trainer === 'sgd'
      ? { inner: clean(config.value.sgd.h * config.value.sgd.epsilon), epsilon: config.value.sgd.epsilon }
      : null,
  );
  const seconds = computed(() => (config.value ? estimateSeconds(config.value) : null));

  function load(config: RunConfig) {
    Object.assign(state, stateFromConfig(config));
  }

  /** Switches between typing epsilon and typing h·epsilon, carrying the current value over. */
  function setStepsizes(mode: DesignerState['stepsizes']) {
    const h = parseField(state.texts.h);
    if (mode === 'inner') state.texts.hInner = formatExact(clean(h * parseField(state.texts.epsilon)));
    else state.texts.epsilon = formatExact(clean(parseField(state.texts.hInner) / h));
    state.stepsizes = mode;
  }

  /** Switches an SGD run between a slow-time and a step budget, carrying the length of the run over. */
  function setDuration(kind: DesignerState['duration']) {
    const current = config.value;
    if (current && kind === 'steps') state.texts.steps = formatExact(totalSteps(current));
    if (current && kind === 'tau')
      state.texts.tauMax = formatExact(clean(totalSteps(current) * current.sgd.h * current.sgd.epsilon));
    state.duration = kind;
  }

  function setPositions(kind: DesignerState['positions']) {
    if (kind === 'list' && state.positionsList.trim() === '')
      state.positionsList = evenPositionsText(parseField(state.texts.m));
    state.positions = kind;
  }

  const target = {
    replace: (next: Target) => (state.target = rowsFromTarget(next)),
    paper: () => (state.target = rowsFromTarget(PAPER_TARGET)),
    add: () => addJump(state.target),
    remove: (i: number) => removeJump(state.target, i),
    sort: () => sortJumps(state.target),
    move: (i: number, x: number) => moveJump(state.target, i, x),
    level: (k: number, y: number) => setLevel(state.target, k, y),
  };

  return {
    state,
    check,
    config,
    valid,
    fields,
    steps,
    derivedStepsize,
    seconds,
    durationKind: computed(() => durationKind(state)),
    load,
    setStepsizes,
    setDuration,
    setPositions,
    target,
  };
}

export type Designer = ReturnType<typeof useDesigner>;

const designerKey: InjectionKey<Designer> = Symbol('designer');

export function provideDesigner(designer: Designer): void {
  provide(designerKey, designer);
}

export function injectDesigner(): Designer {
  const designer = inject(designerKey);
  if (!designer) throw new Error('injectDesigner() needs a parent that called provideDesigner()');
  return designer;
}
