import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText, type TextOptions } from './text';
import type { ScanResult } from './types';

/**
 * One entry point for every report format, so the CLI (`--format`) and the editor's export command pick
 * a format by name and never reach into the formatters.
 */

export type ReportFormat = 'text' | 'json' | 'sarif';

/** The values `--format` accepts, in the order help text lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** Options only the text format reads; JSON and SARIF are for machines and never coloured or abridged. */
export type ReportOptions = TextOptions;

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The report as the text to write, ending with a newline. */
export function formatReport(result: ScanResult, format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(result, options);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result);
  }
}

export type { ScanResult } from './types';
export { toJsonReport, type JsonReport, type ReportFinding, type ReportSummary } from './json';
export { toSarif, type SarifLog } from './sarif';
export type { TextOptions } from './text';
