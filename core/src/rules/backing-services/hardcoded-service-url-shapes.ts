import ts = require('typescript');
import { containsEnvAccess, envReadName } from '../../js/envReads';
import { dottedName, unwrap } from '../../js/modules';
import { toEnvName } from '../../secrets/names';

/** A backing service as a URL scheme names it, and the variable its address conventionally lives in. */
export interface Service {
  service: string;
  env: string;
}

const DATABASE: Service = { service: 'database', env: 'DATABASE_URL' };

/** URL schemes of backing services; http(s) is too general and is judged only where a client takes it. */
export const SCHEMES: Record<string, Service> = {
  postgres: DATABASE, postgresql: DATABASE, mysql: DATABASE, mysql2: DATABASE, mariadb: DATABASE, mssql: DATABASE,
  sqlserver: DATABASE, cockroachdb: DATABASE,
  mongodb: { service: 'MongoDB', env: 'MONGODB_URI' },
  'mongodb+srv': { service: 'MongoDB', env: 'MONGODB_URI' },
  redis: { service: 'Redis', env: 'REDIS_URL' },
  rediss: { service: 'Redis', env: 'REDIS_URL' },
  amqp: { service: 'message broker', env: 'AMQP_URL' },
  amqps: { service: 'message broker', env: 'AMQP_URL' },
  nats: { service: 'NATS', env: 'NATS_URL' },
  smtp: { service: 'SMTP server', env: 'SMTP_URL' },
  smtps: { service: 'SMTP server', env: 'SMTP_URL' },
  memcache: { service: 'memcached', env: 'MEMCACHED_URL' },
  memcached: { service: 'memcached', env: 'MEMCACHED_URL' },
};

/** `scheme://[user[:password]@]host[:port][,host2…][/path]`, the whole literal. */
const URL_SHAPE = /^([a-z][a-z0-9+]*):\/\/(?:([^:@/\s]*)(?::([^@/\s]*))?@)?([\w.%[\]:-]+(?:,[\w.%[\]:-]+)*)(?:[/?#]\S*)?$/i;

export interface ParsedUrl {
  scheme: string;
  /** The first host, without its port. */
  host: string;
  hasPassword: boolean;
}

/** A whole backing-service URL and the service its scheme names (`mysql+pymysql://` is MySQL's). */
export function serviceUrlOf(text: string): { url: ParsedUrl; service: Service } | undefined {
  const url = parseServiceUrl(text);
  const service = url && SCHEMES[url.scheme.replace(/\+(?!srv).*$/, '')];
  return url && service ? { url, service } : undefined;
}

/**
 * The variable a URL kept under a name moves to: `redisUrl`, `REDIS_URL`, `redis_url` → `REDIS_URL`; names that
 * say too little (`url`, `uri`, `connectionString`) keep the service's variable.
 */
export function envNameFor(name: string | undefined): string | undefined {
  if (!name || !/.(url|uri|dsn|connectionstring|host)$/i.test(name)) return undefined;
  const env = toEnvName(name);
  return env.includes('_') && !/^CONNECTION_STRING$/.test(env) ? env : undefined;
}

export function parseServiceUrl(text: string): ParsedUrl | undefined {
  // An address is short; the length bound keeps the pattern linear on pathological literals.
  if (text.length > 2048 || !/^\s*[a-z][a-z0-9+]*:\/\//i.test(text)) return undefined;
  const m = URL_SHAPE.exec(text.trim());
  if (!m) return undefined;
  const host = hostOf(m[4].split(',')[0]);
  if (!host) return undefined;
  return { scheme: m[1].toLowerCase(), host, hasPassword: m[3] !== undefined && m[3] !== '' };
}

/** A database DSN that is no URL; its address conventionally lives in `DATABASE_DSN`. */
export const DSN: Service = { service: 'database', env: 'DATABASE_DSN' };
const DSN_KEYS = /^(?:host|hostaddr|port|user|password|dbname|sslmode|connect_timeout|application_name|search_path|TimeZone)$/;

/**
 * A database DSN that is no URL, the whole literal: libpq's `host=db.internal user=app dbname=shop` (two known
 * keys at least, one of them `host`) and the MySQL driver's `user:pass@tcp(db.internal:3306)/shop`: its first
 * host (a unix socket is none). The secret rule has no shape for a password written in one (it reads URLs'),
 * so the address is reported whatever the DSN holds, and the fix moves it whole.
 */
export function dsnHostOf(text: string): string | undefined {
  if (text.length > 2048) return undefined;
  const mysql = /^(?:[^:@()/\s]*(?::[^@\s]*)?@)?tcp6?\(([^()\s]*)\)\/[\w\u0000$-]*(?:\?\S*)?$/.exec(text.trim());
  if (mysql) return hostOf(mysql[1]);
  const pairs = [...text.trim().matchAll(/(?:^|\s+)(\w+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S*))/g)];
  if (pairs.map((m) => m[0]).join('') !== text.trim() || pairs.filter((m) => DSN_KEYS.test(m[1])).length < 2) return undefined;
  const pair = pairs.find((p) => p[1] === 'host') ?? pairs.find((p) => p[1] === 'hostaddr');
  const host = pair && (pair[2] ?? pair[3]);
  return host && !host.startsWith('/') ? hostOf(host.split(',')[0]) : undefined;
}

/** `db.internal:5432` → `db.internal`, `[::1]:6379` → `::1`. */
export function hostOf(hostPort: string): string {
  const v6 = /^\[([^\]]*)\]/.exec(hostPort);
  if (v6) return v6[1];
  return hostPort.replace(/:\d*$/, '');
}

/** The developer's own machine. */
export function isLocalHost(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|::1?|host\.docker\.internal|[\w-]+\.localhost)$/i.test(host);
}

/** Stand-ins from docs and templates: `host`, `<host>`, `your-db-host`, `example.com`, `${HOST}`. */
export function isPlaceholderHost(host: string): boolean {
  return host.length < 2 || /^(host|hostname|server|domain|address|ip|xxx+|\.\.\.|…)$/i.test(host) || /^your[-_.]|[<>{}$%*]|^_+\w+_+$/i.test(host) ||
    /(^|\.)example\.(com|org|net)$/i.test(host) || /^[A-Z][A-Z0-9_]*$/.test(host) && host.includes('_');
}

/** A host that names a machine elsewhere: a domain name or an IP, not a compose service name such as `redis`. */
export function isRemoteHost(host: string): boolean {
  return !isLocalHost(host) && (host.includes('.') || host.includes(':'));
}

/** Where a literal is only a default: the right of `||`/`??`, a parameter default, `default:`, `.default(…)`. */
export interface FallbackPlace {
  /** The `process.env.X || 'literal'` expression, when the left side is a plain env read. */
  expression?: ts.BinaryExpression;
  envName?: string;
  /** Chosen by the environment (`NODE_ENV === 'production' ? a : b`): a default only when it is local. */
  choice?: boolean;
}

const DEFAULT_KEYS = /^(default|devDefault|defaultValue|fallback|example|placeholder|description|hint|help|docs?)$/;

export function fallbackPlace(literal: ts.Expression): FallbackPlace | undefined {
  let node: ts.Node = literal;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (ts.isBinaryExpression(parent) && parent.right === node) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      const envName = envReadName(parent.left);
      return envName ? { expression: parent, envName } : {};
    }
    if (op === ts.SyntaxKind.BarBarEqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken) return {};
  }
  if ((ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.initializer === node) return {};
  if (ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteralLike(parent.name)) && DEFAULT_KEYS.test(parent.name.text)) return {};
  // `isProd ? process.env.REDIS_URL : 'redis://localhost'`, `NODE_ENV === 'production' ? … : 'redis://localhost'`.
  if (ts.isConditionalExpression(parent) && parent.condition !== node) {
    if (parent.whenTrue === node ? containsEnvAccess(parent.whenFalse) : containsEnvAccess(parent.whenTrue)) return {};
    if (containsEnvAccess(parent.condition)) return { choice: true };
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const callee = unwrap(parent.expression);
    // zod/yup/joi `.default('redis://localhost')`, convict-style `env('REDIS_URL', 'redis://localhost')`.
    if (ts.isPropertyAccessExpression(callee) && /^(default|catch|withDefault|orDefault|fallback)$/.test(callee.name.text)) return {};
    // A command-line option's default (commander `.option(flags, description, default)`): the flag overrides it.
    if (ts.isPropertyAccessExpression(callee) && /^(option|requiredOption)$/.test(callee.name.text) && parent.arguments.indexOf(node as ts.Expression) >= 2) return {};
    const first = parent.arguments[0] && unwrap(parent.arguments[0]);
    if (parent.arguments[0] !== node && first && ts.isStringLiteralLike(first) && /^[A-Z][A-Z0-9_]+$/.test(first.text)) return {};
  }
  // `let url = process.env.DATABASE_URL; if (!url) url = 'postgres://db:5432/app'`: the variable's own default.
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) {
    const name = parent.left.text;
    for (let n: ts.Node | undefined = parent.parent; n && !ts.isFunctionLike(n) && !ts.isSourceFile(n); n = n.parent) {
      if (ts.isIfStatement(n) && negates(n.expression, name)) return {};
    }
  }
  // `if (path) { this.path = path } else { this.path = 'mongodb://localhost/wallets' }`: the default when the caller names
  // none (bitcore-client's wallet storage), as `path || '…'` is.
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && isElseDefault(parent)) return {};
  // `if (!process.env.REDIS_URL) url = 'redis://localhost:6379'`: a default chosen by the environment.
  for (let n: ts.Node | undefined = parent; n && !ts.isFunctionLike(n) && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isIfStatement(n) && containsEnvAccess(n.expression)) return { choice: true };
  }
  return inDefaultObject(node) ? {} : undefined;
}

/**
 * A value of an object literal that stands on the right of `||`/`??` (or is assigned by `||=`/`??=`): the settings
 * used when the configuration names none (`config.dbs = config.dbs || { redis: 'redis://127.0.0.1:6379/8' }`), as
 * `process.env.REDIS_URL || '…'` is the variable's. Objects nested a few levels deep count too (`{ db: { url } }`).
 */
function inDefaultObject(node: ts.Node): boolean {
  let n: ts.Node = node;
  for (let depth = 0; depth < 4; depth++) {
    const property = n.parent;
    if (!property || !ts.isPropertyAssignment(property) || property.initializer !== n || !ts.isObjectLiteralExpression(property.parent)) return false;
    n = property.parent;
    while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent))) n = n.parent;
    const outer = n.parent;
    if (outer && ts.isBinaryExpression(outer) && outer.right === n && isDefaulting(outer.operatorToken.kind)) return true;
  }
  return false;
}
/** `||`, `??`, `||=`, `??=`: a function, not a table, so that loading the module does not load TypeScript (cli/startup.test). */
function isDefaulting(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarEqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken;
}

/** `!url`, `url === undefined`, `url == null`, `typeof url === 'undefined'`: the condition says the variable is unset. */
/**
 * An assignment in the `else` of an `if (value)` whose own branch assigns the same target from that value: the
 * branch taken when the value is missing, so the literal is its default.
 */
function isElseDefault(assignment: ts.BinaryExpression): boolean {
  let branch: ts.Node = assignment.parent;
  if (!ts.isExpressionStatement(branch)) return false;
  if (ts.isBlock(branch.parent)) branch = branch.parent;
  const choice = branch.parent;
  if (!choice || !ts.isIfStatement(choice) || choice.elseStatement !== branch) return false;
  const tested = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) tested.add(n.text);
    n.forEachChild(collect);
  };
  collect(choice.expression);
  const target = assignment.left.getText();
  let given = false;
  const visit = (n: ts.Node): void => {
    if (given || ts.isFunctionLike(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.left.getText() === target) {
      const right = unwrap(n.right);
      if (ts.isIdentifier(right) && tested.has(right.text)) given = true;
    }
    n.forEachChild(visit);
  };
  visit(choice.thenStatement);
  return given;
}

function negates(condition: ts.Expression, name: string): boolean {
  const c = unwrap(condition);
  const isName = (e: ts.Expression) => {
    const u = unwrap(e);
    return ts.isIdentifier(u) && u.text === name;
  };
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return isName(c.operand);
  if (ts.isBinaryExpression(c) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(c.operatorToken.kind)) {
    const other = isName(c.left) ? unwrap(c.right) : isName(c.right) ? unwrap(c.left) : undefined;
    return other !== undefined && (other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined'));
  }
  return false;
}

/**
 * The value of an environment variable in an environment the code composes for something else (a setup CLI's
 * generated `.env`, a child process's or a container's `env`): `{ DATABASE_URL: \`postgresql://…@db:5432/app\` }`,
 * `env.REDIS_URL = 'redis://redis:6379'`. Named by the variable, it is configuration being written, as a compose file's
 * `environment:` is. Not `process.env.X = …`, which sets the running process's own variable.
 */
export function inComposedEnvironment(node: ts.Node): boolean {
  let n: ts.Node = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  const parent = n.parent;
  if (!parent) return false;
  if (ts.isPropertyAssignment(parent) && parent.initializer === n) {
    if (!(ts.isIdentifier(parent.name) || ts.isStringLiteralLike(parent.name)) || !ENV_NAME.test(parent.name.text)) return false;
    let object: ts.Node = parent.parent;
    while (object.parent && (ts.isParenthesizedExpression(object.parent) || ts.isAsExpression(object.parent) || ts.isSatisfiesExpression(object.parent))) object = object.parent;
    const holder = object.parent;
    const name = holder && (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) && holder.initializer === object && (ts.isIdentifier(holder.name) || ts.isStringLiteralLike(holder.name)) ? holder.name.text : undefined;
    return name !== undefined && ENV_HOLDER.test(name);
  }
  if (ts.isBinaryExpression(parent) && parent.right === n && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = unwrap(parent.left);
    const name = ts.isPropertyAccessExpression(target) ? target.name.text
      : ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : undefined;
    if (name === undefined || !ENV_NAME.test(name)) return false;
    const holder = dottedName((target as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
    return holder !== undefined && !/^(?:process|Deno|Bun)\.env$/.test(holder) && ENV_HOLDER.test(holder.split('.').pop() ?? '');
  }
  return false;
}
/** An environment variable's name: upper case words joined by underscores (`DATABASE_URL`, `REDIS_URL`). */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** What holds an environment: `env`, `envVars`, `childEnv`, `dockerEnv`, `environment`, `ENV_CONFIG`… */
const ENV_HOLDER = /^(?:\w*[a-z_])?(?:env|Env|ENV|environment|Environment|ENVIRONMENT)(?:Vars?|Variables|Config|_VARS|_CONFIG)?$/;

/** Inside a development or test section of a config object (`development: { url: 'postgres://localhost/dev' }`). */
// `$default` is confidence's fallback branch (`{ $filter: 'env', production: process.env.X, $default: … }`).
export function inDevelopmentSection(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteralLike(n.name)) && /^(dev|development|local|test|testing|ci|e2e|\$default)$/i.test(n.name.text)) return true;
    if (ts.isFunctionLike(n)) return false;
  }
  return false;
}

/**
 * Kept under a name that says it is the test or development one (`databasetest: 'mongodb://localhost/app-test'`,
 * `testDatabaseUrl`, `TEST_REDIS_URL`, `devMongoUri`): the database a test run or a developer's machine uses, as
 * a `test:` section of the same config would hold it.
 */
export function namedForDevOrTest(literal: ts.Node): boolean {
  const parent = literal.parent;
  if (!parent || !(ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) || parent.initializer !== literal) return false;
  const name = ts.isIdentifier(parent.name) || ts.isStringLiteralLike(parent.name) ? parent.name.text : '';
  const parts = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[-_ ]+/).filter(Boolean).map((w) => w.toLowerCase());
  if (parts.length > 1 && (DEV_OR_TEST.test(parts[0]) || DEV_OR_TEST.test(parts[parts.length - 1]))) return true;
  // Glued in lower case: a service's word, then the environment (`databasetest`, `mongodev`).
  return /^(?:db|database|mongo|mongodb|redis|postgres|pg|mysql|sql|amqp|rabbit|broker|queue|cache|url|uri|dsn)(?:test|testing|dev|development)$/.test(name.toLowerCase());
}
const DEV_OR_TEST = /^(?:test|testing|dev|development|e2e)$/;

/**
 * The comment line just above the value's line tells the reader to put in their own (migrate-mongo's generated
 * config: `// TODO Change (or review) the url to your MongoDB:` over `url: 'mongodb://localhost:27017'`): a template
 * the user edits, whose local address is the tool's sample.
 */
export function toldToReplaceAbove(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart <= 0) return false;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
  return above.length <= 200 && REPLACE_YOURS.test(above);
}
const REPLACE_YOURS = /^\s*(?:\/\/|#|\/?\*+)\s*(?:TODO:?\s*)?(?:please\s+)?(?:change|replace|set|update|edit|adjust)\b[^\n]*\b(?:your|your own)\b/i;

/**
 * The comment on the value's line, or the comment line just above it, says the setting is no longer used (alerta's
 * `# MongoDB (deprecated, use DATABASE_URL setting)` over `MONGO_URI = 'mongodb://localhost:27017/monitoring'`, `# not
 * used`): asked of a local address only, which then connects nowhere a deployment relies on.
 */
export function saidUnused(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const comment = /(?:#|\/\/)(?=[^'"`]*$)(.*)$/.exec(line.slice(start - lineStart))?.[1];
  if (comment !== undefined && UNUSED.test(comment)) return true;
  if (lineStart <= 1) return false;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
  return above.length <= 200 && /^\s*(?:#|\/\/|\/?\*+)/.test(above) && UNUSED.test(above);
}
const UNUSED = /\b(?:deprecated|not used|unused|obsolete|no longer used)\b/i;

/** Text the user reads rather than an address the code connects to: a JSX attribute, a log line, an error. */
export function isProse(literal: ts.Node): boolean {
  const parent = literal.parent;
  if (!parent) return false;
  if (ts.isJsxAttribute(parent) || ts.isJsxExpression(parent)) return true;
  // A container's description (`{ image: 'redis:7', url: 'redis://redis:6379' }`) is a template for compose files.
  if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) &&
      parent.parent.properties.some((p) => p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && p.name.text === 'image')) return true;
  if (ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteralLike(parent.name)) && DEFAULT_KEYS.test(parent.name.text)) return true;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent))) {
    const name = dottedName(parent.expression) ?? '';
    if (/^(console|logger|log)\.|(^|\.)(Error|TypeError|describe|it|test)$|\.(log|info|warn|error|debug)$/.test(name)) return true;
  }
  return false;
}
