/** Light or dark: follows the system (prefers-color-scheme) until the user picks one, which is remembered. */
import { computed, ref, watchEffect } from 'vue';
import { recall, remember } from '../lib/remembered';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'ttlab.theme';

const media =
  typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
const systemDark = ref(media?.matches ?? false);
media?.addEventListener('change', (event) => (systemDark.value = event.matches));

function storedChoice(): Theme | null {
  const value = recall(STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

const choice = ref<Theme | null>(storedChoice());
const theme = computed<Theme>(() => choice.value ?? (systemDark.value ? 'dark' : 'light'));

if (typeof document !== 'undefined') watchEffect(() => (document.documentElement.dataset.theme = theme.value));

export function useTheme() {
  function toggle() {
    choice.value = theme.value === 'dark' ? 'light' : 'dark';
    remember(STORAGE_KEY, choice.value);
  }
  return { theme, toggle };
}
