import type { FileContext } from '../../context';
import type { MoveToEnvFix } from '../../fixes/types';
import { goMoveToEnv } from '../../go/edits';
import type { GoBinding, GoCall, GoExpr, GoFacts, GoString } from '../../go/types';
import { roleOfContext } from '../../workspace/roles';
import type { Report } from '../types';
import { DSN, dsnHostOf, envNameFor, hostOf, isLocalHost, isPlaceholderHost, isRemoteHost, serviceUrlOf, type Service } from './hardcoded-service-url-shapes';

const FROM_ENV = 'swapping the service means a new build. Read it from `os.Getenv("{env}")`.';

export const GO_URL_MESSAGES: Record<string, string> = {
  goUrl: `The {service} address \`{host}\` is written in the code: ${FROM_ENV}`,
  goHost: `{client} connects to \`{host}\`, written in the code: ${FROM_ENV}`,
  goFallback: '`{env}` falls back to the {service} at `{host}` when it is unset: a missing variable silently connects to it. Require the variable instead.',
};

/** Lower-case words the Go shapes need beyond `://` (the keywords are shared with the other languages). */
export const GO_URL_KEYWORDS = ['addr', 'dial', 'sendmail', 'tcp('];

/** The raw-text test for a Go file: a service URL scheme, a DSN, or a client this rule knows by its address. */
export const GO_URL_GATE = /:\/\/|\bhost(?:addr)?\s*=|@tcp6?\(|\bAddrs?\s*:|\bNew(?:Plain)?Dialer\s*\(|\bSendMail\s*\(|\bredis\.Dial\s*\(/;

/** A client whose call or options name its service's address, with a true and a false example (the test adds the imports). */
interface GoClient extends Service {
  name: string;
  /** A call's resolved callee and the argument holding the address. */
  callee?: RegExp;
  index?: number;
  /** A composite literal's resolved type and the keys holding the address. */
  literal?: RegExp;
  keys?: RegExp;
  tp: string;
  fp: string;
}

export const GO_CLIENTS: GoClient[] = [
  {
    name: 'redis.Options', literal: /^\*?github\.com\/(?:go-redis\/redis|redis\/go-redis)(?:\/v\d+)?\.(?:Options|UniversalOptions|FailoverOptions|ClusterOptions|RingOptions)$/,
    keys: /^(?:Addr|Addrs|SentinelAddrs)$/, service: 'Redis', env: 'REDIS_ADDR',
    tp: 'rdb := redis.NewClient(&redis.Options{Addr: "cache.internal:6379"})\n\t_ = rdb', fp: 'rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})\n\t_ = rdb',
  },
  {
    name: 'redigo redis.Dial', callee: /^github\.com\/gomodule\/redigo\/redis\.Dial$/, index: 1, service: 'Redis', env: 'REDIS_ADDR',
    tp: 'c, _ := redis.Dial("tcp", "cache.internal:6379")\n\t_ = c', fp: 'c, _ := redis.Dial("tcp", addr)\n\t_ = c',
  },
  {
    name: 'mysql.Config', literal: /^\*?github\.com\/go-sql-driver\/mysql\.Config$/, keys: /^Addr$/, service: 'database', env: 'DB_ADDR',
    tp: 'cfg := mysql.Config{Net: "tcp", Addr: "db.internal:3306"}\n\t_ = cfg', fp: 'cfg := mysql.Config{Net: "tcp", Addr: os.Getenv("DB_ADDR")}\n\t_ = cfg',
  },
  {
    name: 'smtp.SendMail', callee: /^net\/smtp\.(?:SendMail|Dial)$/, index: 0, service: 'SMTP server', env: 'SMTP_ADDR',
    tp: '_ = smtp.SendMail("smtp.mailgun.org:587", nil, "a@b.c", nil, nil)', fp: '_ = smtp.SendMail(os.Getenv("SMTP_ADDR"), nil, "a@b.c", nil, nil)',
  },
  {
    name: 'gomail NewDialer', callee: /^(?:gopkg\.in\/gomail\.v2|gopkg\.in\/mail\.v2|github\.com\/go-mail\/mail)\.New(?:Plain)?Dialer$/, index: 0, service: 'SMTP server', env: 'SMTP_HOST',
    tp: 'd := gomail.NewDialer("smtp.mailgun.org", 587, "user", pass)\n\t_ = d', fp: 'd := gomail.NewDialer(host, 587, "user", pass)\n\t_ = d',
  },
];

/** Calls whose arguments are text for people: log lines, errors, prints. */
const PROSE_CALL = /^(?:log|fmt|errors)\.(?:Print|Fatal|Panic|Errorf|New|Fprint)|\.(?:Debug|Info|Warn|Warning|Error|Fatal|Panic|Trace)[fw]?$|\.(?:Msg|Msgf|Str)$/;
/** A command-line flag's default (`flag.String("db", "postgres://…", "usage")`): the flag overrides it. */
const FLAG_CALL = /^(?:flag|github\.com\/spf13\/pflag)\.(?:String|StringVar|StringP|StringVarP)$|\.(?:String|StringVar|StringP|StringVarP|SetDefault|Default|EnvDefault)$/;
/** A name for the value used when nothing is configured: `defaultDSN`, `DefaultRedisURL`, `DEFAULT_BROKER`. */
const DEFAULT_NAME = /^(?:default[A-Z_]|Default[A-Z_]|DEFAULT_)/;
/** `fmt.Sprintf("postgres://%s:%s@db.internal/app", …)`: a URL with holes. */
const FORMAT_CALL = /^fmt\.Sprintf$/;

interface Place {
  fallback?: { envName?: string; fix?: MoveToEnvFix };
  name?: string;
  binding?: GoBinding;
  client?: GoClient;
  /** A format string: its verbs are holes. */
  format?: boolean;
  /** The first of a list of addresses (`Addrs: []string{…}`): reported once, and moved by hand. */
  list?: boolean;
}

export function checkServiceUrlGo(context: FileContext, report: (r: Report) => void): void {
  const facts = context.go;
  if (!facts) return;
  const role = roleOfContext(context).role;
  if (role === 'vendored' || role === 'snippet' || role === 'build-output') return;
  const places = placesOf(facts);
  const seen = new Set<number>();
  const judgeAt = (s: GoString, host: string, service: Service, place: Place, messageId: 'goUrl' | 'goHost'): void => {
    if (isPlaceholderHost(host)) return;
    if (isLocalHost(host) && context.isTestFile) return;
    if (place.fallback) {
      // A default for the developer's machine or a compose service is what `.env.example` would say anyway.
      if (!isRemoteHost(host)) return;
      const env = place.fallback.envName ?? service.env;
      report({ messageId: 'goFallback', data: { env, service: service.service, host }, start: s.start, end: s.end, identity: `fallback:${host}`, fixes: place.fallback.fix && [place.fallback.fix] });
      return;
    }
    const env = (messageId === 'goUrl' ? envNameFor(place.name) : undefined) ?? service.env;
    const fix = place.list ? undefined : goMoveToEnv(facts, context.text, s, env, place.binding);
    const client = place.client?.name ?? service.service;
    report({ messageId, data: { env, service: service.service, host, client }, start: s.start, end: s.end, identity: `${messageId === 'goUrl' ? 'url' : 'host'}:${host}`, fixes: fix && [fix] });
  };
  for (const s of [...facts.strings, ...places.shortHosts]) {
    if (seen.has(s.start)) continue;
    seen.add(s.start);
    const place = places.at.get(s.start) ?? {};
    if (place.prose) continue;
    if (place.format) {
      // Each verb stands as one character no host has, so a host built from one does not parse.
      const template = s.value.replace(/%[-+# 0-9.*]*[a-zA-Z]/g, '\u0000');
      const found = serviceUrlOf(template);
      const host = found ? found.url.host : dsnHostOf(template);
      if (host && /^[\w.:[\]-]+$/.test(host) && !isPlaceholderHost(host) && !isLocalHost(host) && !place.fallback && !(found && hasWrittenPassword(s.value))) {
        const service = found?.service ?? DSN;
        report({ messageId: 'goUrl', data: { env: service.env, service: service.service, host }, start: s.start, end: s.end, identity: `url:${host}` });
      }
      continue;
    }
    const found = serviceUrlOf(s.value);
    const dsnHost = found ? undefined : dsnHostOf(s.value);
    if (found && !found.url.hasPassword) judgeAt(s, found.url.host, found.service, place, 'goUrl');
    // `host=db.internal user=app dbname=shop`, `app@tcp(db.internal:3306)/shop`.
    else if (dsnHost && /^[\w.:[\]-]+$/.test(dsnHost)) judgeAt(s, dsnHost, DSN, place, 'goUrl');
    else if (place.client && !s.value.includes('://')) {
      const host = hostOf(s.value.split(',')[0].trim());
      if (/^[\w.:[\]-]+$/.test(host)) judgeAt(s, host, place.client, place, 'goHost');
    }
  }
}

/** `%s:%s@` holds no password; `app:s3cret@` does, and is config/hardcoded-secret's finding. */
function hasWrittenPassword(format: string): boolean {
  const password = /:\/\/[^/@]*:([^/@]*)@/.exec(format)?.[1];
  return password !== undefined && password !== '' && !/^%[-+# 0-9.*]*[a-zA-Z]$/.test(password);
}

/** What each string literal's place says, by the literal's offset; short client addresses the facts' string list leaves out. */
function placesOf(facts: GoFacts): { at: Map<number, Place & { prose?: boolean }>; shortHosts: GoString[] } {
  const at = new Map<number, Place & { prose?: boolean }>();
  const shortHosts: GoString[] = [];
  const put = (e: GoExpr | undefined, place: Place & { prose?: boolean }) => {
    const s = e?.string;
    if (!s || at.has(s.start)) return;
    at.set(s.start, place);
    if (place.client && s.value.length < 8) shortHosts.push(s);
  };
  // Fallbacks first: the default's assignment (`v = "lit"`) is a binding too, judged once, as the fallback.
  for (const read of facts.envReads) {
    const fallback = read.fallback;
    if (!fallback) continue;
    const envName = read.name;
    // The default goes; an unset variable stops the program at start-up, saying which one.
    const fix: MoveToEnvFix | undefined = envName
      ? { kind: 'move-to-env', start: fallback.assignStart, end: fallback.assignEnd, replacement: () => `panic("${envName} is not set")`, name: envName, value: fallback.string.value, fixedName: true }
      : undefined;
    put({ start: fallback.string.start, end: fallback.string.end, type: 'interpreted_string_literal', text: '', string: fallback.string }, { fallback: { envName, fix } });
  }
  for (const call of facts.calls) {
    const client = GO_CLIENTS.find((c) => c.callee?.test(call.callee));
    const first = call.args[0]?.string;
    // `getEnv("DATABASE_URL", "postgres://…")`: a helper reading the variable, with its default.
    const named = first && /^[A-Z][A-Z0-9_]+$/.test(first.value) ? first.value : undefined;
    call.args.forEach((arg, i) => {
      if (prose(call)) put(arg, { prose: true });
      else if (FORMAT_CALL.test(call.callee) && i === 0) put(arg, { format: true });
      else if ((named && i > 0) || (FLAG_CALL.test(call.callee) && i > 0)) put(arg, { fallback: { envName: named } });
      else put(arg, { client: client && i === client.index ? client : undefined });
    });
  }
  // `url := "redis://localhost:6379"` then `if v := os.Getenv("REDIS_URL"); v != "" { url = v }`: the literal is the default.
  const fromEnv = variablesFromEnv(facts);
  for (const b of facts.bindings) {
    const envName = b.path.length === 1 ? fromEnv.get(b.path[0]) : undefined;
    const name = b.path[b.path.length - 1];
    // `defaultDSN = "root@tcp(localhost:3306)/app"`: a value its name says is used when the configuration gives
    // none (tinode's database adapter), judged as an env read's default: a remote host still counts.
    if (envName) put(b.value, { fallback: { envName } });
    else if (DEFAULT_NAME.test(name)) put(b.value, { fallback: {} });
    else put(b.value, { name, binding: b });
  }
  for (const k of facts.keyed) {
    const client = GO_CLIENTS.find((c) => c.literal?.test(k.owner) && c.keys?.test(k.key));
    const list = client !== undefined && k.value.elements !== undefined && k.value.elements.length > 0;
    put(list ? k.value.elements?.[0] : k.value, { name: k.key, client, list });
  }
  return { at, shortHosts };
}

/** Variables that hold an env read (`v := os.Getenv("X")`) or are assigned one, directly or through such a variable. */
function variablesFromEnv(facts: GoFacts): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of facts.envReads) if (r.variable && r.name) out.set(r.variable, r.name);
  for (const b of facts.bindings) {
    if (b.path.length !== 1 || out.has(b.path[0])) continue;
    const call = b.value.call !== undefined ? facts.calls[b.value.call] : undefined;
    const read = call && facts.envReads.find((r) => r.start === call.start);
    const name = read?.name ?? (b.value.ident ? out.get(b.value.ident) : undefined);
    if (name) out.set(b.path[0], name);
  }
  return out;
}

function prose(call: GoCall): boolean {
  return PROSE_CALL.test(call.callee) || PROSE_CALL.test(call.written);
}
