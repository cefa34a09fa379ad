import type { Finding } from '../types';
import { relativePath } from './json';

/**
 * A baseline: the findings a project accepted on the day it adopted the tool, so CI reports only new
 * ones (gitleaks' and detect-secrets' baselines). Each entry is the rule id, the file relative to the scan
 * root and the engine's fingerprint — a hash of the rule, the file and what was found (a variable's name,
 * a provider, a logger's target), never the secret, and never a line number or a line ending, so moving
 * code, a merge or a checkout on another OS keeps every entry matching. The file is JSON with one entry
 * per line, sorted, so a review or a merge sees one line per accepted finding.
 */

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  /** Relative to the scan root, forward slashes. */
  file: string;
  fingerprint: string;
}

export interface Baseline {
  entries: BaselineEntry[];
}

export class BaselineError extends Error {}

const key = (e: BaselineEntry) => `${e.ruleId}\u0000${e.file}\u0000${e.fingerprint}`;

/** Code-unit order, not locale order: the file must not change with the machine it was written on. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}

/** The baseline of a set of findings: one entry each, sorted by file, rule and fingerprint, duplicates dropped. */
export function baselineOf(root: string, findings: readonly Finding[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const entry = { ruleId: f.ruleId, file: relativePath(root, f.file), fingerprint: f.fingerprint };
    byKey.set(key(entry), entry);
  }
  return { entries: [...byKey.values()].sort(compareEntries) };
}

/** JSON with one entry per line, ending with a newline. Only the three keys: nothing else of a finding is written. */
export function formatBaseline(baseline: Baseline): string {
  const lines = [...baseline.entries]
    .sort(compareEntries)
    .map((e) => `    ${JSON.stringify({ ruleId: e.ruleId, file: e.file, fingerprint: e.fingerprint })}`);
  const body = lines.length > 0 ? `[\n${lines.join(',\n')}\n  ]` : '[]';
  return `{\n  "tool": "twelve-factor",\n  "version": ${BASELINE_VERSION},\n  "findings": ${body}\n}\n`;
}

/** Reads a baseline file's text. Throws BaselineError (with why) on anything but a well-formed baseline. */
export function parseBaseline(text: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(value) || !Array.isArray(value.findings)) throw new BaselineError('expected an object with a "findings" array');
  if (value.version !== undefined && value.version !== BASELINE_VERSION) {
    throw new BaselineError(`version ${JSON.stringify(value.version)} is not supported (this tool reads version ${BASELINE_VERSION})`);
  }
  const entries: BaselineEntry[] = [];
  value.findings.forEach((e: unknown, i: number) => {
    if (!isObject(e) || typeof e.ruleId !== 'string' || typeof e.file !== 'string' || typeof e.fingerprint !== 'string') {
      throw new BaselineError(`findings[${i}] needs string "ruleId", "file" and "fingerprint"`);
    }
    // Paths written on Windows by hand may use backslashes; entries the tool writes never do.
    entries.push({ ruleId: e.ruleId, file: e.file.replace(/\\/g, '/'), fingerprint: e.fingerprint });
  });
  return { entries };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Splits findings into those the baseline does not hold (reported) and a count of those it does. */
export function applyBaseline<F extends Finding>(root: string, findings: readonly F[], baseline: Baseline): { kept: F[]; matched: number } {
  const known = new Set(baseline.entries.map(key));
  const kept: F[] = [];
  let matched = 0;
  for (const f of findings) {
    if (known.has(key({ ruleId: f.ruleId, file: relativePath(root, f.file), fingerprint: f.fingerprint }))) matched++;
    else kept.push(f);
  }
  return { kept, matched };
}
