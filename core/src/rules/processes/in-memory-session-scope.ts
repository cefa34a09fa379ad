import ts = require('typescript');
import { requireTarget, unwrap, type ModulePath } from '../../js/modules';
import { FileScope, requireRoot, type Declaration } from '../../js/scope';
import type { ProgramView } from '../../program/types';

export { requireRoot, type Declaration };

/**
 * One file as the session rule reads it: the file's names (`FileScope`, shared with every rule), the classes
 * that store factories return (`const FileStore = require('session-file-store')(session)`), and the program
 * the file belongs to, for stores made in another module.
 */
export class SessionScope {
  readonly file: FileScope;
  /** Local name → the module whose factory made it (`MemoryStore` → `memorystore`). */
  readonly factories = new Map<string, string>();

  constructor(readonly sourceFile: ts.SourceFile, readonly program?: ProgramView) {
    this.file = FileScope.of(sourceFile);
    for (const d of this.file.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (!ts.isIdentifier(d.name) || !init || !ts.isCallExpression(init) || init.arguments.length < 1) continue;
      const factory = this.rootModule(init.expression);
      if (factory) this.factories.set(d.name.text, factory);
    }
  }

  get bindings(): FileScope['bindings'] {
    return this.file.bindings;
  }

  /** Where an expression comes from: an import, a member of one, or the class a store factory returned (path `()`). */
  moduleOf(expression: ts.Expression): ModulePath | undefined {
    const e = unwrap(expression);
    if (ts.isIdentifier(e) && this.factories.has(e.text) && this.lookup(e).kind !== 'unknown') {
      return { module: this.factories.get(e.text) as string, path: ['()'] };
    }
    if (ts.isCallExpression(e) && e.arguments.length >= 1) {
      const factory = this.rootModule(e.expression);
      if (factory) return { module: factory, path: ['()'] };
    }
    return this.bindings.resolve(e);
  }

  /** The module when the expression is a module itself (`require('x')`, `import x from 'x'`), not a member of it. */
  rootModule(expression: ts.Expression): string | undefined {
    const e = unwrap(expression);
    const direct = requireTarget(e);
    if (direct) return direct;
    // A parameter that shadows the import (`function mount(session) { session(…) }`) is not the module.
    if (ts.isIdentifier(e) && this.lookup(e).kind === 'unknown') return undefined;
    const m = this.bindings.resolve(e);
    return m && (m.path.length === 0 || (m.path.length === 1 && m.path[0] === 'default')) ? m.module : undefined;
  }

  /** True when the expression is the module's default export or the module itself (`session`, `require('express-session')`). */
  isModule(expression: ts.Expression, modules: ReadonlySet<string>): boolean {
    const m = this.rootModule(expression);
    return m !== undefined && modules.has(m);
  }

  lookup(id: ts.Identifier): Declaration {
    return this.file.lookup(id);
  }

  valueOf(expression: ts.Expression): ts.Expression {
    return this.file.valueOf(expression);
  }

  writesTo(name: string, member: string): ts.Expression[] {
    return this.file.writesTo(name, member);
  }

  escapes(name: string, except?: ts.Node): boolean {
    return this.file.escapes(name, except);
  }
}
