import type { ModulePath } from '../js/modules';

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
