/**
 * "Run on a cluster…": Slurm options for the designed sweep, checked with the shared schema, the commands to run on
 * the login node, and the hand-off zip (the sweep and a README) downloaded in both the desktop app and the browser.
 */
import { strToU8, zipSync } from 'fflate';
import { computed, reactive, type Ref } from 'vue';
import { clusterHandoff, planFolderName } from '#shared/cluster/handoff';
import { slurmOptionsSchema, type SlurmOptions } from '#shared/cluster/plan';
import type { SweepSpec } from '#shared/config/schema';
import { saveFile } from '../lib/download';

/** The form's fields as typed (text inputs), named like the command-line flags. */
export interface ClusterDraft {
  tasks: string;
  cpusPerTask: string;
  maxParallel: string;
  partition: string;
  time: string;
  mem: string;
}

const FLAGS: Record<keyof ClusterDraft, string> = {
  tasks: '--tasks',
  cpusPerTask: '--cpus-per-task',
  maxParallel: '--max-parallel',
  partition: '--partition',
  time: '--time',
  mem: '--mem',
};

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
const word = (text: string) => (text.trim() === '' ? undefined : text.trim());

export function useClusterPlan(sweep: Ref<SweepSpec | null>, points: Ref<number>) {
  const draft = reactive<ClusterDraft>({
    tasks: '10',
    cpusPerTask: '1',
    maxParallel: '',
    partition: '',
    time: '',
    mem: '',
  });

  /** The Slurm options, or the first problem naming its flag. */
  const options = computed<{ slurm: SlurmOptions } | { error: string }>(() => {
    const parsed = slurmOptionsSchema.safeParse({
      tasks: number(draft.tasks),
      cpusPerTask: number(draft.cpusPerTask),
      maxParallel: number(draft.maxParallel),
      partition: word(draft.partition),
      time: word(draft.time),
      mem: word(draft.mem),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `${FLAGS[issue.path[0] as keyof ClusterDraft] ?? issue.path.join('.')}: ${issue.message}` };
    }
    if (parsed.data.tasks > points.value) return { error: `--tasks: at most ${points.value}, the number of runs` };
    return { slurm: parsed.data };
  });

  const handoff = computed(() =>
    sweep.value && 'slurm' in options.value ? clusterHandoff(sweep.value, options.value.slurm, points.value) : null,
  );

  function download(): void {
    if (!handoff.value || !sweep.value) return;
    const folder = planFolderName(sweep.value.name);
    const files = Object.fromEntries(
      Object.entries(handoff.value.files).map(([name, text]) => [`${folder}/${name}`, strToU8(text)]),
    );
    saveFile(zipSync(files), `${folder}.zip`);
  }

  return { draft, options, handoff, download };
}
