import { shannonEntropy } from './entropy';
import { isIssuedCredentialStandIn } from './issuedNames';
import { endsInDescriptiveWord, isSecretEnvName, isSigningSecretName, namesAChecksum, words } from './names';
import { callsItselfUnsafe, isEnvironmentWord, isEnvVarName, isPlaceholder, isStandIn } from './placeholder';
import { publicNameOf } from './publicNames';

/**
 * Three or more words joined by `|`, each letters with `_`/`-` and character classes (`api[_-]?key`) but no digit:
 * the alternation of a pattern that finds secrets by their keys (a log redactor's), not a secret.
 */
function isWordAlternation(v: string): boolean {
  const parts = v.split('|');
  return parts.length >= 3 && parts.every((p) => /^[A-Za-z](?:[A-Za-z_-]|\[[A-Za-z_\-\s.]*\]\??)*$/.test(p));
}

/**
 * Is this literal, found where a secret would be kept, a secret? The position already says "credential",
 * so short, low-entropy values count (`password: 'hunter2'` is a real leak); what is left out are values
 * that are plainly something else: names, paths, URLs without credentials, labels, format strings.
 */
export function isSecretValue(value: string, name?: string, options: { spaces?: boolean } = {}): boolean {
  const v = value.trim();
  // The key an app signs its sessions or tokens with (`JwtSecret = 2…` (three digits)) counts at any length: a short one is
  // only easier to guess. Other names keep the floor, under which values are codes, counts and flags.
  if (v.length < (name && isSigningSecretName(name) ? 1 : 4) || v.length > 4096) return false;
  if (isPlaceholder(v, name) || (isEnvVarName(v) && !isMailAuthorizationCode(v, name))) return false;
  // Sentences are labels and messages; only a sink (`session({ secret: 'keyboard cat' })`) makes a phrase a
  // secret, and then only words between single spaces: a value with quotes and runs of blanks is no passphrase.
  if (/\s/.test(v) && !(options.spaces && /^[^\s'"`\\]+(?: [^\s'"`\\]+)+$/.test(v))) return false;
  if (isEncrypted(v) || isNotASecret(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return false; // URLs: those with credentials are the providers' business
  if (isPath(v)) return false; // paths
  if (/\.(pem|key|crt|cer|der|p8|p12|pfx|jks|json|txt|env|ya?ml|js|ts|html?)$/i.test(v)) return false; // file names
  if (DOCUMENT_PATH.test(v)) return false; // a documentation page: mkdocs' `Token: 'models/users/token.md'`
  if (/^[#.][\w-]+$/.test(v)) return false; // CSS selectors
  if (/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/.test(v)) return false; // i18n keys and dotted identifiers: `label.password`, `stream.Transform`
  if (/^[A-Z][a-z]+(?:[A-Z][a-z]*)*$/.test(v) && v.length <= 24 && !hasUnspeakableParts(v)) return false; // a name or label: `Blockpass`, `TokenFi`
  if (CODE_TYPE_NAME.test(v)) return false; // a class or component name: `DisplayPasswordFieldModel`
  if (/^[a-z]+(?:-(?:[a-z]+|\d{1,2}))+$/.test(v) && /^\w*token$/i.test(name ?? '')) return false; // syntax token types: `variable-2`
  if (/^x-[a-z0-9-]+$/i.test(v)) return false; // header names
  if (/%[sdjo]|\{\d+\}|\{\{|\}\}/.test(v)) return false; // format strings
  if (isWordAlternation(v)) return false; // a regular expression of key words: `password|passwd|api[_-]?key`
  if (/^(sha|md5|bcrypt|argon|scrypt|pbkdf2|hmac|hs|rs|es|ps)[-_]?\d*$/i.test(v)) return false; // algorithm names
  if (/^\$2[aby]?\$\d{2}\$/.test(v) || /^\$argon2/.test(v)) return false; // password hashes, not passwords
  if (DJANGO_HASH.test(v)) return false; // Django's stored password hashes (fixtures, sample databases)
  if (/^(sha(1|256|384|512)|md5)-[A-Za-z0-9+/=]+$/.test(v)) return false; // subresource integrity
  if (/^\[[^\]]*\]$/.test(v)) return false; // attribute selectors: `[type=password]`
  if (/^[a-z][\w.-]*:[a-z][A-Za-z0-9]*$/.test(v)) return false; // namespaced event names: `msal:acquireTokenStart`
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(v)) return false; // code identifiers: `overEvery`, `accountTokenHeader`
  // A hex digest under a password name is the password's hash (sha256, sha512), not the password.
  if (name && /pass|pwd/i.test(name) && /^(?:[a-f0-9]{64}|[a-f0-9]{128})$/i.test(v)) return false;
  if (name) {
    const nameWords = new Set(words(name));
    const lower = v.toLowerCase();
    if (nameWords.has(lower) || words(v).every((w) => nameWords.has(w))) return false; // `const TOKEN = 'token'`
    // The name in another case style: `INVALID_USERNAME_OR_PASSWORD = 'invalidUserNameOrPassword'`.
    const squash = (s: string) => s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
    if (squash(name) === squash(v)) return false;
    // An identifier built from the name's words: `FLOW_PASSWORD_REQUIRED_V2 = 'FlowPasswordRequiredResultV2'`.
    // Three shared words, so a weak password such as `DB_PASSWORD = 'DbPassword2024'` (two) still counts.
    if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(v) && words(v).filter((w) => nameWords.has(w)).length >= 3) return false;
    // A namespaced constant ending in its own name: a Redux action type `GET_TOKEN = 'app/project/GET_TOKEN'`,
    // an event `PASSWORD_CHANGED = 'fxaccounts:password_changed'`.
    const last = v.split(/[/:]/).pop() as string;
    if (last !== v && squash(last) === squash(name)) return false;
    // A template or route named by the name's words, shortened: `passwordChangedEmail: 'password-change'`.
    const vs = words(v);
    if (vs.length >= 2 && /^[a-z]+(?:[-_][a-z]+)+$/.test(v) && vs.every((w) => w.length >= 4 && [...nameWords].some((n) => n.startsWith(w)))) return false;
  }
  return true;
}

/**
 * Capitalised parts of which two or more (of two letters or more) hold no vowel: random letters of both cases
 * (`QrTzmwKpbLwQe`, a Parse master key), not the words of a name or label (`Blockpass`, `TokenFi`, `MyDb`, where one
 * abbreviation may lack a vowel). Across the audit sets, such values under a secret's name were one key (held-out 16:
 * OpenSign's), its example copy and one fixture's salt.
 */
function hasUnspeakableParts(v: string): boolean {
  return v.split(/(?=[A-Z])/).filter((p) => p.length >= 2 && !/[aeiouy]/i.test(p)).length >= 2;
}

// A mail account's SMTP password by its name: `SMTP_PASS`, `MAIL_PASSWORD`, `EMAIL_HOST_PASSWORD`, `smtpPwd`.
const MAIL_PASSWORD_NAME = /(?:smtp|mail|imap|pop3?)[\w-]*(?:pass|pwd)|(?:pass|pwd)[\w-]*(?:smtp|mail)/i;

/**
 * The authorization code a mail provider issues for SMTP in place of the account's password (QQ Mail, 163 and
 * other NetEase mailboxes): 16 letters of one case, which in capitals reads like a variable's name.
 */
function isMailAuthorizationCode(v: string, name: string | undefined): boolean {
  return name !== undefined && /^[A-Z]{16}$/.test(v) && MAIL_PASSWORD_NAME.test(name);
}

/**
 * A literal in a place that is a secret by its role (a session secret, a JWT key, a database password, the
 * default of `JWT_SECRET`): the app runs with it, so weak values and phrases count (`'keyboard cat'`,
 * `'secret'`). Left out are stand-ins (`changeme`, `your-smtp-password`, `${VAR}`) and values of another kind
 * (names of variables, URLs, paths, file names, format strings, hashes).
 */
export function isUsedSecretValue(value: string, name?: string, product?: () => ReadonlySet<string>): boolean {
  const v = value.trim();
  if (v.length < 3 || v.length > 4096) return false;
  // `product`: the project's own names (workspace/productNames.ts); a default named after the product is its
  // shipped secret, not a description (isDescriptive).
  if (isStandIn(v, name, product)) return false;
  return usedSecretShape(v);
}

/**
 * A literal that is the signing or encryption key the app runs with (`app.secret_key = 'some_secret'`,
 * `session({ secret: 'session-secret' })`, `process.env.JWT_SECRET || 'jwt-secret'`): as `isUsedSecretValue`, and
 * words describing the key count too, since every installation that leaves it signs with the same published key.
 * Only a description that tells the reader to put theirs in (`your-session-secret`, `secret-goes-here`) stays a blank.
 */
export function isSigningSecretValue(value: string, name?: string, product?: () => ReadonlySet<string>): boolean {
  const v = value.trim();
  if (v.length < 3 || v.length > 4096) return false;
  if (isStandIn(v, name, product, true)) return false;
  // A value that calls itself unsafe (`WOW-ANOTHER-INSECURE-PASSWORD!!!`) is a shipped default the operator is told to replace.
  if (callsItselfUnsafe(v)) return false;
  // The name again in another case style (`tokenClaimsCnfRequiredForSignedJwt = 'token_claims_cnf_required_for_signed_jwt'`),
  // also with two of its words run together (msal's `'token_claims_cnf_required_for_signedjwt'`): an identifier.
  if (name && (words(v).every((w) => words(name).includes(w)) || lettersOf(v) === lettersOf(name))) return false;
  return usedSecretShape(v);
}

/** The letters and digits of a name or value, lowercased: `signedJwt` and `signed_jwt` and `signedjwt` alike. */
const lettersOf = (text: string): string => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/**
 * A literal given to a signing sink (`session({ secret })`, `jwt.sign(…, key)`, `hmac.new(key)`) or set as a framework's
 * signing key: what `isUsedSecretValue` accepts there, and describing words as `isSigningSecretValue` reads them.
 */
export function isSigningSinkValue(value: string, name?: string, product?: () => ReadonlySet<string>): boolean {
  return isUsedSecretValue(value, name, product) || isSigningSecretValue(value, name, product);
}

/** What `isUsedSecretValue` asks of the (trimmed) value alone, whatever its name and the project's names. */
function usedSecretShape(v: string): boolean {
  if (v.length < 3 || v.length > 4096) return false;
  if (isEnvVarName(v)) return false;
  // A passphrase is words between single spaces; quotes, runs of blanks and line breaks make a message.
  if (/\s/.test(v) && !/^[^\s'"`\\]+(?: [^\s'"`\\]+)+$/.test(v)) return false;
  if (isEncrypted(v) || isNotASecret(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || isPath(v)) return false;
  if (/\.(pem|key|crt|cer|der|p8|p12|pfx|jks|json|txt|env|ya?ml|js|ts|html?)$/i.test(v)) return false;
  if (/%[sdjo]|\{\d+\}|\{\{|\}\}/.test(v)) return false;
  if (/^\$2[aby]?\$\d{2}\$/.test(v) || /^\$argon2/.test(v)) return false;
  if (/^[a-z][\w-]*(\.[a-z][\w-]*)+$/.test(v)) return false; // i18n ids: `label.password`
  return true;
}

/**
 * Whether `isSecretDefault` could accept this value under some name and some project: what it asks of the value
 * alone. A text gate asks it of a default (`token ?? ""`) before the file is parsed: never narrower than the tree.
 */
export function mayBeSecretDefault(value: string): boolean {
  return !isEnvironmentWord(value) && (usedSecretShape(value.trim()) || looksRandom(value));
}

/**
 * The default of an environment read (`process.env.X || 'lit'`, `os.getenv("X", "lit")`, Go's
 * `if v == "" { v = "lit" }`), judged the same in every language (decision 5). Under a secret's name the app runs
 * with it, so any value but a stand-in counts; under another name only a random-looking value does, and not
 * when the name says what kind of setting it is (`GEMINI_IMAGE_MODEL`, `MODEL_ID`, `BUCKET_NAME`).
 */
export function isSecretDefault(name: string, value: string, product?: () => ReadonlySet<string>): boolean {
  // `NEXT_PUBLIC_*`, `EXPO_PUBLIC_*`: the name says the bundler inlines it into the browser's code, so its
  // default is public by design (linkwarden's Google client ids); a provider's key format is still found.
  // `VITE_API_KEY` says no such thing: many apps keep real keys there, reported as before.
  if (PUBLIC_ENV.test(name) || isEnvironmentWord(value)) return false;
  // An analytics write key or project token (`CLI_SEGMENT_WRITE_KEY`): the vendor ships it in every client.
  if (publicNameOf(name)) return false;
  // A weak or mode word as the default of a credential a hosted vendor issues (`GITHUB_CLIENT_SECRET || 'test'`,
  // `OPENAI_API_KEY || 'dev'`): a stand-in the provider refuses, with which nothing can be forged (issuedNames.ts).
  if (isIssuedCredentialStandIn(name, value)) return false;
  // A checksum's name (`MINIO_SHA256_AMD64`) keeps a hash of a download: random-looking, and published.
  return isSecretEnvName(name) ? isUsedSecretValue(value, name, product) : !endsInDescriptiveWord(name) && !namesAChecksum(name) && looksRandom(value) && !isNamedId(name, value);
}

/**
 * A default that spells its own variable's words and ends in a short generated suffix: the id a service gave
 * the thing the variable names (`NOVU_TEMPLATEID_INVITE_ACCEPTED || 'invite-accepted-dEQAsKD1E'`, a workflow's
 * slug plus its id). A random key does not start with the words of the name it is kept under.
 */
function isNamedId(name: string, value: string): boolean {
  const parts = value.split(/[-_]+/).filter(Boolean);
  if (parts.length < 3 || parts[parts.length - 1].length > 12) return false;
  const nameWords = words(name);
  return parts.slice(0, -1).every((p) => nameWords.some((w) => sameWord(w, p.toLowerCase())));
}

/** The same word, or a long one spelled one letter apart (`organisation`, `organization`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}

const PUBLIC_ENV = /^(?:NEXT_PUBLIC|EXPO_PUBLIC|NUXT_PUBLIC|PUBLIC)_/;

/**
 * `./certs`, `/etc/app/key`, `~/.ssh`, `C:\keys`: a path. Not a value that only starts like one and is random
 * letters between its slashes (qresp's Flask key, `//` then keyboard-mashed parts): every part plain letters
 * and digits, and at least two of them with five consonants in a row, which no folder name has
 * (`/etc/ssl/https` has one).
 */
function isPath(v: string): boolean {
  if (!/^(\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v)) return false;
  const parts = v.split(/[\\/]+/).filter(Boolean);
  const random = parts.every((p) => /^[A-Za-z0-9]+$/.test(p)) && parts.filter((p) => /[b-df-hj-np-tv-xz]{5}/i.test(p)).length >= 2;
  return !random;
}

/** A relative path to a documentation page (`models/users/token.md`, `guide/auth.rst`): a site's navigation entry. */
const DOCUMENT_PATH = /^[\w.-]+(?:\/[\w.-]+)*\.(?:md|mdx|markdown|rst|adoc)$/i;

/** PascalCase words ending in a kind of code unit: a class, component or model that handles the secret, not it. */
const CODE_TYPE_NAME = /^(?:[A-Z][a-z]+){2,}(?:Model|Component|Field|Handler|Provider|Service|Controller|View|Schema|Strategy|Middleware|Guard)$/;

/** Django's password hash format, `algorithm$iterations$salt$hash`: `pbkdf2_sha256$…`, `argon2$…`, `bcrypt_sha256$…`. */
const DJANGO_HASH = /^(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?|scrypt|md5|sha1|unsalted_md5|unsalted_sha1)\$[^\s$]*\$/;

/** Values encrypted to be committed: dotenvx `encrypted:…`, SOPS `ENC[AES256_GCM,data:…]`. */
function isEncrypted(v: string): boolean {
  return /^encrypted:[A-Za-z0-9+/=_-]{16,}$/.test(v) || /^ENC\[[A-Z0-9_]+,data:/.test(v);
}

/** Strings of a recognisable other kind that code keeps under secret names. */
function isNotASecret(v: string): boolean {
  return (
    /^[a-z]+(?:[-_][a-z]+)*(?:\/[a-z]+(?:[-_][a-z]+)*)+$/.test(v) || // error codes: `auth/wrong-password`, `access_token/label_too_short`
    /^[A-Z]+(?:-[A-Z]+)+$/.test(v) || // header and cookie names: `XSRF-TOKEN`
    /^[a-z_]+(?::[\w,.]*)?(?:\|[a-z_]+(?::[\w,.]*)?)+$/.test(v) || // validation rules: `required|min:8|confirmed`
    /^(?:string|number|boolean|object|any|unknown)[?!]?(?:\[\])?$/i.test(v) || // type descriptors: `string?`
    /^--[a-z][\w-]*$/.test(v) || // CSS custom properties and CLI flags: `--md-sys-color-primary`
    /^arn:aws[\w-]*:/.test(v) || // ARNs name a secret kept in AWS
    // A URN (RFC 8141: `urn:` then a namespace and its name) names something: OAuth's registered grant and token types
    // (`TokenTypeJWT = "urn:ietf:params:oauth:token-type:jwt"`, RFC 8693), SAML's name formats.
    /^urn:[a-z0-9][a-z0-9-]{0,31}:[\w()+,.:=@;$!*'%/-]+$/i.test(v) ||
    /^(?:proxy-)?authorization$/i.test(v) || // the header's name: `HEADER_KEY_TOKEN = 'Authorization'`
    /^pk_(?:live|test)_\w+$/.test(v) || // Stripe publishable keys are public by design
    /^phc_[A-Za-z0-9]{20,}$/.test(v) || // PostHog project keys too: they ship in every page the snippet tracks
    /\(\?P?<[A-Za-z_]\w*>/.test(v) || // a regular expression's named group: a URL pattern `(?P<friendly_token>[\w-]*)`
    // A hash or JWT algorithm's name (`daypassword.hashlib || 'sha1'`, `JWT_SECRET_ALG`'s `HS256`): what the secret is used with.
    /^(?:sha-?(?:1|224|256|384|512)|sha3-(?:224|256|384|512)|md5|blake2[bs]|[HREP]S(?:256|384|512))$/i.test(v) ||
    // A duration (`24h`, `30s`, `1h30m`): how long a password or token lasts, never its value.
    /^\d+(?:ms|s|m|h|d|w)(?:\d+(?:ms|s|m|h))*$/.test(v) ||
    // A Python entry point's object reference, `package.module:attr` (setup.cfg's `ckan.plugins = name = pkg.plugin:Class`,
    // https://packaging.python.org/en/latest/specifications/entry-points/): where the code is, under a plugin's name.
    /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(v) ||
    isReadOnlyCacheToken(v)
  );
}

/**
 * An Nx Cloud read-only access token, base64 of `<uuid>|read`: `nx connect` writes it into `nx.json` and Nx
 * documents committing it (it reads the remote build cache; writing needs a `read-write` token, never committed).
 */
function isReadOnlyCacheToken(v: string): boolean {
  if (v.length !== 56 || !/^[A-Za-z0-9+/]+=*$/.test(v)) return false;
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\|read$/.test(Buffer.from(v, 'base64').toString('latin1'));
}

/**
 * Lower-case words and snake_case codes (`'invalid'`, `'too_short'`, `'expired'`): what code keeps under
 * `errors.password` or `{ token: 'expired' }`. A weak password has a digit or a symbol (`'letmein99'`).
 */
export function isCodeWord(value: string): boolean {
  return /^[a-z]+(?:_[a-z]+)*$/.test(value.trim());
}

/**
 * The name of a type in a generated language (`float64`, `int32`, `map[string]interface{}`, `serde_json::Value`):
 * what a code generator keeps under `{ token: … }`, a token of the output language, not a credential.
 */
export function isTypeName(value: string): boolean {
  return /^(?:u?int\d*|[iuf]\d{1,3}|float\d*|double|bool(?:ean)?|string|str|bytes|any|interface\{\}|map\[[^\]]+\]\S+|\[\]\S+|[A-Za-z_]\w*(?:::[A-Za-z_][\w<>, ]*)+)$/.test(value.trim());
}

// Leetspeak digits and symbols back to the letters they stand for (`p4sta` → `pasta`, `s@uce` → `sauce`).
const LEET: Record<string, string> = { '4': 'a', '@': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '5': 's', '$': 's', '7': 't' };

/**
 * A phrase of three or more words, perhaps in leetspeak, joined by `-`, `_`, `.`, blanks or camelCase
 * (`p4sta.w1th-b0logn3s3-s@uce`, `SuperSecretPassw0rd`): a memorable sample an example file suggests, where a real secret of the
 * same length would be random. Every part must read as a word once its leetspeak is undone: letters only,
 * a vowel, no run of four consonants.
 */
export function isWordPhrase(value: string): boolean {
  // camelCase and PascalCase words are parts too: `SuperSecretPassw0rd`.
  const parts = value.trim().replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[-_. ]+/).filter(Boolean);
  // Tried first: the case split cuts a mixed-case phrase into pieces that are no words (`sTr0ngP@ssw0rd!2025`).
  if (isGluedKindPhrase(value.trim())) return true;
  if (parts.length < 3) return false;
  const isWord = (part: string): boolean => {
    const plain = part.toLowerCase().replace(/[4@3105$7!]/g, (c) => LEET[c]);
    return /^[a-z]{2,}$/.test(plain) && /[aeiouy]/.test(plain) && !/[^aeiouy]{4}/.test(plain);
  };
  // One part may be a product's name with a digit in it (`mirotalkp2p_default_secret`, `web3-app-secret`):
  // mostly letters, a vowel, no run of four consonants between the digits.
  const isName = (part: string): boolean => {
    const p = part.toLowerCase();
    return /^[a-z][a-z0-9]{1,15}$/.test(p) && /[0-9]/.test(p) && p.replace(/[0-9]/g, '').length * 3 >= p.length * 2 && !/[^aeiouy0-9]{4}/.test(p);
  };
  const names = parts.filter((part) => !isWord(part));
  return names.length === 0 || (names.length === 1 && parts.length >= 3 && isName(names[0]));
}

/**
 * Words glued into one, in leetspeak or mixed case, that end in the kind of secret they stand for, perhaps with a
 * few digits or marks after it (`myAwEsOm3pa55@w0rd`, `mysupersecret`, `emailpassword123`, `sTr0ngP@ssw0rd!2025`):
 * letters only once the leetspeak is undone, which a random secret of that length never is. An `@` inside a word
 * is read as nothing (`pass@word`) or as an `a` (`p@ssword`): either reading that spells the phrase counts.
 */
function isGluedKindPhrase(value: string): boolean {
  // Digits and a mark or two added at the end, as people do to a password they choose (`emailpassword123`,
  // `Passw0rd!2025`), are no part of a word; kept as well, since a final `7` or `!` may be leetspeak (`s3cr3t!`).
  const trimmed = value.replace(/(?<=[A-Za-z0-9@$])[!?#*.]{0,2}\d{0,4}[!?#*.]{0,2}$/, '');
  for (const v of new Set([value, trimmed])) {
    const lower = v.toLowerCase();
    for (const read of [lower.replace(/(?<=[a-z0-9$])@(?=[a-z0-9$])/g, ''), lower]) {
      const plain = read.replace(/[4@3105$7!]/g, (c) => LEET[c]);
      if (/^[a-z]{10,40}$/.test(plain) && /[aeiouy]/.test(plain) && /(?:password|passwd|passphrase|secret)$/.test(plain)) return true;
    }
  }
  return false;
}

/** For literals with no telling name (a fallback of `process.env.PORT`): only values that look random count. */
export function looksRandom(value: string, minLength = 16): boolean {
  if (value.length < minLength || /\s/.test(value) || isPlaceholder(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (/^[0-9a-f-]{36}$/i.test(value)) return false; // UUIDs identify, they do not authenticate
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(\.{0,2}\/)/.test(value)) return false;
  if (isSlug(value) || isSequential(value) || IMAGE_REFERENCE.test(value) || EMAIL_ADDRESS.test(value)) return false;
  return shannonEntropy(value) >= 3.5;
}

/**
 * `notify2org@mail.zentrix-corp.com`: a mailbox (the account a mailer logs in as, the sender it writes from), whose
 * digits and length make it look random. A key has no `@` before a domain that ends in a top-level name.
 */
const EMAIL_ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

// A container image on a registry: `us-central1-docker.pkg.dev/project/repo/epp:main`, `ghcr.io/org/app@sha256:…`.
const IMAGE_REFERENCE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/[\w./-]+(?::[\w.-]+)?(?:@sha256:[a-f0-9]{64})?$/;

/** A run of the alphabet and the digits (`abcdef1234567890`): typed by a person filling a sample in. */
export function isSequential(value: string): boolean {
  let steps = 0;
  for (let i = 1; i < value.length; i++) if (value.charCodeAt(i) - value.charCodeAt(i - 1) === 1) steps++;
  return steps >= (value.length - 1) * 0.75;
}

/**
 * An identifier made of words and version numbers (`google/gemma-4-31B-it`, `hosted_vllm/meta-llama/Llama-3.1-8B-Instruct`,
 * `gemini-2.5-flash-preview-04-17`): a model, an image or a package, whose digits and length make it look random;
 * also a module path (`django.db.backends.sqlite3`) and a list of hosts (`localhost,127.0.0.1`).
 * Every part must read as a word (a vowel, no run of four consonants), be a short lower-case, capitalised or
 * upper-case run (`vllm`, `it`, `GPU`), or a number with a unit letter (`31B`, `04`, `v2`).
 */
function isSlug(value: string): boolean {
  const parts = value.split(/[-_/.:@,;]+/).filter(Boolean);
  if (parts.length < 2) return false;
  // A word with a version glued on (`sqlite3`, `python311`) reads as the word: `django.db.backends.sqlite3`.
  return parts.every((p) => isSlugPart(p) || (/^[A-Za-z]{2,}\d{1,3}$/.test(p) && isSlugPart(p.replace(/\d+$/, ''))));
}

function isSlugPart(p: string): boolean {
  return (/^[A-Za-z]{2,}$/.test(p) && /^[A-Z]?[a-z]+$|^[A-Z]+$/.test(p) && /[aeiouy]/i.test(p) && !/[^aeiouy]{4}/i.test(p)) ||
    /^(?:[a-z]{1,4}|[A-Z][a-z]{0,3}|[A-Z]{1,4})$/.test(p) || /^[vV]?\d+[A-Za-z]?$/.test(p);
}

// Words that make a phrase a secret's stand-in rather than a label: `my-secret`, `default-jwt-key`, `dev_password`.
const SECRET_WORDS = /^(?:secret|secrets|password|passwd|passphrase|pass|pwd|key|keys|token|tokens|jwt|session|cookie|auth|private|signing|hmac|salt|api|apikey|credential|credentials|changeme|admin|root)$/;

/**
 * A sentence: three or more words of letters apart by blanks, ending in `.`, `!` or `?` — a message the code shows
 * where a value it was given is missing (`errors.otpToken || "Invalid token. Try a new one or use a backup code."`,
 * a form's error text). A passphrase has no sentence's stop; `keyboard cat` is two words.
 */
export function isSentence(value: string): boolean {
  if (!/[.!?]$/.test(value)) return false;
  const words = value.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w));
  return words.length >= 3 && words.every((w) => /^[("'\u2018\u201c]?[A-Za-z][A-Za-z'\u2019-]*[)"'\u2019\u201d]?[.,;:!?]*$/.test(w));
}

/**
 * A lower-case phrase of two or more words joined by `-` or `_`, none of them a secret's word: a label or an id
 * (`ctx.apiKey ?? 'internal-agent'`, `media.friendly_token || 'default-video'`), what a value the code was given
 * stands for when it is missing, not a key. `my-secret` and `default_password` are stand-in secrets.
 */
export function isLabelPhrase(value: string): boolean {
  if (!/^[a-z]+(?:[-_][a-z]+)+$/.test(value)) return false;
  return !value.split(/[-_]/).some((w) => SECRET_WORDS.test(w));
}
