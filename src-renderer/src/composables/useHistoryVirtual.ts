/**
 * Virtual scrolling for a list of fixed-height rows: only the rows in view (and a few around them) are rendered, inside
 * a spacer as tall as the whole list, so 10,000 runs cost as much as 30.
 */
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** Rows rendered beyond each edge of the view, so a quick scroll shows no gap. */
const OVERSCAN = 8;
/** View height assumed until the container is measured (and in test DOMs without layout). */
const FALLBACK_HEIGHT = 720;

export function useHistoryVirtual(container: Ref<HTMLElement | null>, rowCount: Ref<number>, rowHeight: number) {
  const scrollTop = ref(0);
  const viewHeight = ref(FALLBACK_HEIGHT);
  let observer: ResizeObserver | null = null;

  const first = computed(() => Math.max(0, Math.floor(scrollTop.value / rowHeight) - OVERSCAN));
  const end = computed(() =>
    Math.min(rowCount.value, Math.ceil((scrollTop.value + viewHeight.value) / rowHeight) + OVERSCAN),
  );
  /** Height of everything, and the offset of the first rendered row. */
  const totalHeight = computed(() => rowCount.value * rowHeight);
  const offset = computed(() => first.value * rowHeight);

  function measure() {
    const element = container.value;
    if (!element) return;
    if (element.clientHeight > 0) viewHeight.value = element.clientHeight;
    scrollTop.value = element.scrollTop;
  }

  /** Scrolls so row `index` is in view. */
  function reveal(index: number) {
    const element = container.value;
    if (!element) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + viewHeight.value)
      element.scrollTop = top + rowHeight - viewHeight.value;
    measure();
  }

  onMounted(() => {
    measure();
    if (container.value && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(measure);
      observer.observe(container.value);
    }
  });
  onBeforeUnmount(() => observer?.disconnect());

  return { first, end, offset, totalHeight, onScroll: measure, reveal };
}
