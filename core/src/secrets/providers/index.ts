import type { SecretProvider } from '../provider';
import { ai } from './ai';
import { chat } from './chat';
import { cloud } from './cloud';
import { connectionStrings } from './connection-strings';
import { devtools } from './devtools';
import { generic } from './generic';
import { hosting } from './hosting';
import { infra } from './infra';
import { keys } from './keys';
import { messaging } from './messaging';
import { observability } from './observability';
import { payments } from './payments';
import { saas } from './saas';
import { social } from './social';
import { vcs } from './vcs';

/**
 * Every provider pattern, grouped by domain in the files of this folder (shared helpers in util.ts).
 * Ids are unique across files; test/unit/providers.test.ts runs every provider's examples.
 */
export const providers: readonly SecretProvider[] = [
  ...cloud,
  ...hosting,
  ...infra,
  ...vcs,
  ...chat,
  ...messaging,
  ...payments,
  ...ai,
  ...devtools,
  ...saas,
  ...observability,
  ...social,
  ...keys,
  ...connectionStrings,
  ...generic,
];
