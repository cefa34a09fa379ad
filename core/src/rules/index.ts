import { rule as migrationsAtStartup } from './admin-processes/migrations-at-startup';
import { rule as hardcodedServiceUrl } from './backing-services/hardcoded-service-url';
import { rule as runtimeInstall } from './build-release-run/runtime-install';
import { rule as pidFile } from './concurrency/pid-file';
import { rule as envFileCommitted } from './config/env-file-committed';
import { rule as hardcodedSecret } from './config/hardcoded-secret';
import { rule as missingLockfile } from './dependencies/missing-lockfile';
import { rule as undeclaredDependency } from './dependencies/undeclared-dependency';
import { rule as databaseEngineMismatch } from './dev-prod-parity/database-engine-mismatch';
import { rule as importTimeWork } from './disposability/import-time-work';
import { rule as missingSigtermHandler } from './disposability/missing-sigterm-handler';
import { rule as envDuplicateKey } from './env/duplicate-key';
import { rule as envInvalidSchema } from './env/invalid-schema';
import { rule as envInvalidValue } from './env/invalid-value';
import { rule as envMissingRequired } from './env/missing-required';
import { rule as envSyntax } from './env/syntax';
import { rule as envUndeclaredUsage } from './env/undeclared-usage';
import { rule as envUnknownKey } from './env/unknown-key';
import { rule as envUnorderedKey } from './env/unordered-key';
import { rule as envUnusedDeclaration } from './env/unused-declaration';
import { rule as fileLogging } from './logs/file-logging';
import { rule as hardcodedPort } from './port-binding/hardcoded-port';
import { rule as inMemorySession } from './processes/in-memory-session';
import { rule as localUploads } from './processes/local-uploads';
import type { Rule } from './types';

/**
 * Every rule, listed by hand (ESLint's lib/rules/index.js): a rule that is not here does not run, and the
 * structure test fails when a rule file, its docs page or its tests are missing.
 */
export const rules: readonly Rule[] = [
  hardcodedSecret, missingSigtermHandler, fileLogging, inMemorySession,
  envSyntax, envDuplicateKey, envUnorderedKey, envMissingRequired, envUnknownKey, envInvalidValue, envInvalidSchema,
  envUndeclaredUsage, envUnusedDeclaration,
  undeclaredDependency, missingLockfile, envFileCommitted, hardcodedServiceUrl, runtimeInstall, localUploads, hardcodedPort, pidFile,
  importTimeWork, databaseEngineMismatch, migrationsAtStartup,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
