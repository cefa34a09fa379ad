/**
 * The tree-sitter runtime (web-tree-sitter, as shipped by `@vscode/tree-sitter-wasm`) and its grammars, loaded
 * the first time a file of a language needs a syntax tree. Loading is asynchronous (WebAssembly is compiled
 * off the main path) while rules run synchronously, so callers `await prepareLanguage()` before they analyse
 * a file of that language (the CLI's scan and the server do, see ARCHITECTURE.md); a rule then asks
 * `parserFor()`, which never waits. A grammar that fails to load costs that language only: its failure is
 * kept, said once, and its files are reported as not fully analysed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import { nodeRequire } from '../lazyModules';

export type TreeLanguage = 'python' | 'go';

/** The grammar file of each language, beside the runtime in the package. */
const GRAMMARS: Record<TreeLanguage, string> = { python: 'tree-sitter-python.wasm', go: 'tree-sitter-go.wasm' };

type Runtime = typeof TreeSitter;

interface LanguageState {
  parser?: TreeSitter.Parser;
  language?: TreeSitter.Language;
  failure?: string;
  loading?: Promise<void>;
}

let runtime: Promise<Runtime> | undefined;
let directoryOverride: string | undefined;
const states = new Map<TreeLanguage, LanguageState>();
const failureListeners: Array<(language: TreeLanguage, message: string) => void> = [];

/**
 * Where the runtime and grammars are: beside the bundle (dist/, where esbuild copies them), else the npm
 * package itself (the compiled tests run from out/ with node_modules at hand).
 */
export function wasmDirectory(): string {
  if (directoryOverride !== undefined) return directoryOverride;
  if (fs.existsSync(path.join(__dirname, 'tree-sitter.wasm'))) return __dirname;
  return path.dirname(nodeRequire().resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.js'));
}

function loadRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    const dir = wasmDirectory();
    // Node's own require: the bundler leaves the runtime as its own file, read only when a language is needed.
    const mod = nodeRequire()(path.join(dir, 'tree-sitter.js')) as Runtime;
    await mod.Parser.init({ locateFile: (file: string) => path.join(dir, file) });
    return mod;
  })();
  return runtime;
}

/**
 * Loads the runtime and the language's grammar once per process. Resolves true when the language can be
 * parsed; false when it cannot (the reason is `languageFailure()`), never rejects.
 */
export async function prepareLanguage(language: TreeLanguage): Promise<boolean> {
  let state = states.get(language);
  if (!state) {
    state = {};
    states.set(language, state);
  }
  const s = state;
  s.loading ??= (async () => {
    try {
      const mod = await loadRuntime();
      const bytes = await fs.promises.readFile(path.join(wasmDirectory(), GRAMMARS[language]));
      s.language = await mod.Language.load(new Uint8Array(bytes));
      s.parser = new mod.Parser();
      s.parser.setLanguage(s.language);
    } catch (error) {
      s.failure = `the ${language} grammar could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      for (const listener of failureListeners) listener(language, s.failure);
    }
  })();
  await s.loading;
  return s.parser !== undefined;
}

/** The language's parser when it is loaded; undefined before `prepareLanguage` settled, or after it failed. */
export function parserFor(language: TreeLanguage): TreeSitter.Parser | undefined {
  return states.get(language)?.parser;
}

/** Why the language cannot be parsed, once loading it failed. */
export function languageFailure(language: TreeLanguage): string | undefined {
  return states.get(language)?.failure;
}

/** Whether `prepareLanguage` has settled for the language (loaded or failed): nothing left to wait for. */
export function isLanguageSettled(language: TreeLanguage): boolean {
  const s = states.get(language);
  return s !== undefined && (s.parser !== undefined || s.failure !== undefined);
}

/** Told once per language whose grammar fails to load (the server shows one message, the CLI one line). */
export function onLanguageFailure(listener: (language: TreeLanguage, message: string) => void): void {
  failureListeners.push(listener);
}

/** For tests: load from another folder (one without a grammar, to see a failure), or back to the default. */
export function resetTreeSitterForTests(directory?: string): void {
  for (const s of states.values()) s.parser?.delete();
  states.clear();
  runtime = undefined;
  directoryOverride = directory;
}
