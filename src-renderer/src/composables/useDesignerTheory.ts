/**
 * Theory at a glance for the designed run: does the initialisation give every target piece two neurons (for sure, or
 * with which probability), the loss floor, the tightest spacing and the smallest jump. Recomputed only when the
 * inputs these depend on change, not on every keystroke elsewhere in the form: the exact probability at large m
 * costs a few hundred milliseconds.
 */
import { computed, type Ref } from 'vue';
import type { RunConfig } from '#shared/config/schema';
import { initCheck } from '#shared/theory/initCheck';
import { targetFacts } from '#shared/theory/targetFacts';

export function useDesignerTheory(config: Ref<RunConfig | null>) {
  /** The first configuration seen with the current theory inputs: the same object while only other fields change. */
  let cached: { key: string; config: RunConfig } | null = null;
  const relevant = computed(() => {
    const c = config.value;
    if (!c) return null;
    const key = JSON.stringify([c.trainer, c.target, c.network, c.seed, c.rng]);
    if (cached?.key !== key) cached = { key, config: c };
    return cached.config;
  });
  return computed(() => {
    const c = relevant.value;
    if (!c) return null;
    return {
      init: initCheck(c),
      facts: c.trainer === 'full-batch' ? null : targetFacts(c.target, c.network.eta),
      m: c.network.m,
      positions: c.network.positions.kind,
    };
  });
}
