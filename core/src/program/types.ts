import type { FileContext } from '../context';
import type { ModulePath } from '../js/modules';
import type { FileKind } from '../types';

/** What a module offers other modules, as far as a rule cares: tags on its exports, facts about the file. */
export interface ModuleFacts {
  /** Export name (`default` for `export default` / `module.exports`) → tags, e.g. `{ store: ['memory-session-store'] }`. */
  exports?: Record<string, string[]>;
  /** Facts about the module as a whole, e.g. `handles-sigterm`. */
  facts?: string[];
}

/**
 * What the index needs of a rule that judges programs (a `Rule` of rules/types.ts is one). The index is
 * given its rules by the caller: the program layer never imports rules/.
 */
export interface Summarizer {
  meta: { kinds: readonly FileKind[]; keywords: readonly string[]; summaryKinds?: readonly FileKind[]; summaryKeywords?: readonly string[]; summaryGate?: (text: string, kind: FileKind, context: FileContext, present: ReadonlySet<string>) => boolean };
  summarize?(context: FileContext): ModuleFacts;
}

/** One module of a program, as the index keeps it: what it imports, what its exports are, what it does. */
export interface ModuleSummary {
  file: string;
  /** Import specifiers, as written (`./store`, `../lib/shutdown.js`, `@/lib/db`, `express`). */
  specifiers: string[];
  exports: Record<string, string[]>;
  facts: string[];
  isTest: boolean;
}

/** What a rule can ask about the rest of the program a file belongs to. */
export interface ProgramView {
  /** Tags of an imported value (`import { store } from './store'`), empty when unknown or not relative. */
  importedTags(binding: ModulePath): string[];
  /**
   * Every module of the program: the file, the modules that import it (transitively: the entry points),
   * and everything those import. Test modules are left out.
   */
  programModules(): ModuleSummary[];
  /** Every indexed module of the workspace (tests included), for checks such as "which variables does any code read". */
  allModules(): ModuleSummary[];
}
