import type { PythonFacts } from './types';

/**
 * Where a Python statement sits among the blocks around it, read from indentation alone (the secret rule
 * asks after the facts are built, and a header line is all it needs).
 */

// `if DEBUG:`, `if settings.DEBUG:`, `elif app.debug is True:`, `if DEBUG == True:`: a branch only a developer's
// machine runs. `if not DEBUG:` and the `else:` of a DEBUG test are the production side and do not match.
const DEBUG_HEADER = /^(?:el)?if\s+\(?(?:[\w.]+\.)?(?:DEBUG|debug)\)?\s*(?:(?:==|is)\s*True\s*)?:/;

/** The header lines of the blocks enclosing the line at `offset`, innermost first. */
export function enclosingHeaders(text: string, offset: number): string[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0].length ?? 0;
  const headers: string[] = [];
  let end = lineStart - 1;
  while (end > 0 && indent > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const own = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (own < indent) {
      headers.push(line.trim());
      indent = own;
    }
  }
  return headers;
}

/** The statement at `offset` runs only in debug mode: some enclosing block is `if DEBUG:` (or `elif settings.DEBUG:`). */
export function inDebugBranch(text: string, offset: number): boolean {
  return enclosingHeaders(text, offset).some((h) => DEBUG_HEADER.test(h));
}

/**
 * The offset sits in a docstring: a triple-quoted string that opens a module, or the body of a `def` or
 * `class` (the line before it, blanks aside, is the header ending in `:`). Documentation, as a comment is.
 */
export function inDocstring(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  for (const quote of ['"""', "'''"]) {
    const open = before.lastIndexOf(quote);
    if (open < 0 || before.split(quote).length % 2 !== 0) continue;
    // Odd count of delimiters before the offset: `open` opens the string the offset is in.
    const lineStart = before.lastIndexOf('\n', open - 1) + 1;
    if (!/^[ \t]*[rRuU]?$/.test(before.slice(lineStart, open))) continue;
    const above = before.slice(0, lineStart).replace(/(?:[ \t]*(?:#[^\n]*)?\n)+$/, '');
    if (above.trim() === '' || /:[ \t]*(?:#[^\n]*)?$/.test(above)) return true;
  }
  return false;
}

/**
 * Django's `manage.py`: the command-line utility a developer runs (`runserver`, the local set-up), never the
 * WSGI/ASGI entry the deployment serves. Defaults it gives the environment (`os.environ.setdefault(…)`, a dict of
 * them) are the developer's local values.
 */
export function isDjangoManagePy(path: string, text: string): boolean {
  return /(?:^|[\\/])manage\.py$/.test(path) && /\bexecute_from_command_line\b/.test(text);
}

/**
 * The names of functions the module hands to `threading.Thread(target=…)`: their bodies run in a thread of a
 * process whose main thread is elsewhere (Python lets only the main thread install signal handlers).
 */
export function threadTargets(facts: PythonFacts): Set<string> {
  const names = new Set<string>();
  for (const c of facts.calls) {
    if (c.method !== 'Thread' || (c.callee !== 'threading.Thread' && c.written !== 'Thread')) continue;
    const target = c.kwargs.target?.text;
    if (target && /^[A-Za-z_]\w*$/.test(target)) names.add(target);
  }
  return names;
}

/**
 * The offset sits in the body of one of those functions (at any depth), or in the `run` method of a class that
 * extends `threading.Thread`: what a started thread runs (https://docs.python.org/3/library/threading.html#threading.Thread.run).
 */
export function inThreadTarget(text: string, offset: number, targets: ReadonlySet<string>): boolean {
  const headers = enclosingHeaders(text, offset);
  if (targets.size > 0 && headers.some((h) => {
    const m = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/.exec(h);
    return !!m && targets.has(m[1]);
  })) return true;
  const method = headers.findIndex((h) => /^(?:async\s+)?def\s/.test(h));
  if (method < 0 || !/^def\s+run\s*\(\s*self\b/.test(headers[method])) return false;
  const owner = headers.slice(method + 1).find((h) => /^(?:async\s+)?def\s|^class\s/.test(h));
  const bases = owner === undefined ? undefined : /^class\s+\w+\s*\(([^)]*)\)/.exec(owner)?.[1];
  return bases !== undefined && bases.split(',').some((b) => /^(?:threading\.)?Thread$/.test(b.trim()));
}

// `if not os.getenv('SECRET_KEY'):`, `elif os.environ.get("SECRET_KEY") is None:`, `if 'SECRET_KEY' not in os.environ:`.
const UNSET_TEST = /^[ \t]*(?:el)?if\s+(?:not\s+os\.(?:getenv|environ\.get)\(\s*(['"])(\w+)\1\s*\)|os\.(?:getenv|environ\.get)\(\s*(['"])(\w+)\3\s*\)\s+is\s+None|(['"])(\w+)\5\s+not\s+in\s+os\.environ)\s*:[ \t]*(?:#.*)?$/;

/**
 * The variables the module refuses to run without: a test that the variable is unset whose block raises or
 * exits (`if not os.getenv('SECRET_KEY'): raise RuntimeError(…)`). Where the app needs the variable it stops
 * without it, so a default given to it elsewhere in the module serves only the other branch (a development
 * environment's, hedy's `else:` of `require_secret`).
 */
export function requiredEnvNames(text: string): Set<string> {
  const out = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = UNSET_TEST.exec(lines[i]);
    if (!m) continue;
    const indent = /^[ \t]*/.exec(lines[i])?.[0].length ?? 0;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) <= indent) break;
      if (/^\s*(?:raise\b|sys\.exit\(|exit\()/.test(line)) {
        out.add(m[2] ?? m[4] ?? m[6]);
        break;
      }
    }
  }
  return out;
}

// An `if`/`elif` header's start; the condition may run over several lines inside parentheses (zou's `if (\n SECRET_KEY == …`).
const IF_HEADER = /^([ \t]*)(?:el)?if\b/;
// A literal the condition compares a value to: `== "mysecretkey"`, `"mysecretkey" ==`, `in ("changeme", "secret")`.
const COMPARED = /==\s*(['"])([^'"\n]{1,256})\1|(['"])([^'"\n]{1,256})\3\s*==/g;
const MEMBERSHIP = /\bin\s*[([{]([^)\]}]{1,1000})[)\]}]/g;

/**
 * The literals the module refuses to run with: an `if` that compares a value to the literal and whose block raises or
 * exits (zou's `if SECRET_KEY == "mysecretkey" and not DEBUG: raise RuntimeError("… insecure default …")`). The same
 * literal as an env read's default is then a sentinel the deployed app stops on, not a key it signs with.
 */
export function refusedLiterals(text: string): Set<string> {
  const out = new Set<string>();
  if (!/\braise\b|\bexit\(/.test(text)) return out;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = IF_HEADER.exec(lines[i]);
    if (!m) continue;
    // The header runs to the line whose parentheses are closed and that ends in `:`.
    let header = '';
    let depth = 0;
    let end = i;
    for (; end < lines.length && end < i + 20; end++) {
      const line = lines[end].replace(/#.*$/, '');
      header += `${line}\n`;
      for (const ch of line) depth += ch === '(' || ch === '[' || ch === '{' ? 1 : ch === ')' || ch === ']' || ch === '}' ? -1 : 0;
      if (depth <= 0 && /:\s*$/.test(line)) break;
    }
    if (end >= lines.length) continue;
    const literals = [...header.matchAll(COMPARED)].map((c) => c[2] ?? c[4]);
    for (const set of header.matchAll(MEMBERSHIP)) for (const s of set[1].matchAll(/(['"])([^'"\n]{1,256})\1/g)) literals.push(s[2]);
    if (literals.length === 0) continue;
    const indent = m[1].length;
    for (let j = end + 1; j < lines.length; j++) {
      const line = lines[j];
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) <= indent) break;
      if (/^\s*(?:raise\b|sys\.exit\(|exit\()/.test(line)) {
        for (const l of literals) out.add(l);
        break;
      }
    }
  }
  return out;
}
