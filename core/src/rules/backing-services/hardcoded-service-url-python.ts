import * as path from 'node:path';
import type { FileContext } from '../../context';
import { fStringConstantValue } from '../../python/constants';
import { envReadsOf } from '../../env/polyglot';
import type { MoveToEnvFix } from '../../fixes/types';
import { pythonEnvFix, pythonEnvRead } from '../../python/edits';
import type { PyCall, PyExpr, PyString, PythonFacts } from '../../python/types';
import { isFixturePath } from '../../secrets/documents';
import { toEnvName } from '../../secrets/names';
import { roleOfContext } from '../../workspace/roles';
import type { Report } from '../types';
import { DSN, dsnHostOf, envNameFor, hostOf, isLocalHost, isPlaceholderHost, isRemoteHost, saidUnused, serviceUrlOf, type Service } from './hardcoded-service-url-shapes';

const FROM_ENV = 'swapping the service means a new build. Read it from `os.environ["{env}"]`.';

export const PYTHON_URL_MESSAGES: Record<string, string> = {
  pyUrl: `The {service} address \`{host}\` is written in the code: ${FROM_ENV}`,
  pyHost: `{client} connects to \`{host}\`, written in the code: ${FROM_ENV}`,
  pyFallback: '`{env}` falls back to the {service} at `{host}` when it is unset: a missing variable silently connects to it. Require the variable instead.',
};

/** The raw-text test for a Python file: a service URL scheme, or a client this rule knows by its host option. */
export const PYTHON_URL_GATE = /:\/\/|\bhost(?:addr)?\s*=|\b(?:Redis|ConnectionParameters|MongoClient|SMTP(?:_SSL)?|bootstrap_servers|DATABASES|CACHES|Elasticsearch)\b|\bconnect\s*\(/;

/** A client whose call names its service's host: the keyword argument (and positional slot) holding it. */
interface PyClient extends Service {
  name: string;
  callee: RegExp;
  keys: RegExp;
  positional?: number;
  /** The option holds http(s) node URLs (Elasticsearch). */
  nodes?: boolean;
  tp: string;
  fp: string;
}

const SQL = { service: 'database', env: 'DB_HOST', keys: /^host$/ };

/** Each row: a true and a false example (checked by the tests, which add the imports). */
export const PYTHON_CLIENTS: PyClient[] = [
  {
    name: 'redis.Redis', callee: /^redis(?:\.asyncio)?(?:\.client)?\.(?:Strict)?Redis$/, keys: /^host$/, positional: 0, service: 'Redis', env: 'REDIS_HOST',
    tp: "r = redis.Redis(host='cache.internal', port=6379)", fp: "r = redis.Redis(host=os.environ['REDIS_HOST'], port=6379)",
  },
  {
    name: 'pika.ConnectionParameters', callee: /^pika\.ConnectionParameters$/, keys: /^host$/, positional: 0, service: 'message broker', env: 'AMQP_HOST',
    tp: "params = pika.ConnectionParameters(host='rabbitmq.internal')", fp: "params = pika.ConnectionParameters(host=settings.AMQP_HOST)",
  },
  {
    name: 'a SQL driver', callee: /^(?:psycopg2|psycopg|pymysql|MySQLdb|mysql\.connector|asyncpg|aiomysql|pg8000)\.(?:connect|create_pool)$/, ...SQL,
    tp: "conn = psycopg2.connect(host='db.internal', dbname='app')", fp: "conn = psycopg2.connect(host=os.getenv('PGHOST'), dbname='app')",
  },
  {
    name: 'MongoClient', callee: /^(?:pymongo(?:\.mongo_client)?\.MongoClient|motor\.motor_asyncio\.AsyncIOMotorClient)$/, keys: /^host$/, positional: 0,
    service: 'MongoDB', env: 'MONGODB_HOST', tp: "client = MongoClient('mongo.internal', 27017)", fp: "client = MongoClient(os.environ['MONGODB_URI'])",
  },
  {
    name: 'smtplib.SMTP', callee: /^smtplib\.SMTP(?:_SSL)?$/, keys: /^host$/, positional: 0, service: 'SMTP server', env: 'SMTP_HOST',
    tp: "server = smtplib.SMTP('smtp.mailgun.org', 587)", fp: 'server = smtplib.SMTP(host, port)',
  },
  {
    name: 'Kafka', callee: /^(?:kafka\.Kafka(?:Producer|Consumer|AdminClient)|aiokafka\.AIOKafka(?:Producer|Consumer))$/, keys: /^bootstrap_servers$/,
    service: 'Kafka', env: 'KAFKA_BROKERS', tp: "producer = KafkaProducer(bootstrap_servers='kafka.internal:9092')", fp: "producer = KafkaProducer(bootstrap_servers=os.environ['KAFKA_BROKERS'])",
  },
  {
    name: 'Elasticsearch', callee: /^elasticsearch\.(?:Async)?Elasticsearch$/, keys: /^hosts$/, positional: 0, nodes: true, service: 'Elasticsearch', env: 'ELASTICSEARCH_URL',
    tp: "es = Elasticsearch('http://search.internal:9200')", fp: "es = Elasticsearch(os.environ['ELASTICSEARCH_URL'])",
  },
];

/**
 * Settings files for the developer's machine or the tests, and the defaults a project copies (`configs/default.py`);
 * also a configuration module named for the test run (`configuration_testing.py`, `config_test.py`) and one named
 * as an example (`configuration_example.py`, `settings.sample.py`: the operator copies it and writes their hosts in).
 */
const DEV_CONFIG = /(?:^|\/)(?:settings|configs?|conf)\/(?:dev|development|local|local_dev|dev_local|test|testing|ci|default|defaults)\.py$|(?:^|\/)(?:local_settings|settings_local|settings_dev|dev_settings|(?:settings|configs?|configuration)_(?:test|testing)|test_settings)\.py$|(?:^|\/)(?:settings|configs?|configuration|local_settings)[._-](?:example|sample)\.py$/i;
// Rendering a template and writing the result: `raw.format_map(values)`, `Template(…).render(…)`, `.format(**values)`.
const RENDERS = /\.format_map\(|\.format\(\*\*|\bTemplate\([^)]*\)\.(?:render|substitute)\(|\.(?:render|substitute)\(\*\*/;
const WRITES = /\bopen\([^)\n]*,\s*["'](?:w|w\+|wt|x)["']/;
const TEMPLATE_FILE = /\.(?:tpl|template|j2|jinja2?|mustache)$|\.(?:ini|conf|cfg|toml|ya?ml)\.in$/i;

/**
 * A module that writes a configuration file from a template kept beside it (Kinto's `kinto/config/__init__.py` renders
 * `kinto.tpl` for `kinto init`): the addresses it fills in are the defaults of a file the user then edits, as a
 * settings example's are.
 */
function writesConfigFromTemplate(context: FileContext): boolean {
  if (!RENDERS.test(context.text) || !WRITES.test(context.text) || !context.host?.entries) return false;
  const dir = context.path.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
  return context.host.entries(dir).files.some((f) => TEMPLATE_FILE.test(f));
}

/** `class DevelopmentConfig(Config):`: the development or test half of a config module. */
const DEV_CLASS = /^(?:Dev|Development|Local|Test|Testing|Debug|CI)(?:Config|Settings|Configuration)?$/i;
/** Keyword arguments and dict keys whose value is a default or text for people, not an address the code uses. */
const DEFAULT_KEYS = /^(?:default|fallback|example|placeholder|description|help|hint|docs?)$/;
/** A dict of defaults: `defaults`, `default_conf`, `DEFAULT_SETTINGS`, `config_defaults`. */
const DEFAULTS_NAME = /^(?:defaults?|default_\w+|\w+_defaults?)$/i;
/** Calls whose arguments are text for people: log lines, prints, exceptions. */
const PROSE_CALL = /(?:^|\.)(?:print|debug|info|warning|warn|error|exception|critical|log|echo|secho)$|(?:Error|Exception)$/;

/** Where a literal is only a default: an env read's fallback, a `default=`, a settings class's field. */
interface Place {
  fallback?: { envName?: string; fix?: MoveToEnvFix };
  /** The development or test half of a config module. */
  development?: boolean;
  name?: string;
  client?: PyClient;
}

export function checkServiceUrlPython(context: FileContext, report: (r: Report) => void): void {
  const facts = context.python;
  if (!facts) return;
  const role = roleOfContext(context).role;
  if (role === 'vendored' || role === 'snippet' || role === 'build-output') return;
  // A configuration generator (`kinto init`): its local addresses are the defaults of the file it writes for the user.
  const devConfig = DEV_CONFIG.test(context.path.replace(/\\/g, '/')) || writesConfigFromTemplate(context);
  // A CI script (`db/create_ci_test_db.py`, anything under `.github/`): its hosts are the CI job's service containers
  // (`postgres`), reached by their names; judged as test code, where a local or service-name host is the fixture's.
  const fixture = isFixturePath((context.relativePath ?? context.path).replace(/\\/g, '/'));
  const seen = new Set<number>();
  const judge = (e: PyExpr, place: Place): void => {
    const literal = e.string ?? e.format;
    if (!literal || seen.has(literal.start)) return;
    seen.add(literal.start);
    // An f-string of the module's own constants (`f'redis://{REDIS_HOST}:{REDIS_PORT}'`) is that one address.
    const constant = e.string ? fStringConstantValue(context.text, literal, facts) : undefined;
    const s: PyString = constant === undefined ? literal : { ...literal, value: constant, interpolated: false, template: undefined };
    if (s.template !== undefined) return templateUrl(s, place);
    if (s.interpolated) return;
    const found = serviceUrlOf(s.value);
    const dsnHost = found ? undefined : dsnHostOf(s.value);
    if (found && !found.url.hasPassword) judgeAt(s, found.url.host, found.service, place);
    // libpq's `host=db.internal dbname=shop` (psycopg2.connect's DSN).
    else if (dsnHost && /^[\w.:[\]-]+$/.test(dsnHost)) judgeAt(s, dsnHost, DSN, place);
    else if (place.client && !s.value.includes('://')) judgeHost(s, place.client, place);
    else if (place.client?.nodes && /^https?:\/\//i.test(s.value)) {
      const host = hostOf(s.value.replace(/^https?:\/\//i, '').split(/[/,]/)[0]);
      if (/^[\w.:[\]-]+$/.test(host)) judgeAt(s, host, place.client, place, 'pyUrl');
    }
  };
  const judgeHost = (s: PyString, client: PyClient, place: Place): void => {
    const host = hostOf(s.value.split(',')[0].trim());
    if (/^[\w.:[\]-]+$/.test(host)) judgeAt(s, host, client, place, 'pyHost');
  };
  /** Judged where it stands, as the JavaScript rule does: a default to a local machine is fine, in test code too. */
  const judgeAt = (s: PyString, host: string, service: Service, place: Place, messageId: 'pyUrl' | 'pyHost' = 'pyUrl'): void => {
    if (isPlaceholderHost(host)) return;
    if (isLocalHost(host) && (context.isTestFile || devConfig || place.development || saidUnused(context.text, s.start))) return;
    if (fixture && !isRemoteHost(host)) return;
    if (place.fallback) {
      // A default for the developer's machine or a compose service is what `.env.example` would say anyway.
      if (!isRemoteHost(host)) return;
      const env = place.fallback.envName ?? service.env;
      report({ messageId: 'pyFallback', data: { env, service: service.service, host }, start: s.start, end: s.end, identity: `fallback:${host}`, fixes: place.fallback.fix && [place.fallback.fix] });
      return;
    }
    const env = (messageId === 'pyUrl' ? envNameFor(place.name) : undefined) ?? service.env;
    const fix: MoveToEnvFix = { kind: 'move-to-env', start: s.start, end: s.end, replacement: (n) => pythonEnvRead(n), name: env, value: s.value, prelude: pythonEnvFix(facts) };
    const client = place.client?.name ?? service.service;
    report({ messageId, data: { env, service: service.service, host, client }, start: s.start, end: s.end, identity: `${messageId === 'pyUrl' ? 'url' : 'host'}:${host}`, fixes: [fix] });
  };
  /**
   * `f"postgresql://{user}:{password}@db.internal/app"`, `'redis://%s@cache.internal' % user`, `'…{}…'.format(…)`: the
   * host is written down. Reported without a fix (the string holds other values).
   */
  const templateUrl = (s: PyString, place: Place): void => {
    const template = s.template ?? '';
    // A host built from a `{…}` part does not parse as one (U+0000 is no host character).
    const found = serviceUrlOf(template);
    // `'host=db.internal user=%s password=%s' % (…)`: a DSN's host written down beside the holes.
    const host = found ? found.url.host : dsnHostOf(template);
    if (!host || !/^[\w.:[\]-]+$/.test(host) || isPlaceholderHost(host) || isLocalHost(host) || place.fallback) return;
    // A password written down beside the holes of a URL is a credential: config/hardcoded-secret's finding.
    const password = found && /:\/\/[^/@]*:([^/@]*)@/.exec(template)?.[1];
    if (password && !password.includes('\u0000')) return;
    const service = found?.service ?? DSN;
    const env = envNameFor(place.name) ?? service.env;
    report({ messageId: 'pyUrl', data: { env, service: service.service, host }, start: s.start, end: s.end, identity: `url:${host}` });
  };

  for (const [e, place] of placesOf(context, facts)) judge(e, place);
}

/** Every string the facts place, with what its place says, fallbacks first (a fallback is also a call's argument). */
function placesOf(context: FileContext, facts: PythonFacts): Array<[PyExpr, Place]> {
  const out: Array<[PyExpr, Place]> = [];
  for (const read of facts.envReads) {
    if (!read.fallback?.string) continue;
    const name = read.name;
    const fix: MoveToEnvFix | undefined = name && read.form !== 'setdefault'
      ? { kind: 'move-to-env', start: read.start, end: read.end, replacement: () => pythonEnvRead(name), name, value: read.fallback.string.value, fixedName: true, prelude: pythonEnvFix(facts) }
      : undefined;
    out.push([read.fallback, { fallback: { envName: name, fix } }]);
  }
  // django-environ, environs, decouple: `env.str('REDIS_URL', default='redis://…')` is a read with a default.
  const libraryReads = envReadsOf(context).reads.filter((r) => r.via === 'env library');
  const libraryRead = (call: PyCall) => libraryReads.find((r) => r.exprStart === call.start && r.exprEnd === call.end);
  const loaded = loadedConfigNames(context, facts);
  for (const call of facts.calls) {
    if (PROSE_CALL.test(call.callee)) continue;
    const client = PYTHON_CLIENTS.find((c) => c.callee.test(call.callee));
    const read = libraryRead(call);
    // A convict-style reader, `get_env('DATABASE_URL', 'postgres://…')`: the arguments after the name are defaults.
    const first = call.args[0]?.string;
    const named = first && !first.interpolated && /^[A-Z][A-Z0-9_]+$/.test(first.value) ? first.value : undefined;
    // `SECRETS.get('cache_url', 'redis://localhost:6379')` on what `json.load` read from the deployment's own
    // configuration file: the second argument is that file's default, as an env read's fallback is.
    const fromConfigFile = call.method === 'get' && loaded.has(call.written.slice(0, -'.get'.length));
    call.args.forEach((arg, i) => {
      if (read || ((named || fromConfigFile) && i > 0)) out.push([arg, { fallback: { envName: read?.name ?? named } }]);
      else out.push([arg, { client: client && i === client.positional ? client : undefined }]);
    });
    for (const [key, value] of Object.entries(call.kwargs)) {
      if (DEFAULT_KEYS.test(key) || read) out.push([value, { fallback: { envName: read?.name ?? named } }]);
      else out.push([value, { name: key, client: client?.keys.test(key) ? client : undefined }]);
    }
  }
  for (const a of facts.assignments) {
    const name = a.path[a.path.length - 1];
    const cls = a.inClass;
    // pydantic-settings: a field of a `BaseSettings` class is read from the variable of its name; the value is its default.
    if (cls && cls.bases.some((b) => /(?:^|\.)BaseSettings$/.test(b))) out.push([a.value, { fallback: { envName: toEnvName(name) } }]);
    else out.push([a.value, { name, development: cls !== undefined && DEV_CLASS.test(cls.name) }]);
    if (a.path.length === 1 && a.scope === 'module') for (const [e, place] of djangoHosts(name, a.value)) out.push([e, place]);
    // `default_conf = {'redis_uri': 'redis://localhost:6379', …}`: the answers a config generator offers (audit: flaskbb's makeconfig).
    if (DEFAULTS_NAME.test(name)) for (const entry of a.value.entries ?? []) out.push([entry.value, { fallback: {} }]);
  }
  for (const e of facts.dictEntries) if (!DEFAULT_KEYS.test(e.key)) out.push([e.value, { name: e.key }]);
  return out;
}

/** `json.load(f)`, `yaml.safe_load(f)`, `tomllib.load(f)`: a configuration file's content, parsed. */
const LOADS_CONFIG = /^(?:json\.loads?|yaml\.(?:safe_)?load|tomllib\.loads?|tomli\.loads?|toml\.loads?)$/;

/**
 * Module-level names some assignment binds to a parsed configuration file (`SECRETS = json.load(handle)`), in the
 * module or in a sibling settings module it star-imports (`from .common import *` in `settings/prod.py`).
 */
function loadedConfigNames(context: FileContext, facts: PythonFacts): Set<string> {
  const out = new Set<string>();
  for (const a of facts.assignments) {
    if (a.scope !== 'module' || a.path.length !== 1 || a.value.call === undefined) continue;
    if (LOADS_CONFIG.test(facts.calls[a.value.call]?.callee ?? '')) out.add(a.path[0]);
  }
  const host = context.host;
  if (!host || !/^from\s+\.\w/m.test(context.text)) return out;
  for (const m of context.text.matchAll(/^from\s+\.(\w+)\s+import\s+\*/gm)) {
    const text = host.readFile(path.join(path.dirname(context.path), `${m[1]}.py`));
    if (text === undefined) continue;
    for (const b of text.matchAll(/^[ \t]*([A-Za-z_]\w*)\s*=\s*(?:json|yaml|tomllib|tomli|toml)\.(?:safe_)?loads?\(/gm)) out.add(b[1]);
  }
  return out;
}

const DJANGO_DATABASES: PyClient = { name: 'DATABASES', callee: /$^/, ...SQL, keys: /^HOST$/, tp: '', fp: '' };
const DJANGO_CACHES: PyClient = { name: 'CACHES', callee: /$^/, keys: /^LOCATION$/, service: 'cache', env: 'CACHE_HOST', tp: '', fp: '' };

/** Django's `DATABASES = {'default': {'HOST': 'db.internal'}}` and `CACHES = {'default': {'LOCATION': '10.0.0.5:11211'}}`. */
function djangoHosts(name: string, value: PyExpr): Array<[PyExpr, Place]> {
  const client = name === 'DATABASES' ? DJANGO_DATABASES : name === 'CACHES' ? DJANGO_CACHES : undefined;
  if (!client) return [];
  const out: Array<[PyExpr, Place]> = [];
  for (const alias of value.entries ?? []) {
    for (const entry of alias.value.entries ?? []) {
      if (!client.keys.test(entry.key)) continue;
      // A cache location is a host only as `host:port`; a unix socket or a local-memory cache's name is not.
      if (client === DJANGO_CACHES && !/^[\w.-]+:\d+$/.test(entry.value.string?.value ?? '')) continue;
      out.push([entry.value, { client, name: entry.key }]);
    }
  }
  return out;
}
