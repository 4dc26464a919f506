/**
 * Escape closes the side panel or menu of the screen that subscribes, for the life of the calling component. While a
 * modal dialog is open, Escape belongs to the dialog (the browser closes it) and the panel beneath stays.
 */
import { onBeforeUnmount, onMounted } from 'vue';

/** Whether an Escape press is for the screen: not already handled, and no modal dialog open above it. */
function isScreenEscape(event: KeyboardEvent): boolean {
  return event.key === 'Escape' && !event.defaultPrevented && document.querySelector('dialog[open]') === null;
}

export function useEscape(close: () => void): void {
  const onKey = (event: KeyboardEvent) => isScreenEscape(event) && close();
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
