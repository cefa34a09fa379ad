/**
 * What the program index needs of a Go file, read from its text without a parser (the index runs before any
 * grammar is loaded, and on every file of the workspace): its package and the import paths it names. The
 * program of a Go file is its package (the files of its folder) and what the `main` packages importing it
 * import, resolved through `go.mod`'s module path.
 */

import * as path from 'node:path';

/**
 * Comments removed, so a word in one is not taken for code. String, raw-string and rune literals are matched
 * first and kept as they are: a `/*` or `//` inside one (a regular expression in backquotes, a URL) opens no
 * comment, or everything after it would vanish up to the next `*\/`.
 */
const LITERAL_OR_COMMENT = /"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g;
function code(text: string): string {
  return text.replace(LITERAL_OR_COMMENT, (m) => (m.startsWith('/') ? ' ' : m));
}

/** `package main` → `main`. */
export function goPackageOf(text: string): string | undefined {
  return /^[ \t]*package\s+(\w+)/m.exec(code(text))?.[1];
}

/** The import paths of a Go file: `import "x"`, `import alias "x"` and every line of `import ( … )` blocks. */
export function goImportsInText(text: string): string[] {
  const out: string[] = [];
  const src = code(text);
  const single = /^[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?"([^"\n]+)"/gm;
  for (let m = single.exec(src); m; m = single.exec(src)) out.push(m[1]);
  // Each block runs to the next `)`; with none left, no later block can close either (linear on hostile text).
  const block = /^[ \t]*import[ \t]*\(/gm;
  for (let m = block.exec(src); m; m = block.exec(src)) {
    const close = src.indexOf(')', block.lastIndex);
    if (close < 0) break;
    for (const spec of src.slice(block.lastIndex, close).matchAll(/(?:^|\n)[ \t]*(?:[\w.]+[ \t]+)?"([^"\n]+)"/g)) out.push(spec[1]);
    block.lastIndex = close + 1;
  }
  return [...new Set(out)];
}

/** The module path `go.mod` declares. */
export function goModulePath(goMod: string): string | undefined {
  return /^[ \t]*module[ \t]+"?([^\s"]+)"?/m.exec(code(goMod))?.[1];
}

/** A Go module as the index resolves imports in it: its folder, its path, and the local folders it swaps in. */
export interface GoModule {
  root: string;
  path: string;
  replaces: Array<{ path: string; root: string }>;
}

/** The module a `go.mod` in `dir` declares, or undefined when it declares none. */
export function goModPaths(goMod: string, dir: string): GoModule | undefined {
  const modulePath = goModulePath(goMod);
  if (!modulePath) return undefined;
  return { root: dir, path: modulePath, replaces: goModReplaces(goMod).map((r) => ({ path: r.path, root: path.resolve(dir, r.dir) })) };
}

/**
 * The local directories `go.mod` swaps modules for: `replace example.com/common => ../common` (one line or a
 * `replace ( … )` block, with or without a version on the left). A replacement that is another module path
 * (no `./` or `../`) is a download, not a folder of the workspace, and is left out.
 */
export function goModReplaces(goMod: string): Array<{ path: string; dir: string }> {
  const out: Array<{ path: string; dir: string }> = [];
  const src = code(goMod);
  const lines = [...src.matchAll(/^[ \t]*replace[ \t]+([^(\n][^\n]*)$/gm)].map((m) => m[1]);
  for (const block of src.matchAll(/^[ \t]*replace[ \t]*\(([^)]*)\)/gm)) lines.push(...block[1].split('\n'));
  for (const line of lines) {
    const m = /^[ \t]*"?([^\s"]+)"?(?:[ \t]+v[^\s]+)?[ \t]*=>[ \t]*"?(\.{1,2}\/[^\s"]*|\.{1,2})"?[ \t]*$/.exec(line);
    if (m) out.push({ path: m[1], dir: m[2] });
  }
  return out;
}

/**
 * Application runners that register for SIGTERM themselves and stop what they run: each row the package's import
 * path and the call that makes its runner, with the package's own name (an aliased import is not followed).
 * appleboy/graceful's `NewManager` (SIGINT, SIGTERM; its jobs get a context that ends), pacman's `NewApp` and
 * kratos's `New` (SIGTERM, SIGQUIT, SIGINT by default, their `Run` shuts the servers down), fx's `New(…).Run()`
 * (`App.Run` waits for SIGINT or SIGTERM, then runs the OnStop hooks; https://pkg.go.dev/go.uber.org/fx#App.Run),
 * ory/graceful's `Graceful`, and hay-kot/httpkit's `graceful.NewRunner` (its `Start` wraps the context in `signal.NotifyContext` for SIGINT and
 * SIGTERM and ends every plugin's context; not when `WithSignals(…)` picks other signals).
 */
export const GO_SIGNAL_RUNNERS: ReadonlyArray<{ path: string; call: RegExp; inRunArgs?: true }> = [
  { path: 'github.com/appleboy/graceful', call: /\bgraceful\.NewManager\s*\(/ },
  { path: 'github.com/segmentfault/pacman', call: /\bpacman\.NewApp\s*\(/ },
  { path: 'github.com/go-kratos/kratos/v2', call: /\bkratos\.New\s*\(/ },
  { path: 'go.uber.org/fx', call: /\bfx\.New\s*\([\s\S]*\.Run\s*\(\s*\)/ },
  // An fx app made by the project's own constructor around `fx.New` (`app.New(fx.Invoke(run)).Run()`): fx options
  // among the arguments of a call whose result is `.Run()`, fx's `App.Run` (inRunArgs).
  { path: 'go.uber.org/fx', call: /\bfx\.(?:Invoke|Provide|Options|Module|Supply|Decorate|Replace|Populate)\s*\(/, inRunArgs: true },
  // ory/graceful's `Graceful(start, shutdown)`: traps SIGINT and SIGTERM, then calls the shutdown function
  // (https://github.com/ory/graceful, http_graceful.go: "Graceful sets up graceful handling of SIGINT and SIGTERM").
  { path: 'github.com/ory/graceful', call: /\bgraceful\.Graceful\s*\(/ },
  { path: 'github.com/hay-kot/httpkit/graceful', call: /\bgraceful\.NewRunner\s*\((?![\s\S]*\bgraceful\.WithSignals\s*\()/ },
];

/**
 * The functions a file declares that make an fx app (`func New() *fx.App { return fx.New(…) }`): a program that
 * calls `app.New().Run()` elsewhere runs fx's `App.Run`, which waits for SIGINT or SIGTERM and runs the OnStop hooks.
 */
export function goFxAppConstructors(text: string): string[] {
  const src = code(text);
  if (!src.includes('"go.uber.org/fx"') || !/\bfx\.New\s*\(/.test(src)) return [];
  return [...src.matchAll(/\bfunc\s+([A-Za-z_]\w*)\s*\([^)]*\)\s*\*fx\.App\b/g)].map((m) => m[1]);
}

/** The functions whose result a file runs with `.Run()` and no argument (`app.New().Run()` gives `New`). */
export function goRunsResultOf(text: string): string[] {
  return [...code(text).matchAll(/\b([A-Za-z_]\w*)\s*\([^()]*\)\s*\.Run\s*\(\s*\)/g)].map((m) => m[1]);
}

/**
 * The argument lists of the calls whose result is run with no argument (`New(a, b).Run()` gives `a, b`): each
 * `) .Run()` walked back to its opening parenthesis, at most 4,000 characters (a constructor call, not a file).
 */
function runCallArguments(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/\)\s*\.Run\s*\(\s*\)/g)) {
    const close = m.index;
    let depth = 0;
    for (let i = close; i >= 0 && close - i < 4000; i--) {
      if (src[i] === ')') depth++;
      else if (src[i] === '(' && --depth === 0) {
        out.push(src.slice(i + 1, close));
        break;
      }
    }
  }
  return out;
}

/**
 * A context made by a package's `SignalContext` (go-kit's `signals.SignalContext(ctx)`): by a convention of Go code, a
 * function of that name returns a context cancelled on SIGINT and SIGTERM (every definition of one in the public code
 * searched for this rule registers both, with `signal.Notify` or `signal.NotifyContext`). The program's servers are
 * shut down on that context, as on `signal.NotifyContext`'s.
 */
const SIGNAL_CONTEXT = /\b[A-Za-z_]\w*\.SignalContext\s*\(/;

function startsSignalRunner(src: string): boolean {
  if (SIGNAL_CONTEXT.test(src)) return true;
  return GO_SIGNAL_RUNNERS.some((r) => {
    if (!src.includes(`"${r.path}"`)) return false;
    return r.inRunArgs ? runCallArguments(src).some((args) => r.call.test(args)) : r.call.test(src);
  });
}

/**
 * Whether the file registers for SIGTERM, or starts a runner that does (GO_SIGNAL_RUNNERS): `signal.Notify(c, …SIGTERM…)`, `signal.NotifyContext(ctx, …SIGTERM…)`,
 * or either with no signal named (that is every signal, SIGTERM included).
 */
export function goHandlesSigterm(text: string): boolean {
  const src = code(text);
  if (startsSignalRunner(src)) return true;
  if (!/\bsignal\.Notify(?:Context)?\s*\(/.test(src)) return false;
  if (/\bSIGTERM\b/.test(src)) return true;
  // The context argument may be a call (`context.Background()`), whose own parentheses are not the list's end.
  return /\bsignal\.Notify\s*\(\s*[\w.]+\s*\)/.test(src) || /\bsignal\.NotifyContext\s*\(\s*[\w.]+(?:\(\s*\))?\s*\)/.test(src);
}

/**
 * The file registers for signals it does not name at the call: the list is spread from a helper's result or a variable
 * (`signal.NotifyContext(ctx, shutdown.GetSignals()...)`, `signal.Notify(c, signals...)`). Which signals those are
 * another file of the program says (`goNamesSigterm`).
 */
export function goNotifiesSpreadSignals(text: string): boolean {
  const src = code(text);
  return /\bsignal\.Notify(?:Context)?\s*\([^;{}]*?[\w)\]]\s*\.\.\.\s*\)/.test(src);
}

/** The file names SIGTERM in code (`syscall.SIGTERM`, `unix.SIGTERM`): a list of signals some call may register for. */
export function goNamesSigterm(text: string): boolean {
  return /\.SIGTERM\b/.test(code(text));
}

/**
 * The imports of a Go file and where a new one goes, read from its text (the scaffolds load no grammar): the
 * shape `goImportEdits` takes, so a scaffold's edit adds its imports as a fix does. Comments are not expected
 * inside an import block (gofmt keeps them on their own lines, which no spec pattern matches).
 */
export function goImportSitesInText(text: string): { imports: Map<string, string>; importAt: { at: number; style: 'block' | 'single' | 'none'; specs?: Array<{ path: string; start: number; end: number }>; sole?: { path: string; start: number; end: number; text: string } } } | undefined {
  const pkg = /^[ \t]*package[ \t]+\w+[^\n]*/m.exec(text);
  if (!pkg) return undefined;
  const imports = new Map<string, string>();
  const name = (alias: string | undefined, p: string) => alias ?? p.split('/').filter((e) => !/^v\d+$/.test(e)).pop() ?? p;
  const block = /^import[ \t]*\(/m.exec(text);
  if (block) {
    const open = block.index + block[0].length;
    const close = text.indexOf(')', open);
    if (close < 0) return undefined;
    const specs: Array<{ path: string; start: number; end: number }> = [];
    for (const m of text.slice(open, close).matchAll(/^[ \t]*(?:([\w.]+)[ \t]+)?"([^"\n]+)"/gm)) {
      const start = open + m.index + m[0].length - m[0].trimStart().length;
      specs.push({ path: m[2], start, end: open + m.index + m[0].length });
      imports.set(name(m[1], m[2]), m[2]);
    }
    return { imports, importAt: { at: open, style: 'block', specs } };
  }
  let at = -1;
  let sole: { path: string; start: number; end: number; text: string } | undefined;
  let count = 0;
  for (const m of text.matchAll(/^import[ \t]+((?:([\w.]+)[ \t]+)?"([^"\n]+)")[^\n]*/gm)) {
    imports.set(name(m[2], m[3]), m[3]);
    at = m.index + m[0].length;
    const start = m.index + m[0].indexOf(m[1]);
    sole = ++count === 1 ? { path: m[3], start, end: start + m[1].length, text: m[1] } : undefined;
  }
  return { imports, importAt: at >= 0 ? { at, style: 'single', ...(sole && { sole }) } : { at: pkg.index + pkg[0].length, style: 'none' } };
}
