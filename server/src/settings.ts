import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { readForFacts } from '../../core/src/safeFs';
import { CONFIG_FILE_NAME, defaultConfig, mergeConfig, parseConfig, type ConfigOverride, type ConfigProblem, type ResolvedConfig } from '../../core/src/config';
import type { SeveritySetting } from '../../core/src/types';

/** `twelveFactor.*` as the client sends it; every field optional, because users write settings by hand. */
export interface RawSettings {
  enable?: boolean;
  rules?: Record<string, SeveritySetting>;
  exclude?: string[];
  testFiles?: { severity?: SeveritySetting };
  secrets?: { reportInTests?: boolean; reportByNameAlone?: boolean };
}

export interface Settings {
  enable: boolean;
  config: ResolvedConfig;
  /** Problems in the folder's `.twelve-factor.yaml`, shown on that file. */
  configProblems: ConfigProblem[];
  configFile?: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Settings per resource, the vscode-eslint way: asked of the client with `workspace/configuration`, merged
 * with the folder's `.twelve-factor.yaml` and typed defaults, cached per URI, and dropped when either changes.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly fileConfigs = new Map<string, { config: ResolvedConfig; problems: ConfigProblem[] }>();

  constructor(private readonly connection: Connection, private readonly canAskClient: () => boolean) {}

  clear(): void {
    this.cache.clear();
    this.fileConfigs.clear();
  }

  /** A document closed: its settings are asked again if it reopens (one entry per URI would grow forever). */
  delete(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string, folder: string | undefined): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.load(uri, folder);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  private async load(uri: string, folder: string | undefined): Promise<Settings> {
    let raw: RawSettings = {};
    if (this.canAskClient()) {
      try {
        raw = ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'twelveFactor' })) as RawSettings | null) ?? {};
      } catch {
        raw = {};
      }
    }
    const fromFile = folder ? this.fileConfig(folder) : { config: defaultConfig(), problems: [] };
    const override: ConfigOverride = {};
    if (raw.rules && typeof raw.rules === 'object') {
      override.rules = Object.fromEntries(Object.entries(raw.rules).filter(([, v]) => SEVERITIES.has(v)));
    }
    if (Array.isArray(raw.exclude)) override.ignore = raw.exclude.filter((g) => typeof g === 'string');
    if (raw.testFiles?.severity && SEVERITIES.has(raw.testFiles.severity)) override.testFiles = { severity: raw.testFiles.severity };
    // Only a setting the user wrote overrides the file: VS Code sends the default (false) for an unset one,
    // so false is not an override of `reportInTests: true` in `.twelve-factor.yaml`.
    if (raw.secrets?.reportInTests === true) override.secrets = { reportInTests: true };
    if (raw.secrets?.reportByNameAlone === true) override.secrets = { ...override.secrets, reportByNameAlone: true };
    return {
      enable: raw.enable !== false,
      config: mergeConfig(fromFile.config, override),
      configProblems: fromFile.problems,
      configFile: folder ? path.join(folder, CONFIG_FILE_NAME) : undefined,
    };
  }

  private fileConfig(folder: string): { config: ResolvedConfig; problems: ConfigProblem[] } {
    let entry = this.fileConfigs.get(folder);
    if (!entry) {
      const file = path.join(folder, CONFIG_FILE_NAME);
      // Not followed outside the folder, never opened when it is a FIFO (core/src/safeFs.ts).
      const text = readForFacts(folder, file);
      const present = text !== undefined || fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
      // Present but unreadable is said on the file, never a silent default.
      const unreadable: ConfigProblem = { message: `Cannot read ${CONFIG_FILE_NAME} (not a regular file inside the folder, or no permission): the defaults apply.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
      entry = text !== undefined ? parseConfig(text) : { config: defaultConfig(), problems: present ? [unreadable] : [] };
      this.fileConfigs.set(folder, entry);
    }
    return entry;
  }
}
