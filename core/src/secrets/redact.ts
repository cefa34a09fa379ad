/**
 * The only form in which a secret leaves the engine: its first four characters and its length, so a user
 * can tell which key is meant and nobody reading a log, a report or a screenshot learns it.
 */
export function redact(secret: string): string {
  const shown = secret.length > 12 ? secret.slice(0, 4) : secret.length > 6 ? secret.slice(0, 2) : '';
  return `${shown}…, ${secret.length} chars`;
}
