/** `ttlab presets [--json]` */
import { presets } from '#shared/config/presets';
import { totalSteps } from '#shared/config/schema';
import { sweepSize } from '#shared/config/sweep';
import { parseFlags } from './args';
import { jsonText } from './jsonOutput';

export async function presetsCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { json: { type: 'boolean' } });
  if (values.json) {
    process.stdout.write(jsonText(presets));
    return 0;
  }
  for (const preset of presets) {
    const size =
      preset.kind === 'run'
        ? `${totalSteps(preset.config).toLocaleString('en')} steps`
        : `sweep of ${sweepSize(preset.sweep)} runs`;
    process.stdout.write(`${preset.name.padEnd(28)} ${size.padEnd(22)} ${preset.description}\n`);
  }
  return 0;
}
