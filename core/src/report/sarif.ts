import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../rules/types';
import type { Severity } from '../types';
import { isAnalysisFailure } from '../engine';
import { compareFindings, reportFindings, skippedFiles, suppressedFindings, type ReportFinding } from './json';
import type { ScanResult } from './types';
import { docsUrl, factorOf } from '../rules/metadata';

/**
 * SARIF 2.1.0 for CI and GitHub code scanning: one run, the rules that ran as `tool.driver.rules`, one
 * physical location per result relative to `%SRCROOT%`, and a partial fingerprint that survives line moves.
 * No `region.snippet` and no artifact contents anywhere: the flagged line is the one holding the secret.
 */

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Our own fingerprint key; versioned so a future change of recipe does not match old alerts wrongly. */
export const FINGERPRINT_KEY = 'twelveFactor/v1';
const TOOL_NAME = 'twelve-factor';
const INFORMATION_URI = 'https://github.com/twelve-factor/vscode-twelve-factor';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** The subset of SARIF we write; @types/sarif is not a declared dependency, so we keep our own shapes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}

/** A file the run skipped or could not fully analyse: code scanning shows these as tool notifications. */
export interface SarifNotification {
  level: 'warning' | 'note';
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: SarifPhysicalLocation['artifactLocation'] } }>;
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: SarifNotification[] }>;
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

export interface SarifDriver {
  name: string;
  informationUri: string;
  version: string;
  semanticVersion?: string;
  rules: SarifRule[];
}

interface Text {
  text: string;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription?: Text;
  fullDescription?: Text;
  helpUri?: string;
  help?: Text & { markdown: string };
  defaultConfiguration?: { level: SarifLevel | 'none'; enabled?: boolean };
  properties?: { tags: string[]; precision?: Precision; 'security-severity'?: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: Text;
  locations: [{ physicalLocation: SarifPhysicalLocation }];
  partialFingerprints: Record<string, string>;
  /** Present on findings an inline directive silenced: code scanning shows them as suppressed, with the reason. */
  suppressions?: SarifSuppression[];
}

export interface SarifSuppression {
  kind: 'inSource';
  /** The text after ` -- ` in the directive, when one was written. */
  justification?: string;
  /** Which marker silenced it: `twelve-factor-disable-next-line`, `gitleaks:allow`, … */
  properties: { directive: string };
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

type Precision = 'very-high' | 'high' | 'medium' | 'low';

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'hint':
      return 'note';
  }
}

/** `config/hardcoded-secret` → `ConfigHardcodedSecret`: SARIF names are identifiers, ids are paths. */
export function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function ruleDescriptor(meta: RuleMeta): SarifRule {
  const { factor: n, name: factorName } = factorOf(meta.id);
  const docs = docsUrl(meta.id);
  const factor = `Factor ${ROMAN[n] ?? n} (${factorName})`;
  const tags = ['twelve-factor', `factor-${n}`, factorName.toLowerCase().replace(/\s+/g, '-')];
  // GitHub's `security-severity` (0.0–10.0; 7.0 and up is "high") ranks security alerts: only rules whose
  // findings expose credentials give one in their meta, and GitHub reads it only from rules tagged `security`.
  // Their CWE-798 tag (hard-coded credentials) groups our alerts with other tools' ones.
  const severity = meta.sarif?.securitySeverity;
  if (severity) tags.push('security');
  tags.push(...(meta.sarif?.tags ?? []));
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${factor} of the twelve-factor app.` },
    helpUri: docs,
    help: {
      text: `${meta.description}\n\n${factor} of the twelve-factor app. Documentation: ${docs}`,
      markdown: `${meta.description}\n\n**${factor}** of the [twelve-factor app](https://12factor.net/). See the [rule documentation](${docs}).`,
    },
    // An opt-in rule is off by default: SARIF says so with `enabled: false`.
    defaultConfiguration: meta.defaultSeverity === 'off' ? { level: 'none', enabled: false } : { level: sarifLevel(meta.defaultSeverity) },
    properties: {
      tags: [...new Set(tags)],
      precision: meta.sarif?.precision ?? 'high',
      ...(severity ? { 'security-severity': severity } : {}),
    },
  };
}

/** Rules in registry order, each once, plus a bare descriptor for any finding whose rule did not come along. */
function driverRules(result: ScanResult, findings: readonly ReportFinding[]): SarifRule[] {
  const rules: SarifRule[] = [];
  const seen = new Set<string>();
  for (const meta of result.rules) {
    if (seen.has(meta.id)) continue;
    seen.add(meta.id);
    rules.push(ruleDescriptor(meta));
  }
  for (const f of findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    rules.push({ id: f.ruleId, name: pascalCase(f.ruleId) });
  }
  return rules;
}

/** A relative path as a URI reference: each segment percent-encoded, so spaces, `#` and `%` survive. */
export function encodePath(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** The root as a file URL ending in `/`, as SARIF requires of a base URI that relative URIs resolve against. */
export function rootUri(root: string): string {
  const href = pathToFileURL(path.resolve(root)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Every skipped file, as a notification with its reason: a failed analysis is a warning, a deliberate skip a note. */
function notifications(result: ScanResult): { toolExecutionNotifications?: SarifNotification[] } {
  const skipped = skippedFiles(result);
  if (skipped.length === 0) return {};
  return {
    toolExecutionNotifications: skipped.map((s) => ({
      level: isAnalysisFailure(s.reason) ? 'warning' : 'note',
      message: { text: `Skipped ${s.file}: ${s.reason}.` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(result, { file: s.file }) } }],
    })),
  };
}

function artifactLocation(result: ScanResult, f: Pick<ReportFinding, 'file'>): SarifPhysicalLocation['artifactLocation'] {
  // A file outside the root (a path given on the command line) cannot be expressed against %SRCROOT%
  // without `..`, which code scanning rejects; an absolute URL is the honest answer there.
  if (f.file === '..' || f.file.startsWith('../') || path.isAbsolute(f.file) || path.win32.isAbsolute(f.file)) {
    return { uri: pathToFileURL(path.resolve(result.root, f.file)).href };
  }
  return { uri: encodePath(f.file), uriBaseId: SRCROOT };
}

function sarifResult(result: ScanResult, f: ReportFinding, ruleIndex: number): SarifResult {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(result, f),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.suppression ? { suppressions: [suppressionOf(f.suppression)] } : {}),
  };
}

/** The `-- reason` people wrote is the justification code scanning shows; the marker goes in the property bag. */
function suppressionOf(s: NonNullable<ReportFinding['suppression']>): SarifSuppression {
  return s.justification
    ? { kind: 'inSource', justification: s.justification, properties: { directive: s.directive } }
    : { kind: 'inSource', properties: { directive: s.directive } };
}

export function toSarif(result: ScanResult): SarifLog {
  // Suppressed results stay in the log, marked, so an audit sees every inline ignore and its reason.
  const findings = [...reportFindings(result), ...suppressedFindings(result)].sort(compareFindings);
  const rules = driverRules(result, findings);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const driver: SarifDriver = {
    name: TOOL_NAME,
    informationUri: INFORMATION_URI,
    version: result.version,
    ...(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(result.version) ? { semanticVersion: result.version } : {}),
    rules,
  };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [{ executionSuccessful: true, ...notifications(result) }],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => sarifResult(result, f, index.get(f.ruleId) ?? -1)),
      },
    ],
  };
}

export function formatSarif(result: ScanResult): string {
  return `${JSON.stringify(toSarif(result), null, 2)}\n`;
}
