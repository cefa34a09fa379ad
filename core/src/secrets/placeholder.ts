/**
 * Values that stand in for a secret rather than being one. A finding on `password: 'changeme'` in a
 * template or `${DB_PASSWORD}` in a compose file is noise, and noise is what gets a linter uninstalled.
 */

// Interpolations of other tools: ${VAR}, $VAR, {{ x }}, %VAR%, $(VAR), <your-key>, [TOKEN].
// An opening `${`, `$(` or `{{` counts even unclosed: a pattern may stop inside `${getPassword('db')}`.
const INTERPOLATION = /\$\{|\$\(|\{\{|%[A-Za-z_][\w.]*%|^\$[A-Za-z_]\w*$|^<[^<>]+>$|^\[[A-Za-z_ -]+\]$/;

// Words that tell whoever fills the file in what to put there: `CHANGE THIS PASSWORD`, `your-api-key`,
// `GET THIS FROM KEYCLOAK`, `[generate with openssl rand -base64 36]` (audit: grist-core, karakeep).
const INSTRUCTION = /change[-_ ]?me|change[-_ ]?this|be[-_ ]?changed|replace[-_ ]?me|your[-_ ]?(own[-_ ]?)?(api[-_ ]?)?(key|token|secret|password|pass)|(insert|enter|put|add)[-_ ]?(your|the|a)[-_ ]|(generate|get|copy|obtain|paste)[-_ ]((it|this|one)[-_ ])?(with|from|using|via)[-_ ]/i;

// Words that mark a value as an example, anywhere in it (case-insensitive); also a local emulator's made-up login
// (`emulate-google-secret` in an OAuth emulator's configuration).
const MARKER_WORDS = new RegExp(`${INSTRUCTION.source}|example|placeholder|changeme|dummy|(?:^|[^a-z])mock(?:ed)?(?:[^a-z]|$)|redacted|sample|not[-_ ]?a[-_ ]?(real[-_ ]?)?(secret|key|token|password)|not[-_ ]?real|fake|emulat(?:e|ed|or|ion)|xxxx|\\*\\*\\*\\*|\\.\\.\\.|todo|fixme|<redacted>`, 'i');

// Whole values that stand in for a value or are none: a template's `password`, `none`, a severity.
const STAND_INS = new Set([
  'password', 'passwd', 'pass', 'token', 'apikey', 'api_key', 'api-key', 'key', 'none', 'null', 'undefined', 'nil', 'true', 'false',
  'yes', 'no', 'on', 'off', 'empty', 'default', 'string', 'value', 'xxx', 'tbd', 'n/a', 'na', 'required', 'optional', 'hidden',
  'private', 'public', 'secret_key', 'your_secret', 'ignored', 'unset', 'bearer', 'basic',
  // A setup step the user skipped (`clientSecret || "skipped"`, written beside the client id's same word).
  'skipped',
  // Nobody signed in: whitebophir's `userSecret || "anonymous"` names a guest, not a secret.
  'anonymous',
  // Severities: `config/hardcoded-secret: warning` in our own settings is a rule level, not a password.
  'error', 'warning', 'warn', 'info', 'hint', 'debug', 'trace',
  // fetch's `credentials` option: a policy, not a credential.
  'include', 'omit', 'same-origin',
  // A reusable GitHub workflow's `secrets: inherit` passes the caller's secrets on.
  'inherit',
  // The key a local model server's OpenAI-compatible API is called with, which it never checks: the client
  // library insists on some string, and each server's documentation names one (Ollama's OpenAI compatibility
  // page `api_key='ollama'  # required, but unused`, LM Studio's `api_key="lm-studio"`, llama.cpp's server
  // `sk-no-key-required`, vLLM's `EMPTY`, LocalAI's and Jan's their own name).
  'ollama', 'lm-studio', 'lmstudio', 'localai', 'jan',
]);

// Whole values that are real, if weak, secrets: under a plain name they are usually samples or codes, but
// where the value *is* used as the secret (a session secret, a default of JWT_SECRET, a URL's password) the
// app runs with it, so there they count (`session({ secret: 'secret' })`).
const WEAK_WORDS = new Set([
  'secret', 'pwd', 'test', 'testing', 'foo', 'bar', 'baz', 'foobar', 'qwerty', 'abc', 'abc123', 'admin', 'user',
  'username', 'root', 'guest', '1234', 'mysecret', 'mypassword', 'my-password', 'my-secret', 'supersecret', 'super-secret',
]);

// Words a placeholder is written in besides the kind of secret: what to do (`your`, `goes here`, `insert`)
// and whose or which secret it is (`email-server-password`, `session secret`).
const KIND_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'secrets', 'key', 'keys', 'token', 'tokens',
  'apikey', 'credential', 'credentials']);
const DESCRIBING_WORDS = new Set([
  'your', 'yours', 'my', 'our', 'the', 'a', 'an', 'here', 'goes', 'go', 'put', 'insert', 'enter', 'paste', 'fill', 'add',
  'replace', 'with', 'this', 'that', 'value', 'own', 'real', 'actual', 'set', 'me', 'it', 'in', 'of', 'for', 'to', 'new',
  'some', 'generated', 'random', 'long', 'strong', 'unique', 'api', 'app', 'application', 'service', 'server', 'client',
  'account', 'user', 'admin', 'email', 'mail', 'smtp', 'db', 'database', 'session', 'cookie', 'jwt', 'access', 'auth',
  'private', 'public', 'signing', 'sign', 'encryption', 'oauth', 'consumer', 'bot', 'webhook', 'hmac', 'master', 'refresh',
  'bearer', 'dev', 'development', 'prod', 'production', 'local', 'staging', 'is', 'current', 'old', 'confirm',
  'secure', 'safe', 'complex', 'very',
  // What a project ships for the operator to replace: `mirotalkp2p_default_secret`.
  'default',
]);

// Describing words that tell the reader to put their own value in: a placeholder whatever else it names.
const INSTRUCTION_WORDS = new Set(['your', 'yours', 'here', 'goes', 'put', 'insert', 'enter', 'paste', 'fill', 'replace', 'set', 'me', 'own', 'real', 'actual', 'generated', 'random']);

// A key's prefix and a few x's where the key goes (`sk-xxx`, `ghp_XXXX`), as a deploy template writes it.
const PREFIX_AND_XS = /^[a-z]{1,8}[-_](?:[a-z]{1,8}[-_])?x{3,}$/i;

// Runs of characters in order that a sample key is typed as.
const COUNTING = ['0123456789abcdef', '0123456789', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];

// Values that say the secret is absent: what code assigns when nothing was given (`'not_available'`, `'unset'`).
// A value that says the server it is sent to checks no key (`sk-local-no-key-required` for a local OpenAI-compatible
// server, `lm-studio-not-needed`): the client library insists on some string, so one is written down.
const NOT_REQUIRED = /(?:^|[-_ ])(?:no[-_ ]?(?:api[-_ ]?)?(?:key|token|secret|password|auth)[-_ ]?(?:required|needed)|not[-_ ]?(?:needed|required|used))$/i;

// One word may come first, naming what is absent: `stripe-unconfigured`, `smtp_not_set`.
const ABSENT = /^(?:[a-z][a-z0-9]*[-_ ])?(?:not[-_ ]?(?:available|set|configured|provided|specified|defined|applicable|given|needed|required|used)|unavailable|unspecified|unconfigured|unknown|missing|disabled|no[-_ ]?(?:secret|password|key|token))$/i;

/**
 * A value made of words that describe the variable instead of being its value: `email-server-password`,
 * `your-smtp-password`, `foursquare-service-key`, `Your Session Secret goes here`. Letters only, a word
 * for the kind of secret, and every other word describing it (one unknown word, a service's name, is
 * allowed beside a describing one); `superSecret` and `keyboard cat` are values, not descriptions.
 */
export function isDescriptive(value: string, name?: string, product?: () => ReadonlySet<string>, signing = false): boolean {
  const v = value.trim();
  // The signing or encryption key an app runs with (`SECRET_KEY = 'some_secret'`, `session({ secret: 'session-secret' })`):
  // words describing it are the key every installation signs with, unless they tell the reader to put theirs in.
  if (signing && !tellsToReplace(v)) return false;
  // Words start with a letter; a product's name may hold a digit (`mirotalkp2p_default_secret`).
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[ _.-]+[A-Za-z][A-Za-z0-9]*)*$/.test(v)) return false;
  const ws = v.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
  const nameWords = new Set(name ? name.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z]+/).filter(Boolean).map((w) => w.toLowerCase()) : []);
  // Written as one word (`securekey`, `yourpassword`, `mystorepassword` for a truststore's password): describing
  // words glued to the kind of secret.
  if (ws.length === 1) return gluedDescription(ws[0], nameWords);
  if (ws.length < 2 || !ws.some((w) => KIND_WORDS.has(w))) return false;
  let describing = 0;
  let unknown = 0;
  let names = false;
  for (const w of ws) {
    if (KIND_WORDS.has(w)) continue;
    if (DESCRIBING_WORDS.has(w) || nameWords.has(w)) describing++;
    else {
      unknown++;
      if (product && [...product()].some((p) => w.startsWith(p))) names = true;
    }
  }
  // The product's own name (`mirotalk_jwt_secret` in mirotalk) makes the value the product's default secret,
  // the same in every installation and published with its code, not a description of what goes there; one
  // that also tells the reader to replace it (`mirotalk-secret-goes-here`) is still a placeholder.
  if (names && !ws.some((w) => INSTRUCTION_WORDS.has(w))) return false;
  return unknown === 0 || (unknown === 1 && describing >= 1);
}


/**
 * A describing word that tells the reader to put their own value in (`your-session-secret`, `secret-goes-here`,
 * `yoursecret` glued): what a template's blank says, never a key an app was meant to run with.
 */
function tellsToReplace(v: string): boolean {
  const ws = v.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
  if (ws.some((w) => INSTRUCTION_WORDS.has(w))) return true;
  return (ws.length === 1 && /^(?:your|put|insert|enter|paste|fill|replace|set)/.test(ws[0])) || /here$/.test(ws[ws.length - 1] ?? '');
}

/**
 * `securekey`, `strongsecret`, `yourtoken`, `mystorepassword` (under `truststore.password`): describing words, or
 * words of the variable's name (a part of one, four letters or more), then a kind word, unseparated.
 */
function gluedDescription(word: string, nameWords: ReadonlySet<string>): boolean {
  if (word.length > 48) return false;
  const pieces = new Set<string>();
  for (const n of nameWords) {
    if (KIND_WORDS.has(n)) continue;
    for (let i = 0; i + 4 <= n.length; i++) pieces.add(n.slice(i));
    for (let j = 4; j <= n.length; j++) pieces.add(n.slice(0, j));
  }
  for (const kind of KIND_WORDS) {
    if (word.length > kind.length && word.endsWith(kind) && segments(word.slice(0, -kind.length), pieces)) return true;
  }
  return false;
}

/** Whether `text` is a run of describing words and `pieces` (of the name) end to end. */
function segments(text: string, pieces: ReadonlySet<string>): boolean {
  const ends = [true];
  for (let i = 1; i <= text.length; i++) {
    ends[i] = false;
    for (let j = 0; j < i && !ends[i]; j++) {
      if (!ends[j]) continue;
      const piece = text.slice(j, i);
      ends[i] = DESCRIBING_WORDS.has(piece) || pieces.has(piece);
    }
  }
  return ends[text.length];
}

// Tokens that deploy tools replace (`__DB_PASSWORD__`, Azure DevOps `#{DbPassword}#`, `@@DB_PASSWORD@@`, Maven
// `@db.password@`), and references a secret manager resolves at run time: `vault:secret/data/db#password`,
// `projects/acme/secrets/db-password/versions/latest` (Google), `env:CLIENT_SECRET`, `{env:DB_PASSWORD}`.
const DEPLOY_TOKENS = /^(?:__[A-Za-z][\w.-]*__|#\{[^{}]+\}#?|@@[\w.-]+@@|@[A-Za-z][\w.-]*@)$/;
const SECRET_REFERENCES = /^(?:env\([A-Za-z_][\w]*\)|\{?(?:env|vault|ssm|secretsmanager|awssm|gcpsm|azkv|keyvault|sops|file|op):[^\s{}]+\}?|projects\/[^/\s]+\/secrets\/[^/\s]+(?:\/versions\/[^/\s]+)?)$/i;

// Leetspeak digits and symbols back to the letters they stand for (`p455w0rd` → `password`), as `value.ts` reads phrases.
const LEET: Record<string, string> = { '4': 'a', '@': 'a', '3': 'e', '1': 'i', '0': 'o', '5': 's', '$': 's', '7': 't' };

/**
 * True when the value stands in for a secret rather than being one: empty, one repeated character, an
 * interpolation, a marker word (`changeme`, `your-key`), a description (`isDescriptive`), a deploy token,
 * a secret-manager reference, a mask. Where a value is used as the secret (sinks, defaults, URLs), only these
 * are passed over.
 */
export function isStandIn(value: string, name?: string, product?: () => ReadonlySet<string>, signing = false): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^(.)\1*$/s.test(v)) return true;
  // One character repeated between separators: the all-zero UUID a client library is built with.
  if (/^([0-9a-z])(?:\1|[-_.:])*$/i.test(v)) return true;
  // A provider's key prefix and nothing after it (`sk-proj-`, `sk_`): the shape of a key, not one; or a word in
  // capitals where the key goes (`nvapi-NVKEY`, `sk-KEY`).
  if (/^[a-z]{1,8}[-_](?:[a-z]{1,8}[-_])?$/i.test(v) || /^[a-z]{1,8}[-_][A-Z]{2,8}$/.test(v)) return true;
  // The prefix and a counting sample after it (`re_132`, `key_abc123`): far too short for a key.
  if (/^(?:[a-z]{1,3}|key|token|secret)[-_](?:\d{1,4}|abc\d*|xyz\d*)$/i.test(v)) return true;
  if (PREFIX_AND_XS.test(v)) return true;
  // A value that says it holds nothing: `sk_nothing`, `just empty text`.
  if (/(?:^|[-_ ])(?:nothing|empty)(?:[-_ ]|$)/i.test(v)) return true;
  if (INTERPOLATION.test(v)) return true;
  // Only short values are read for marker words: a long random key holds `todo` or `fake` by chance.
  if (v.length <= 64 && MARKER_WORDS.test(v)) return true;
  if (STAND_INS.has(v.toLowerCase()) || ABSENT.test(v) || NOT_REQUIRED.test(v)) return true;
  // The word itself in leetspeak (`p455w0rd`, `P@ssw0rd`, `passw0rd`): a sample login spelled to pass a password
  // policy, standing in for one as `password` does. The whole value must read as the word.
  if (v.length <= 12 && /[0-9@$]/.test(v) && /^(?:password|passwd)$/.test(v.toLowerCase().replace(/[4@3105$7]/g, (c) => LEET[c]))) return true;
  if (DEPLOY_TOKENS.test(v) || SECRET_REFERENCES.test(v)) return true;
  // Masked values such as `sk_live_****` or `ghp_xxxxxxxx…` (a long run of one masking character).
  if (/([x*#•_.-])\1{5,}/i.test(v)) return true;
  // The samples of the cookie-session and koa documentation, copied as they are: `keys: ['key1', 'key2']`.
  if (/^(?:key|secret|token)\d$/i.test(v)) return true;
  // Masked in several places: `TXXXXX_PUB_btbq8rXXXXtz5kXXXX…`.
  if (/X{4,}.*X{4,}/.test(v)) return true;
  // A stand-in spelled in base64, as a Kubernetes Secret's `data` or an identity provider's static client keeps its
  // value (`ZXhhbXBsZS1hcHAtc2VjcmV0`, `example-app-secret`): the same blank, encoded.
  const decoded = base64Text(v);
  if (decoded !== undefined && isStandIn(decoded, name, product, signing)) return true;
  // A conventional weak value (`mysecret`) is a value the app runs with, not a description of one.
  return !isWeakWord(v) && isDescriptive(v, name, product, signing);
}

/** The text a base64 value encodes, when it is printable ASCII (a random key's bytes are not). */
function base64Text(v: string): string | undefined {
  if (v.length < 8 || v.length > 88 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return undefined;
  const text = Buffer.from(v, 'base64').toString('latin1');
  return /^[\x20-\x7e]{4,}$/.test(text) ? text : undefined;
}

// The environment or mode a default names (`process.env.ENCRYPTION_KEY || 'dev'`, `clientKey: token || 'offline'`):
// an app checks for it and refuses it in production. Only as a default: `app.secret_key = 'dev'` runs as the key.
const ENVIRONMENT_WORDS = new Set(['dev', 'development', 'local', 'localhost', 'offline']);

/** A word naming the environment or a mode (`dev`, `local`, `offline`), a placeholder when it is a default. */
export function isEnvironmentWord(value: string): boolean {
  return ENVIRONMENT_WORDS.has(value.trim().toLowerCase());
}

/**
 * A conventional weak value (`secret`, `admin`, `foo`): see WEAK_WORDS. Also one with a short count after it
 * (`test123`, `admin1`, `password123`), the way samples and test collections number their logins, and one
 * glued to the kind of secret it stands for (`testpass`, `root_password`, `guestpw`): a stand-in test server's
 * login, written the way `test123` is.
 */
export function isWeakWord(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (WEAK_WORDS.has(v)) return true;
  // Characters counted in order (`0123456789abcdef` twice for a 32-character key), as `1234` is, only longer.
  if (v.length >= 10 && COUNTING.some((unit) => unit.repeat(Math.ceil(v.length / unit.length)).startsWith(v))) return true;
  // Words only, one of which says the value is not safe to use (`WOW-ANOTHER-INSECURE-PASSWORD!!!`, a shipped
  // default the operator must replace): weak by its own account. A generated key that merely starts with the word
  // (`django-insecure-` and 50 random characters) holds digits or symbols and is judged as a key.
  if (callsItselfUnsafe(v)) return true;
  const base = /^([a-z]+?)[-_]?\d{1,4}$/.exec(v)?.[1];
  if (base !== undefined && (WEAK_WORDS.has(base) || base === 'password' || base === 'pass')) return true;
  // Not a kind or describing word glued to a kind (`secretkey`, `admin-password`): those read as descriptions
  // where a value is a default (isDescriptive), and a committed `secretkey` under a plain name stays a key.
  const glued = /^([a-z]+?)[-_]?(?:pass|password|passwd|pwd|pw|secret|key|token)(?:[-_]?\d{1,4})?$/.exec(v)?.[1];
  return glued !== undefined && WEAK_WORDS.has(glued) && !KIND_WORDS.has(glued) && !DESCRIBING_WORDS.has(glued);
}

/** Words only, one of which says the value is not safe to use: `WOW-ANOTHER-INSECURE-PASSWORD!!!`. */
export function callsItselfUnsafe(value: string): boolean {
  const v = value.trim().toLowerCase();
  return /^[a-z][a-z _.!-]*$/.test(v) && /(?:^|[^a-z])(?:insecure|unsafe)(?:[^a-z]|$)/.test(v);
}

/** Stand-ins and weak words: what a value under a plain secret-sounding name is, when it is not a secret. */
export function isPlaceholder(value: string, name?: string): boolean {
  return isStandIn(value, name) || isWeakWord(value);
}

// A value telling its reader to put theirs in (`your.turn.servers.here`, `<your-domain>`, `sk-xxx`): a template's blank.
const TEMPLATE_BLANK = /(?:^|[^a-z])your(?:[^a-z].*)?[^a-z]here(?:[^a-z]|$)|^<[^<>]*your[^<>]*>$/i;

/**
 * A marker that makes the text around it a template (`sk-xxx`, `changeme`, `your-api-key`, `your.host.here`):
 * stricter than `isStandIn`, which also passes `true`, `none` and empty values that any real file holds.
 */
export function isTemplateMarker(value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || v.length > 64) return false;
  return MARKER_WORDS.test(v) || TEMPLATE_BLANK.test(v) || PREFIX_AND_XS.test(v);
}

/** True for a value that is an instruction to whoever fills the file in (`CHANGE THIS PASSWORD`), not a value. */
export function isInstruction(value: string): boolean {
  return INSTRUCTION.test(value);
}

/** True for SCREAMING_SNAKE names: a value that is the *name* of an environment variable, not its value. */
export function isEnvVarName(value: string): boolean {
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(value) || /^[A-Z]{2,40}$/.test(value);
}
