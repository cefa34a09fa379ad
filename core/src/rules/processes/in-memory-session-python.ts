import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import type { PyExpr, PythonFacts } from '../../python/types';
import type { Report } from '../types';
import { enclosingHeaders } from '../../python/blocks';
import { isTestEnvironmentSettings } from '../../fileKinds';
import { relativeToRoot } from '../../workspace/roles';

const EXTERNAL = 'Use an external store (Redis, the database…).';

export const PYTHON_SESSION_MESSAGES: Record<string, string> = {
  pyFlaskSessionFile: `Flask-Session's \`SESSION_TYPE = '{value}'\` writes sessions to this machine's disk: other instances never see them and a container's disk is thrown away. ${EXTERNAL}`,
  pyDjangoSessionFile: `Django's file session backend writes sessions to this machine's disk: other instances never see them and a container's disk is thrown away. ${EXTERNAL}`,
  pyDjangoSessionLocMem: `Django keeps sessions in the cache, and the cache here is \`LocMemCache\`, inside this process: a restart logs everyone out and other instances never see them. ${EXTERNAL}`,
};

export const PYTHON_SESSION_KEYWORDS = ['session_type', 'session_engine'];

/**
 * Settings that keep sessions in the process or on its disk. Each row: a true and a false example
 * (checked by the tests).
 */
export const SESSION_SETTINGS: Array<{ setting: string; value: RegExp; messageId: string; tp: string; fp: string }> = [
  { setting: 'SESSION_TYPE', value: /^(?:filesystem|cachelib)$/, messageId: 'pyFlaskSessionFile', tp: "SESSION_TYPE = 'filesystem'", fp: "SESSION_TYPE = 'redis'" },
  { setting: 'SESSION_ENGINE', value: /^django\.contrib\.sessions\.backends\.file$/, messageId: 'pyDjangoSessionFile', tp: "SESSION_ENGINE = 'django.contrib.sessions.backends.file'", fp: "SESSION_ENGINE = 'django.contrib.sessions.backends.db'" },
  { setting: 'SESSION_ENGINE', value: /^django\.contrib\.sessions\.backends\.cache$/, messageId: 'pyDjangoSessionLocMem', tp: "SESSION_ENGINE = 'django.contrib.sessions.backends.cache'\nCACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}", fp: "SESSION_ENGINE = 'django.contrib.sessions.backends.cache'\nCACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache'}}" },
];

/** `if SESSION_FILE_PATH:`, `elif settings.SESSION_FILE_PATH is not None:` (`if not …` is the other side). */
const FILE_PATH_SWITCH = /^(?:el)?if\s+(?!not\b)(?:[\w.]+\.)?SESSION_FILE_PATH\b(?:\s+is\s+not\s+None|\s*!=\s*None)?\s*:/;

export function checkSessionPython(context: FileContext, report: (r: Report) => void): void {
  const facts = context.python;
  if (!facts) return;
  // The test environment's settings (`configs/test.py`): its sessions live as long as a test run.
  let testSettings: boolean | undefined;
  for (const { setting, value } of settingsOf(facts)) {
    const s = value.string;
    if (!s || s.interpolated) continue;
    const row = SESSION_SETTINGS.find((r) => r.setting === setting && r.value.test(s.value));
    if (!row) continue;
    // `cachelib` is on disk only with a FileSystemCache; the cache backend is in memory only over LocMemCache.
    if (s.value === 'cachelib' && !facts.calls.some((c) => /FileSystemCache$/.test(c.callee))) continue;
    if (row.messageId === 'pyDjangoSessionLocMem' && !usesLocMemCache(facts)) continue;
    // `if SESSION_FILE_PATH is not None:` around the engine: file sessions only when the operator names a folder
    // for them (a setting whose default is none), database sessions otherwise.
    if (row.messageId === 'pyDjangoSessionFile' && enclosingHeaders(context.text, value.start).some((h) => FILE_PATH_SWITCH.test(h))) continue;
    if (testSettings ??= isTestEnvironmentSettings(relativeToRoot(context))) continue;
    report({ messageId: row.messageId, data: { value: s.value }, start: value.start, end: value.end, identity: `${row.messageId}:${s.value}`, fixes: fixOf(row.messageId, value) });
  }
}

/** `SESSION_TYPE = …` at any level, `app.config['SESSION_TYPE'] = …`, `{'SESSION_TYPE': …}` and `SESSION_TYPE=…` keywords. */
function settingsOf(facts: PythonFacts): Array<{ setting: string; value: PyExpr }> {
  const out: Array<{ setting: string; value: PyExpr }> = [];
  const wanted = (name: string) => name === 'SESSION_TYPE' || name === 'SESSION_ENGINE';
  for (const a of facts.assignments) {
    const name = a.path[a.path.length - 1];
    if (wanted(name)) out.push({ setting: name, value: a.value });
  }
  for (const e of facts.dictEntries) if (wanted(e.key)) out.push({ setting: e.key, value: e.value });
  for (const c of facts.calls) for (const [k, v] of Object.entries(c.kwargs)) if (wanted(k)) out.push({ setting: k, value: v });
  return out;
}

function usesLocMemCache(facts: PythonFacts): boolean {
  return facts.dictEntries.some((e) => e.key === 'BACKEND' && /locmem\.LocMemCache$/.test(e.value.string?.value ?? ''));
}

/** Redis for Flask-Session (it connects to `SESSION_REDIS`, else a local Redis); the database for Django. */
function fixOf(messageId: string, value: PyExpr): EditFix[] | undefined {
  const s = value.string;
  if (!s) return undefined;
  const quote = (v: string) => `'${v}'`;
  if (messageId === 'pyFlaskSessionFile') {
    return [{ kind: 'edit', id: 'session-store-redis', title: "Keep sessions in Redis (SESSION_TYPE = 'redis')", edits: [{ start: s.start, end: s.end, text: quote('redis') }], preferred: false }];
  }
  return [{ kind: 'edit', id: 'session-store-db', title: 'Keep sessions in the database (django.contrib.sessions.backends.db)', edits: [{ start: s.start, end: s.end, text: quote('django.contrib.sessions.backends.db') }], preferred: false }];
}
