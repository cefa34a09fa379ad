import type { FileContext } from '../context';
import type { GoFacts } from '../go/types';
import { ENV_OBJECT_PATTERN } from '../js/envReads';
import type { PyCall, PythonFacts } from '../python/types';
import { envFacts, envFactsFromText, findEnvReads, LOADS_ENV_LIBRARY, type EnvReads, type EnvReadSite } from './reads';

/**
 * Env reads of any language, in one shape (`EnvReadSite`), for the env rules and the editor's env features.
 * JavaScript and TypeScript come from `reads.ts`; Python and Go from their languages' facts (the one place
 * each language answers "is this an env read": core/src/python/facts.ts, core/src/go/facts.ts), turned into
 * sites here. Python: `os.environ['X']`, `os.environ.get('X')`, `os.getenv('X')` (and `environ`/`getenv`
 * imported from `os`), `os.environ.setdefault('X', …)` and `os.environ['X'] = …` (writes), and the config
 * libraries' reads from their calls: django-environ and environs (`env('X')`, `env.str('X')`), python-decouple
 * (`config('X')`). Go: `os.Getenv("X")`, `os.LookupEnv("X")`, and `os.Setenv`/`os.Unsetenv` (writes).
 */
export function envReadsOf(context: FileContext): EnvReads {
  if (context.kind === 'js') return findEnvReads(context.sourceFile);
  if (context.kind === 'python') {
    const facts = context.python;
    return facts ? pythonEnvReads(facts, context.text) : { reads: [], dynamic: false };
  }
  if (context.kind === 'go') {
    const facts = context.go;
    return facts ? goEnvReads(facts) : { reads: [], dynamic: false };
  }
  return { reads: [], dynamic: false };
}

/** `env-read:NAME` (and `env-mention:NAME` where the env is used whole) for the program index, any language. */
export function envFactsOf(context: FileContext): string[] {
  if (context.kind === 'js') return (context.hasSourceFile ? undefined : envFactsFromText(context.text)) ?? envFacts(context.sourceFile, () => context.lineLocal(LOADS_ENV_LIBRARY));
  const parsed = context.kind === 'python' ? context.python !== undefined : context.kind === 'go' ? context.go !== undefined : false;
  // No grammar (the server indexes files before any is loaded): the names the text reads, a superset.
  if (!parsed) return [...readsInText(context.kind, context.text)].map((name) => `env-read:${name}`);
  const { reads, dynamic } = envReadsOf(context);
  const facts = new Set(reads.map((r) => `env-read:${r.name}`));
  if (context.kind === 'python' && /\bBaseSettings\b/.test(context.text)) {
    // pydantic-settings: each field of a settings class is read from the variable of its name, any case.
    for (const m of context.text.matchAll(SETTINGS_FIELD)) facts.add(`env-mention:${m[1].toUpperCase()}`);
  }
  if (dynamic) for (const m of context.text.matchAll(MENTION)) facts.add(`env-mention:${m[0]}`);
  return [...facts];
}

const MENTION = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
/** `    database_url: str = …` / `    debug: bool` in a class body (indented, annotated). */
const SETTINGS_FIELD = /^[ \t]+([a-z_][a-z0-9_]*)[ \t]*:[ \t]*[\w.[\], |"']+(?:=|$)/gm;

const PYTHON_TEXT_READ = /(?:\benviron\s*\[|\benviron\.(?:get|setdefault)\s*\(|\bgetenv\s*\(|\benv(?:\.\w+)?\s*\(|\bconfig\s*\()\s*['"]([A-Za-z_]\w*)['"]/g;
const GO_TEXT_READ = /\bos\.(?:Getenv|LookupEnv|Setenv|Unsetenv)\(\s*["`]([A-Za-z_]\w*)["`]/g;

function readsInText(kind: string, text: string): Set<string> {
  const pattern = kind === 'python' ? PYTHON_TEXT_READ : kind === 'go' ? GO_TEXT_READ : undefined;
  return new Set(pattern ? [...text.matchAll(pattern)].map((m) => m[1]) : []);
}

/**
 * Python and Go env reads from the text alone, with whether the program needs the variable set: for the
 * scaffolds, which read a folder's sources without loading a grammar. Python: `os.environ['X']` and a
 * django-environ/environs/decouple read with no default (`env('X')`, `config('X')`) raise when it is unset;
 * `.get`/`getenv` return None. Go: `os.Getenv` gives "" (required by the config module), `os.LookupEnv` tells.
 * The same forms the rules' facts read (python/facts.ts, go/facts.ts); writes (`setdefault`, `Setenv`) are left out.
 */
export function envReadsInText(kind: 'python' | 'go', text: string): Array<{ name: string; required: boolean }> {
  const out: Array<{ name: string; required: boolean }> = [];
  if (kind === 'python') {
    for (const m of text.matchAll(PYTHON_TEXT_READ_FORMS)) {
      const [, subscript, get, library, name, comma] = m;
      if (get === 'setdefault') continue;
      out.push({ name, required: subscript !== undefined || (library !== undefined && comma === undefined) });
    }
  } else {
    for (const m of text.matchAll(GO_TEXT_READ)) if (m[0].includes('Getenv') || m[0].includes('LookupEnv')) out.push({ name: m[1], required: m[0].includes('Getenv') });
  }
  return out;
}

const PYTHON_TEXT_READ_FORMS = /(?:\b(environ)\s*\[|\benviron\.(get|setdefault)\s*\(|\bgetenv\s*\(|\b(env(?:\.\w+)?|config)\s*\()\s*['"]([A-Za-z_]\w*)['"]\s*(,)?/g;

/** Python and Go reads of the environment under the cursor, with the name's offsets. */
export function envReadAtIn(context: FileContext, offset: number): { name: string; start: number; end: number } | undefined {
  const { reads } = envReadsOf(context);
  const hit = reads.find((r) => offset >= r.start && offset <= r.end) ?? reads.find((r) => offset >= r.exprStart && offset < r.exprEnd);
  return hit ? { name: hit.name, start: hit.start, end: hit.end } : undefined;
}

function site(name: string, start: number, end: number, exprStart: number, exprEnd: number, via: EnvReadSite['via'], write: boolean): EnvReadSite {
  return { name, start, end, exprStart, exprEnd, via, write };
}

/** After `os.environ['X']`: `=`, `+=`… but not `==`. Before it: `del`. */
const ASSIGNED_AFTER = /^[ \t]*(?:[-+*/%|&^@]|\/\/|<<|>>|\*\*)?=(?!=)/;
const DELETED_BEFORE = /\bdel[ \t]+$/;

export function pythonEnvReads(facts: PythonFacts, text: string): EnvReads {
  const out: EnvReads = { reads: [], dynamic: false };
  for (const r of facts.envReads) {
    if (r.name === undefined || r.nameStart === undefined || r.nameEnd === undefined) {
      out.dynamic = true;
      continue;
    }
    const write = r.form === 'setdefault' || (r.form === 'subscript' && (ASSIGNED_AFTER.test(text.slice(r.end, r.end + 8)) || DELETED_BEFORE.test(text.slice(Math.max(0, r.start - 8), r.start))));
    const read = site(r.name, r.nameStart, r.nameEnd, r.start, r.end, r.form === 'getenv' ? 'os.getenv' : 'os.environ', write);
    if (r.fallbackOf) read.fallbackOf = r.fallbackOf;
    out.reads.push(read);
  }
  for (const read of pythonLibraryReads(facts)) out.reads.push(read);
  out.reads.sort((a, b) => a.start - b.start);
  return out;
}

/** Constructors of an env reader object whose calls and typed methods read one variable each. */
const READERS = new Set(['environ.Env', 'environ.FileAwareEnv', 'environs.Env']);
/** Typed readers of django-environ and environs (`env.str('X')`, `env.bool('X', default=False)`). */
const METHODS = new Set([
  'str', 'bool', 'int', 'float', 'decimal', 'list', 'tuple', 'dict', 'json', 'url', 'path', 'bytes', 'db', 'db_url', 'cache', 'cache_url',
  'email', 'email_url', 'search_url', 'channels', 'channels_url', 'parse_value', 'date', 'datetime', 'timedelta', 'uuid', 'log_level', 'enum',
]);
/** django-environ's readers that read a variable of their own when given no name. */
const DEFAULT_NAMES: Record<string, string> = { db: 'DATABASE_URL', db_url: 'DATABASE_URL', cache: 'CACHE_URL', cache_url: 'CACHE_URL', email: 'EMAIL_URL', email_url: 'EMAIL_URL', search_url: 'SEARCH_URL' };

function pythonLibraryReads(facts: PythonFacts): EnvReadSite[] {
  const readers = new Set<string>();
  for (const a of facts.assignments) {
    const call = a.value.call !== undefined ? facts.calls[a.value.call] : undefined;
    if (call && READERS.has(call.callee) && a.path.length === 1) readers.add(a.path[0]);
  }
  const decouple = [...facts.imports.values()].some((q) => q === 'decouple.config');
  if (readers.size === 0 && !decouple) return [];
  const out: EnvReadSite[] = [];
  for (const call of facts.calls) {
    const via = libraryCall(call, readers, decouple);
    if (!via) continue;
    const literal = call.args[0]?.string;
    if (literal && !literal.interpolated) out.push(site(literal.value, literal.contentStart, literal.contentEnd, call.start, call.end, 'env library', false));
    else if (call.args.length === 0 && DEFAULT_NAMES[call.method] && call.written !== call.method) {
      out.push(site(DEFAULT_NAMES[call.method], call.calleeStart, call.calleeEnd, call.start, call.end, 'env library', false));
    }
  }
  return out;
}

function libraryCall(call: PyCall, readers: Set<string>, decouple: boolean): boolean {
  if (decouple && call.callee === 'decouple.config') return true;
  if (readers.has(call.written)) return true;
  const dot = call.written.indexOf('.');
  return dot > 0 && readers.has(call.written.slice(0, dot)) && call.written.lastIndexOf('.') === dot && METHODS.has(call.method);
}

export function goEnvReads(facts: GoFacts): EnvReads {
  const out: EnvReads = { reads: [], dynamic: false };
  for (const r of facts.envReads) {
    if (r.name === undefined || r.nameStart === undefined || r.nameEnd === undefined) {
      out.dynamic = true;
      continue;
    }
    out.reads.push(site(r.name, r.nameStart, r.nameEnd, r.start, r.end, 'os.Getenv', false));
  }
  for (const call of facts.calls) {
    if (call.callee === 'os.Environ') out.dynamic = true;
    if (call.callee !== 'os.Setenv' && call.callee !== 'os.Unsetenv') continue;
    const literal = call.args[0]?.string;
    if (literal) out.reads.push(site(literal.value, literal.contentStart, literal.contentEnd, call.start, call.end, 'os.Getenv', true));
  }
  out.reads.sort((a, b) => a.start - b.start);
  return out;
}

/** Reads of the environment being typed, up to the cursor: the name typed so far is the last group. */
const TYPING: Partial<Record<string, RegExp>> = {
  js: new RegExp(String.raw`${ENV_OBJECT_PATTERN}\.([A-Za-z_$][\w$]*)?$`),
  // `os.environ["`, `os.environ.get('`, `os.getenv("`, `getenv('`, django-environ/environs `env("` / `env.str("`, decouple `config("`.
  python: /(?:\benviron\s*\[\s*|\benviron\s*\.\s*(?:get|setdefault)\s*\(\s*|\bgetenv\s*\(\s*|\benv(?:\.[a-z_]+)?\s*\(\s*|\bconfig\s*\(\s*)[uU]?['"]([A-Za-z_]\w*)?$/,
  go: /\bos\.(?:Getenv|LookupEnv|Setenv|Unsetenv)\(\s*["`]([A-Za-z_]\w*)?$/,
};

/** The name typed so far where the line (up to the cursor) is an env read being written, or undefined. */
export function typedEnvName(kind: string, linePrefix: string): string | undefined {
  const m = TYPING[kind]?.exec(linePrefix);
  return m ? m[1] ?? '' : undefined;
}
