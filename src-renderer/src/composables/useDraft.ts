/**
 * A run configuration handed from one screen to the designer ("duplicate into the designer"): the history sets it and
 * navigates to the new-run screen, which takes it once to prefill its fields.
 */
import { shallowRef } from 'vue';
import type { RunConfig } from '#shared/config/schema';

/** What the designer is asked to open with. */
export interface Draft {
  config: RunConfig;
  /** name: a suggested run name, e.g. "copy of sgd-eps-0.1". */
  name: string;
}

const pending = shallowRef<Draft | null>(null);

export function setDraft(config: RunConfig, name = ''): void {
  pending.value = { config, name };
}

/** The waiting draft, removed so it prefills the designer once; null when there is none. */
export function takeDraft(): Draft | null {
  const draft = pending.value;
  pending.value = null;
  return draft;
}

/** Whether a draft waits (reactive), for a designer that is already open. */
export function useDraft() {
  return { pending, setDraft, takeDraft };
}
