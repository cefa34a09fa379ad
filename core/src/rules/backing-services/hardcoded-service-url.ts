import ts = require('typescript');
import type { FileContext } from '../../context';
import type { MoveToEnvFix } from '../../fixes/types';
import { BoundStatementMemo } from '../../js/boundMemo';
import { dottedName, ModuleBindings, specifiersInText, unwrap, type ModulePath } from '../../js/modules';
import { isStrandedScript } from '../../js/strandedScript';
import { isFixturePath } from '../../secrets/documents';
import { lineLocalTest } from '../../lineChunks';
import type { Report, Rule, RuleMeta } from '../types';
import { checkServiceUrlGo, GO_URL_GATE, GO_URL_KEYWORDS, GO_URL_MESSAGES } from './hardcoded-service-url-go';
import { checkServiceUrlPython, PYTHON_URL_GATE, PYTHON_URL_MESSAGES } from './hardcoded-service-url-python';
import {
  envNameFor, fallbackPlace, hostOf, inComposedEnvironment, inDevelopmentSection, isLocalHost, namedForDevOrTest, toldToReplaceAbove, isPlaceholderHost, isProse, isRemoteHost, parseServiceUrl, saidUnused, SCHEMES,
  type Service,
} from './hardcoded-service-url-shapes';

export const meta: RuleMeta = {
  id: 'backing-services/hardcoded-service-url',
  defaultSeverity: 'warning',
  description: 'Databases, caches, queues and mail servers are attached by configuration, not by addresses written in the code.',
  messages: {
    url: 'The {service} address `{host}` is written in the code: swapping the service means a new build. Read it from `process.env.{env}`.',
    host: '{client} connects to `{host}`, written in the code: swapping the service means a new build. Read it from `process.env.{env}`.',
    settings: 'The {service} settings name the host `{host}`, written in the code: swapping the service means a new build. Read it from `process.env.{env}`.',
    fallback: '`process.env.{env}` falls back to the {service} at `{host}`: a missing variable silently connects to it. Require the variable instead.',
    ...PYTHON_URL_MESSAGES,
    ...GO_URL_MESSAGES,
  },
  fixable: true,
  kinds: ['js', 'python', 'go'],
  // Python's clients are found by `host`, `://`, `broker`, `server` (`bootstrap_servers`) or `connect`.
  keywords: ['://', 'host', 'broker', 'servers', 'contactpoints', 'memcache', 'server:', 'ioredis', 'connect', 'redis', 'smtp', 'databases', 'caches', ...GO_URL_KEYWORDS],
  // JavaScript files are gated inside `check` (a client import or a URL scheme); Python and Go by their shapes here.
  gate: (text, kind) => kind === 'python' ? PYTHON_URL_GATE.test(text) : kind === 'go' ? GO_URL_GATE.test(text) : true,
};

/** Client libraries whose constructor or factory options name the service's host. */
interface Client extends Service {
  label: string;
  /** Options naming the host (`host`, `brokers`…). */
  keys: RegExp;
  /** `new Memcached('cache:11211')`, `new Redis(6379, 'cache')`: which positional argument is a host. */
  positional?: number;
  /** The option holds http(s) node URLs (Elasticsearch, OpenSearch). */
  nodes?: boolean;
  /**
   * An option naming one of the client's well-known providers (nodemailer's `service: 'gmail'`): beside it, the
   * host is that provider's own endpoint, what the integration is, not where a deployment keeps its service.
   */
  provider?: string;
  /**
   * The public endpoints of those providers (`smtp.office365.com`): written as the host inside a class named for a
   * provider (novu's `Outlook365EmailProvider`), it is what that integration is, as `service: 'Outlook365'` would say.
   * Elsewhere (a route sending through Gmail) it is the deployment's choice and reported.
   */
  providerHosts?: RegExp;
}

// The hosts of nodemailer's well-known services (https://nodemailer.com/smtp/well-known-services/, its
// lib/well-known/services.json): each is one provider's own public SMTP endpoint.
const WELL_KNOWN_SMTP = /^(?:smtp\.(?:gmail|googlemail|office365|sendgrid|mailgun|postmarkapp|zoho|fastmail|aol|mandrillapp|sparkpostmail|qq|163|126|yandex|mail\.ru|mail\.yahoo|mail\.me)\.(?:com|net|org|ru)|smtp-mail\.outlook\.com|smtp\.live\.com|in(?:-v3)?\.mailjet\.com|smtp-relay\.(?:brevo|sendinblue)\.com|email-smtp\.[a-z0-9-]+\.amazonaws\.com)$/i;

const SQL = (label: string): Client => ({ label, service: 'database', env: 'DB_HOST', keys: /^(host|hostname|server)$/ });
const CLIENTS: Array<[RegExp, Client]> = [
  [/^ioredis$/, { label: 'ioredis', service: 'Redis', env: 'REDIS_HOST', keys: /^host$/, positional: 1 }],
  [/^(redis|@redis\/client)$/, { label: 'redis', service: 'Redis', env: 'REDIS_HOST', keys: /^host$/ }],
  [/^(bull|bullmq|bee-queue)$/, { label: 'the queue', service: 'Redis', env: 'REDIS_HOST', keys: /^host$/ }],
  [/^(pg|pg-pool|postgres)$/, SQL('pg')],
  [/^(mysql|mysql2|mysql2\/promise)$/, SQL('mysql')],
  [/^mariadb(\/callback)?$/, SQL('mariadb')],
  [/^(mssql|tedious)$/, SQL('mssql')],
  [/^sequelize$/, SQL('Sequelize')],
  [/^knex$/, SQL('knex')],
  [/^typeorm$/, SQL('TypeORM')],
  [/^(@mikro-orm\/core|@mikro-orm\/\w+)$/, SQL('MikroORM')],
  // https://nodemailer.com/smtp/well-known-services/
  [/^nodemailer$/, { label: 'nodemailer', service: 'SMTP server', env: 'SMTP_HOST', keys: /^host$/, provider: 'service', providerHosts: WELL_KNOWN_SMTP }],
  [/^amqplib(\/callback_api)?$/, { label: 'amqplib', service: 'message broker', env: 'AMQP_HOST', keys: /^hostname$/ }],
  [/^kafkajs$/, { label: 'kafkajs', service: 'Kafka', env: 'KAFKA_BROKERS', keys: /^brokers$/ }],
  [/^(nats|nats\.ws)$/, { label: 'nats', service: 'NATS', env: 'NATS_SERVERS', keys: /^servers$/ }],
  [/^cassandra-driver$/, { label: 'cassandra-driver', service: 'Cassandra', env: 'CASSANDRA_CONTACT_POINTS', keys: /^contactPoints$/ }],
  [/^(memcached|memjs)$/, { label: 'memcached', service: 'memcached', env: 'MEMCACHED_SERVERS', keys: /^servers$/, positional: 0 }],
  [/^(@elastic\/elasticsearch|elasticsearch)$/, { label: 'Elasticsearch', service: 'Elasticsearch', env: 'ELASTICSEARCH_URL', keys: /^(node|nodes|host|hosts)$/, nodes: true }],
  [/^@opensearch-project\/opensearch$/, { label: 'OpenSearch', service: 'OpenSearch', env: 'OPENSEARCH_URL', keys: /^(node|nodes)$/, nodes: true }],
];

function clientOf(p: ModulePath | undefined): Client | undefined {
  if (!p) return undefined;
  return CLIENTS.find(([re]) => re.test(p.module))?.[1];
}

const SCHEME_TEXT = new RegExp(`\\b(?:${Object.keys(SCHEMES).map((s) => s.replace(/[+.]/g, '\\$&')).join('|')}):\\/\\/`, 'i');

/**
 * The parse gate: a service URL scheme in the text, or an import of a client this rule knows. The keywords
 * (`host`, `://`) are in most files; this is not.
 */
function worthParsing(context: FileContext): boolean {
  if (context.lineLocal(SCHEME_LINES) || context.lineLocal(HOST_SETTING_LINES)) return true;
  for (const specifier of specifiersInText(context.text)) if (CLIENTS.some(([re]) => re.test(specifier))) return true;
  return false;
}

/**
 * Kept under a name that says default (`export const defaultDatabaseUrl = 'postgresql://localhost:5432/app'`,
 * `DEFAULT_REDIS_URL`, `const defaults = { mongo: { url: … } }`): the answer a CLI prompt or a config reader
 * starts from when nothing is set, as Python's `default_conf` dicts (hardcoded-service-url-python.ts).
 */
function underDefaultsName(literal: ts.Node): boolean {
  for (let n: ts.Node = literal; n.parent; n = n.parent) {
    const p = n.parent;
    let name: string | undefined;
    if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && p.initializer === n && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) name = p.name.text;
    else if (!ts.isObjectLiteralExpression(p) && !ts.isAsExpression(p) && !ts.isParenthesizedExpression(p) && !ts.isSatisfiesExpression(p)) return false;
    if (name !== undefined && DEFAULTS_NAME.test(name)) return true;
    if (ts.isVariableDeclaration(p)) return false;
  }
  return false;
}
// `defaults`, `defaultDatabaseUrl`, `DEFAULT_REDIS_URL`, `configDefaults`, `redis_default`.
const DEFAULTS_NAME = /^(?:defaults?(?:[A-Z_]\w*)?|DEFAULTS?(?:_\w*)?|\w*(?:[a-z0-9]Defaults?|_defaults?|_DEFAULTS?))$/;

/** `SCHEME_TEXT` per run of lines (a scheme and its `://` hold no line break), kept across keystrokes. */
const SCHEME_LINES = lineLocalTest(SCHEME_TEXT);
/** `host: '…'`: a settings object that may name a database's or a cache's host (`settingsService`). */
const HOST_SETTING_LINES = lineLocalTest(/\bhost(?:name)?\s*:\s*['"`]/);

/**
 * The service whose connection settings hold this `host:` property, when they say which it is: the key they sit
 * under (`redis: { host }`, `db: { host }`), a SQL `dialect` beside it, or the service's well-known port
 * (`port: 6379`). Databases, caches and brokers only: a `host` beside nothing of the kind is any server's (a
 * listener's bind address, an API's), and mail settings name a provider as often as a deployment's server.
 */
function settingsService(property: ts.PropertyAssignment): Service | undefined {
  const object = property.parent;
  if (!ts.isObjectLiteralExpression(object) || !inSettingsModule(object)) return undefined;
  let byPort: Service | undefined;
  for (const p of object.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
    const value = unwrap(p.initializer);
    if (p.name.text === 'dialect' && ts.isStringLiteralLike(value) && SQL_DIALECT.test(value.text)) return SETTINGS.database;
    if (p.name.text === 'port' && ts.isNumericLiteral(value)) byPort = SERVICE_PORTS[value.text];
    // `port: 'public'`: a table about the settings (which are public), not the settings.
    if (p.name.text === 'port' && ts.isStringLiteralLike(value) && !/^\d+$/.test(value.text)) return undefined;
  }
  const holder = object.parent;
  const key = holder && ts.isPropertyAssignment(holder) && holder.initializer === object && (ts.isIdentifier(holder.name) || ts.isStringLiteralLike(holder.name)) ? holder.name.text : undefined;
  const bySection = key === undefined ? undefined : Object.entries(SECTION_SERVICES).find(([, re]) => re.test(key))?.[0];
  return bySection ? SETTINGS[bySection] : byPort;
}
/**
 * The settings node-config reads from the environment: the key paths its `custom-environment-variables.json` beside
 * the file maps to a variable (`{ "redis": { "host": "APP_REDIS_HOST" } }` → `redis.host`,
 * https://github.com/node-config/node-config/wiki/Environment-Variables#custom-environment-variables). A value there
 * is the default the variable replaces.
 */
function nodeConfigEnvMap(context: FileContext): Set<string> {
  const out = new Set<string>();
  const dir = context.path.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
  if (!/(^|\/)config$/.test(dir)) return out;
  let json: unknown;
  try {
    const text = context.host?.readFile(`${dir}/custom-environment-variables.json`);
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return out;
  }
  const walk = (v: unknown, path: string[]): void => {
    if (path.length > 6 || typeof v !== 'object' || v === null || Array.isArray(v)) {
      if (typeof v === 'string' || (typeof v === 'object' && v !== null && '__name' in v)) out.add(path.join('.'));
      return;
    }
    if ('__name' in v) out.add(path.join('.'));
    else for (const [k, child] of Object.entries(v)) walk(child, [...path, k]);
  };
  walk(json, []);
  return out;
}

/** The key path of a value in the settings a module keeps: `config.redis = { host }` → `redis.host`. */
function settingsPath(value: ts.Node): string[] {
  const path: string[] = [];
  let n: ts.Node = value;
  for (;;) {
    const p = n.parent;
    if (!p) return path;
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) path.unshift(p.name.text);
    if (ts.isPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)) n = p;
    else {
      // `config.redis = {…}`: the assigned name below the module's settings object.
      const left = ts.isBinaryExpression(p) ? dottedName(p.left) : undefined;
      if (left && !/^module\.exports$|^exports$/.test(left)) path.unshift(...left.split('.').slice(1).filter((k) => k !== 'exports'));
      return path;
    }
  }
}

/**
 * The object is (inside) settings a module keeps: `module.exports = {…}`, `export default {…}`, `const config = {…}`,
 * `config.db = {…}`. Not an argument of a call (a demo's data handed to a component, a client's options, which
 * `CLIENTS` judges).
 */
function inSettingsModule(object: ts.ObjectLiteralExpression): boolean {
  let n: ts.Node = object;
  for (;;) {
    const p = n.parent;
    if (!p) return false;
    if (ts.isPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)) n = p;
    else return ts.isVariableDeclaration(p) || ts.isExportAssignment(p) || (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n);
  }
}
const SQL_DIALECT = /^(?:mysql|mariadb|postgres(?:ql)?|mssql|oracle|db2)$/i;
const SETTINGS: Record<string, Service> = {
  database: { service: 'database', env: 'DB_HOST' },
  redis: { service: 'Redis', env: 'REDIS_HOST' },
  mongodb: { service: 'MongoDB', env: 'MONGODB_HOST' },
  broker: { service: 'message broker', env: 'AMQP_HOST' },
  memcached: { service: 'memcached', env: 'MEMCACHED_HOST' },
};
const SECTION_SERVICES: Record<string, RegExp> = {
  database: /^(?:db|database|mysql|mariadb|postgres(?:ql)?|pg|sequelize|knex|sql)$/i,
  redis: /^redis$/i,
  mongodb: /^mongo(?:db)?$/i,
  broker: /^(?:rabbit(?:mq)?|amqp)$/i,
  memcached: /^memcached?$/i,
};
const SERVICE_PORTS: Record<string, Service> = {
  '3306': SETTINGS.database, '5432': SETTINGS.database, '1433': SETTINGS.database,
  '6379': SETTINGS.redis, '27017': SETTINGS.mongodb, '5672': SETTINGS.broker, '11211': SETTINGS.memcached,
};

/**
 * What may name a service, per top-level statement (BoundStatementMemo: a keystroke looks again only at the
 * statement it touched): literals holding a URL of a known scheme (parsed), templates, and calls of a known
 * client. Judging where each stands (a default, a development section) is done per version.
 */
type Candidate =
  | { kind: 'template'; node: ts.TemplateExpression }
  | { kind: 'url'; node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral; host: string; service: Service }
  | { kind: 'client'; node: ts.CallExpression | ts.NewExpression; client: Client }
  | { kind: 'settings'; node: ts.StringLiteralLike; service: Service };
const candidates = new BoundStatementMemo<Candidate>(({ serviceUrls }, bindings) => {
  const out: Candidate[] = [];
  for (const node of serviceUrls) {
    if (ts.isTemplateExpression(node)) out.push({ kind: 'template', node });
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const url = parseServiceUrl(node.text);
      const service = url && SCHEMES[url.scheme.replace(/\+(?!srv).*$/, '')];
      // A URL with a password is a credential: config/hardcoded-secret reports it, once.
      if (url && service && !url.hasPassword) out.push({ kind: 'url', node, host: url.host, service });
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const client = clientOf(bindings.resolve(node.expression));
      if (client) out.push({ kind: 'client', node, client });
    }
    if (ts.isPropertyAssignment(node) && ts.isStringLiteralLike(node.initializer)) {
      const service = settingsService(node);
      if (service) out.push({ kind: 'settings', node: node.initializer, service });
    }
  }
  return out;
});

export function check(context: FileContext, report: (r: Report) => void): void {
  if (context.kind === 'python') return checkServiceUrlPython(context, report);
  if (context.kind === 'go') return checkServiceUrlGo(context, report);
  if (!worthParsing(context)) return;
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  const done = new Set<ts.Node>();
  const path = context.path.replace(/\\/g, '/');
  // Development and test-run configs (`settings.protractor.js`: an end-to-end test tool's run), and the template a
  // project copies to its own gitignored config (`config.default.js`, `settings.dist.js`, or the word first, after the
  // service's name: bitcore's `bws.example.config.js`).
  const devConfig = /(^|\/)config\/(development|dev|local|test)\.[cm]?[jt]s$|(^|\/)(config|settings)[.-](default|example|sample|dist|template|protractor|browserstack|cypress|playwright|e2e|unittest)\.[cm]?[jt]s$|(^|\/)([\w-]+\.)?(example|sample|dist|template)[.-](config|settings)\.[cm]?[jt]s$/i.test(path);
  // A script named for a test (`mongo-close-test.js`), seeds, mocks, CI files (secrets/documents.ts): test code's places.
  const fixture = isFixturePath(context.relativePath ?? path);
  // A script moved away from the modules it loads runs nowhere as it stands: asked once, before the first report.
  let stranded: boolean | undefined;
  let mapped: Set<string> | undefined;
  const emit = (node: ts.Node, r: Omit<Report, 'start' | 'end'>): void => {
    if (done.has(node)) return;
    done.add(node);
    if (stranded ??= isStrandedScript(context.path, context.text, context.host)) return;
    report({ ...r, start: node.getStart(sf), end: node.getEnd() });
  };

  /** A host or URL written in the code, judged where it stands: a default to a local machine is fine, in test code too. */
  const judge = (literal: ts.StringLiteralLike, host: string, service: Service, messageId: 'url' | 'host' | 'settings', client?: string, value = literal.text): void => {
    if (isPlaceholderHost(host) || isProse(literal)) return;
    // The developer's machine or a compose service, written into an environment the code composes for another process.
    if (!isRemoteHost(host) && inComposedEnvironment(literal)) return;
    const local = isLocalHost(host);
    if (local && (context.isTestFile || devConfig || fixture || inDevelopmentSection(literal) || underDefaultsName(literal) || namedForDevOrTest(literal) || toldToReplaceAbove(context.text, literal.getStart(sf))
      || saidUnused(context.text, literal.getStart(sf)))) return;
    if (local && handedToMock(literal, bindings)) return;
    let fallback = fallbackPlace(literal);
    if (fallback?.choice) {
      // The development half of an environment switch is a default; the production half is an address in the code.
      if (!isRemoteHost(host)) return;
      fallback = undefined;
    }
    if (fallback) {
      // A default for the developer's machine or a compose service is what `.env.example` would say anyway.
      if (!isRemoteHost(host)) return;
      const env = fallback.envName ?? service.env;
      const fix: MoveToEnvFix | undefined = fallback.expression && fallback.envName
        ? { kind: 'move-to-env', start: fallback.expression.getStart(sf), end: fallback.expression.getEnd(), replacement: () => `process.env.${env}`, name: env, value }
        : undefined;
      emit(literal, { messageId: 'fallback', data: { env, service: service.service, host }, identity: `fallback:${host}`, fixes: fix && [fix] });
      return;
    }
    const env = messageId === 'url' ? nameFor(literal) ?? service.env : service.env;
    const fix: MoveToEnvFix = { kind: 'move-to-env', start: literal.getStart(sf), end: literal.getEnd(), replacement: replacementFor(literal), name: env, value };
    emit(literal, { messageId, data: { env, service: service.service, host, client: client ?? service.service }, identity: `${messageId}:${host}`, fixes: [fix] });
  };

  /**
   * `` `mongodb+srv://${user}:${password}@cluster0.ab1cd.mongodb.net/shop` ``: the credentials come from the
   * environment but the host is written down. Reported without a fix (the template holds other values).
   */
  const templateUrl = (node: ts.TemplateExpression): void => {
    // Each substitution stands as one character no host has, so a host built from one is told apart.
    const text = node.head.text + node.templateSpans.map((span) => `\u0000${span.literal.text}`).join('');
    const url = parseServiceUrl(text);
    const service = url && SCHEMES[url.scheme.replace(/\+(?!srv).*$/, '')];
    if (!url || !service || url.host.includes('\u0000') || isPlaceholderHost(url.host) || isProse(node)) return;
    if (isLocalHost(url.host) || fallbackPlace(node) !== undefined || (!isRemoteHost(url.host) && inComposedEnvironment(node))) return;
    emit(node, { messageId: 'url', data: { env: nameFor(node) ?? service.env, service: service.service, host: url.host, client: service.service }, identity: `url:${url.host}` });
  };

  // The literals holding `://` and the calls of a client, outside literal types (`type Config = { url:
  // 'redis://cache:6379' }` describes a value; it connects to nothing), in the order of a walk of the tree.
  const judgeNode = (c: Candidate): void => {
    if (c.kind === 'template') templateUrl(c.node);
    else if (c.kind === 'url') judge(c.node, c.host, c.service, 'url');
    else if (c.kind === 'settings') {
      const host = hostOf(c.node.text.trim());
      if (/^[\w.:[\]-]+$/.test(host) && !(mapped ??= nodeConfigEnvMap(context)).has(settingsPath(c.node).join('.'))) judge(c.node, host, c.service, 'settings');
    }
    else {
      const client = c.client;
      clientOptions(c.node, client, (literal, host, value) => judge(literal, host, client, client.nodes ? 'url' : 'host', client.label, value),
        (array, hosts) => judgeList(array, hosts, client));
    }
  };

  /** `brokers: ['kafka-1.prod:9092', 'kafka-2.prod:9092']` moves whole, as a comma-separated variable. */
  const judgeList = (array: ts.ArrayLiteralExpression, hosts: ts.StringLiteralLike[], client: Client): void => {
    const first = hosts[0];
    const host = hostOf(first.text.replace(/^[a-z]+:\/\//i, '').split('/')[0]);
    if (hosts.some((h) => isPlaceholderHost(hostOf(h.text.replace(/^[a-z]+:\/\//i, '').split('/')[0])))) return;
    if (isLocalHost(host) && (context.isTestFile || devConfig || inDevelopmentSection(array))) return;
    const place = fallbackPlace(array);
    if (place && !(place.choice && isRemoteHost(host))) return;
    const value = hosts.map((h) => h.text).join(',');
    const fix: MoveToEnvFix = { kind: 'move-to-env', start: array.getStart(sf), end: array.getEnd(), replacement: (n) => `(process.env.${n} ?? '').split(',')`, name: client.env, value };
    emit(first, { messageId: 'host', data: { env: client.env, service: client.service, host, client: client.label }, identity: `host:${host}`, fixes: [fix] });
  };

  for (const c of candidates.of(sf, bindings)) judgeNode(c);
}

/**
 * A local address handed to an in-process mock of a client (`new MockRedis.Cluster(['redis://localhost:7001'])` from
 * ioredis-mock, redis-mock): the mock keeps its data in memory and connects to nothing; the address only names it.
 */
function handedToMock(literal: ts.Node, bindings: ModuleBindings): boolean {
  for (let child: ts.Node = literal, parent = literal.parent; parent; child = parent, parent = parent.parent) {
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.some((a) => a === child)) {
      const module = bindings.resolve(parent.expression)?.module;
      return module !== undefined && /(?:^|[-/])mocks?(?:$|[-/])/.test(module);
    }
    if (!ts.isArrayLiteralExpression(parent) && !ts.isObjectLiteralExpression(parent) && !ts.isPropertyAssignment(parent)) return false;
  }
  return false;
}

/**
 * Inside a class named for a provider (`Outlook365EmailProvider`, `class SesProvider implements IEmailProvider`): the
 * integration of one service, written once per provider, where the provider's own endpoint is what the class is.
 */
function inProviderClass(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) return n.name !== undefined && /Provider$/.test(n.name.text);
  }
  return false;
}

/** Walks a client call's options for host-naming keys, into nested options (`socket`, `connection`, `redis`). */
function propertyName(p: ts.PropertyAssignment): string | undefined {
  return ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name) ? p.name.text : undefined;
}

function clientOptions(node: ts.CallExpression | ts.NewExpression, client: Client, onHost: (literal: ts.StringLiteralLike, host: string, value: string) => void,
  onList: (array: ts.ArrayLiteralExpression, hosts: ts.StringLiteralLike[]) => void): void {
  const args = node.arguments ?? [];
  if (client.positional !== undefined) {
    const arg = args[client.positional] && unwrap(args[client.positional]);
    // `new Redis(6379, 'cache')` names the host second; `new Memcached('cache:11211')` first. URLs are judged as URLs.
    if (arg && ts.isStringLiteralLike(arg) && !arg.text.includes('://') && (client.positional === 0 || ts.isNumericLiteral(unwrap(args[0])))) {
      const host = hostOf(arg.text.split(',')[0].trim());
      if (/^[\w.-]+$/.test(host)) onHost(arg, host, arg.text);
    }
  }
  const walk = (e: ts.Expression, depth: number): void => {
    const v = unwrap(e);
    if (depth > 3) return;
    if (ts.isArrayLiteralExpression(v)) {
      for (const el of v.elements) if (!ts.isSpreadElement(el)) walk(el, depth + 1);
      return;
    }
    if (!ts.isObjectLiteralExpression(v)) return;
    const provider = client.provider !== undefined && v.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p) === client.provider && ts.isStringLiteralLike(unwrap(p.initializer)));
    for (const p of v.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) continue;
      const key = p.name.text;
      const value = unwrap(p.initializer);
      if (client.keys.test(key)) {
        if (provider || (ts.isStringLiteralLike(value) && client.providerHosts?.test(value.text.trim()) && inProviderClass(node))) continue;
        if (ts.isStringLiteralLike(value)) {
          if (value.text.includes('://') && !client.nodes) continue; // judged as a URL
          if (/\/\/[^/@]*:[^/@]+@/.test(value.text)) continue; // a credential: config/hardcoded-secret's finding
          const host = hostOf((client.nodes ? value.text.replace(/^https?:\/\//i, '') : value.text).split(/[/,]/)[0].trim());
          if (/^[\w.:[\]-]+$/.test(host) && (!client.nodes || /^https?:\/\//i.test(value.text))) onHost(value, host, value.text);
        } else if (ts.isArrayLiteralExpression(value)) {
          const hosts = value.elements.filter((el): el is ts.StringLiteralLike => ts.isStringLiteralLike(el));
          if (hosts.length > 0 && hosts.length === value.elements.length && (!client.nodes || hosts.every((h) => /^https?:\/\//i.test(h.text)))) onList(value, hosts);
        }
        continue;
      }
      if (/^(socket|connection|redis|options|config|dialectOptions|replication|write|read|master|sentinels|cluster|clientOptions|driverOptions)$/.test(key)) walk(value, depth + 1);
    }
  };
  for (const arg of args) walk(arg, 0);
}

/** `const redisUrl = '…'` → `REDIS_URL`; names that say too little (`url`, `uri`) keep the service's variable. */
function nameFor(literal: ts.Expression): string | undefined {
  const parent = literal.parent;
  const name = (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && (ts.isIdentifier(parent.name) || ts.isStringLiteralLike(parent.name)) ? parent.name.text : undefined;
  return envNameFor(name);
}

function replacementFor(literal: ts.StringLiteralLike): (name: string) => string {
  return ts.isJsxAttribute(literal.parent) ? (n) => `{process.env.${n}}` : (n) => `process.env.${n}`;
}

export const rule: Rule = { meta, check };
