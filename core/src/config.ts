import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Range, SeveritySetting } from './types';
import { compileUserPattern, type UserPattern } from './userPattern';

/** The project's settings, merged from `.twelve-factor.yaml` and (in the editor) the user's settings. */
export interface ResolvedConfig {
  /** Per-rule severity; a rule not listed keeps its default. */
  rules: Record<string, SeveritySetting>;
  /** Globs (relative to the config's folder) of files nothing is reported in. */
  ignore: string[];
  /**
   * Findings in test code (see `isTestFile`) are reported at this severity, never above the rule's own; `off`
   * (the default) leaves test code alone. A finding that is a leak wherever it sits (a provider key in a
   * test) keeps the rule's severity.
   */
  testFiles: { severity: SeveritySetting };
  secrets: {
    /** Regular expressions (run on RE2, linear time: they come from the repository): a secret matching one is not reported. */
    allowValues: UserPattern[];
    /** Globs of files in which no secret is reported. */
    allowPaths: string[];
    /** Judge test code like any other code: passwords and tokens found by their name are reported there too. */
    reportInTests: boolean;
    /**
     * Report a literal found only by the name it is kept under (`password = 'hunter2'` in ordinary code) at the
     * rule's severity. By default such a finding is information unless a second signal backs it: a generated-
     * looking value, or configuration a deployment runs with (secrets/evidence.ts).
     */
    reportByNameAlone: boolean;
  };
}

export const CONFIG_FILE_NAME = '.twelve-factor.yaml';

export function defaultConfig(): ResolvedConfig {
  return { rules: {}, ignore: [], testFiles: { severity: 'off' }, secrets: { allowValues: [], allowPaths: [], reportInTests: false, reportByNameAlone: false } };
}

export interface ConfigProblem {
  message: string;
  range: Range;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Reads `.twelve-factor.yaml`. Never throws: a broken file gives problems (shown on the file itself, and by
 * the CLI as a usage error) and whatever could be read, on top of the defaults.
 */
export function parseConfig(text: string): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const rangeOf = (node: Node | null | undefined): Range => {
    const [start, end] = node?.range ?? [0, 0];
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  // One clear problem: the first syntax error. The ones after it are usually echoes of it.
  for (const error of doc.errors.slice(0, 1)) {
    const s = lineCounter.linePos(error.pos[0]);
    const e = lineCounter.linePos(error.pos[1]);
    problems.push({
      message: `Invalid YAML: ${error.message.split('\n')[0]}`,
      range: { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } },
    });
  }
  if (doc.errors.length > 0 || doc.contents === null) return { config, problems };
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push({ message: 'The configuration must be a mapping (rules, ignore, testFiles, secrets).', range: rangeOf(root) });
    return { config, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case 'rules':
        if (!isMap(value)) { problems.push({ message: '`rules` must map rule ids to error, warning, info, hint or off.', range: rangeOf(value) }); break; }
        for (const rule of value.items) {
          const id = isScalar(rule.key) ? String(rule.key.value) : '';
          const sev = isScalar(rule.value) ? String(rule.value.value) : '';
          if (!SEVERITIES.has(sev)) problems.push({ message: `Severity of ${id} must be error, warning, info, hint or off.`, range: rangeOf(rule.value as Node) });
          else config.rules[id] = sev as SeveritySetting;
        }
        break;
      case 'ignore':
        config.ignore = stringList(value, '`ignore` must be a list of globs.', problems, rangeOf);
        break;
      case 'testFiles': {
        const sev = isMap(value) ? value.get('severity') : undefined;
        if (typeof sev === 'string' && SEVERITIES.has(sev)) config.testFiles.severity = sev as SeveritySetting;
        else problems.push({ message: '`testFiles.severity` must be error, warning, info, hint or off.', range: rangeOf(value) });
        break;
      }
      case 'secrets': {
        if (!isMap(value)) { problems.push({ message: '`secrets` must be a mapping with `allowlist`, `reportInTests` or `reportByNameAlone`.', range: rangeOf(value) }); break; }
        if (value.has('reportInTests')) {
          const report = value.get('reportInTests');
          if (typeof report === 'boolean') config.secrets.reportInTests = report;
          else problems.push({ message: '`secrets.reportInTests` must be true or false.', range: rangeOf(value.get('reportInTests', true) as Node) });
        }
        if (value.has('reportByNameAlone')) {
          const report = value.get('reportByNameAlone');
          if (typeof report === 'boolean') config.secrets.reportByNameAlone = report;
          else problems.push({ message: '`secrets.reportByNameAlone` must be true or false.', range: rangeOf(value.get('reportByNameAlone', true) as Node) });
        }
        if (!value.has('allowlist')) break;
        const allow = value.get('allowlist', true) as Node | undefined;
        if (!isMap(allow)) { problems.push({ message: '`secrets.allowlist` must be a mapping with `values` and `paths`.', range: rangeOf(allow ?? value) }); break; }
        const values = allow.get('values', true) as Node | null;
        const sources = stringList(values, '`secrets.allowlist.values` must be a list of regular expressions.', problems, rangeOf);
        sources.forEach((source, i) => {
          const compiled = compileUserPattern(source);
          // The problem points at the item itself, so the editor underlines the pattern at fault.
          if ('error' in compiled) problems.push({ message: `Invalid regular expression ${JSON.stringify(source.slice(0, 100))}: ${compiled.error}.`, range: rangeOf(isSeq(values) ? (values.items[i] as Node) : values) });
          else config.secrets.allowValues.push(compiled.pattern);
        });
        config.secrets.allowPaths = stringList(allow.get('paths', true) as Node | null, '`secrets.allowlist.paths` must be a list of globs.', problems, rangeOf);
        break;
      }
      default:
        problems.push({ message: `Unknown setting \`${key}\` (expected rules, ignore, testFiles or secrets).`, range: rangeOf(pair.key as Node) });
    }
  }
  return { config, problems };
}

function stringList(node: Node | null | undefined, message: string, problems: ConfigProblem[], rangeOf: (n: Node | null | undefined) => Range): string[] {
  if (node === null || node === undefined) return [];
  if (!isSeq(node) || !node.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
    problems.push({ message, range: rangeOf(node) });
    return [];
  }
  return node.items.map((i) => String((i as { value: unknown }).value));
}

/** What the editor's settings may override: every part optional, down to each secret setting. */
export type ConfigOverride = Partial<Omit<ResolvedConfig, 'secrets'>> & { secrets?: Partial<ResolvedConfig['secrets']> };

/** Settings win over the file, key by key (the editor's per-user override). */
export function mergeConfig(base: ResolvedConfig, override: ConfigOverride): ResolvedConfig {
  return {
    rules: { ...base.rules, ...(override.rules ?? {}) },
    ignore: [...base.ignore, ...(override.ignore ?? [])],
    testFiles: { ...base.testFiles, ...(override.testFiles ?? {}) },
    secrets: {
      allowValues: [...base.secrets.allowValues, ...(override.secrets?.allowValues ?? [])],
      allowPaths: [...base.secrets.allowPaths, ...(override.secrets?.allowPaths ?? [])],
      reportInTests: override.secrets?.reportInTests ?? base.secrets.reportInTests,
      reportByNameAlone: override.secrets?.reportByNameAlone ?? base.secrets.reportByNameAlone,
    },
  };
}

/** A matcher for globs relative to a root; `dot: true` so `.env` files are matched like any other. */
export function globMatcher(globs: string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const isMatch = picomatch(globs, { dot: true });
  return (relativePath) => isMatch(relativePath.replace(/\\/g, '/'));
}
