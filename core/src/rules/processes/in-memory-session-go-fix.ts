// The Go session stores' Redis quick fixes, one per library, each in that library's idiom.
import type { EditFix } from '../../fixes/types';
import { goEnvRead, goImportEdits, goSwapImport } from '../../go/edits';
import type { GoCall, GoFacts } from '../../go/types';

export type GoSessionFix = 'gorilla' | 'scs-memstore' | 'scs-default' | 'gin-memstore' | 'fiber';

const REDIGO = 'github.com/gomodule/redigo/redis';
const REDISTORE = 'github.com/boj/redistore';
const SCS_REDIS = 'github.com/alexedwards/scs/redisstore';
const GIN_REDIS = 'github.com/gin-contrib/sessions/redis';
const FIBER_REDIS = 'github.com/gofiber/storage/redis/v3';
/** What `sessions.Store` offers: a RediStore answers these as a FilesystemStore does (`MaxAge`/`MaxLength` it spells `SetMaxAge`…). */
const STORE_METHODS = new Set(['Get', 'New', 'Save']);

interface Site {
  facts: GoFacts;
  call: GoCall;
  text: string;
  /** The indentation of the call's line: the new code's lines follow it. */
  indent: string;
  /** `log.Fatalf` when `log` is the standard library's (imported or free), else `panic`. */
  useLog: boolean;
}

/**
 * A Redis store in place of the one `call` builds in memory or on disk, reading `REDIS_URL` (or, for redistore,
 * its pool) from the environment and stopping the program at start-up when Redis cannot be reached. Offered only
 * where the result is sure to compile: every name the new code needs is free or already the right import, and an
 * import the change leaves unused is removed.
 */
export function goSessionRedisFix(kind: GoSessionFix, facts: GoFacts, call: GoCall, text: string): EditFix[] | undefined {
  const lineStart = text.lastIndexOf('\n', call.start - 1) + 1;
  const site: Site = { facts, call, text, indent: /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '', useLog: free(facts, 'log', 'log') };
  if (!free(facts, 'os', 'os')) return undefined;
  const made = MAKERS[kind](site);
  if (!made) return undefined;
  const edits = [...made.edits].sort((a, b) => a.start - b.start);
  if (edits.some((e, i) => i > 0 && e.start < edits[i - 1].end)) return undefined;
  return [{ kind: 'edit', id: 'session-store-redis', title: `Keep sessions in Redis (${made.library}; then \`go get ${made.modules.join(' ')}\`)`, edits, preferred: false }];
}

type Made = { edits: Array<{ start: number; end: number; text: string }>; library: string; modules: string[] };

const MAKERS: Record<GoSessionFix, (s: Site) => Made | undefined> = {
  // gorilla `sessions.NewFilesystemStore(path, keys…)` bound to a name → a redistore store with the same keys.
  gorilla(s) {
    const { facts, call, text } = s;
    const binding = facts.bindings.find((b) => (b.kind === 'short' || b.kind === 'var') && b.path.length === 1 && b.value.start === call.start);
    const name = binding?.path[0];
    if (!binding || !name || !new RegExp(`${name}\\s*:?=\\s*$`).test(text.slice(binding.start, call.start))) return undefined;
    if (facts.calls.some((c) => c.receiver === name && !STORE_METHODS.has(c.method))) return undefined;
    if (facts.bindings.some((b) => b.path.length === 2 && b.path[0] === name && b.path[1] !== 'Options')) return undefined;
    const redigo = redigoName(facts, []);
    if (!redigo || !free(facts, 'redistore', REDISTORE)) return undefined;
    const keys = call.args.slice(1).map((a) => `, ${text.slice(a.start, a.end)}`).join('');
    const made = checked(s, '*redistore.RediStore', `redistore.NewRediStoreWithPool(${pool(redigo)}${keys})`);
    const imports = goSwapImport(facts, text, call.receiver, call, REDISTORE, needs(s), names(redigo));
    return imports ? { edits: [{ start: call.start, end: call.end, text: made }, ...imports], library: 'redistore', modules: [REDISTORE, REDIGO] } : undefined;
  },
  // scs `sm.Store = memstore.New()` → `redisstore.New(pool)`, the memstore import swapped for redisstore.
  'scs-memstore'(s) {
    const redigo = redigoName(s.facts, []);
    if (!redigo || !free(s.facts, 'redisstore', SCS_REDIS)) return undefined;
    const imports = goSwapImport(s.facts, s.text, s.call.receiver, s.call, SCS_REDIS, needs(s), names(redigo));
    return imports ? { edits: [{ start: s.call.start, end: s.call.end, text: `redisstore.New(${pingedPool(s, redigo)})` }, ...imports], library: 'scs redisstore', modules: [SCS_REDIS, REDIGO] } : undefined;
  },
  // scs `sm := scs.New()` in a function, its default memstore kept: `sm.Store = redisstore.New(pool)` on the next line.
  'scs-default'(s) {
    const { facts, call } = s;
    const binding = facts.bindings.find((b) => b.inFunction && b.kind !== 'const' && b.path.length === 1 && b.value.start === call.start && b.value.end === call.end);
    const redigo = redigoName(facts, []);
    if (!binding || !redigo || !free(facts, 'redisstore', SCS_REDIS) || !/^\s*$/.test(s.text.slice(call.end, binding.end))) return undefined;
    const line = `\n${s.indent}${binding.path[0]}.Store = redisstore.New(${pingedPool(s, redigo)})`;
    return { edits: [{ start: binding.end, end: binding.end, text: line }, ...goImportEdits(facts, [...needs(s), SCS_REDIS], names(redigo))], library: 'scs redisstore', modules: [SCS_REDIS, REDIGO] };
  },
  // gin-contrib `memstore.NewStore(keys…)` → `redis.NewStoreWithPool(pool, keys…)` (the same `sessions.Store`).
  'gin-memstore'(s) {
    const { facts, call, text } = s;
    const redigo = redigoName(facts, ['redis']);
    if (!redigo || !free(facts, 'redis', GIN_REDIS)) return undefined;
    const keys = call.args.map((a) => `, ${text.slice(a.start, a.end)}`).join('');
    const made = checked(s, 'redis.Store', `redis.NewStoreWithPool(${pool(redigo)}${keys})`);
    const imports = goSwapImport(facts, text, call.receiver, call, GIN_REDIS, needs(s), names(redigo));
    return imports ? { edits: [{ start: call.start, end: call.end, text: made }, ...imports], library: 'gin-contrib/sessions redis', modules: [GIN_REDIS, REDIGO] } : undefined;
  },
  // fiber `session.New(…)` without `Storage` → `Storage: redis.New(redis.Config{URL: url})` (gofiber/storage).
  fiber(s) {
    const { facts, call, text } = s;
    if (!free(facts, 'redis', FIBER_REDIS)) return undefined;
    const unset = s.useLog ? 'log.Fatal("session store: REDIS_URL is not set")' : 'panic("session store: REDIS_URL is not set")';
    const storage = (indent: string) => [
      'Storage: func() *redis.Storage {', `\turl := ${goEnvRead('REDIS_URL')}`, '\tif url == "" {', `\t\t${unset}`, '\t}',
      '\treturn redis.New(redis.Config{URL: url})', '}()',
    ].join(`\n${indent}`);
    const at = storageInsertion(call, text, s.indent, storage);
    return at && { edits: [at, ...goImportEdits(facts, [...(s.useLog ? ['log'] : []), 'os', FIBER_REDIS])], library: 'gofiber/storage redis', modules: [FIBER_REDIS] };
  },
};

/** `session.New()` gets a config; `session.New(session.Config{…})` gets the field, on its own line when the literal spans lines. */
function storageInsertion(call: GoCall, text: string, indent: string, storage: (indent: string) => string): { start: number; end: number; text: string } | undefined {
  if (call.args.length === 0) {
    const open = text.indexOf('(', call.start + call.written.length);
    return open >= 0 && /^\(\s*\)$/.test(text.slice(open, call.end)) ? { start: open + 1, end: call.end - 1, text: `${call.receiver}.Config{${storage(indent)}}` } : undefined;
  }
  const arg = call.args[0];
  if (call.args.length !== 1 || arg.type !== 'composite_literal' || !/^(?:\w+\.)?Config$/.test(text.slice(arg.start, text.indexOf('{', arg.start)).trim())) return undefined;
  const brace = text.indexOf('{', arg.start);
  const after = text.slice(brace + 1, arg.end - 1);
  if (/^\s*$/.test(after)) return { start: brace + 1, end: arg.end - 1, text: storage(indent) };
  const next = /^[ \t]*\n([ \t]*)/.exec(after);
  return next ? { start: brace + 1, end: brace + 1, text: `\n${next[1]}${storage(next[1])},` } : { start: brace + 1, end: brace + 1, text: `${storage(indent)}, ` };
}

/** A call that returns a store and an error, made an expression: a function literal called in place that stops the program on the error. */
function checked(s: Site, type: string, create: string): string {
  return [`func() ${type} {`, `\ts, err := ${create}`, '\tif err != nil {', `\t\t${fatal(s)}`, '\t}', '\treturn s', '}()'].join(`\n${s.indent}`);
}

/** A redigo pool on `REDIS_URL` that has answered a PING (scs's redisstore never pings: the first request would fail). */
function pingedPool(s: Site, r: string): string {
  return [`func() *${r}.Pool {`, `\tpool := ${pool(r)}`, '\tconn := pool.Get()', '\tdefer conn.Close()',
    '\tif _, err := conn.Do("PING"); err != nil {', `\t\t${fatal(s)}`, '\t}', '\treturn pool', '}()'].join(`\n${s.indent}`);
}

function pool(r: string): string {
  return `&${r}.Pool{MaxIdle: 10, Dial: func() (${r}.Conn, error) { return ${r}.DialURL(${goEnvRead('REDIS_URL')}) }}`;
}

const fatal = (s: Site) => (s.useLog ? 'log.Fatalf("session store: %v", err)' : 'panic(err)');
const needs = (s: Site) => [...(s.useLog ? ['log'] : []), 'os', REDIGO];
const names = (redigo: string): Record<string, string> => (redigo === 'redis' ? {} : { [REDIGO]: redigo });

/** Whether `local` names nothing in the file, or already names `path`. */
function free(facts: GoFacts, local: string, path: string): boolean {
  return !facts.imports.has(local) || facts.imports.get(local) === path;
}

/** The name redigo goes by: its import's if the file has one, else `redis`, else `redigo`, avoiding `reserved`. */
function redigoName(facts: GoFacts, reserved: string[]): string | undefined {
  const have = [...facts.imports].find(([, p]) => p === REDIGO)?.[0];
  if (have) return reserved.includes(have) ? undefined : have;
  return ['redis', 'redigo'].find((n) => !reserved.includes(n) && !facts.imports.has(n));
}
