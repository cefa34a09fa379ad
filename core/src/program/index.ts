import { createHash } from '../lazyModules';
import * as path from 'node:path';
import { FileContext } from '../context';
import { textGatesOn } from '../keywords';
import { goImportsInText, goModPaths, type GoModule } from '../go/program';
import { specifiersInText, type ModulePath } from '../js/modules';
import { workerScriptsInText } from '../js/workerThreads';
import { pythonImportsInText, pythonModuleCandidates } from '../python/program';
import type { FileHost } from '../host';
import { AliasResolver } from './aliases';
import type { ModuleSummary, ProgramView, Summarizer } from './types';

const RESOLVE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const INDEX_FILES = ['index.ts', 'index.tsx', 'index.mts', 'index.cts', 'index.js', 'index.jsx', 'index.mjs', 'index.cjs'];

/**
 * The modules of a workspace and their import graph, for rules that judge a program rather than a file
 * (is SIGTERM handled anywhere the server's process runs?). Summaries are cached by content hash, so
 * re-indexing an unchanged file costs a hash; an edited file costs one summary.
 */
export class ProgramIndex {
  private readonly modules = new Map<string, ModuleSummary & { hash: string }>();
  private importersCache?: Map<string, string[]>;

  private readonly aliases?: AliasResolver;
  private readonly host?: FileHost;
  /** Go: each folder's indexed files (a package), and each folder's module (`go.mod`'s folder and path). */
  private goPackagesCache?: Map<string, string[]>;
  private readonly goModules = new Map<string, GoModule | null>();

  /** With a host, non-relative specifiers resolve through tsconfig `paths`/`baseUrl` and package.json `imports`. */
  constructor(private readonly rules: readonly Summarizer[], host?: FileHost) {
    if (host) this.aliases = new AliasResolver(host);
    this.host = host;
  }

  /** A tsconfig, jsconfig or package.json changed: aliases are read again. */
  configChanged(): void {
    this.aliases?.clear();
    this.importersCache = undefined;
    this.goPackagesCache = undefined;
    this.goModules.clear();
  }

  get size(): number {
    return this.modules.size;
  }

  has(file: string): boolean {
    return this.modules.has(file);
  }

  /** The indexed modules' paths. */
  files(): IterableIterator<string> {
    return this.modules.keys();
  }

  /**
   * Adds or refreshes a module. Returns true when what it tells other modules changed. `version` names the text
   * when the caller knows it is new (an open document's edit): hashing 66 kB cost 0.1 ms of every keystroke.
   */
  update(file: string, text: string, isTest: boolean, context?: FileContext, version?: string): boolean {
    if (version === undefined) hashed++;
    const hash = version ?? createHash('sha1').update(text).digest('hex');
    const previous = this.modules.get(file);
    if (previous?.hash === hash) return false;
    const summary = { ...summarize(context ?? new FileContext(file, text), this.rules), file, isTest, hash };
    this.modules.set(file, summary);
    this.importersCache = undefined;
    this.goPackagesCache = undefined;
    return !previous || !sameSummary(previous, summary);
  }

  /** A module's summary as a persistent cache kept it (`--cache`): the file is not read or parsed again. */
  restore(file: string, hash: string, summary: Omit<ModuleSummary, 'file'>): void {
    this.modules.set(file, { ...summary, file, hash });
    this.importersCache = undefined;
    this.goPackagesCache = undefined;
  }

  /** What the index holds of a module, for a persistent cache. */
  summaryOf(file: string): (Omit<ModuleSummary, 'file'> & { hash: string }) | undefined {
    const m = this.modules.get(file);
    return m && { specifiers: m.specifiers, exports: m.exports, facts: m.facts, isTest: m.isTest, hash: m.hash };
  }

  /** A hash of every module's summary: program rules' results stay valid while it does. */
  fingerprint(): string {
    const hash = createHash('sha1');
    for (const file of [...this.modules.keys()].sort()) {
      const m = this.modules.get(file) as ModuleSummary;
      hash.update(JSON.stringify([file, m.specifiers, m.exports, m.facts, m.isTest]));
    }
    return hash.digest('hex');
  }

  remove(file: string): boolean {
    this.importersCache = undefined;
    this.goPackagesCache = undefined;
    return this.modules.delete(file);
  }

  /**
   * The indexed module a specifier of `from` names: relative, or through the package's aliases (tsconfig
   * `paths`, `baseUrl`, package.json `imports`). TypeScript's `.js` → `.ts` mapping applies too.
   */
  resolve(from: string, specifier: string): string | undefined {
    if (from.endsWith('.go')) return this.resolveGo(from, specifier);
    if (from.endsWith('.py')) return pythonModuleCandidates(from, specifier).find((f) => this.modules.has(f));
    if (specifier.startsWith('.')) return this.resolveBase(path.resolve(path.dirname(from), specifier));
    for (const base of this.aliases?.candidates(from, specifier) ?? []) {
      const found = this.resolveBase(base);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The modules a specifier loads: the one it resolves to, or, for a template with one substitution after a relative
   * folder (`require(\`../plugins/${pluginName}\`)`, a plugin list loaded by name), each module of that folder that
   * the rest of the template fits (its files, and its folders' index files). The plugins are part of the program.
   */
  private targets(from: string, specifier: string): string[] {
    const template = /^(\.{1,2}(?:\/[^/$]+)*\/)\$\{[^}]*\}([^/$]*)$/.exec(specifier);
    if (!template) {
      if (specifier.includes('${')) return [];
      const target = this.resolve(from, specifier);
      return target ? [target] : [];
    }
    if (from.endsWith('.go') || from.endsWith('.py')) return [];
    const dir = path.resolve(path.dirname(from), template[1]);
    const suffix = template[2];
    const out: string[] = [];
    for (const file of this.modules.keys()) {
      const rest = path.relative(dir, file);
      if (rest.startsWith('..') || path.isAbsolute(rest)) continue;
      const parts = rest.split(path.sep);
      const stem = parts.length === 1 ? parts[0].replace(/\.[cm]?[jt]sx?$/, '') : parts.length === 2 && /^index\.[cm]?[jt]sx?$/.test(parts[1]) ? parts[0] : undefined;
      if (stem === undefined || (suffix !== '' && !`${parts[0]}`.endsWith(suffix) && !stem.endsWith(suffix))) continue;
      if (!this.modules.get(file)?.isTest) out.push(file);
    }
    return out;
  }

  private resolveBase(base: string): string | undefined {
    const stems = [base, base.replace(/\.(c|m)?js$/, '.$1ts'), base.replace(/\.jsx$/, '.tsx')];
    for (const stem of stems) {
      for (const ext of RESOLVE_EXTENSIONS) if (this.modules.has(stem + ext)) return stem + ext;
    }
    for (const index of INDEX_FILES) if (this.modules.has(path.join(base, index))) return path.join(base, index);
    return undefined;
  }

  /**
   * A Go import path inside the file's own module (per `go.mod`), or inside a module its `replace` directives
   * swap for a local folder (`=> ../common`): one indexed file of that package's folder.
   */
  private resolveGo(from: string, specifier: string): string | undefined {
    const module = this.goModuleOf(path.dirname(from));
    if (!module) return undefined;
    for (const { path: prefix, root } of [module, ...module.replaces]) {
      if (specifier !== prefix && !specifier.startsWith(`${prefix}/`)) continue;
      return this.goPackages().get(path.join(root, specifier.slice(prefix.length)))?.[0];
    }
    return undefined;
  }

  /** The nearest `go.mod` above a folder, up to the workspace root (cached per folder). */
  private goModuleOf(dir: string): GoModule | undefined {
    const known = this.goModules.get(dir);
    if (known !== undefined) return known ?? undefined;
    let found: GoModule | null = null;
    const text = this.host?.readFile(path.join(dir, 'go.mod'));
    const root = this.host?.rootOf(path.join(dir, 'go.mod'));
    if (text !== undefined) found = goModPaths(text, dir) ?? null;
    if (!found && path.dirname(dir) !== dir && root !== undefined && dir !== root && dir.startsWith(root)) found = this.goModuleOf(path.dirname(dir)) ?? null;
    this.goModules.set(dir, found);
    return found ?? undefined;
  }

  /** Folder → its indexed Go files (tests left out): the files of one package, judged together. */
  private goPackages(): Map<string, string[]> {
    if (!this.goPackagesCache) {
      const map = new Map<string, string[]>();
      for (const m of this.modules.values()) {
        if (!m.file.endsWith('.go') || m.isTest) continue;
        const dir = path.dirname(m.file);
        map.set(dir, [...(map.get(dir) ?? []), m.file]);
      }
      this.goPackagesCache = map;
    }
    return this.goPackagesCache;
  }

  /** The other files of a Go file's package: they import each other without saying so. */
  private samePackage(file: string): string[] {
    return file.endsWith('.go') ? this.goPackages().get(path.dirname(file)) ?? [] : [];
  }

  view(file: string): ProgramView {
    return {
      importedTags: (binding: ModulePath) => {
        const target = this.resolve(file, binding.module);
        const summary = target ? this.modules.get(target) : undefined;
        if (!summary) return [];
        return summary.exports[binding.path[0] ?? 'default'] ?? [];
      },
      programModules: () => this.programOf(file),
      allModules: () => [...this.modules.values()],
    };
  }

  /** The entry points above the file (modules nothing imports that reach it), and everything they import. */
  programOf(file: string): ModuleSummary[] {
    const importers = this.importers();
    const roots = new Set<string>([file]);
    const up = [file];
    while (up.length > 0) {
      const f = up.pop() as string;
      for (const i of [...(importers.get(f) ?? []), ...this.samePackage(f)]) {
        if (roots.has(i) || this.modules.get(i)?.isTest) continue;
        roots.add(i);
        up.push(i);
      }
    }
    const seen = new Set<string>();
    const down = [...roots];
    while (down.length > 0) {
      const f = down.pop() as string;
      if (seen.has(f)) continue;
      seen.add(f);
      const m = this.modules.get(f);
      if (!m) continue;
      for (const sibling of this.samePackage(f)) if (!seen.has(sibling)) down.push(sibling);
      for (const s of m.specifiers) {
        for (const target of this.targets(f, s)) if (!seen.has(target)) down.push(target);
      }
    }
    return [...seen].map((f) => this.modules.get(f)).filter((m): m is ModuleSummary & { hash: string } => m !== undefined && (!m.isTest || m.file === file));
  }

  private importers(): Map<string, string[]> {
    if (!this.importersCache) {
      const map = new Map<string, string[]>();
      for (const m of this.modules.values()) {
        for (const s of m.specifiers) {
          for (const target of this.targets(m.file, s)) {
            const list = map.get(target) ?? [];
            list.push(m.file);
            map.set(target, list);
          }
        }
      }
      this.importersCache = map;
    }
    return this.importersCache;
  }
}


/** A module's relative imports plus what each program rule says of it. Never throws. */
export function summarize(context: FileContext, rules: readonly Summarizer[]): Omit<ModuleSummary, 'file' | 'isTest'> {
  const summary: Omit<ModuleSummary, 'file' | 'isTest'> = { specifiers: [], exports: {}, facts: [] };
  if (context.binary || context.minified) return summary;
  if (context.kind === 'js') {
    // Read from the text, so indexing parses only the few files a program rule needs; relative ones and aliases
    // (`@/lib/shutdown`) name modules of the program, package names resolve to nothing.
    // The scripts it starts as worker threads join the program too: only its main thread can handle signals.
    summary.specifiers = [...new Set([...specifiersInText(context.text), ...workerScriptsInText(context.text)])];
  } else if (context.kind === 'go') {
    // Import paths; those inside the file's module resolve to its folders (see `resolveGo`).
    summary.specifiers = goImportsInText(context.text);
  } else if (context.kind === 'python') {
    // Dotted module names; those of the project resolve to its files (`pythonModuleCandidates`).
    summary.specifiers = pythonImportsInText(context.text);
  }
  // Only a file that holds a program rule's keyword is parsed.
  let present: ReadonlySet<string> | undefined;
  const programRules = rules.filter((r) => {
    if (!(r.meta.summaryKinds ?? r.meta.kinds).includes(context.kind)) return false;
    if (!r.summarize) return false;
    if (!textGatesOn()) return true;
    const keywords = r.meta.summaryKeywords ?? r.meta.keywords;
    if (keywords.length > 0) present ??= context.keywordsPresent(rules);
    if (keywords.length > 0 && !keywords.some((k) => present?.has(k))) return false;
    return !r.meta.summaryGate || r.meta.summaryGate(context.text, context.kind, context, (present ??= context.keywordsPresent(rules)));
  });
  try {
    for (const rule of programRules) {
      const facts = rule.summarize?.(context);
      for (const [name, tags] of Object.entries(facts?.exports ?? {})) summary.exports[name] = [...(summary.exports[name] ?? []), ...tags];
      summary.facts.push(...(facts?.facts ?? []));
    }
  } catch {
    // Deeply nested or pathological input: the module tells nothing, and the analysis of the file says why.
  }
  return summary;
}

function sameSummary(a: Omit<ModuleSummary, 'file'>, b: Omit<ModuleSummary, 'file'>): boolean {
  return JSON.stringify([a.specifiers, a.exports, a.facts, a.isTest]) === JSON.stringify([b.specifiers, b.exports, b.facts, b.isTest]);
}

let hashed = 0;

/** How many texts `ProgramIndex.update` hashed in this process (tests count a keystroke's work). */
export function textsHashed(): number {
  return hashed;
}
