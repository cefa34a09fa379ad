import { SCAFFOLD_CATALOG } from './catalog';
import { compose } from './compose';
import { configModule } from './config-module';
import { dockerfile } from './dockerfile';
import { envExample, envSchema } from './env-files';
import { gracefulShutdown } from './graceful-shutdown';
import { healthCheck } from './health-check';
import { logger } from './logger';
import { procfile } from './procfile';
import { byLanguage } from './lang/dispatch';
import type { ProjectInfo, ScaffoldId, ScaffoldPlan } from './types';

export interface Scaffold {
  id: ScaffoldId;
  /** The command title after `Twelve-Factor: ` (PRODUCT.md). */
  title: string;
  generate(project: ProjectInfo): ScaffoldPlan;
}

const GENERATORS: Record<ScaffoldId, (project: ProjectInfo) => ScaffoldPlan> = {
  configModule, gracefulShutdown, envExample, envSchema, procfile, dockerfile, compose, logger, healthCheck,
};

/** Every scaffold, in the order of PRODUCT.md's command table. */
export const SCAFFOLDS: readonly Scaffold[] = SCAFFOLD_CATALOG.map(({ id, title }) => ({ id, title, generate: byLanguage(id, GENERATORS[id]) }));

export function scaffoldById(id: string): Scaffold | undefined {
  return SCAFFOLDS.find((s) => s.id === id);
}

export { SCAFFOLD_CATALOG, scaffoldCommandId } from './catalog';
export { detectProject } from './project';
export { listFiles, mapScaffoldFs, nodeScaffoldFs, type ScaffoldFs } from './fs';
export { applyTextEdits, mergeMissingKeys, type MergeResult, type TextEdit } from './merge';
export type * from './types';
