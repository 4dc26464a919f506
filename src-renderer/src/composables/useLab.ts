/** The lab connection, installed once on the app (tests install a fake) and injected by every component. */
import { inject, type InjectionKey, type Plugin } from 'vue';
import type { LabConnection } from '../api/connect';

const labKey: InjectionKey<LabConnection> = Symbol('lab');

/** `createApp(App).use(labPlugin(lab))` makes `lab` what useLab() returns everywhere in the app. */
export function labPlugin(lab: LabConnection): Plugin {
  return { install: (app) => app.provide(labKey, lab) };
}

export function useLab(): LabConnection {
  const lab = inject(labKey);
  if (!lab) throw new Error('useLab() needs the app to use labPlugin(lab)');
  return lab;
}
