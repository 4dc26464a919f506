/** A position among a run's checkpoints for the fit chart: follows the newest one until scrubbed, and can play. */
import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** Checkpoints shown per second while playing. */
const FRAMES_PER_SECOND = 12;

export function usePlayback(count: Ref<number>) {
  const index = ref(Math.max(0, count.value - 1));
  const playing = ref(false);
  /** Whether the position tracks the newest checkpoint as new ones arrive. */
  const following = ref(true);
  let timer: ReturnType<typeof setInterval> | undefined;

  watch(count, (n) => {
    index.value = following.value ? Math.max(0, n - 1) : Math.min(index.value, Math.max(0, n - 1));
  });

  function pause() {
    clearInterval(timer);
    timer = undefined;
    playing.value = false;
  }

  function scrub(to: number) {
    pause();
    index.value = Math.min(Math.max(0, Math.round(to)), Math.max(0, count.value - 1));
    following.value = index.value >= count.value - 1;
  }

  function advance() {
    if (index.value < count.value - 1) index.value++;
    else {
      pause();
      following.value = true;
    }
  }

  function play() {
    if (count.value < 2) return;
    if (index.value >= count.value - 1) index.value = 0;
    following.value = false;
    playing.value = true;
    timer = setInterval(advance, 1000 / FRAMES_PER_SECOND);
  }

  const toggle = () => (playing.value ? pause() : play());
  onScopeDispose(pause);
  return { index, playing, following, scrub, toggle };
}
