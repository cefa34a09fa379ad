import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { goEnvRead, goImportEdits } from '../../go/edits';
import type { GoCall, GoFacts } from '../../go/types';
import type { Report } from '../types';

const EXTERNAL = 'Use an external store (Redis, the database…).';

export const GO_SESSION_MESSAGES: Record<string, string> = {
  goSessionMemory: `{store} keeps sessions in this process's memory: a restart logs everyone out and other instances never see them. ${EXTERNAL}`,
  goSessionFile: `{store} writes sessions to this machine's disk: other instances never see them and a container's disk is thrown away. ${EXTERNAL}`,
};

/** Lower-case words every Go shape needs (import paths and constructors), none common in JavaScript. */
export const GO_SESSION_KEYWORDS = ['newfilesystemstore', 'scs/v2', 'memstore', 'middleware/session'];

/**
 * Session stores that live in the process or on its disk, by qualified callee. Each row: a true and a false
 * example (checked by the tests; the test adds the imports). Cookie stores keep the session in the client: fine.
 */
export const GO_SESSION_STORES: Array<{ callee: RegExp; store: string; messageId: string; tp: string; fp: string }> = [
  { callee: /^github\.com\/gorilla\/sessions\.NewFilesystemStore$/, store: 'gorilla/sessions `NewFilesystemStore`', messageId: 'goSessionFile', tp: 'store := sessions.NewFilesystemStore("", []byte(os.Getenv("SESSION_KEY")))', fp: 'store := sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))' },
  { callee: /^github\.com\/alexedwards\/scs\/v2\/memstore\.New(?:WithCleanupInterval)?$/, store: 'scs `memstore`', messageId: 'goSessionMemory', tp: 'sm := scs.New()\n\tsm.Store = memstore.New()', fp: 'sm := scs.New()\n\tsm.Store = redisstore.New(pool)' },
  { callee: /^github\.com\/alexedwards\/scs\/v2\.New$/, store: 'scs (its default store is `memstore`)', messageId: 'goSessionMemory', tp: 'sm := scs.New()\n\tsm.Lifetime = time.Hour', fp: 'sm := scs.New()\n\tsm.Store = redisstore.New(pool)' },
  { callee: /^github\.com\/gin-contrib\/sessions\/memstore\.NewStore$/, store: 'gin-contrib `memstore`', messageId: 'goSessionMemory', tp: 'store := memstore.NewStore([]byte(os.Getenv("SESSION_KEY")))', fp: 'store := cookie.NewStore([]byte(os.Getenv("SESSION_KEY")))' },
  { callee: /^github\.com\/gofiber\/fiber\/v2\/middleware\/session\.New$/, store: 'fiber `session.New` without `Storage`', messageId: 'goSessionMemory', tp: 'store := session.New()', fp: 'store := session.New(session.Config{Storage: redisStorage})' },
  { callee: /^github\.com\/quasoft\/memstore\.NewMemStore$/, store: 'quasoft `memstore` (a gorilla store, used with echo-contrib)', messageId: 'goSessionMemory', tp: 'store := memstore.NewMemStore([]byte(os.Getenv("SESSION_KEY")))', fp: 'store := sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))' },
];

export function checkSessionGo(context: FileContext, report: (r: Report) => void): void {
  const facts = context.go;
  if (!facts) return;
  for (const call of facts.calls) {
    const row = GO_SESSION_STORES.find((r) => r.callee.test(call.callee));
    if (!row) continue;
    if (row.store.startsWith('scs (') && setsStore(facts, call.start)) continue;
    if (row.store.startsWith('fiber') && call.args.some((a) => a.keyed?.some((k) => k.key === 'Storage'))) continue;
    const fixes = row.messageId === 'goSessionFile' ? redisStoreFix(facts, call, context.text) : undefined;
    report({ messageId: row.messageId, data: { store: row.store }, start: call.start, end: call.end, identity: `${row.messageId}:${row.store}`, fixes });
  }
}

const REDISTORE = 'github.com/boj/redistore';
/** What `sessions.Store` offers: a RediStore answers these as a FilesystemStore does (`MaxAge`/`MaxLength` it spells `SetMaxAge`…). */
const STORE_METHODS = new Set(['Get', 'New', 'Save']);

/**
 * gorilla `sessions.NewFilesystemStore(path, keys…)` bound to a name (`var store = …` or `store := …`) → a
 * redistore store on `REDIS_ADDR` with the same keys, made by a function literal called in place (so a
 * package-level `var` works as well as a local one) that stops the program when Redis cannot be reached.
 * Offered only where the result is sure to compile: the name is used only through `sessions.Store` and
 * `Options`, has no written type, the `sessions` import is removed when nothing else uses it, and no name the
 * new code needs is taken by another import.
 */
function redisStoreFix(facts: GoFacts, call: GoCall, text: string): EditFix[] | undefined {
  const binding = facts.bindings.find((b) => (b.kind === 'short' || b.kind === 'var') && b.path.length === 1 && b.value.start === call.start);
  const name = binding?.path[0];
  if (!binding || !name || !new RegExp(`${name}\\s*:?=\\s*$`).test(text.slice(binding.start, call.start))) return undefined;
  if (facts.calls.some((c) => c.receiver === name && !STORE_METHODS.has(c.method))) return undefined;
  if (facts.bindings.some((b) => b.path.length === 2 && b.path[0] === name && b.path[1] !== 'Options')) return undefined;
  const taken = (local: string, path: string) => facts.imports.has(local) && facts.imports.get(local) !== path;
  if (taken('redistore', REDISTORE) || taken('os', 'os')) return undefined;
  const lineStart = text.lastIndexOf('\n', call.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const useLog = !facts.imports.has('log') || facts.imports.get('log') === 'log';
  const keys = call.args.length > 1 ? `, ${text.slice(call.args[1].start, call.end - 1).trim()}` : '';
  const made = [
    'func() *redistore.RediStore {',
    `\ts, err := redistore.NewRediStore(10, "tcp", ${goEnvRead('REDIS_ADDR')}, ${goEnvRead('REDIS_PASSWORD')}${keys})`,
    '\tif err != nil {', `\t\t${useLog ? 'log.Fatalf("session store: %v", err)' : 'panic(err)'}`, '\t}', '\treturn s', '}()',
  ].join(`\n${indent}`);
  const edits = [{ start: call.start, end: call.end, text: made }];
  // The sessions import its only use leaves unused becomes the redistore one, in place; else redistore is added.
  const unused = unusedImport(facts, call, text);
  if (unused === null) return undefined;
  if (unused && !facts.imports.has('redistore')) edits.push({ ...unused, text: `${/^[ \t]*/.exec(text.slice(unused.start))?.[0] ?? ''}"${REDISTORE}"\n` });
  else if (unused) edits.push(unused);
  const paths = useLog ? ['log', 'os'] : ['os'];
  edits.push(...goImportEdits(facts, unused ? paths : [...paths, REDISTORE]));
  edits.sort((a, b) => a.start - b.start);
  if (edits.some((e, i) => i > 0 && e.start < edits[i - 1].end)) return undefined;
  return [{ kind: 'edit', id: 'session-store-redis', title: `Keep sessions in Redis (redistore; then \`go get ${REDISTORE}\`)`, edits, preferred: false }];
}

/**
 * The edit removing the gorilla `sessions` import when the replaced call was its only use (Go does not compile an
 * unused import); undefined when it is still used; null when it would be unused but cannot be removed cleanly.
 */
function unusedImport(facts: GoFacts, call: GoCall, text: string): { start: number; end: number; text: string } | null | undefined {
  const local = call.receiver;
  const uses = [...text.matchAll(new RegExp(`(?<![\\w.])${local}\\.`, 'g'))].filter((m) => m.index < call.start || m.index >= call.end);
  if (uses.length > 0) return undefined;
  const spec = facts.importAt.specs?.find((s) => s.path === facts.imports.get(local));
  if (!spec) return null;
  const start = text.lastIndexOf('\n', spec.start - 1) + 1;
  const newline = text.indexOf('\n', spec.end);
  const end = newline < 0 ? text.length : newline + 1;
  return /^[ \t]*$/.test(text.slice(start, spec.start)) && /^[ \t]*$/.test(text.slice(spec.end, newline < 0 ? text.length : newline)) ? { start, end, text: '' } : null;
}

/** `sm := scs.New()` followed by `sm.Store = …`: the default memstore is replaced (a memstore there is reported as itself). */
function setsStore(facts: GoFacts, callStart: number): boolean {
  const bound = facts.bindings.find((b) => b.value.start === callStart && b.path.length === 1);
  const name = bound?.path[0];
  return name !== undefined && facts.bindings.some((b) => b.path.length === 2 && b.path[0] === name && b.path[1] === 'Store');
}
