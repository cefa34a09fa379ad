import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';
import { isAuthorizationName, isSensitiveName, namesTokenSigningKey, toEnvName } from './names';
import { isTemplateMarker } from './placeholder';
import { looksRandom } from './value';
import { looksGenerated } from './evidence';

/** A value that a key-value file keeps under a sensitive key. */
export interface KeyedSecret {
  name: string;
  value: string;
  start: number;
  end: number;
  envName: string;
  /** For YAML scalars, the whole scalar (with quotes): what `"${NAME}"` replaces in a compose file. */
  scalar?: { start: number; end: number };
  /** A `KEY=value` item of a block list whose value is written plainly: `${NAME}` can take its place as is. */
  plainItem?: boolean;
  /** Beside `host: localhost`: the password of a database on the developer's machine. */
  local?: boolean;
  /** Inside a `defaults:` map: the built-in value a shipped configuration falls back to. */
  underDefaults?: boolean;
  /** Under a top-level `development:` or `test:` section (Rails' `secrets.yml`, `database.yml`): not what runs in production. */
  devOrTest?: boolean;
}

function keyed(name: string, value: string, start: number, scalar?: { start: number; end: number }): KeyedSecret | undefined {
  if (isAuthorizationName(name)) {
    const m = /^((?:Bearer|Basic|Token|token|Bot)\s+)(\S{8,})$/.exec(value);
    return m ? { name, value: m[2], start: start + m[1].length, end: start + value.length, envName: 'API_TOKEN' } : undefined;
  }
  // `AUTH_TOKEN_KEY=<44 random characters>`: in code a `TOKEN_KEY` names where a token is stored, but a generated value
  // under it is the key tokens are signed with (tinode's image `ENV`).
  if (!isSensitiveName(name) && !(namesTokenSigningKey(name) && looksGenerated(value))) return undefined;
  return { name, value, start, end: start + value.length, envName: toEnvName(name), scalar };
}

/**
 * YAML and JSON: every scalar kept under a sensitive key, and `KEY=value` items of lists (compose's list
 * form of `environment`).
 */
export function findYamlSecrets(docs: Document.Parsed[], text: string): KeyedSecret[] {
  const found: KeyedSecret[] = [];
  for (const doc of docs) {
    visit(doc, {
      Pair(_, pair, path) {
        if (!isScalar(pair.key) || !isScalar(pair.value)) return;
        if (namesNotSecrets(path) || isUserRecord(path) || namesTlsSecret(pair.key.value, pair.value.value, path)) return;
        // A tagged scalar is computed, not written: CloudFormation `!Ref DBPassword`, `!GetAtt Secret.Value`.
        if (pair.value.tag?.startsWith('!')) return;
        const value = pair.value.value;
        if (typeof value !== 'string' && typeof value !== 'number') return;
        // A number with a fraction or an exponent is a measure (a model's price per token, `cache_write_tokens:
        // 6.25e-6`; a ratio), never a password or a key: those are written as strings or whole numbers.
        if (typeof value === 'number' && !Number.isInteger(value)) return;
        const entryName = envEntryName(pair, path[path.length - 1]);
        const name = entryName ?? String(pair.key.value);
        const found1 = scalarSecret(name, pair.value as Node, text);
        const siblings = found1 && (entryName === undefined ? siblingsOf(path[path.length - 1]) : envListEntries(path[path.length - 2]));
        if (found1 && siblings && (echoesAccount(found1.value, siblings) || besideTemplateMarker(found1.value, siblings))) return;
        if (found1) {
          found.push({ ...found1, local: hasLocalHost(path[path.length - 1]) || undefined, underDefaults: underDefaults(path) || undefined, devOrTest: inDevOrTestSection(path) || undefined });
        }
      },
      Seq(_, seq) {
        const flow = (seq as { flow?: boolean }).flow === true;
        for (const item of seq.items) {
          if (!isScalar(item) || typeof item.value !== 'string') continue;
          const m = /^([A-Za-z_][\w.-]*)=(.+)$/.exec(item.value);
          if (!m || !item.range) continue;
          const raw = text.slice(item.range[0], item.range[1]);
          const at = raw.indexOf(m[2]);
          if (at < 0) continue;
          const secret = keyed(m[1], m[2], item.range[0] + at);
          // Only a plain item of a block list can take `${NAME}` in place: quotes, escapes or a flow list cannot.
          if (secret) found.push({ ...secret, plainItem: !flow && raw === item.value });
        }
      },
    });
  }
  return found;
}

// Maps whose keys are names of packages or scopes, never of secrets: `"js-tokens": "^4.0.0"` in package.json,
// `id-token: write` in a GitHub Actions workflow's `permissions`.
const NAME_MAPS = new Set([
  'dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies',
  'bundledDependencies', 'peerDependenciesMeta', 'dependenciesMeta', 'overrides', 'resolutions', 'engines',
  'permissions',
]);

// Maps whose values are ciphertext meant to be committed: a SealedSecret's `encryptedData`.
const ENCRYPTED_MAPS = new Set(['encryptedData']);

/** True when the pair being visited sits directly in a map kept under one of NAME_MAPS or ENCRYPTED_MAPS. */
function namesNotSecrets(path: readonly unknown[]): boolean {
  // The visitor's path ends …, Pair(parent key), Map, [this Pair]: the map's own pair is two steps up.
  const owner = path[path.length - 2];
  if (!isPair(owner) || !isScalar(owner.key)) return false;
  const key = String(owner.key.value);
  return NAME_MAPS.has(key) || ENCRYPTED_MAPS.has(key);
}

// A Kubernetes object name (DNS-1123: lower-case letters, digits, `-` and `.`).
const OBJECT_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/**
 * `secret:` or `secretName:` in a map kept under `tls` names the Kubernetes Secret that holds the certificate: an
 * Ingress's `tls: [{secretName: …}]` and the Helm chart values that fill it (`ingress.tls.secret`)
 * (https://kubernetes.io/docs/concepts/services-networking/ingress/#tls). The value is the object's name.
 */
function namesTlsSecret(key: unknown, value: unknown, path: readonly unknown[]): boolean {
  if (typeof key !== 'string' || !/^secret(?:_?name)?$/i.test(key)) return false;
  if (typeof value !== 'string' || !OBJECT_NAME.test(value)) return false;
  // …, Pair(tls), Map, [this Pair]; or …, Pair(tls), Seq, Map, [this Pair] for a list of TLS entries.
  const owner = isSeq(path[path.length - 2]) ? path[path.length - 3] : path[path.length - 2];
  return isPair(owner) && isScalar(owner.key) && /^tls$/i.test(String(owner.key.value));
}

// Keys that make a map one user's record: a list of them is seed data (demo logins), not configuration.
export const USER_KEYS = /^(?:email|e-mail|user_?name|login)$/i;

/** The pair sits in a map that is an item of a list and names a user: `- email: admin` / `password: admin123`. */
function isUserRecord(path: readonly unknown[]): boolean {
  const map = path[path.length - 1];
  if (!isMap(map) || !isSeq(path[path.length - 2])) return false;
  return map.items.some((p) => isScalar(p.key) && USER_KEYS.test(String(p.key.value)));
}

/** Some map above the pair is kept under `defaults:` (`defaults: { config: { db: { … } } }`). */
function underDefaults(path: readonly unknown[]): boolean {
  return path.some((p) => isPair(p) && isScalar(p.key) && /^defaults?$/i.test(String(p.key.value)));
}

// The environments a per-environment config file (Rails' `secrets.yml`, `database.yml`, `config.yml`) keeps
// apart from production.
const DEV_OR_TEST = /^(?:development|dev|test|testing|local)$/i;

/** The pair is inside a top-level `development:`/`test:` section, the first pair of its document. */
function inDevOrTestSection(path: readonly unknown[]): boolean {
  const top = path.find(isPair);
  return top !== undefined && isScalar(top.key) && DEV_OR_TEST.test(String(top.key.value));
}

// Keys that name the account or database a password belongs to: `username`, `POSTGRES_USER`, `database`.
const ACCOUNT_KEY = /^(?:[\w-]*[_.-])?(?:user|username|user_name|login|database|db|dbname|db_name)$/i;

/**
 * A password spelled as its own account's or database's name (`username: opengist` / `password: opengist` /
 * `database: opengist` in a chart's values, `postgres`/`postgres` in a shipped defaults file): the documented
 * default an operator overrides, which a chosen secret never is. A random-looking value still counts.
 */
export function echoesAccount(value: string, siblings: Array<[string, string]>): boolean {
  if (value === '' || looksRandom(value)) return false;
  return siblings.some(([key, v]) => v === value && ACCOUNT_KEY.test(key));
}

/**
 * A short value beside a template's marker (`OPENAI_API_KEY: sk-xxx` in the same `env` list, `urls:
 * [turn:your.turn.servers.here]` in the same map): the file is a template its reader fills in, and `123456` or
 * `turnserversharedsecret` there is one more blank to fill, as the marker beside it says. A generated-looking value
 * or one of a signing key's length (32 characters and more) is judged as usual: someone filled that one in.
 */
function besideTemplateMarker(value: string, siblings: Array<[string, string]>): boolean {
  if (value.length >= 32 || looksRandom(value)) return false;
  return siblings.some(([, v]) => v !== value && isTemplateMarker(v));
}

/** A map's other scalar values as key/value pairs, with the scalar items of a list kept under a key (`urls: [a, b]`). */
function siblingsOf(map: unknown): Array<[string, string]> {
  if (!isMap(map)) return [];
  return map.items.flatMap((p) => {
    if (!isScalar(p.key)) return [];
    const key = String(p.key.value);
    if (isScalar(p.value)) return [[key, String(p.value.value)] as [string, string]];
    if (isSeq(p.value)) return p.value.items.flatMap((item) => (isScalar(item) ? [[key, String(item.value)] as [string, string]] : []));
    return [];
  });
}

/**
 * The `{ name, value }` items of a Kubernetes container's `env` list as name/value pairs: the siblings of one
 * item (`POSTGRES_USER: hanko` beside `POSTGRES_PASSWORD: hanko`), as a map's other keys are for a map's pair.
 */
function envListEntries(seq: unknown): Array<[string, string]> {
  if (!isSeq(seq)) return [];
  return seq.items.flatMap((item) => {
    if (!isMap(item)) return [];
    const name = item.items.find((p) => isScalar(p.key) && p.key.value === 'name');
    const value = item.items.find((p) => isScalar(p.key) && p.key.value === 'value');
    return name && value && isScalar(name.value) && isScalar(value.value) ? [[String(name.value.value), String(value.value.value)] as [string, string]] : [];
  });
}

/** A database's settings whose `host` is the developer's own machine (`host: localhost`). */
function hasLocalHost(map: unknown): boolean {
  if (!isMap(map)) return false;
  return map.items.some((p) => isScalar(p.key) && /^(?:host|hostname|server)$/i.test(String(p.key.value)) && isScalar(p.value) &&
    /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|::1)$/.test(String(p.value.value)));
}

/**
 * Kubernetes `env` items and ECS `environment` entries are maps `{ name: DB_PASSWORD, value: … }`: the value
 * is kept under the name's value, not under the key `value`.
 */
function envEntryName(pair: Pair, map: unknown): string | undefined {
  if (!isScalar(pair.key) || pair.key.value !== 'value' || !isMap(map)) return undefined;
  const named = map.items.find((p) => isScalar(p.key) && p.key.value === 'name');
  return named && isScalar(named.value) && typeof named.value.value === 'string' ? named.value.value : undefined;
}

function scalarSecret(name: string, node: Node, text: string): KeyedSecret | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const raw = text.slice(start, end);
  const value = String((node as { value: unknown }).value);
  // The secret's offsets: inside the quotes when quoted; block scalars (|, >) and escapes keep the whole node.
  const at = raw.indexOf(value);
  const valueStart = at >= 0 ? start + at : start;
  const valueEnd = at >= 0 ? valueStart + value.length : end;
  const secret = keyed(name, value, valueStart, { start, end });
  if (secret) secret.end = valueEnd;
  return secret;
}

interface Line {
  text: string;
  start: number;
}

function* linesOf(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    yield { text: line, start };
    start = end + 1;
  }
}

/** Strips matching quotes and, for unquoted values, a trailing ` # comment`; returns the value and its offset in the raw text. */
function unquote(raw: string): { value: string; offset: number } {
  const trimmed = raw.replace(/\s+$/, '');
  const lead = raw.length - raw.replace(/^\s+/, '').length;
  const body = trimmed.slice(lead);
  const q = body[0];
  if ((q === '"' || q === "'" || q === '`') && body.length >= 2) {
    const close = body.indexOf(q, 1);
    if (close > 0) return { value: body.slice(1, close), offset: lead + 1 };
  }
  const hash = body.search(/\s#/);
  return { value: hash >= 0 ? body.slice(0, hash).trimEnd() : body, offset: lead };
}

const ENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=(.*)$/;
const PROPERTIES_LINE = /^\s*([\w.-]+(?:\[[\w.-]+\])?)\s*[=:](.*)$/;
const SHELL_ASSIGN = /^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_]\w*)=(.*)$/;
// A flag's value never starts with `-`: in `psql --password --host db` the next word is another flag.
const SHELL_FLAG = /--((?:[a-z]+-)*(?:password|passwd|token|secret|api-key|apikey|private-key|access-key))[= ]("[^"]*"|'[^']*'|[^\s'"-][^\s'"]*)/gi;
const CURL_HEADER = /(?:-H|--header)\s*(["'])((?:proxy-)?authorization):\s*([^"']*)\1/gi;
/**
 * A GPG key's id or fingerprint (16 or 40 hex digits) in a variable the same file hands gpg as the key to sign or
 * encrypt with (`gpg --default-key ${SIGNING_KEY}`, `--local-user`, `-u`, `--recipient`, `-r`): a public
 * identifier of the key, which stays in the keyring (audit: privacyidea's Makefile).
 */
export function isSigningKeyId(text: string, name: string, value: string): boolean {
  if (!/^(?:[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})$/.test(value) || !/\bgpg2?\b/.test(text)) return false;
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ref = `\\$(?:\\{${n}\\}|\\(${n}\\)|${n}\\b)`;
  return new RegExp(`\\bgpg2?\\b[^\\n]*?\\s(?:--default-key|--local-user|-u|--recipient|-r)(?:\\s+|=)["']?${ref}`).test(text);
}

const CURL_USER = /\bcurl\b.{0,300}?\s(?:-u|--user)(?:\s+|=)("[^"]*"|'[^']*'|[^\s'"-]\S*)/g;
// `mysql -pSECRET`: the password is glued to `-p` (a lone `-p` prompts; `-P` is the port).
const MYSQL_PASSWORD = /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b.{0,300}?\s-p("[^"]*"|'[^']*'|[^\s'"]+)/g;

/** `.env`, `.properties`, `.ini`: one `KEY=value` per line. */
export function findLineSecrets(text: string, kind: 'env' | 'properties' | 'shell' | 'dockerfile'): KeyedSecret[] {
  const found: KeyedSecret[] = [];
  // INI and TOML sections that set the environment of the test run: their values are test configuration.
  let testSection = false;
  const push = (name: string, raw: string, rawStart: number) => {
    const { value, offset } = unquote(raw);
    const secret = keyed(name, value, rawStart + offset);
    if (secret) found.push(testSection ? { ...secret, devOrTest: true } : secret);
  };
  // An `ENV` whose line ends in `\` goes on: `ENV NODE_ENV=production \` then `    DB_PASSWORD=…`.
  let continued = false;
  // INI and TOML: each `[section]`'s pairs (a shell script and a `.env` are one section), so a password repeating
  // its section's user name is told apart (`WEB_API_USER=app` / `WEB_API_PASSWORD=app` in a stack's env file).
  const sections: Array<{ pairs: Array<[string, string]>; from: number }> = [{ pairs: [], from: 0 }];
  for (const line of linesOf(text)) {
    const t = line.text;
    if (/^\s*[#;!]/.test(t) || t.trim() === '') continue;
    const header = kind === 'properties' ? /^\s*\[\s*([^\]]*?)\s*\]\s*$/.exec(t) : null;
    if (header) {
      sections.push({ pairs: [], from: found.length });
      testSection = TEST_ENVIRONMENT_SECTION.test(header[1]);
    }
    if (kind === 'dockerfile') {
      const m: RegExpExecArray | null = continued ? /^()(.*)$/.exec(t) : /^\s*(ENV|ARG)\s+(.*)$/i.exec(t);
      const wasContinued = continued;
      continued = m !== null && /\\$/.test(t);
      if (!m) continue;
      const argsStart = t.length - m[2].length;
      // The continuation backslash is not part of the last value (`DB_PASSWORD=…\`).
      const pairs = [...m[2].replace(/\\$/, '').matchAll(/([A-Za-z_][\w.-]*)=("[^"]*"|'[^']*'|\S*)/g)];
      // A Dockerfile is one section: `ENV DATABASE_USER=postgres` then `ENV DATABASE_PASSWORD=postgres` is the
      // database image's stock login, as in a `.env` (audit: laudspeaker's development Dockerfile).
      const section = sections[sections.length - 1].pairs;
      if (pairs.length === 0 && !wasContinued) {
        const legacy = /^([A-Za-z_][\w.-]*)\s+(.+)$/.exec(m[2]);
        if (legacy) push(legacy[1], legacy[2], line.start + argsStart + legacy[0].length - legacy[2].length);
        if (legacy) section.push([legacy[1], unquote(legacy[2]).value]);
      }
      for (const p of pairs) {
        push(p[1], p[2], line.start + argsStart + (p.index ?? 0) + p[1].length + 1);
        section.push([p[1], unquote(p[2]).value]);
      }
      continue;
    }
    const m = (kind === 'env' ? ENV_LINE : kind === 'properties' ? PROPERTIES_LINE : SHELL_ASSIGN).exec(t);
    if (m) push(m[1], m[2], line.start + t.length - m[2].length);
    if (m) sections[sections.length - 1].pairs.push([m[1], unquote(m[2]).value]);
    if (kind === 'shell') found.push(...commandSecrets(t, line.start, push));
  }
  const sectionOf = (i: number) => [...sections].reverse().find((s) => s.from <= i)?.pairs ?? [];
  return found.filter((secret, i) => !echoesAccount(secret.value, sectionOf(i)));
}

/**
 * The sections that set a test run's environment: pytest-env's `[tool.pytest_env]` in pyproject.toml and `env =`
 * under `[pytest]`/`[tool:pytest]` (pytest.ini, setup.cfg), tox's `[testenv]`/`[testenv:name]` `setenv =`.
 */
const TEST_ENVIRONMENT_SECTION = /^(?:tool\.pytest_env|pytest|tool:pytest|(?:tox:)?testenv(?::[\w.-]+)?)$/;

/** Credentials given to commands on a shell line: `--password=…`, `curl -H "Authorization: …"`, `curl -u user:pw`, `mysql -p…`. */
function commandSecrets(t: string, lineStart: number, push: (name: string, raw: string, rawStart: number) => void): KeyedSecret[] {
  const found: KeyedSecret[] = [];
  for (const f of t.matchAll(SHELL_FLAG)) push(f[1], f[2], lineStart + (f.index ?? 0) + f[0].length - f[2].length);
  for (const h of t.matchAll(CURL_HEADER)) {
    const secret = keyed(h[2], h[3], lineStart + (h.index ?? 0) + h[0].length - 1 - h[3].length);
    if (secret) found.push(secret);
  }
  const glued = (name: string, envName: string, raw: string, rawStart: number, afterColon: boolean) => {
    const { value, offset } = unquote(raw);
    const colon = afterColon ? value.indexOf(':') : -1;
    if (afterColon && colon < 0) return;
    const secret = value.slice(colon + 1);
    // `-u 1000:1000` style ids are not passwords.
    if (/^\d*$/.test(secret)) return;
    const start = rawStart + offset + colon + 1;
    found.push({ name, value: secret, start, end: start + secret.length, envName });
  };
  for (const u of t.matchAll(CURL_USER)) glued('curl --user', 'CURL_PASSWORD', u[1], lineStart + (u.index ?? 0) + u[0].length - u[1].length, true);
  for (const p of t.matchAll(MYSQL_PASSWORD)) glued('mysql -p', 'MYSQL_PASSWORD', p[1], lineStart + (p.index ?? 0) + p[0].length - p[1].length, false);
  return found;
}

/** The commands whose credentials commandSecrets reads without a secret-sounding word on the line. */
export const SHELL_COMMAND_CANDIDATE = /\b(?:curl|mysql|mysqldump|mysqladmin|mariadb)\b/;

/** The cheap test made before YAML or JSON is parsed: every compound isSensitiveName knows. */
export const KEYED_CANDIDATE = /pass|pwd|secret|token|credential|auth|(?:api|private|access|signing|encryption|master|session|app|client|license|webhook)[-_]?key/i;
