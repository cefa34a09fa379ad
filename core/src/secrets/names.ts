import { publicNameOf } from './publicNames';

/**
 * Judging names: is `dbPassword` a place a secret is kept, is `passwordLabel` not, and what should the
 * environment variable be called when the secret moves out of the code.
 */

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `db.password` and `x-api-key` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const SENSITIVE_WORDS = new Set([
  'password', 'passwd', 'passphrase', 'pwd', 'pass', 'secret', 'secrets', 'token', 'tokens', 'credential',
  'credentials', 'apikey', 'apitoken', 'privatekey', 'secretkey', 'accesskey', 'authkey', 'authtoken',
]);

// Compounds that name a secret once the words are joined: `api_key`, `privateKey`, `SIGNING-KEY`.
const SENSITIVE_COMPOUNDS = /apikey|privatekey|accesskey|secretkey|signingkey|encryptionkey|masterkey|authkey|sessionkey|clientsecret|password|passphrase|accesstoken|refreshtoken|bearertoken|authtoken|webhooksecret/;

// A last word that says the value is *about* the secret, not the secret: `passwordLabel`, `tokenUrl`.
const DESCRIPTIVE_SUFFIXES = new Set([
  'name', 'names', 'field', 'fields', 'label', 'labels', 'header', 'param', 'params', 'path', 'paths', 'url', 'uri',
  'urls', 'endpoint', 'route', 'type', 'types', 'var', 'env', 'placeholder', 'pattern', 'regex', 'regexp', 'message',
  'msg', 'error', 'errors', 'id', 'ids', 'length', 'len', 'min', 'max', 'count', 'prefix', 'suffix', 'format', 'mode',
  'file', 'filename', 'filepath', 'dir', 'policy', 'strength', 'hint', 'help', 'text', 'title', 'description', 'desc',
  'cookie', 'column', 'selector', 'input', 'class', 'classname', 'icon', 'visible', 'visibility', 'enabled', 'required',
  'expiry', 'expires', 'expiration', 'ttl', 'timeout', 'algorithm', 'alg', 'version', 'provider', 'location', 'source',
  'method', 'scope', 'scopes', 'audience', 'issuer', 'lifetime', 'rotation', 'hash', 'hashed', 'digest', 'rounds',
  'reset', 'validation', 'rules', 'schema', 'key', 'keys', 'storage', 'attr', 'attribute', 'property', 'prop', 'kind',
  'status', 'state', 'usage', 'store', 'service', 'generator', 'validator', 'regex', 'template', 'event', 'events',
  'table', 'collection', 'char', 'chars', 'charset', 'encoding', 'size', 'bytes', 'bits', 'separator', 'delimiter',
  // Where a secret is kept or how it is handled, not the secret: `SECRET_MANAGER_PROJECT`, `PASSWORD_HASHER`, `secretRef`.
  'project', 'manager', 'backend', 'hasher', 'engine', 'driver', 'region', 'arn', 'ref', 'refs',
  // How a password is stored: PostgreSQL's `password_encryption = scram-sha-256`.
  'encryption',
  // A token contract's address on a blockchain is public: `BeeTokenAddress`, bitcore's `TOKEN_2022_ADDR` (a Solana
  // program's address).
  'address', 'addr', 'contract',
  // A flow is a procedure (an identity provider's `RESETPASSWORD_USER_FLOW = 'B2C_1_reset'`), not its secret.
  'flow', 'flows',
  // What a secret is made from or where it is read, not the secret: a key derivation's `info` label
  // (`SessionKeyDeriveInfo`), echo's `TokenLookup: "header:X-CSRF-Token"`, the alphabet tokens are drawn from.
  'info', 'lookup', 'characters', 'alphabet', 'letters',
  // The role a key is given and the model a service runs are no secret: `SECRET_API_KEY_ROLE = 'readonly'`.
  'role', 'roles', 'model',
  // Where a secret is used and whose it is, under an app's prefix that happens to be a secret word
  // (`SECRET_PORT`, `SECRET_ROOT_USER`, `SECRET_ROOT_EMAIL`): a port, a host, an account's name or address.
  'port', 'host', 'hostname', 'user', 'username', 'email',
  // The identifier of a kind of token (`VERIFICATION_TOKEN_IDENTIFIER = 'confirmation-email'`), the sets of
  // characters tokens are drawn from (`TOKEN_NUMERICS = '123456789'`, `TOKEN_LOWERCASE_ALPHA`), and the options
  // of a group of settings (`PasswordPolicyOptions: 'PARSE_SERVER_PASSWORD_POLICY_'`).
  'identifier', 'identifiers', 'numerics', 'numeric', 'digits', 'alpha', 'alphanumeric', 'alphanumerics', 'symbols',
  'options', 'opts', 'settings',
  // The initialisation vector beside an encryption key is public by design, stored or sent with the ciphertext
  // (NIST SP 800-38A, appendix C): `ACCESS_TOKEN_ENCRYPTION_IV`; the key beside it is the secret.
  'iv',
]);

// Words after the secret's own word that make the name a quantity about it: `ACCESS_TOKEN_EXPIRES_IN=3600`,
// `token_expiry_seconds`, `tokenRefreshThreshold`. Only words *after* it: `SIGN_IN_PASSWORD` is a password.
const QUANTITY_WORDS = new Set([
  'expires', 'expire', 'expiry', 'expiration', 'in', 'minutes', 'minute', 'mins', 'seconds', 'second', 'secs', 'sec',
  'hours', 'hour', 'days', 'day', 'ms', 'interval', 'threshold', 'ttl', 'timeout', 'lifetime', 'duration', 'age',
  // `token_expired_time = 2592000`: how long a token lives, in an INI file's words.
  'expired', 'time',
  // A proportion of the secret's kind of thing: private-gpt's `FRAGMENTED_TEXT_SHORT_TOKEN_RATIO=0.5` (the share of a
  // page's words that are short tokens).
  'ratio', 'fraction', 'percent', 'percentage', 'pct',
]);

// A first word that makes the name a flag or a count in any case style: `showPassword`, `IS_TOKEN_VALID`,
// `MIN_PASSWORD`; `existingSecret` (Helm) names a Secret object that lives elsewhere.
const FLAG_PREFIXES = new Set([
  'is', 'has', 'show', 'hide', 'toggle', 'should', 'can', 'use', 'enable', 'disable', 'allow', 'require', 'min', 'max',
  'num', 'existing',
]);

// A first verb that makes a camelCase name a function or a label (`forgotPassword`, `getToken`). In SCREAMING_SNAKE
// the same words qualify a secret instead: `VERIFY_TOKEN`, `READ_ONLY_TOKEN`, `NO_REPLY_PASSWORD`, `GET_ADDRESS_API_KEY`.
// `refresh` is neither: `refreshToken` is a token.
const VERB_PREFIXES = new Set([
  'validate', 'check', 'get', 'set', 'on', 'handle', 'no', 'forgot', 'reset', 'verify', 'confirm', 'change', 'update',
  'create', 'generate', 'fetch', 'load', 'read', 'parse', 'revoke', 'rotate', 'remember', 'needs',
]);

// Words before `token` that make it a position in a list or a stream, handed back by the API to go on reading.
const CURSOR_WORDS = new Set(['page', 'continuation', 'sync', 'cursor', 'resume', 'next', 'prev', 'previous', 'cancellation', 'cancel']);

// `SEED_DEFAULT_USER_PASSWORD`: the password of the demo users a seeding script creates.
const FIXTURE_PREFIXES = new Set(['test', 'testing', 'demo', 'mock', 'fake', 'dummy', 'sample', 'example', 'seed', 'seeded']);

// Words before a plural `tokens` that make it a count of a language model's tokens: `budgetTokens`, `max_tokens`,
// `promptTokens`, `maxOutputTokens`, and a provider's prefixed `anthropic_max_tokens` (`max` not first).
// `apiTokens` and `accessTokens` stay lists of secrets.
const TOKEN_COUNT_WORDS = new Set(['budget', 'limit', 'quota', 'total', 'used', 'remaining', 'prompt', 'completion', 'input', 'output', 'context', 'thinking', 'reasoning', 'cached', 'max', 'min']);

// First words that make the value a mask shown in a secret's place: `REDACTED_CREDENTIAL_VALUE`, `MASKED_PASSWORD`.
const MASK_PREFIXES = new Set(['redacted', 'masked', 'obfuscated']);

// The same words before a singular `token` when it ends the name: `CONTEXT_TOKEN=2000` (private-gpt's web search context
// size), `MAX_TOKEN`. Not `input` or `output`: GitHub Actions hands a step's `token:` input over as `INPUT_TOKEN`.
const SINGULAR_TOKEN_COUNT_WORDS = new Set(['budget', 'limit', 'quota', 'total', 'context', 'max', 'min']);

/** A count of tokens (`budgetTokens: 1024`) or the mask shown for a hidden secret: a name of no credential. */
function isCountOrMaskName(ws: string[], at: number): boolean {
  if (ws.length > 1 && MASK_PREFIXES.has(ws[0])) return true;
  if (ws[at] === 'token' && at === ws.length - 1 && at > 0 && SINGULAR_TOKEN_COUNT_WORDS.has(ws[at - 1])) return true;
  return ws[at] === 'tokens' && ws.slice(0, at).some((w) => TOKEN_COUNT_WORDS.has(w));
}

/** True when a value kept under this name would be a credential. */
export function isSensitiveName(name: string): boolean {
  // Rule ids and paths (`config/hardcoded-secret`, `secrets/db`) name things; they do not hold them.
  if (name.includes('/') || name.includes(':')) return false;
  const ws = words(name);
  if (ws.length === 0) return false;
  const joined = ws.join('');
  // The first word at which the name says "secret", alone or joined with the words before it (`api_key`).
  const at = ws.findIndex((w, i) => SENSITIVE_WORDS.has(w) || SENSITIVE_COMPOUNDS.test(ws.slice(0, i + 1).join('')));
  if (at < 0) return false;
  // `from_secret: github_token` (Woodpecker and Drone pipelines) names the CI secret whose value the step gets:
  // a reference, as `secretKeyRef` is.
  if (ws.length === 2 && ws[0] === 'from' && /^secrets?$/.test(ws[1])) return false;
  // `imagePullSecrets` (a Kubernetes pod's field, and the Helm chart value that fills it) lists the Secret objects
  // holding registry logins by their names: references, as `secretKeyRef` is
  // (https://kubernetes.io/docs/concepts/containers/images/#referring-to-an-imagepullsecrets-on-a-pod).
  if (ws.length === 3 && ws[0] === 'image' && ws[1] === 'pull' && /^secrets?$/.test(ws[2])) return false;
  // A test user's or a demo's password (`testingPassword`, `DEMO_TOKEN`) is a fixture, not a credential.
  if (ws.length > 1 && FIXTURE_PREFIXES.has(ws[0])) return false;
  if (ws.length > 1 && (FLAG_PREFIXES.has(ws[0]) || (VERB_PREFIXES.has(ws[0]) && !/^[A-Z0-9_]+$/.test(name)))) return false;
  if (ws.slice(at + 1).some((w) => QUANTITY_WORDS.has(w))) return false;
  if (isCountOrMaskName(ws, at)) return false;
  // A public token is meant to be seen (Mapbox's, a client-side analytics token): `publicToken`, `PUBLIC_KEY`,
  // and .NET's `publicKeyToken`, the short hash of an assembly's public key.
  if (ws.slice(0, at).includes('public')) return false;
  // An analytics write key or project token (`MIXPANEL_TOKEN`, `SEGMENT_WRITE_KEY`): public by design (publicNames.ts).
  if (publicNameOf(name)) return false;
  // A page or sync token is a cursor an API hands back (`nextPageToken`, `continuationToken`, `syncToken`), not a login.
  if (at > 0 && CURSOR_WORDS.has(ws[at - 1]) && ws[at] === 'token') return false;
  // The hash of a secret is what a server keeps to check one: `hashedSecret`, `hash_password` (fxa's clients).
  if (at > 0 && (ws[0] === 'hashed' || ws[0] === 'hash')) return false;
  const last = ws[ws.length - 1];
  if (DESCRIPTIVE_SUFFIXES.has(last)) {
    // `secretKey`, `apiKey`, `private_key` end in "key" and are secrets; `tokenKey` and `passwordField` are not.
    // `secretOrKey` is passport-jwt's option for the signing secret.
    return last === 'key' && /(api|private|secret|secretor|access|signing|encryption|master|auth|session|app|client|license|webhook)key$/.test(joined);
  }
  return true;
}

/**
 * True when an environment variable of this name holds a secret: every name isSensitiveName accepts, and the
 * key of a signing scheme (`JWT_KEY`, `HMAC_KEY`, `JWS_SIGNING_KEY`). In code the same name is as often the
 * key a token is stored under (`localStorage.getItem(JWT_KEY)`); a variable of the environment holds the key.
 */
export function isSecretEnvName(name: string): boolean {
  return isSensitiveName(name) || /^(?:jwt|jws|hmac)(?:sign(?:ing)?)?key$/.test(words(name).join(''));
}

/**
 * `AUTH_TOKEN_KEY`, `JWT_TOKEN_KEY`, `TOKEN_KEY`: the key of tokens, which in code is as often the name a token is stored
 * under (`localStorage.getItem(TOKEN_KEY)`); with a generated value it is the key tokens are signed with.
 */
export function namesTokenSigningKey(name: string): boolean {
  const ws = words(name);
  return ws.length >= 2 && ws[ws.length - 1] === 'key' && ws[ws.length - 2] === 'token' && !ws.some((w) => w === 'storage' || w === 'cache' || w === 'local');
}

// Words that name what an app signs with its own key: its sessions, cookies, tokens, requests.
const SIGNING_WORDS = new Set(['jwt', 'jws', 'session', 'cookie', 'signing', 'signature', 'hmac', 'csrf', 'flask', 'django']);

/**
 * The key an app signs its own sessions or tokens with: `JwtSecret`, `SESSION_SECRET`, `cookieSecret`,
 * `SIGNING_KEY`, and the frameworks' `SECRET_KEY`. Any value kept there is used as the key, however short.
 */
export function isSigningSecretName(name: string): boolean {
  if (!isSensitiveName(name)) return false;
  const ws = words(name);
  return ws.join('') === 'secretkey' || ws.some((w) => SIGNING_WORDS.has(w));
}

// Last words that name a kind of setting a random-looking value is often made of yet never a secret: a model's
// id (`gemini-2.5-flash-image`), a role, a region, a version, a container image. Not `id`: a client id may be a random key.
// An address is where something is reached (`DBUS_SESSION_BUS_ADDRESS`), never how one proves who one is.
// An initialisation vector (`ENCRYPTION_IV`) is random by nature and public by design.
const SETTING_KINDS = new Set(['model', 'models', 'role', 'roles', 'region', 'version', 'locale', 'language', 'theme', 'mode', 'format', 'image', 'tag', 'address', 'addr', 'iv']);
// Words after the kind that say which one is chosen (`ANTHROPIC_MODEL_PREF`, `EMBEDDING_MODEL_DEFAULT`).
const CHOICE_WORDS = new Set(['pref', 'prefs', 'preference', 'preferred', 'default', 'choice', 'selected']);

/**
 * The last word says the value is a setting of another kind (`GEMINI_IMAGE_MODEL`), a name (`BUCKET_NAME`,
 * `MODEL_NAME`), or the id of such a setting (`MODEL_ID`, `REGION_ID`): no secret is kept there. A word saying
 * which one is chosen may follow the kind (`ANTHROPIC_MODEL_PREF`, `EMBEDDING_MODEL_DEFAULT`).
 */
export function endsInDescriptiveWord(name: string): boolean {
  const all = words(name);
  const ws = all.length > 1 && CHOICE_WORDS.has(all[all.length - 1]) ? all.slice(0, -1) : all;
  const last = ws[ws.length - 1];
  if (last === undefined) return false;
  if (SETTING_KINDS.has(last) || last === 'name' || last === 'names') return true;
  return last === 'id' && ws.length >= 2 && SETTING_KINDS.has(ws[ws.length - 2]);
}

// Words that name a checksum or digest: what is kept under such a name is a hash of something published.
const CHECKSUM_WORDS = new Set(['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'md5', 'checksum', 'checksums', 'digest', 'hash', 'integrity']);

/** `MINIO_SHA256_AMD64`, `ARCHIVE_CHECKSUM`: the name says its value is a checksum (of a download, a release). */
export function namesAChecksum(name: string): boolean {
  return words(name).some((w) => CHECKSUM_WORDS.has(w));
}

/** True for the header names whose values carry credentials after a scheme: `Authorization: Bearer …`. */
export function isAuthorizationName(name: string): boolean {
  return /^(proxy-)?authorization$/i.test(name);
}

/** `dbPassword` → `DB_PASSWORD`, `x-api-key` → `X_API_KEY`. */
export function toEnvName(name: string): string {
  const ws = words(name);
  const env = ws.join('_').toUpperCase();
  return /^[A-Z_]/.test(env) ? env : `_${env}`;
}

const GENERIC_NAMES = new Set(['password', 'pass', 'pwd', 'passwd', 'secret', 'token', 'key', 'apikey', 'api_key', 'auth', 'credentials', 'value']);

/** A name that says what a secret is but not whose: `password` needs an owner to make `DB_PASSWORD`. */
export function isGenericName(name: string): boolean {
  return GENERIC_NAMES.has(words(name).join('_')) || GENERIC_NAMES.has(words(name).join(''));
}
