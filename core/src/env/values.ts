import { dotenvParse } from '../lazyModules';
import { scanEnv, type EnvDocument, type EnvEntry } from './scan';

/**
 * Values as dotenv reads them, for the entries the scanner found. dotenv is asked about one entry's own
 * text at a time, never the whole file: its expression is quadratic on runs of blank lines.
 */

/** The value dotenv loads for this entry, read by dotenv itself from the entry's text. Undefined for lines dotenv skips. */
export function valueOf(doc: EnvDocument, entry: EnvEntry): string | undefined {
  if (!entry.loaded) return undefined;
  try {
    const parsed = dotenvParse(doc.text.slice(entry.contentStart, entry.end)) as Record<string, string>;
    return Object.prototype.hasOwnProperty.call(parsed, entry.key) ? parsed[entry.key] : '';
  } catch {
    return undefined;
  }
}

/** What dotenv reads from one `KEY=value` line, to check that a fix keeps the value. */
export function dotenvValue(key: string, rawValue: string): string | undefined {
  try {
    return (dotenvParse(`${key}=${rawValue}`) as Record<string, string>)[key];
  } catch {
    return undefined;
  }
}

/** The entry dotenv ends up with for each key (the last one that it reads). */
export function effectiveEntries(doc: EnvDocument): Map<string, EnvEntry> {
  const map = new Map<string, EnvEntry>();
  for (const e of doc.entries) if (e.loaded) map.set(e.key, e);
  return map;
}

/** One scan per file version (the context object), shared by every env rule that reads it. */
const cache = new WeakMap<object, EnvDocument>();
export function envDocumentOf(context: { readonly text: string }): EnvDocument {
  let doc = cache.get(context);
  if (!doc) {
    doc = scanEnv(context.text);
    cache.set(context, doc);
  }
  return doc;
}
