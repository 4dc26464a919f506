/**
 * What a --config file leaves to the defaults. A file of only {"trainer":"sgd"} is a valid configuration that runs
 * the paper's full 175,000,000-step experiment; the user is told so before the run starts rather than after.
 */
import { runConfigSchema, totalSteps, type RunConfig } from '#shared/config/schema';
import { formatCount } from '#shared/base/format';
import { sectionsRead } from '#shared/config/sections';

/** The top-level sections the run reads that `raw` does not set, in schema order (a section another trainer reads changes nothing worth telling). */
export function defaultedSections(raw: unknown, config: RunConfig): string[] {
  const given = raw !== null && typeof raw === 'object' ? Object.keys(raw) : [];
  const read = sectionsRead(config);
  return Object.keys(runConfigSchema.shape).filter((key) => read.includes(key) && !given.includes(key));
}

/** One line naming the defaulted sections and the length of the run they give, or null when the file sets everything. */
export function describeDefaults(file: string, raw: unknown, config: RunConfig): string | null {
  const sections = defaultedSections(raw, config);
  if (sections.length === 0) return null;
  return `--config: ${file} does not set ${sections.join(', ')}; using the defaults, which give ${formatCount(totalSteps(config))} steps (set them in the file, or with --set)`;
}
