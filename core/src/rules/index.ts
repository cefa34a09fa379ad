import { rule as hardcodedSecret } from './config/hardcoded-secret';
import { rule as missingSigtermHandler } from './disposability/missing-sigterm-handler';
import { rule as fileLogging } from './logs/file-logging';
import { rule as inMemorySession } from './processes/in-memory-session';
import type { Rule } from './types';

/**
 * Every rule, listed by hand (ESLint's lib/rules/index.js): a rule that is not here does not run, and the
 * structure test fails when a rule file, its docs page or its tests are missing.
 */
export const rules: readonly Rule[] = [hardcodedSecret, missingSigtermHandler, fileLogging, inMemorySession];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
