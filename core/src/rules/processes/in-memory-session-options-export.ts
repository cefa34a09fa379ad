import ts = require('typescript');
import { unwrap } from '../../js/modules';
import type { SessionScope } from './in-memory-session-scope';
import { optionsOf } from './in-memory-session-stores';

/**
 * Session options written in one module and given to `session()` in another (`import { sessionOptions } from
 * './config'`, `session(config.session)`). The module that writes them tags the export when the object is
 * session options with no `store` (so the middleware falls back to its MemoryStore); the module that calls
 * `session()` reads the tag through the program index.
 */
export const OPTIONS_WITHOUT_STORE = 'session-options-without-store';

/** Keys only session middleware options carry together with no store: what makes an object session options. */
const SESSION_KEYS = new Set(['secret', 'resave', 'saveUninitialized']);

/** Tags for an exported value: the object itself, or (one level down) its members holding session options. */
export function optionTags(scope: SessionScope, value: ts.Expression | undefined): string[] {
  if (!value) return [];
  if (isOptionsWithoutStore(scope, value)) return [OPTIONS_WITHOUT_STORE];
  const object = unwrap(scope.valueOf(value));
  if (!ts.isObjectLiteralExpression(object)) return [];
  const tags: string[] = [];
  for (const p of object.properties) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) continue;
    if (isOptionsWithoutStore(scope, p.initializer)) tags.push(`${OPTIONS_WITHOUT_STORE}:${p.name.text}`);
  }
  return tags;
}

function isOptionsWithoutStore(scope: SessionScope, value: ts.Expression): boolean {
  const options = optionsOf(scope, value, scope.sourceFile);
  if (options.kind !== 'object' || options.store) return false;
  return options.object.properties.some((p) => p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && SESSION_KEYS.has(p.name.text));
}

/** True when `session(arg)` is given options another module exports without a store (`session(config.session)`). */
export function importedOptionsWithoutStore(scope: SessionScope, arg: ts.Expression | undefined): boolean {
  if (!arg || !scope.program) return false;
  const e = unwrap(arg);
  const root = rootIdentifier(e);
  if (!root || scope.lookup(root).kind !== 'import') return false;
  const binding = scope.bindings.resolve(e);
  if (!binding || binding.path.length > 2) return false;
  const tagsOf = (path: string[]) => scope.program?.importedTags({ module: binding.module, path }) ?? [];
  const [first, member] = binding.path;
  if (member !== undefined) return tagsOf([first]).includes(`${OPTIONS_WITHOUT_STORE}:${member}`);
  if (first === undefined) return tagsOf([]).includes(OPTIONS_WITHOUT_STORE);
  // `import config from './config'; session(config.session)`: a member of the default export, or a named export.
  return tagsOf([first]).includes(OPTIONS_WITHOUT_STORE) || tagsOf([]).includes(`${OPTIONS_WITHOUT_STORE}:${first}`);
}

function rootIdentifier(e: ts.Expression): ts.Identifier | undefined {
  let n = e;
  while (ts.isPropertyAccessExpression(n)) n = unwrap(n.expression);
  return ts.isIdentifier(n) ? n : undefined;
}
