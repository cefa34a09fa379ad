import type { FileContext } from '../../context';
import { inComment } from '../../secrets/documents';
import { findInterpolationDefaults } from '../../secrets/interpolationDefaults';
import { echoesAccount } from '../../secrets/structured';
import { isSecretDefault, looksRandom } from '../../secrets/value';
import { lazyProductWords } from '../../workspace/productNames';
import type { LanguageSecretCandidate } from './hardcoded-secret-candidates';

/** An environment variable's spelling (`DB_PASSWORD`). */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

export const COMPOSE_FILE = /(^|[\\/])(docker-)?compose[^\\/]*\.ya?ml$/i;

/**
 * `${DB_PASSWORD:-s3cret}` (compose, shell), Spring's `${DB_PASSWORD:s3cret}`: a default judged as an environment
 * read's default in code is. In a compose file the fix leaves `${DB_PASSWORD}`, which compose reads from the
 * `.env` beside it, and moves the value there.
 */
export function interpolationCandidates(context: FileContext): LanguageSecretCandidate[] {
  const compose = COMPOSE_FILE.test(context.path);
  const product = lazyProductWords(context.host, context.path);
  // A shell script's defaults are mostly a developer's: a local database's `${POSTGRES_PASSWORD:-postgres}`
  // (cnpmcore's test set-up). There only a random-looking default counts, as in an example file.
  const shell = context.kind === 'shell';
  // Go and Python expand no `${NAME:default}` themselves: in their source the shape is a template another tool
  // expands (a compose or shell text the program writes out), named for an environment variable. `${secret:key}`
  // there is the program's own reference syntax or a pattern matching it (flipt), and a comment is prose.
  const code = context.kind === 'go' || context.kind === 'python';
  const defaults = findInterpolationDefaults(context.text)
    .filter((d) => !code || (ENV_NAME.test(d.name) && !inComment(context.text, d.start)));
  // `${MYSQL_PASS:petclinic}` beside `${MYSQL_USER:petclinic}`: the documented default of a sample database.
  const others = defaults.map((d): [string, string] => [d.name, d.value]);
  return defaults.filter((d) => isSecretDefault(d.name, d.value, product) && (!shell || looksRandom(d.value)) && !echoesAccount(d.value, others)).map((d): LanguageSecretCandidate => ({
    messageId: 'fallback', name: d.name, value: d.value, start: d.start, end: d.end,
    fix: compose && /^[A-Za-z_]\w*$/.test(d.name)
      ? { kind: 'move-to-env', start: d.whole.start, end: d.whole.end, replacement: () => `\${${d.name}}`, name: d.name, value: d.value, fixedName: true }
      : undefined,
  }));
}
