import ts = require('typescript');
import type { FileContext } from '../../context';
import type { MoveToEnvFix } from '../../fixes/types';
import type { LanguageSecretCandidate } from './hardcoded-secret-candidates';
import { envFallbackOf } from '../../js/envReads';
import { listenSites } from '../../js/servers';
import { inNonProductionBranch } from '../../js/environmentBranch';
import { findJsSecrets, isCheckedOnly, JS_CONTEXT_CANDIDATE, type JsSecret } from '../../secrets/js';
import { isSigningSecretName, toEnvName } from '../../secrets/names';
import { redact } from '../../secrets/redact';
import { findProviderSecrets, type ProviderMatch } from '../../secrets/scan';
import { findLineSecrets, findYamlSecrets, isSigningKeyId, KEYED_CANDIDATE, SHELL_COMMAND_CANDIDATE, type KeyedSecret } from '../../secrets/structured';
import { inComment, introducedAsExample, isApiDescription, isApiSampleFile, isCopiedIntoPlace, isDocumentation, isFixturePath, isSavedWebPage, isShowcase, isTranslationFile, toldToUseOwnValue } from '../../secrets/documents';
import { isExpiredJwt } from '../../secrets/jwt';
import { connectionReach } from '../../secrets/connectionHost';
import { findNameValueSecrets, kubernetesSecretData, type NamedValue } from '../../secrets/nameValue';
import { findSqlPasswords, SQL_CANDIDATE_LINES } from '../../secrets/sql';
import { valuesReplacedByScripts } from '../../secrets/replacedByScripts';
import { isTemplateCatalogEntry } from '../../secrets/catalog';
import { isWellKnownCredential } from '../../secrets/wellKnown';
import { isLocalStackFile } from '../../secrets/localStack';
import { COMPOSE_FILE, interpolationCandidates } from './hardcoded-secret-interpolation';
import { composeEnvFiles } from '../../workspace/compose';
import { lazyProductWords } from '../../workspace/productNames';
import { isCodeWord, isLabelPhrase, isSecretDefault, isSentence, isSecretValue, isSigningSecretValue, isSigningSinkValue, isTypeName, isUsedSecretValue, isWordPhrase, looksRandom } from '../../secrets/value';
import type { Report, Rule, RuleMeta } from '../types';
import { textGatesOn } from '../../keywords';
import type { FileKind } from '../../types';
import { goProviderFix, goSecretCandidates } from './hardcoded-secret-go';
import { inDocstring, isDjangoManagePy } from '../../python/blocks';
import { pythonSecretCandidates } from './hardcoded-secret-python';
import { isDescribedAsSigningKey, isDisclaimed, isMarkedNotForProduction } from '../../secrets/disclaimers';
import { VerdictMemo } from './hardcoded-secret-verdicts';
import { hasSecondSignal } from '../../secrets/evidence';
import { isClientCredentialPair, isFirebaseClientKey, isYouTubeWebClientKey } from '../../secrets/publicKeys';
import { shipsInNativeApp } from '../../workspace/nativeApps';
import { isFormatSample, isJsApiExample, isKeyedExample } from '../../secrets/samples';

export const meta: RuleMeta = {
  id: 'config/hardcoded-secret',
  defaultSeverity: 'error',
  description: 'Credentials belong in the environment, not in code or committed config.',
  messages: {
    provider: 'Hardcoded {provider} ({redacted}). Move it to an environment variable.',
    named: 'Hardcoded secret in `{name}` ({redacted}). Read it from the environment.',
    fallback: '`{name}` falls back to a hardcoded secret ({redacted}). Set the variable instead of a default.',
    sink: 'Hardcoded secret passed to {name} ({redacted}). Read it from the environment.',
  },
  fixable: true,
  reportsSecrets: true,
  readsMinified: true,
  sarif: { securitySeverity: '8.5', precision: 'high', tags: ['secrets', 'external/cwe/cwe-798'] },
  kinds: ['js', 'yaml', 'json', 'env', 'dockerfile', 'properties', 'shell', 'python', 'go', 'text'],
  keywords: [],
  leaksInTests: true,
};

/** Where a secret found by its position sits, and how the fix would replace it. */
interface Candidate extends LanguageSecretCandidate {
  /** Reaches only the developer's machine: reported one level below the rule's severity (two for a built-in default). */
  local?: boolean;
  /** Built-in defaults (`defaults:` of a shipped configuration) for the developer's machine: information. */
  localDefault?: boolean;
  /** The login a stand-in server in the same file accepts, or a development or test environment's value: judged like test code. */
  standIn?: boolean;
  /** A sample an API's documentation shows (`.example('…')`, `{ example: '…' }`): judged as an API description's. */
  example?: boolean;
  /** An OAuth client's secret beside its id (`{ id, secret }`): public by design in a native app's code. */
  clientPair?: boolean;
}

export function check(context: FileContext, report: (r: Report) => void): void {
  // A git-ignored `.env` is exactly where secrets belong.
  if (context.kind === 'env' && context.gitIgnored) return;
  const path = context.relativePath ?? context.path;
  // Example files and documentation show secrets: only values that look real are reported there.
  // A config template the Dockerfile or a package script copies into place is the config that runs.
  const showcase = (isShowcase(path) && !(context.host && isCopiedIntoPlace(context.host, context.path))) || isComposeEnvFile(context);
  // CI service containers, seeds, mocks, Django's `manage.py` (a developer's command), the entries of a catalog of
  // other products' app templates (secrets/catalog.ts), a local development or demo stack's files
  // (secrets/localStack.ts): fixtures, judged as test code.
  const fixture = isFixturePath(path) || (context.kind === 'python' && isDjangoManagePy(path, context.text)) || isTemplateCatalogEntry(context.host, context.path, context.kind)
    || isLocalStackFile(context.host, context.path);
  const apiDescription = isApiDescription(context.text, context.kind) || isApiSampleFile(path);
  // Example or demo code that calls an instance on the developer's machine (`API_URL = getenv("API_URL",
  // "http://127.0.0.1:8080")`) shows that local instance's login: a sample, reported as information. Code only:
  // a compose file's health check names localhost whatever its secrets are.
  const localSample = showcase && SAMPLE_CODE_KINDS.has(context.kind) && LOCAL_URL.test(context.text);
  // A password in a URL in a comment, a docstring or an example shows the format (`mongodb://sally:sallypass@…`).
  const documented = (at: number) => inComment(context.text, at) || (context.kind === 'python' && inDocstring(context.text, at));
  // A connection to a service of the project's compose file uses the password that file gives the container:
  // judged as the compose file is (eShopOnWeb's `appsettings.Docker.json`: `Server=sqlserver,1433;…`).
  const reach = (m: ProviderMatch) => connectionReach(context.text, m, context.host, context.host?.rootOf(context.path));
  let saved: boolean | undefined;
  const savedPage = () => (saved ??= isSavedWebPage(path, context.text));
  const providerMatches = findProviderSecrets(context.text, undefined, context.providerCandidates())
    // A published emulator key (Azurite's account key) opens only an emulator on the developer's machine.
    .filter((m) => !isWellKnownCredential(m.secret))
    .filter((m) => !m.provider.inUrl || !(showcase || documented(m.start)) || looksRandom(m.secret, 12))
    .filter((m) => reach(m) !== 'compose' || (looksRandom(m.secret) && !isWordPhrase(m.secret)))
    // In test code, a key its own comment calls made up (`secret: "whsec_…", // dummy secret`) is the test's
    // stand-in; elsewhere a provider's format is judged whatever the comment says.
    .filter((m) => !((context.isTestFile || fixture) && isDisclaimed(context.text, m.start, m.end)))
    // A page saved from another site as test data (a scraper's sample): its links carry what that site served to
    // every visitor (a media link's shared access signature), no credential of the project's.
    .filter((m) => !((context.isTestFile || fixture) && savedPage()));
  let candidates: Candidate[] = [];
  let parsed = true;
  try {
    // A minified bundle: names are mangled and nobody edits it; provider formats alone are judged, unfixed. So is a
    // file under a generator's banner (a parser's tables, protobuf code): its values are the generator's, not a
    // credential someone typed; a provider's key in it is still a leak.
    if (!context.generated && !context.generatedBanner) candidates = contextCandidates(context);
  } catch (error) {
    // The parser gave up (a stack overflow on pathological nesting): the provider matches still stand, and
    // the file is reported as not fully analysed, never as clean (issue 11).
    parsed = false;
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    context.incomplete ??= `not fully analysed: ${meta.id} could not read the syntax (${why}); only provider-format secrets were checked`;
  }
  candidates.push(...findSqlPasswords(context.text, () => context.lineLocal(SQL_CANDIDATE_LINES)).filter((p) => isSecretValue(p.value, 'password'))
    .map((p): Candidate => ({ messageId: 'named', name: p.name, value: p.value, start: p.start, end: p.end, backed: true })));
  if (context.kind !== 'js') candidates.push(...interpolationCandidates(context));
  // A translation file keeps the *word* for password under `password` (`"password": "Passwort"`), also in a
  // catalog object that holds the words for server and database too (`{ server: 'Servidor', password: 'Senha' }`),
  // which reads like a database client's options: no name or sink makes a word a secret there.
  if (isTranslationFile(path)) candidates = candidates.filter((c) => c.messageId !== 'named' && c.messageId !== 'sink');
  // A value its own line tells the reader to replace, or the comment above says is no secret (secrets/disclaimers.ts).
  candidates = candidates.filter((c) => !isDisclaimed(context.text, c.start, c.end) && !isWellKnownCredential(c.value));
  // A memorable phrase (leetspeak included) in an example or an OpenAPI sample is a sample to replace: a real secret is random.
  if (showcase || apiDescription) candidates = candidates.filter((c) => looksRandom(c.value) && !isWordPhrase(c.value));
  // A dev container's or an example's value whose comment above says not to use it in production is the sample's.
  if (showcase) candidates = candidates.filter((c) => !isMarkedNotForProduction(context.text, c.start));
  else candidates = candidates.filter((c) => !c.example || (looksRandom(c.value) && !isWordPhrase(c.value)));
  // Documentation that tells the reader to put in a value of their own ("substituting your own value for the
  // password") shows a sample, random-looking or not.
  if (showcase && isDocumentation(path)) candidates = candidates.filter((c) => !toldToUseOwnValue(context.text, c.start));
  // A token the project's install or entrypoint script replaces with a generated value (`sed s/<value>/$(…)/`).
  const root = candidates.some((c) => SCRIPT_TOKEN.test(c.value)) ? context.host?.rootOf(context.path) : undefined;
  if (root !== undefined && context.host) {
    const replaced = valuesReplacedByScripts(context.host, root);
    if (replaced.size > 0) candidates = candidates.filter((c) => !replaced.has(c.value));
  }

  // A literal found by its name alone needs a second signal to keep the rule's severity (secrets/evidence.ts).
  const nameOnly = (c: Candidate) => c.messageId === 'named' && !c.backed && !hasSecondSignal(c.value, path, context.kind, context.text);
  // An OAuth client's secret in code that ships inside a desktop or mobile app (a public client, RFC 8252) and starts
  // no server of its own: information, as a Firebase web key is.
  let native: boolean | undefined;
  const publicClient = (c: Candidate) => !!c.clientPair && (native ??= shipsInNativeApp(context.host, context.path) && listenSites(context.sourceFile).length === 0);
  const used = new Set<Candidate>();
  for (const match of providerMatches) {
    const overlapping = candidates.find((c) => c.start < match.end && match.start < c.end);
    if (overlapping) used.add(overlapping);
    // A documented example stays in the documentation: reading it from the environment fixes nothing. (Asked only of
    // a file whose syntax was read: a tree the parser gave up on is not asked for again.)
    const example = parsed && shownAsApiExample(context, match.start);
    report({
      messageId: 'provider',
      data: { provider: match.provider.name, redacted: redact(match.secret) },
      start: match.start,
      end: match.end,
      identity: `provider:${match.provider.id}`,
      // The fix reads the syntax tree too: without one (or in a minified bundle), the finding stands without a fix.
      fixes: parsed && !context.generated && !example ? optional(providerFix(context, match, overlapping)) : undefined,
      demote: providerDemotion(context, path, match, apiDescription || showcase, reach(match), parsed) ?? (example ? 2 : undefined),
      // A provider's own format is a live key wherever it sits; a JWT or a URL's password in a test is a fixture.
      leak: match.provider.shape !== 'generic',
      testCode: fixture || undefined,
    });
  }
  for (const c of candidates) {
    if (used.has(c)) continue;
    if (providerMatches.some((m) => m.start < c.end && c.start < m.end)) continue;
    report({
      messageId: c.messageId,
      data: { name: c.name, redacted: redact(c.value) },
      start: c.start,
      end: c.end,
      identity: `${c.messageId}:${c.name}`,
      fixes: c.example ? undefined : optional(c.fix),
      // An API description's example values (`x-examples`, `example:`) are samples for readers, as its JWTs are.
      demote: c.localDefault || apiDescription || c.example || localSample || publicClient(c) ? 2 : c.local ? 1 : undefined,
      testCode: fixture || c.standIn || undefined,
      nameOnly: nameOnly(c) || undefined,
    });
  }
}

const SAMPLE_CODE_KINDS = new Set<FileKind>(['js', 'python', 'go', 'shell', 'text']);
const LOCAL_URL = /\bhttps?:\/\/(?:localhost|127\.0\.0\.1)[:/"'`]/;

/**
 * A file the root compose files hand to a container (`env_file:`): part of the compose set-up. Not one named for
 * production (`.env.production`, `.env.prod`, `production.env`): that is the configuration the deployment runs with.
 */
function isComposeEnvFile(context: FileContext): boolean {
  if (PRODUCTION_ENV_FILE.test(context.path.replace(/\\/g, '/').split('/').pop() ?? '')) return false;
  const host = context.host;
  const root = context.kind === 'env' ? host?.rootOf(context.path) : undefined;
  return !!host && !!root && composeEnvFiles(host, root).has(context.path);
}

const PRODUCTION_ENV_FILE = /^(?:\.env[._-](?:prod|production)(?:[._-]\w+)?|(?:prod|production)\.env)$/i;

/**
 * A password to the developer's own machine is a warning (one level down); a key documentation introduces as an
 * example, a JWT in documentation or a comment (samples), an expired one and a Firebase app's web key: information
 * (two levels down).
 */
function providerDemotion(context: FileContext, path: string, match: ProviderMatch, shown: boolean, reach: string | undefined, parsed: boolean): number | undefined {
  // A connection string or a JWT kept under a name that calls it an example (`EXAMPLE_CONFIG_FILE = """{…}"""`, a
  // tool's sample printed for the user): information. A provider's own key format is judged wherever it sits.
  if (match.provider.shape === 'generic' && parsed && underSampleName(context, match.start)) return 2;
  // In an example file or documentation, a login to the developer's own machine is a sample: information. So is one
  // the code picks only outside production (the `else` of `NODE_ENV === 'production'`).
  if (reach === 'local' || reach === 'compose') return reach === 'local' && (shown || (parsed && developmentChoice(context, match.start))) ? 2 : 1;
  // A Firebase app's web key ships to every browser by design; Firebase still advises restricting it: information.
  if (match.provider.id === 'gcp-api-key' && isFirebaseClientKey(context.text, match.start, match.end, path)) return 2;
  // YouTube's web client key, which the youtube.com page hands every browser for its InnerTube API: information.
  if (match.provider.id === 'gcp-api-key' && isYouTubeWebClientKey(context.text, match.start)) return 2;
  if (shown && introducedAsExample(context.text, match.start)) return 2;
  if (match.provider.id === 'jwt' && (shown || inComment(context.text, match.start) || isExpiredJwt(match.secret))) return 2;
  return undefined;
}

// `EXAMPLE_CONFIG`, `sampleUrl`, `demo_dsn`: a name whose first word says the value is a sample.
const SAMPLE_NAME = /^(?:example|sample|demo)(?:[_A-Z]|$)/i;

/** The value at the offset is assigned to a name that calls it an example (a Python or JavaScript variable). */
function underSampleName(context: FileContext, offset: number): boolean {
  if (context.kind === 'python') {
    const a = context.python?.assignments.find((x) => x.value.start <= offset && offset < x.value.end);
    return a !== undefined && SAMPLE_NAME.test(a.path[a.path.length - 1] ?? '');
  }
  if (context.kind !== 'js' || context.generated) return false;
  const literal = literalAt(context.sourceFile, offset);
  const parent = literal?.parent;
  return !!parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && SAMPLE_NAME.test(parent.name.text);
}

/** A literal in JavaScript the code reaches only outside production (`js/environmentBranch.ts`). */
function developmentChoice(context: FileContext, offset: number): boolean {
  if (context.kind !== 'js' || context.generated) return false;
  const literal = literalAt(context.sourceFile, offset);
  return literal !== undefined && inNonProductionBranch(literal);
}

/** A provider's key given as an API's documented example (`.example('…')`, `"example": "…"`): a sample for readers. */
function shownAsApiExample(context: FileContext, offset: number): boolean {
  if (context.kind === 'yaml' || context.kind === 'json') return isKeyedExample(context.text, offset);
  if (context.kind !== 'js' || context.generated) return false;
  const literal = literalAt(context.sourceFile, offset);
  return literal !== undefined && isJsApiExample(literal);
}

const optional = <T>(value: T | undefined): T[] | undefined => (value === undefined ? undefined : [value]);

function contextCandidates(context: FileContext): Candidate[] {
  switch (context.kind) {
    case 'js': {
      // The text test is a prefilter like the engine's: `withoutTextGates` (the tests' full path) parses every file.
      if (textGatesOn() && !JS_CONTEXT_CANDIDATE.test(context.text)) return [];
      let serves: boolean | undefined;
      const servesItself = (): boolean => (serves ??= listenSites(context.sourceFile).length > 0);
      const product = lazyProductWords(context.host, context.path);
      return findJsSecrets(context.sourceFile).filter((s) => jsVerdicts.accepts(s, product)).map((s) => jsCandidate(context, s, servesItself));
    }
    case 'yaml':
    case 'json': {
      const secretManifest = context.kind === 'yaml' && KUBERNETES_SECRET.test(context.text);
      if (!KEYED_CANDIDATE.test(context.text) && !secretManifest) return [];
      if (nestedDeeperThan(context.text, 64)) {
        // Not parsed (seconds of YAML parsing on hostile input), and said so: never silently clean.
        context.incomplete ??= `not fully analysed: ${meta.id} does not parse ${context.kind.toUpperCase()} nested deeper than 64 levels; only provider-format secrets were checked`;
        return [];
      }
      const compose = COMPOSE_FILE.test(context.path);
      // A phrase counts where the comment above says it signs sessions (`# Secret for signing the session ID cookie`).
      // A signing key's weak or describing value (`SECRET_KEY: some_secret`) is the key the configuration runs with.
      const keyed = findYamlSecrets(context.yaml.docs, context.text)
        .filter((s) => acceptKeyed(s) || (isSigningSecretName(s.name) && isSigningSecretValue(s.value, s.name) && (!isCodeWord(s.value) || namesItsKind(s.value))) ||
          (isSecretValue(s.value, s.name, { spaces: true }) && isDescribedAsSigningKey(context.text, s.start)))
        .map((s) => keyedCandidate(s, compose));
      if (!secretManifest) return keyed;
      // A Secret's `data` is base64: judged decoded, never as the base64 text.
      const data = kubernetesSecretData(context.yaml.docs, context.text);
      return [...keyed.filter((c) => !data.covered.some(([s, e]) => s <= c.start && c.start < e)), ...data.secrets.map(namedCandidate)];
    }
    case 'python':
      return pythonSecretCandidates(context);
    case 'go':
      return goSecretCandidates(context);
    case 'env':
    case 'properties':
    case 'shell':
    case 'dockerfile':
      if (!KEYED_CANDIDATE.test(context.text) && !(context.kind === 'shell' && SHELL_COMMAND_CANDIDATE.test(context.text))) return [];
      return findLineSecrets(context.text, context.kind).filter((s) => acceptKeyed(s) && !isSigningKeyId(context.text, s.name, s.value)).map((s) => {
        const c = keyedCandidate(s, false);
        // A shell variable the same script hands a database client as its password (`mysql -p$DB_PASS`) is used as one.
        return context.kind === 'shell' && passedAsPassword(context.text, s.name) ? { ...c, backed: true } : c;
      });
    case 'text':
      // Java, C#, PHP, Ruby, XML configuration, Makefiles, Terraform, plain text: no fix (no one idiom for the read).
      if (!KEYED_CANDIDATE.test(context.text)) return [];
      return findNameValueSecrets(context.text, context.path).filter((s) => !isSigningKeyId(context.text, s.name, s.value)).map(namedCandidate);
    default:
      return [];
  }
}

/**
 * `mysql -p$DB_PASS`, `--password=$DB_PASS`, `--password "$DB_PASS"`, `PGPASSWORD=$DB_PASS psql`, `MYSQL_PWD=…`,
 * `sshpass -p "$PASS"`: the script gives the variable to a client as its password.
 */
function passedAsPassword(text: string, name: string): boolean {
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  return new RegExp(String.raw`(?:\s-p|--password[= ]|\bPGPASSWORD=|\bMYSQL_PWD=|\bsshpass\s+-p\s*)["']?\$\{?${name}\b`).test(text);
}

/** What `valuesReplacedByScripts` can hold: a plain token, no pattern characters. */
const SCRIPT_TOKEN = /^[A-Za-z0-9_.-]{6,64}$/;

const KUBERNETES_SECRET = /^kind:[ \t]*["']?Secret["']?[ \t]*$/m;

function namedCandidate(s: NamedValue): Candidate {
  return { messageId: 'named', name: s.name, value: s.value, start: s.start, end: s.end };
}

/**
 * Configuration nests a handful of levels; thousands of open brackets are generated or hostile input, on
 * which the YAML parser takes seconds. One pass, no allocation.
 */
function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

export const jsVerdicts = new VerdictMemo<JsSecret>(acceptJs); // a keystroke judges only literals not judged before
function acceptJs(s: JsSecret, product: () => ReadonlySet<string>): boolean {
  // A sink or a default is used as the secret whatever it looks like, a phrase or a weak word included
  // (`session({ secret: 'keyboard cat' })`, `process.env.JWT_SECRET || 'secret'`): only stand-ins are left out.
  if (s.kind === 'sink') return isSigningSink(s.envName) ? isSigningSinkValue(s.value, undefined, product) : isUsedSecretValue(s.value, undefined, product);
  // The default of a value the code was given is a label when it is a phrase of plain words (`ctx.apiKey ??
  // 'internal-agent'`), and a message when it is a sentence (`errors.otpToken || 'Invalid token. Try again.'`); an
  // environment read's default is judged whatever it is.
  if (s.kind === 'fallback') return isSecretDefault(s.name, s.value, product) && !(s.given && (isLabelPhrase(s.value) || isSentence(s.value)));
  // A code generator's `{ token: 'float64' }` is a type of the language it writes.
  if (isTypeName(s.value)) return false;
  // The key the app signs with, assigned as such: weak and describing words are the key every installation runs
  // with (`sessionSecret: 'session-secret'`, `auth: { secret: 'supersecret' }`). A code word only when it holds the
  // kind of secret (`'nodeauthsecret'`), not a status (`{ jwtToken: 'expired' }`).
  // A camelCase identifier (`'mirotalkRtmpSecret'`) reads as code, as under any other name.
  if (s.signing && isSigningSecretValue(s.value, s.name, product) && (!isCodeWord(s.value) || namesItsKind(s.value)) && !CAMEL_IDENTIFIER.test(s.value)) return true;
  // Code keeps codes under secret names (`errors.password = 'too_short'`, `{ token: 'expired' }`).
  if (isCodeWord(s.value)) return false;
  return isSecretValue(s.value, s.name);
}

const CAMEL_IDENTIFIER = /^[a-z]+(?:[A-Z][a-z]+)+$/;

/** A sink whose secret signs or encrypts (a session's, a JWT's, an HMAC's, a cipher's), by the variable it suggests. */
function isSigningSink(envName: string): boolean {
  return isSigningSecretName(envName) || envName === 'ENCRYPTION_KEY';
}

/** `nodeauthsecret`, `some_secret`, `supersecret`: a lower-case value that holds the kind of secret it is kept as. */
function namesItsKind(value: string): boolean {
  return /(?:secret|key|token|pass(?:word)?|pwd)(?:$|_)/.test(value) || /^(?:secret|key|token)/.test(value);
}

function acceptKeyed(s: KeyedSecret): boolean {
  return isSecretValue(s.value, s.name);
}

function keyedCandidate(s: KeyedSecret, compose: boolean): Candidate {
  // Compose interpolates `${NAME}` from the `.env` beside it, so the value can move there as it is. A whole
  // scalar becomes a quoted string (valid in block and flow style alike); a list item only when written plainly.
  const fix: MoveToEnvFix | undefined = compose && s.scalar
    ? { kind: 'move-to-env', start: s.scalar.start, end: s.scalar.end, replacement: (n) => `"\${${n}}"`, name: s.envName, value: s.value }
    : compose && s.plainItem ? { kind: 'move-to-env', start: s.start, end: s.end, replacement: (n) => `\${${n}}`, name: s.envName, value: s.value } : undefined;
  return { messageId: 'named', name: s.name, value: s.value, start: s.start, end: s.end, fix, local: s.local, localDefault: s.local && s.underDefaults, standIn: s.devOrTest, backed: s.underDefaults };
}

function jsCandidate(context: FileContext, s: JsSecret, servesItself: () => boolean): Candidate {
  // A login that only the file's own server checks (a stand-in MQTT or SMTP server to try a client against).
  const standIn = s.kind === 'named' && isCheckedOnly(s.literal) && servesItself();
  return { messageId: s.kind, name: s.name, value: s.value, start: s.start, end: s.end, fix: jsFix(context, s.literal, s.start, s.end, s.value, s.envName, s.dropFallback), local: s.local, standIn,
    example: isJsApiExample(s.literal) || isFormatSample(s.literal) || undefined, clientPair: (s.kind === 'named' && isClientCredentialPair(s.literal)) || undefined };
}

/** `process.env.NAME` in the literal's place; a partial secret makes the literal a template. */
function jsFix(context: FileContext, literal: ts.StringLiteralLike, start: number, end: number, value: string, name: string,
  dropFallback?: JsSecret['dropFallback']): MoveToEnvFix | undefined {
  const sf = context.sourceFile;
  if (dropFallback) {
    return { kind: 'move-to-env', start: dropFallback.start, end: dropFallback.end, replacement: () => dropFallback.text, name, value, fixedName: true };
  }
  const litStart = literal.getStart(sf);
  const litEnd = literal.getEnd();
  const closed = !(literal as { isUnterminated?: boolean }).isUnterminated;
  // A half-typed literal gets no fix: the replacement would swallow the rest of the line being typed.
  if (!closed) return undefined;
  const whole = start === litStart + 1 && end === litEnd - 1;
  const inJsxAttribute = ts.isJsxAttribute(literal.parent);
  if (whole) {
    return { kind: 'move-to-env', start: litStart, end: litEnd, replacement: (n) => (inJsxAttribute ? `{process.env.${n}}` : `process.env.${n}`), name, value };
  }
  const cooked = literal.text;
  const at = cooked.indexOf(value);
  if (at < 0 || inJsxAttribute) return undefined;
  // Template literals turn CR into LF: escape it, with backslashes, backticks and `${`.
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
  const before = escape(cooked.slice(0, at));
  const after = escape(cooked.slice(at + value.length));
  return { kind: 'move-to-env', start: litStart, end: litEnd, replacement: (n) => `\`${before}\${process.env.${n}}${after}\``, name, value };
}

function providerFix(context: FileContext, match: ProviderMatch, overlapping: Candidate | undefined): MoveToEnvFix | undefined {
  if (overlapping?.fix) {
    // The position named it (`const stripeKey = …`): keep that name unless it is only "password"/"key".
    // A sink (`new Stripe(…)`) names no variable: the provider's conventional name is better.
    const name = overlapping.messageId === 'fallback' || (overlapping.messageId === 'named' && /_/.test(overlapping.fix.name)) ? overlapping.fix.name : match.provider.envName;
    if (overlapping.start === match.start && overlapping.end === match.end) return { ...overlapping.fix, name, value: match.secret };
  }
  if (context.kind === 'go') return goProviderFix(context, match, match.provider);
  if (context.kind !== 'js') return undefined;
  const literal = literalAt(context.sourceFile, match.start);
  if (!literal) return undefined;
  // The default of an env read: the variable already stands for the whole literal, which goes with its `||`.
  const fallback = envFallbackOf(literal, context.sourceFile);
  if (fallback) {
    return { kind: 'move-to-env', start: fallback.start, end: fallback.end, replacement: () => fallback.text, name: fallback.name, value: literal.text, fixedName: true };
  }
  if (match.provider.movesWholeValue && /^[a-z][\w+.-]*:\/\//i.test(literal.text)) {
    // A connection string moves whole: the app should read DATABASE_URL, not assemble it around a password.
    const sf = context.sourceFile;
    return jsFix(context, literal, literal.getStart(sf) + 1, literal.getEnd() - 1, literal.text, urlVariableName(literal) ?? match.provider.envName);
  }
  return jsFix(context, literal, match.start, match.end, match.secret, match.provider.envName);
}

/** `const redisUrl = '…'` → `REDIS_URL`; names that say only "url" (`url`, `uri`) say too little. */
function urlVariableName(literal: ts.StringLiteralLike): string | undefined {
  const parent = literal.parent;
  const name = (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  if (!name || !/.(url|uri|dsn|connectionstring)$/i.test(name)) return undefined;
  const env = toEnvName(name);
  return env.includes('_') && !/^CONNECTION_STRING$/.test(env) ? env : undefined;
}

function literalAt(sf: ts.SourceFile, offset: number): ts.StringLiteralLike | undefined {
  let found: ts.StringLiteralLike | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(sf) || offset >= node.getEnd()) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export const rule: Rule = { meta, check };
