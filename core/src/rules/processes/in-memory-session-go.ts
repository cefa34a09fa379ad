import type { FileContext } from '../../context';
import type { GoFacts } from '../../go/types';
import type { Report } from '../types';
import { goSessionRedisFix, type GoSessionFix } from './in-memory-session-go-fix';

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
export const GO_SESSION_STORES: Array<{ callee: RegExp; store: string; messageId: string; fix?: GoSessionFix; tp: string; fp: string }> = [
  { callee: /^github\.com\/gorilla\/sessions\.NewFilesystemStore$/, store: 'gorilla/sessions `NewFilesystemStore`', messageId: 'goSessionFile', fix: 'gorilla', tp: 'store := sessions.NewFilesystemStore("", []byte(os.Getenv("SESSION_KEY")))', fp: 'store := sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))' },
  { callee: /^github\.com\/alexedwards\/scs\/v2\/memstore\.New(?:WithCleanupInterval)?$/, store: 'scs `memstore`', messageId: 'goSessionMemory', fix: 'scs-memstore', tp: 'sm := scs.New()\n\tsm.Store = memstore.New()', fp: 'sm := scs.New()\n\tsm.Store = redisstore.New(pool)' },
  { callee: /^github\.com\/alexedwards\/scs\/v2\.New$/, store: 'scs (its default store is `memstore`)', messageId: 'goSessionMemory', fix: 'scs-default', tp: 'sm := scs.New()\n\tsm.Lifetime = time.Hour', fp: 'sm := scs.New()\n\tsm.Store = redisstore.New(pool)' },
  { callee: /^github\.com\/gin-contrib\/sessions\/memstore\.NewStore$/, store: 'gin-contrib `memstore`', messageId: 'goSessionMemory', fix: 'gin-memstore', tp: 'store := memstore.NewStore([]byte(os.Getenv("SESSION_KEY")))', fp: 'store := cookie.NewStore([]byte(os.Getenv("SESSION_KEY")))' },
  { callee: /^github\.com\/gofiber\/fiber\/v2\/middleware\/session\.New$/, store: 'fiber `session.New` without `Storage`', messageId: 'goSessionMemory', fix: 'fiber', tp: 'store := session.New()', fp: 'store := session.New(session.Config{Storage: redisStorage})' },
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
    const fixes = row.fix && goSessionRedisFix(row.fix, facts, call, context.text);
    report({ messageId: row.messageId, data: { store: row.store }, start: call.start, end: call.end, identity: `${row.messageId}:${row.store}`, fixes });
  }
}

/** `sm := scs.New()` followed by `sm.Store = …`: the default memstore is replaced (a memstore there is reported as itself). */
function setsStore(facts: GoFacts, callStart: number): boolean {
  const bound = facts.bindings.find((b) => b.value.start === callStart && b.path.length === 1);
  const name = bound?.path[0];
  return name !== undefined && facts.bindings.some((b) => b.path.length === 2 && b.path[0] === name && b.path[1] === 'Store');
}
