/**
 * What the files saved from a screen are named after (the run, the comparison, the sweep): a view provides it, the
 * charts inside it read it. Charts outside any such view are named after the lab.
 */
import { inject, provide, type InjectionKey } from 'vue';

const stemKey: InjectionKey<() => string> = Symbol('file-stem');

export function provideFileStem(stem: () => string): void {
  provide(stemKey, stem);
}

export function useFileStem(): () => string {
  return inject(stemKey, () => 'ttlab');
}
