/**
 * A stored run's traceability actions: resume it from its last saved state (a cancelled, failed or interrupted run),
 * or verify it (train it again from its configuration and seed and compare every checkpoint bit for bit).
 */
import { computed, ref, shallowRef, type Ref } from 'vue';
import type { RunStatus } from '#shared/api/contract';
import { RESUMABLE_STATUSES } from '#shared/api/contract';
import { describeVerify, type VerifyResult } from '#shared/run/verify';
import { useAction } from './useAction';
import { useLab } from './useLab';

export function useRunTrace(runId: string, status: Ref<RunStatus | null>, onResumed: () => void) {
  const { api } = useLab();
  const verified = shallowRef<VerifyResult | null>(null);
  /** What the last resume said: the step it went on from. */
  const resumedFrom = ref<string | null>(null);

  const resumable = computed(() => status.value !== null && RESUMABLE_STATUSES.includes(status.value));
  const verifiable = computed(() => status.value !== null && status.value !== 'queued' && status.value !== 'running');
  const verdict = computed(() => (verified.value ? describeVerify(verified.value) : null));

  /** One action at a time, resume or verify: `busy` says which runs. */
  const running = ref<'resume' | 'verify' | null>(null);
  const {
    busy: acting,
    error,
    run: act,
  } = useAction(
    async (kind: 'resume' | 'verify', action: () => Promise<void>) => {
      running.value = kind;
      await action();
    },
    (kind) => `Could not ${kind}`,
  );
  const busy = computed(() => (acting.value ? running.value : null));

  const resume = () =>
    act('resume', async () => {
      verified.value = null;
      const result = await api.resumeRun({ runId });
      resumedFrom.value =
        result.fromStep > 0
          ? `Resumed from step ${result.fromStep.toLocaleString('en-US')} (checkpoint ${result.fromCheckpoint}).`
          : 'No saved state: the run started over from its first step.';
      onResumed();
    });

  const verify = () =>
    act('verify', async () => {
      verified.value = await api.verifyRun({ runId });
    });

  return { busy, error, verified, verdict, resumedFrom, resumable, verifiable, resume, verify };
}
