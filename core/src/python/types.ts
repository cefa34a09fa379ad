/**
 * What the Python rules know about one file, read once from its syntax tree (core/src/python/facts.ts) as
 * plain data: offsets into the file's text, no tree nodes, so the tree can be freed as soon as the facts are
 * read. Rules judge these facts; no rule walks the tree.
 */

/** A string literal: its decoded value and where it sits. */
export interface PyString {
  value: string;
  /** The whole literal, quotes and prefix included (what a fix replaces). */
  start: number;
  end: number;
  /** Between the quotes. */
  contentStart: number;
  contentEnd: number;
  /** An f-string with `{…}` parts, or implicit concatenation with one: the value is not all literal. */
  interpolated: boolean;
  /** For an f-string: the value with U+0000 standing in for each `{…}` part (what the literal text around the holes says). */
  template?: string;
}

/** An expression, summarised: its text and, for the shapes rules care about, what it is. */
export interface PyExpr {
  start: number;
  end: number;
  /** The tree-sitter node type (`string`, `identifier`, `attribute`, `call`, `dictionary`, `true`, …). */
  type: string;
  /** The source text, cut to 200 characters (long literals are never needed whole here). */
  text: string;
  string?: PyString;
  /** For a call: its index in `PythonFacts.calls`. */
  call?: number;
  /** For an env read: its index in `PythonFacts.envReads`. */
  envRead?: number;
  /** For an `or` chain of env reads (`os.getenv('A') or os.getenv('B')`): their indices in `PythonFacts.envReads`. */
  orReads?: number[];
  /** For a dictionary literal: its entries with string keys. */
  entries?: PyDictEntry[];
  /** For a tuple or list literal of up to 8 elements: the elements. */
  elements?: PyExpr[];
  /** For a number literal: its value. */
  number?: number;
  /** `'…%s…' % args`, `'…{}…'.format(…)`: the literal, its `template` with U+0000 for each hole. */
  format?: PyString;
}

export interface PyDictEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: PyExpr;
}

/** `a.b['c'] = value` and `NAME: type = value` (each target of `a = b = value` once). */
export interface PyAssignment {
  /** The target's source text (`app.config['SECRET_KEY']`). */
  target: string;
  /** Identifiers and string subscripts of the target: `['app', 'config', 'SECRET_KEY']`. */
  path: string[];
  value: PyExpr;
  start: number;
  end: number;
  /** Module level, in a class body, or in a function. */
  scope: 'module' | 'class' | 'function';
  /** In a class body: the class's name and its bases as written (`DevelopmentConfig`, `['Config']`). */
  inClass?: { name: string; bases: string[] };
}

export interface PyCall {
  /** The callee with its first name resolved through the imports: `logging.handlers.RotatingFileHandler`. */
  callee: string;
  /** The callee as written: `RotatingFileHandler`, `app.run`. */
  written: string;
  /** The last name of the callee: `run` for `app.run`. */
  method: string;
  args: PyExpr[];
  kwargs: Record<string, PyExpr>;
  /** `**options` is passed: any keyword may be set. */
  spreadsKwargs: boolean;
  start: number;
  end: number;
  /** Offsets of the callee (what an edit renaming the class replaces). */
  calleeStart: number;
  calleeEnd: number;
  /** Inside `if __name__ == '__main__':`. */
  inMainGuard: boolean;
  /** Inside a function or method body. */
  inFunction: boolean;
}

/** `os.environ['X']`, `os.environ.get('X', fallback)`, `os.getenv('X', fallback)`, `environ.get`. */
export interface PyEnvRead {
  name?: string;
  fallback?: PyExpr;
  /** The whole read (what a fix that drops the fallback replaces). */
  start: number;
  end: number;
  form: 'subscript' | 'get' | 'getenv' | 'setdefault';
  /** The variables read before this one in its `or` chain (`os.getenv('A') or os.getenv('B')`: `A` for `B`). */
  fallbackOf?: string[];
  /** Where the name sits between its quotes (a literal name only): what hover, definition and env rules point at. */
  nameStart?: number;
  nameEnd?: number;
}

export interface PythonFacts {
  /** Local name → qualified name: `R` → `logging.handlers.RotatingFileHandler`, `os` → `os`. */
  imports: Map<string, string>;
  /** Every module imported, as written (`logging.handlers`, `flask_session`). */
  modules: Set<string>;
  /** Where `import os` goes: the end of the last top-level import, docstring or leading comment line (0: the start). */
  importInsertAt: number;
  assignments: PyAssignment[];
  calls: PyCall[];
  envReads: PyEnvRead[];
  /** `while True:` / `while 1:` loops, with whether they sit in a function. */
  foreverLoops: Array<{ start: number; end: number; inMainGuard: boolean; functions: number }>;
  /** Offsets of `yield` expressions: a loop that yields is a generator's, not a process's main loop. */
  yields: number[];
  /** Every dictionary literal entry with a string key, wherever it sits (settings dicts, kwargs dicts). */
  dictEntries: PyDictEntry[];
  /** The tree had syntax errors (a half-typed line): facts are read from what did parse. */
  hasErrors: boolean;
}
