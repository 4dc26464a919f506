/** What every `--json` prints: the value as JSON indented by two spaces, and a newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
