/**
 * The size charts are saved at: as on screen, a venue's preset, or a custom WIDTHxHEIGHT; the choice is remembered
 * (shared by every chart's save menu).
 */
import { computed, ref } from 'vue';
import { errorMessage } from '#shared/base/errors';
import { figurePresets, parseFigureSize, type FigureSize } from '#shared/charts/figureSize';
import { recall, remember } from '../lib/remembered';

const STORAGE_KEY = 'ttlab.figureSize';
/** The choice that keeps the chart's size on screen. */
export const SCREEN = 'screen';

/** The sizes the menus offer: the screen, then the presets. */
export const sizeChoices: ReadonlyArray<{ value: string; label: string }> = [
  { value: SCREEN, label: 'As on screen' },
  ...figurePresets.map((preset) => ({ value: preset.name, label: preset.label })),
];

function stored(): string {
  const value = recall(STORAGE_KEY);
  if (value === null || value === SCREEN) return SCREEN;
  try {
    parseFigureSize(value);
    return value;
  } catch {
    return SCREEN;
  }
}

const choice = ref(stored());

export function useFigureSize() {
  /** The figure size, or null to save as on screen. */
  const size = computed<FigureSize | null>(() => (choice.value === SCREEN ? null : parseFigureSize(choice.value)));
  const error = ref<string | null>(null);

  /** Takes a preset name, "screen" or a custom size; a custom size that does not parse is refused with its reason. */
  function choose(value: string): boolean {
    const text = value.trim();
    try {
      if (text !== SCREEN) parseFigureSize(text);
    } catch (failure) {
      error.value = errorMessage(failure);
      return false;
    }
    error.value = null;
    choice.value = text;
    remember(STORAGE_KEY, text);
    return true;
  }

  return { choice, size, error, choose };
}
