import { protocolsOf, serviceForVariable } from './services';
import type { EnvUse } from './envReads';
import type { EnvRead, EnvType } from './types';

/*
 * From the uses of a variable (envReads.ts) to what the scaffolds write about it: type, default, whether it is
 * required, whether it is a secret, allowed protocols or values.
 */

/** Variables the platform or the tools set, not the application's configuration. */
const PLATFORM = /^(npm_.*|PATH|HOME|PWD|OLDPWD|USER|USERNAME|SHELL|HOSTNAME|TERM|TMPDIR|TEMP|TMP|LANG|CI|NODE_OPTIONS|NODE_DEBUG|NODE_V8_COVERAGE|NODE_TEST_CONTEXT|FORCE_COLOR|NO_COLOR|VSCODE_.*|GITHUB_ACTIONS|JEST_WORKER_ID|VITEST.*)$/;

export function isPlatformVariable(name: string): boolean {
  return PLATFORM.test(name);
}

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|(^|_)KEY($|_)|APIKEY|PRIVATE|CREDENTIAL|(^|_)PWD$|(^|_)PASS$|(^|_)AUTH$|SALT|(^|_)DSN$|COOKIE_SIGN)/;
const NOT_SECRET_NAME = /(PUBLIC|PUBLISHABLE|_KEY_(ID|PREFIX|NAME)$|TOKEN_(TTL|EXPIR|LIFETIME|AUDIENCE|ISSUER)|_(TTL|EXPIRES?|EXPIRY|TIMEOUT|LENGTH|HEADER)$)/;

/** Does the name say the value is a credential? */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  return SECRET_NAME.test(upper) && !NOT_SECRET_NAME.test(upper);
}

const PORT_NAME = /(^|_)PORT$/i;
const URL_NAME = /(^|_)(URL|URI)$/i;
const EMAIL_NAME = /(^|_)(EMAIL|MAIL_FROM|EMAIL_FROM)$/i;

/** Enumerations everyone shares; the logger's levels depend on the logger. */
function wellKnownValues(name: string, dependencies: ReadonlySet<string>): string[] | undefined {
  if (name === 'NODE_ENV') return ['development', 'production', 'test'];
  if (name === 'LOG_LEVEL') {
    if (dependencies.has('winston')) return ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];
    return ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  }
  return undefined;
}

/** Joins the uses of every variable into one description per variable, sorted by name. */
export function inferEnvReads(uses: EnvUse[], dependencies: ReadonlySet<string>): EnvRead[] {
  const byName = new Map<string, EnvUse[]>();
  for (const use of uses) {
    if (isPlatformVariable(use.name)) continue;
    const list = byName.get(use.name);
    if (list) list.push(use);
    else byName.set(use.name, [use]);
  }
  const reads: EnvRead[] = [];
  for (const [name, list] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    reads.push(inferOne(name, list, dependencies));
  }
  return reads;
}

function inferOne(name: string, uses: EnvUse[], dependencies: ReadonlySet<string>): EnvRead {
  const literalDefault = uses.find((u) => u.default !== undefined && u.default !== '')?.default;
  const emptyDefault = uses.some((u) => u.default === '');
  const optional = uses.some((u) => u.guarded || u.fallback || u.boolean !== undefined) || emptyDefault || literalDefault !== undefined;
  const service = serviceForVariable(name, dependencies);
  const defaultProtocol = literalDefault && /^([a-z][a-z0-9+.-]*):\/\//i.exec(literalDefault)?.[1]?.toLowerCase();

  let type: EnvType = 'string';
  const declared = uses.find((u) => u.declared)?.declared;
  const known = declared?.values ?? wellKnownValues(name, dependencies);
  const numeric = uses.some((u) => u.numeric === 'number') ? 'number' : uses.some((u) => u.numeric) ? 'integer' : undefined;
  if (declared) type = declared.type;
  else if (PORT_NAME.test(name)) type = 'port';
  else if (uses.some((u) => u.url) || URL_NAME.test(name) || defaultProtocol) type = 'url';
  else if (uses.some((u) => u.boolean)) type = 'boolean';
  else if (uses.some((u) => u.json)) type = 'json';
  else if (numeric) type = numeric === 'integer' && literalDefault !== undefined && !/^-?\d+$/.test(literalDefault) ? 'number' : numeric;
  else if (known) type = 'enum';
  else if (EMAIL_NAME.test(name)) type = 'email';

  const secretName = isSecretName(name);
  // Connection strings of databases and brokers carry credentials, so they are secret; a fallback without any
  // (`redis://localhost:6379`) is still a fine default.
  const connectionString = type === 'url' && ((service !== undefined && service !== 'kafka') || /^DATABASE_UR[LI]$/i.test(name));
  const read: EnvRead = {
    name,
    inferredType: type,
    secret: secretName || connectionString,
    required: !optional && name !== 'NODE_ENV',
    locations: uses.map((u) => u.location),
  };
  let def = literalDefault;
  if (def === undefined && type === 'boolean') {
    // `X === 'true'` reads an unset X as false: that is its default.
    const b = uses.find((u) => u.boolean && u.boolean !== 'plain')?.boolean;
    if (b) def = b === 'true-when-unset' ? 'true' : 'false';
  }
  const credentialFree = !secretName && def !== undefined && !/\/\/[^/@\s]*:[^/@\s]*@/.test(def);
  if (read.secret && !credentialFree) {
    // A literal fallback for a credential is a hardcoded secret: it goes nowhere, and the variable is required.
    if (literalDefault !== undefined) read.required = true;
    def = undefined;
  }
  if (def !== undefined) read.default = def;
  if (type === 'url') {
    const protocols = declared?.protocols ?? (defaultProtocol ? protocolsOf(defaultProtocol) : service ? protocolsOf(service) : undefined);
    if (protocols) read.protocols = protocols;
  }
  if (type === 'enum' && known) {
    const values = [...known];
    for (const u of uses) for (const c of u.compared ?? []) if (!values.includes(c)) values.push(c);
    if (def !== undefined && !values.includes(def)) values.push(def);
    read.values = values;
  }
  return read;
}
