/**
 * What the Go rules know about one file, read once from its syntax tree (core/src/go/facts.ts) as plain data:
 * offsets into the file's text, no tree nodes, so the tree is freed as soon as the facts are read. Rules judge
 * these facts; no rule walks the tree.
 */

/** A string literal (`"…"` or a raw `` `…` ``): its decoded value and where it sits. */
export interface GoString {
  value: string;
  /** The whole literal, quotes included (what a fix replaces). */
  start: number;
  end: number;
  /** Between the quotes. */
  contentStart: number;
  contentEnd: number;
}

/** An expression, summarised: its text and, for the shapes rules care about, what it is. */
export interface GoExpr {
  start: number;
  end: number;
  /** The tree-sitter node type (`interpreted_string_literal`, `identifier`, `call_expression`, `composite_literal`, …). */
  type: string;
  /** The source text, cut to 200 characters. */
  text: string;
  string?: GoString;
  /** For a name (`key`), also converted (`[]byte(key)`): the name, which a rule may look up in the file's bindings. */
  ident?: string;
  /** For a call: its index in `GoFacts.calls`. */
  call?: number;
  /** For a composite literal (`T{…}`, `&T{…}`): its type as written with the package resolved (`gopkg.in/…/lumberjack.v2.Logger`). */
  literalType?: string;
  /** Keyed elements of a composite literal whose key is a field name or a string. */
  keyed?: GoKeyed[];
  /** Unkeyed elements of a composite literal (`[]string{"stdout", "app.log"}`). */
  elements?: GoExpr[];
}

/** `Password: "…"` in a struct literal, `"token": "…"` in a map literal. */
export interface GoKeyed {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The composite literal's type (`Config`, `map[string]string`, `zap.Config` resolved). */
  owner: string;
  value: GoExpr;
}

/** `const a = v`, `var a = v`, `a := v`, `a.b = v` (each name with its own value; `f, err := call()` binds the call to `f`). */
export interface GoBinding {
  /** The target's parts: `['cfg', 'Password']` for `cfg.Password = …`. */
  path: string[];
  value: GoExpr;
  kind: 'const' | 'var' | 'short' | 'assign';
  /** The declaration or statement (what a fix that rewrites `const` to `var` spans). */
  start: number;
  end: number;
  /** A one-name `const x = …` outside a block: the fix may rewrite the keyword (`os.Getenv` is no constant). */
  soleConst?: { keywordStart: number; keywordEnd: number };
  inFunction: boolean;
}

export interface GoCall {
  /** The callee with its package resolved through the imports: `net/http.ListenAndServe`; as written otherwise (`srv.ListenAndServe`). */
  callee: string;
  /** The callee as written: `http.ListenAndServe`, `srv.Shutdown`. */
  written: string;
  /** The last name: `ListenAndServe`. */
  method: string;
  /** The receiver or package as written (`srv`, `http`); empty for a plain function. */
  receiver: string;
  args: GoExpr[];
  start: number;
  end: number;
  /**
   * The statement the call is (`http.ListenAndServe(…)`) or the sole argument of (`log.Fatal(http.ListenAndServe(…))`),
   * inside a function body, with its indentation: what a fix that replaces the statement spans.
   */
  statement?: { start: number; end: number; indent: string };
  /** The function it sits in (`main`), if any. */
  inFunction?: string;
}

/** `os.Getenv("X")` / `os.LookupEnv("X")`, with a literal default set by `if v == "" { v = "lit" }`. */
export interface GoEnvRead {
  name?: string;
  form: 'getenv' | 'lookupenv';
  start: number;
  end: number;
  /** The variable the value is bound to (`v := os.Getenv("X")`). */
  variable?: string;
  /** `if v == "" { v = "lit" }` after the read: the literal and the assignment statement that sets it. */
  fallback?: { string: GoString; assignStart: number; assignEnd: number };
  /** Where the name sits between its quotes (a literal name only): what hover, definition and env rules point at. */
  nameStart?: number;
  nameEnd?: number;
}

export interface GoFacts {
  packageName: string;
  /** Local name → import path: `http` → `net/http`, `lj` → `gopkg.in/natefinch/lumberjack.v2`. */
  imports: Map<string, string>;
  /** Where a new import goes: inside the `import ( … )` block, after a single import, or after the package clause. */
  /** Where a new import goes; `sole`: the spec of a file's only import declaration when it is a single `import "x"`. */
  importAt: { at: number; style: 'block' | 'single' | 'none'; specs?: Array<{ path: string; start: number; end: number }>; sole?: { path: string; start: number; end: number; text: string } };
  bindings: GoBinding[];
  keyed: GoKeyed[];
  calls: GoCall[];
  envReads: GoEnvRead[];
  /** `var f *os.File` (a type and no value): the name → its type with the package resolved (`*os.File`). */
  declared: Map<string, string>;
  /** Every string literal with at least 8 characters (connection strings, provider keys found by pattern). */
  strings: GoString[];
  /** The tree had syntax errors (a half-typed line): facts are read from what did parse. */
  hasErrors: boolean;
}
