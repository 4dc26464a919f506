/**
 * A tiny hash router: #/new, #/runs, #/runs/<id>, #/compare/<id>,<id>,..., #/sweeps/<id> and #/reproduce (no router
 * package needed for six screens).
 */
import { computed, readonly, ref } from 'vue';

export type Route =
  | { name: 'new' }
  | { name: 'runs' }
  | { name: 'reproduce' }
  | { name: 'run'; runId: string }
  | { name: 'compare'; runIds: string[] }
  | { name: 'sweep'; sweepId: string };

/** Reads a route from a location hash; anything unknown opens the new-run screen. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'runs' && parts[1]) return { name: 'run', runId: parts[1] };
  if (parts[0] === 'runs') return { name: 'runs' };
  if (parts[0] === 'compare' && parts[1]) return { name: 'compare', runIds: parts[1].split(',').filter(Boolean) };
  if (parts[0] === 'sweeps' && parts[1]) return { name: 'sweep', sweepId: parts[1] };
  if (parts[0] === 'reproduce') return { name: 'reproduce' };
  return { name: 'new' };
}

export function routeHash(route: Route): string {
  if (route.name === 'run') return `#/runs/${encodeURIComponent(route.runId)}`;
  if (route.name === 'compare') return `#/compare/${route.runIds.map(encodeURIComponent).join(',')}`;
  if (route.name === 'sweep') return `#/sweeps/${encodeURIComponent(route.sweepId)}`;
  return `#/${route.name}`;
}

const hash = ref(typeof window === 'undefined' ? '' : window.location.hash);
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => (hash.value = window.location.hash));

export function useRoute() {
  const route = computed(() => parseRoute(hash.value));
  function navigate(to: Route) {
    const next = routeHash(to);
    if (window.location.hash !== next) window.location.hash = next;
    hash.value = next;
  }
  return { route, hash: readonly(hash), navigate };
}
