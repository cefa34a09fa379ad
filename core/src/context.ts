import ts = require('typescript');
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { fileKindOfText, hasGeneratedBanner, isGoTestBuild, isTestFile, isTsx, looksBinary, minifiedAfterEdit, minifiedMeasure } from './fileKinds';
import { countsAfterEdit, covers, gateOf, keywordCounts, type KeywordCounts, type KeywordSource } from './keywords';
import { LineIndex } from './lineIndex';
import { Suppressions } from './suppressions';
import { providerKeywords, providerKeywordsAfterEdit, type ProviderKeywords } from './providerKeywords';
import { lineChunks, rechunk, type Chunk, type LineLocalSearch } from './lineChunks';
import type { SecretProvider } from './secrets/provider';
import type { FileHost } from './host';
import { goFacts, handOverGoTree, type GoFacts } from './go';
import { handOverPythonTree, pythonFacts, type PythonFacts } from './python';
import type { ProgramView } from './program/types';
import type { FileKind } from './types';

export interface FileContextOptions {
  /** For `.env` files: whether git ignores the file (a git-ignored `.env` is where secrets belong). */
  gitIgnored?: boolean;
  /** For `.env` files: git's index holds the file (it is committed or staged, whatever `.gitignore` says). */
  gitTracked?: boolean;
  /**
   * The path relative to the project or workspace root. Test-ness is judged on it: the folders above the
   * project (`/home/me/test/proj`) say nothing about the code. Without it the path itself is judged.
   */
  relativePath?: string;
  /**
   * Keep the tree-sitter tree after the facts are read, for the next version's incremental parse (the
   * server's open documents). Without it the tree is freed at once: WebAssembly memory is not collected.
   */
  keepSyntaxTree?: boolean;
}

/**
 * Everything rules read about one version of one file. Built once per document version; the line index,
 * the TypeScript syntax tree and the YAML documents are made the first time a rule asks for them, so a
 * file that no rule needs parsed is never parsed.
 */
export class FileContext {
  readonly kind: FileKind;
  readonly gitIgnored: boolean;
  readonly gitTracked: boolean;
  readonly keepSyntaxTree: boolean;
  /**
   * The path relative to the project root, when the caller knows it. The engine sets it from its
   * `relativePath` option, so a context built without one is judged like the analysis it is given to.
   */
  relativePath?: string;
  /**
   * A generated or minified bundle: nobody edits it and its names are mangled, so only provider-format secrets
   * (a key is a leak wherever it sits) are looked for, and no fix is offered. Set by the engine.
   */
  generated = false;
  /** The rest of the program, for rules that judge more than one file; set by the caller that has an index. */
  program?: ProgramView;
  /** Other files (a schema, `.env.example`), for rules that read one; set by the caller. */
  host?: FileHost;
  /**
   * Set by a rule that could analyse only part of the file (a parser overflowing its stack on deep nesting):
   * the engine reports the file as skipped with this reason, so it is never shown as clean silently.
   */
  incomplete?: string;
  private lineIndexCache?: LineIndex;
  private sourceFileCache?: ts.SourceFile;
  private yamlCache?: { docs: Document.Parsed[]; lineCounter: LineCounter };
  private lowerCache?: string;
  private testCache?: { path: string; test: boolean };
  private keywordCache?: KeywordCounts;
  /** The previous version's keyword counts and the edit since, until this version's are asked for. */
  private keywordBase?: { counts: KeywordCounts; text: string; lower: string; change: { start: number; end: number; newLength: number } };
  private providerCache?: ProviderKeywords;
  /** The previous version's provider keywords and the edit since, until this version's are asked for. */
  private providerBase?: { keywords: ProviderKeywords; text: string; change: { start: number; end: number; newLength: number } };
  /** The previous version's line index and the edit since, until this version's is asked for. */
  private linesBase?: { index: LineIndex; change: { start: number; end: number; newLength: number } };
  /** The previous version's lower-cased text and the edit since, until this version's is asked for. */
  private lowerBase?: { lower: string; change: { start: number; end: number; newLength: number } };
  private lineLocalCache?: Map<LineLocalSearch<unknown, unknown>, { chunks: Chunk<unknown>[]; result: unknown }>;
  /** The previous version's line-local searches and the edit since, for this version's to be derived from. */
  private lineLocalBase?: { cache: Map<LineLocalSearch<unknown, unknown>, { chunks: Chunk<unknown>[]; result: unknown }>; text: string; change: { start: number; end: number; newLength: number } };
  private binaryCache?: boolean;
  private bannerCache?: boolean;
  private minifiedCache?: { minified: boolean; longest?: number };
  /** The previous version's `minifiedCache` and the edit since, until this version's is asked for. */
  private minifiedBase?: { measure: { minified: boolean; longest?: number }; text: string; change: { start: number; end: number; newLength: number } };
  private suppressionsCache?: Suppressions;
  /** The edit since a previous version that held no disable comment, until this version's are asked for. */
  private noMarkerBefore?: { start: number; end: number; newLength: number };

  constructor(readonly path: string, readonly text: string, options: FileContextOptions = {}) {
    // The text decides only for a name with no extension (`bin/www` with a node shebang).
    this.kind = fileKindOfText(path, text);
    this.gitIgnored = options.gitIgnored ?? false;
    this.gitTracked = options.gitTracked ?? false;
    this.relativePath = options.relativePath;
    this.keepSyntaxTree = options.keepSyntaxTree ?? false;
  }

  /** The Python facts (imports, assignments, calls, env reads), read once from a tree-sitter tree. */
  get python(): PythonFacts | undefined {
    return this.kind === 'python' ? pythonFacts(this) : undefined;
  }

  /** The Go facts (package, imports, bindings, keyed literals, calls, env reads), read once from a tree-sitter tree. */
  get go(): GoFacts | undefined {
    return this.kind === 'go' ? goFacts(this) : undefined;
  }

  /**
   * Test code, fixtures or test set-up, judged on the path inside the project (see `relativePath`), and a Go file
   * that only a test's build tag compiles (`//go:build e2etest`).
   */
  get isTestFile(): boolean {
    const judged = this.relativePath ?? this.path;
    if (this.testCache?.path !== judged) this.testCache = { path: judged, test: isTestFile(judged) || (this.kind === 'go' && isGoTestBuild(this.text)) };
    return this.testCache.test;
  }

  get lines(): LineIndex {
    if (!this.lineIndexCache) {
      const base = this.linesBase;
      this.linesBase = undefined;
      this.lineIndexCache = base ? base.index.afterEdit(this.text, base.change) : new LineIndex(this.text);
    }
    return this.lineIndexCache;
  }

  /** Lower-cased text, for keyword tests. */
  get lowerText(): string {
    if (this.lowerCache === undefined) {
      const base = this.lowerBase;
      this.lowerBase = undefined;
      this.lowerCache = (base && lowerAfterEdit(base.lower, this.text, base.change)) ?? this.text.toLowerCase();
    }
    return this.lowerCache;
  }

  /**
   * The keywords of these rules (`keywords` and `summaryKeywords`) that occur in the text: counted once per
   * version, by the engine's gate and the program index's summary alike, and after a keystroke derived from the
   * previous version's counts around the edit instead of reading the whole text again.
   */
  keywordsPresent(rules: readonly KeywordSource[]): ReadonlySet<string> {
    if (this.keywordCache && covers(this.keywordCache.gate, rules)) return this.keywordCache.present;
    const base = this.keywordBase;
    this.keywordBase = undefined;
    const derived = base && covers(base.counts.gate, rules)
      ? countsAfterEdit(base.counts, { text: base.text, lower: base.lower }, { text: this.text, lower: this.lowerText }, base.change)
      : undefined;
    if (derived) this.keywordCache = derived;
    else {
      const gate = gateOf(rules);
      this.keywordCache = keywordCounts(gate, gate.count(this.lowerText));
    }
    return this.keywordCache.present;
  }

  /**
   * The secret providers whose keywords occur in the text: after a keystroke, derived from the previous version's
   * by rescanning only the lines the edit touched.
   */
  providerCandidates(): ReadonlySet<SecretProvider> {
    if (!this.providerCache) {
      const base = this.providerBase;
      this.providerBase = undefined;
      this.providerCache = base ? providerKeywordsAfterEdit(base.keywords, base.text, this.text, base.change) : providerKeywords(this.text);
    }
    return this.providerCache.candidates;
  }

  /**
   * What a line-local search (`lineChunks.ts`: a rule's text gate) finds in this version: searched once per
   * version, and after a keystroke derived from the previous version's by searching only the lines the edit touched.
   */
  lineLocal<T, R>(search: LineLocalSearch<T, R>): R {
    const key = search as LineLocalSearch<unknown, unknown>;
    let entry = this.lineLocalCache?.get(key);
    if (!entry) {
      const base = this.lineLocalBase;
      const previous = base?.cache.get(key);
      const derived = previous && base ? rechunk(previous.chunks, base.text, this.text, base.change, key.per) : undefined;
      const chunks = derived ? derived.chunks : lineChunks(this.text, key.per);
      // The runs searched again found what the runs they replace had found: the previous answer stands.
      entry = { chunks, result: derived?.same && previous ? previous.result : key.merge(chunks.map((c) => c.value)) };
      (this.lineLocalCache ??= new Map()).set(key, entry);
    }
    return entry.result as R;
  }

  /** A NUL in the first 8 KB (`looksBinary`): asked by the engine and the program index alike, judged once. */
  get binary(): boolean {
    return (this.binaryCache ??= looksBinary(this.text));
  }

  /**
   * A generator's banner in the first lines (`hasGeneratedBanner`: `// Code generated … DO NOT EDIT.`): nobody writes
   * its values by hand, so only provider-format secrets are looked for in it. Judged once per version.
   */
  get generatedBanner(): boolean {
    return (this.bannerCache ??= hasGeneratedBanner(this.text));
  }

  /**
   * A minified bundle (`looksMinified`), judged once per version; after a keystroke in a file of short lines, from
   * the previous version's longest line without reading the text again (`minifiedAfterEdit`).
   */
  get minified(): boolean {
    if (!this.minifiedCache) {
      const base = this.minifiedBase;
      this.minifiedBase = undefined;
      this.minifiedCache = (base && minifiedAfterEdit(base.measure, base.text, base.change)) ?? minifiedMeasure(this.path, this.text);
    }
    return this.minifiedCache.minified;
  }

  /**
   * The disable comments (`Suppressions.parse`). After an edit of a version that held none, the text can hold one
   * only around the edit: no marker there, none at all, without reading the whole text again.
   */
  get suppressions(): Suppressions {
    if (!this.suppressionsCache) {
      const change = this.noMarkerBefore;
      this.noMarkerBefore = undefined;
      this.suppressionsCache = change && !Suppressions.markerNear(this.text, change.start, change.start + change.newLength) ? Suppressions.none : Suppressions.parse(this.text, this.lines);
    }
    return this.suppressionsCache;
  }

  /** Syntax only: no Program, no type checker, no file system. */
  get sourceFile(): ts.SourceFile {
    if (!this.sourceFileCache) {
      const scriptKind = isTsx(this.path) ? ts.ScriptKind.TSX : /\.[cm]?tsx?$/i.test(this.path) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
      // JSDoc is never read (no rule looks at `node.jsDoc` or types): not parsing it costs a third less of every
      // parse, and the incremental parser keeps the mode for every later version of the tree.
      this.sourceFileCache = ts.createSourceFile(this.path, this.text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, scriptKind);
    }
    return this.sourceFileCache;
  }

  get hasSourceFile(): boolean {
    return this.sourceFileCache !== undefined;
  }

  /** Every YAML document of the file (JSON parses as YAML too), with ranges; syntax errors stay on the documents. */
  get yaml(): { docs: Document.Parsed[]; lineCounter: LineCounter } {
    if (!this.yamlCache) {
      const lineCounter = new LineCounter();
      let docs: Document.Parsed[] = [];
      try {
        docs = parseAllDocuments(this.text, { lineCounter, keepSourceTokens: false, uniqueKeys: false, strict: false }) as Document.Parsed[];
        if (!Array.isArray(docs)) docs = [];
        // The parser records its own stack overflow as a syntax error and goes on with what it had.
        const overflow = docs.flatMap((d) => d.errors).find((e) => /call stack size exceeded/i.test(e.message));
        if (overflow) this.incomplete ??= `not fully analysed: the YAML is nested too deeply to parse (${overflow.message.split('\n')[0]})`;
      } catch (error) {
        // The parser gave up (a stack overflow on deep nesting): rules see no document, so the file is
        // reported as not fully analysed instead of clean.
        docs = [];
        this.incomplete ??= `not fully analysed: the YAML could not be parsed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      }
      this.yamlCache = { docs, lineCounter };
    }
    return this.yamlCache;
  }

  /**
   * A new context for the next version of the same file that reuses this version's syntax tree through
   * TypeScript's incremental parser, so a keystroke re-parses only the changed region.
   */
  withText(text: string, change?: { start: number; end: number; newLength: number }): FileContext {
    const next = new FileContext(this.path, text, { gitIgnored: this.gitIgnored, gitTracked: this.gitTracked, relativePath: this.relativePath, keepSyntaxTree: this.keepSyntaxTree });
    if (this.keywordCache && change) next.keywordBase = { counts: this.keywordCache, text: this.text, lower: this.lowerText, change };
    if (this.minifiedCache && change) next.minifiedBase = { measure: this.minifiedCache, text: this.text, change };
    if (this.lineLocalCache && change) next.lineLocalBase = { cache: this.lineLocalCache, text: this.text, change };
    if (this.providerCache && change) next.providerBase = { keywords: this.providerCache, text: this.text, change };
    if (this.suppressionsCache === Suppressions.none && change) next.noMarkerBefore = change;
    if (this.lineIndexCache && change) next.linesBase = { index: this.lineIndexCache, change };
    if (this.lowerCache !== undefined && change) next.lowerBase = { lower: this.lowerCache, change };
    if (this.kind === 'python' && change) handOverPythonTree(this, next, change);
    if (this.kind === 'go' && change) handOverGoTree(this, next, change);
    if (this.sourceFileCache && change) {
      const range = ts.createTextChangeRange(ts.createTextSpan(change.start, change.end - change.start), change.newLength);
      next.sourceFileCache = ts.updateSourceFile(this.sourceFileCache, text, range);
    }
    return next;
  }
}

/**
 * The lower-cased text after an edit, from the previous version's: the edited characters lower-cased and put in
 * place (lower-casing all 66 kB cost 0.05 ms of every keystroke). Only where lower-casing maps each character to
 * one, whatever is around it: not with a capital sigma in the text (its small form depends on the letters after
 * it), nor when a character lower-cases to two (`İ`), in the previous text or the new characters.
 */
function lowerAfterEdit(lower: string, text: string, change: { start: number; end: number; newLength: number }): string | undefined {
  if (lower.length - (change.end - change.start) + change.newLength !== text.length || text.includes('\u03a3')) return undefined;
  const inserted = text.slice(change.start, change.start + change.newLength).toLowerCase();
  if (inserted.length !== change.newLength) return undefined;
  return lower.slice(0, change.start) + inserted + lower.slice(change.end);
}

