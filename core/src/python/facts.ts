import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { walkTree } from '../treesitter/walk';
import { formattedStringOf, stringOf } from './strings';
import type { PyAssignment, PyCall, PyDictEntry, PyEnvRead, PyExpr, PythonFacts } from './types';

interface Scope {
  scope: PyAssignment['scope'];
  /** Functions around this node: 2 and more is a closure (a callback, a thread's or greenlet's body). */
  functions: number;
  inMainGuard: boolean;
  /** The class whose body this is (directly, not inside one of its methods). */
  inClass?: PyAssignment['inClass'];
}

/**
 * Reads one tree into facts, in one walk (treesitter/walk.ts: deep nesting cannot overflow the JS stack).
 * Calls and env reads are recorded as they are met, so an expression that holds one refers to it by index.
 */
export function readPythonFacts(tree: Tree): PythonFacts & { tooDeep: boolean } {
  const facts: PythonFacts & { tooDeep: boolean } = {
    imports: new Map(), modules: new Set(), importInsertAt: 0, assignments: [], calls: [], envReads: [], foreverLoops: [], yields: [],
    dictEntries: [], hasErrors: tree.rootNode.hasError, tooDeep: false,
  };
  const root = tree.rootNode;
  readImports(root, facts);
  // Expressions are summarised bottom-up: a call's arguments need the calls inside them first, so nodes
  // are visited in pre-order and calls/reads recorded post-order through `pending`.
  const exprCache = new Map<number, PyExpr>();
  const summarise = (node: Node, scope: Scope): PyExpr => expr(node, scope, facts, exprCache);
  facts.tooDeep = walkTree<Scope>(root, { scope: 'module', functions: 0, inMainGuard: false }, (node, scope, descend) => {
    let inner = scope;
    switch (node.type) {
      case 'function_definition':
      case 'lambda':
        inner = { ...scope, scope: 'function', functions: scope.functions + 1, inClass: undefined };
        break;
      case 'yield':
        facts.yields.push(node.startIndex);
        break;
      case 'class_definition':
        inner = { ...scope, scope: scope.scope === 'function' ? 'function' : 'class', inClass: classOf(node) };
        break;
      case 'if_statement':
        if (isMainGuard(node)) {
          const body = node.childForFieldName('consequence');
          if (body) descend(body, { ...scope, inMainGuard: true });
          return null;
        }
        break;
      case 'while_statement': {
        const condition = node.childForFieldName('condition');
        if (condition && (condition.type === 'true' || (condition.type === 'integer' && condition.text === '1'))) {
          facts.foreverLoops.push({ start: node.startIndex, end: node.endIndex, inMainGuard: scope.inMainGuard, functions: scope.functions });
        }
        break;
      }
      case 'assignment':
        readAssignment(node, scope, facts, summarise);
        break;
      case 'call':
      case 'subscript':
      case 'boolean_operator':
        summarise(node, scope);
        break;
      case 'dictionary':
        summarise(node, scope);
        break;
      default:
        break;
    }
    return inner;
  });
  // Calls were recorded post-order (an argument's call before its caller's); rules read them in source order.
  // Every expression summarised is in the cache: point each one's `call` at its call's place after the sort.
  const recorded = facts.calls.slice();
  facts.calls.sort((a, b) => a.start - b.start);
  const placeOf = new Map(facts.calls.map((c, i) => [c, i]));
  for (const e of exprCache.values()) if (e.call !== undefined) e.call = placeOf.get(recorded[e.call]);
  return facts;
}

function readImports(root: Node, facts: PythonFacts): void {
  let seenCode = false;
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    if (statement.type === 'import_statement') {
      for (const name of statement.childrenForFieldName('name')) {
        if (!name) continue;
        if (name.type === 'aliased_import') {
          const module = name.childForFieldName('name')?.text ?? '';
          const alias = name.childForFieldName('alias')?.text;
          facts.modules.add(module);
          if (alias) facts.imports.set(alias, module);
        } else {
          facts.modules.add(name.text);
          const first = name.text.split('.')[0];
          facts.imports.set(first, first);
        }
      }
      facts.importInsertAt = statement.endIndex;
    } else if (statement.type === 'import_from_statement') {
      const module = statement.childForFieldName('module_name')?.text ?? '';
      facts.modules.add(module);
      for (const name of statement.childrenForFieldName('name')) {
        if (!name) continue;
        const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text ?? '' : name.text;
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text ?? imported : imported;
        facts.imports.set(local, `${module}.${imported}`);
      }
      facts.importInsertAt = statement.endIndex;
    } else if (facts.importInsertAt === 0 && statement.type === 'expression_statement' && statement.firstNamedChild?.type === 'string') {
      // The module's docstring stays first.
      facts.importInsertAt = statement.endIndex;
    } else if (statement.type === 'comment' && statement.startIndex === (facts.importInsertAt === 0 ? 0 : facts.importInsertAt + 1) && !seenCode) {
      // A shebang or an encoding line stays first.
      facts.importInsertAt = statement.endIndex;
    }
    if (statement.type !== 'comment') seenCode = true;
  }
}

/** `class DevelopmentConfig(Config):` → its name and its bases as written (`Config`, `pydantic.BaseSettings`). */
function classOf(node: Node): PyAssignment['inClass'] {
  const name = node.childForFieldName('name')?.text;
  if (!name) return undefined;
  const bases = (node.childForFieldName('superclasses')?.namedChildren ?? [])
    .filter((b): b is Node => b !== null && (b.type === 'identifier' || b.type === 'attribute'))
    .map((b) => b.text.replace(/\s+/g, ''));
  return { name, bases };
}

/** `if __name__ == '__main__':` (either side, either quotes). */
function isMainGuard(node: Node): boolean {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'comparison_operator') return false;
  const parts = condition.namedChildren.map((c) => c?.text.replace(/["']/g, ''));
  return parts.length === 2 && parts.includes('__name__') && parts.includes('__main__');
}

function readAssignment(node: Node, scope: Scope, facts: PythonFacts, summarise: (n: Node, s: Scope) => PyExpr): void {
  let right = node.childForFieldName('right');
  const targets: Node[] = [];
  const left = node.childForFieldName('left');
  if (left) targets.push(left);
  // `a = b = 'x'`: the right side is itself an assignment.
  while (right?.type === 'assignment') {
    const l = right.childForFieldName('left');
    if (l) targets.push(l);
    right = right.childForFieldName('right');
  }
  if (!right) return;
  const value = summarise(right, scope);
  for (const target of targets) {
    const path = targetPath(target);
    if (!path) continue;
    facts.assignments.push({ target: target.text, path, value, start: node.startIndex, end: node.endIndex, scope: scope.scope, ...(scope.inClass ? { inClass: scope.inClass } : {}) });
  }
}

/** `app.config['SECRET_KEY']` → `['app', 'config', 'SECRET_KEY']`; undefined for tuples and computed keys. */
function targetPath(node: Node): string[] | undefined {
  switch (node.type) {
    case 'identifier':
      return [node.text];
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      const base = object ? targetPath(object) : undefined;
      return base && attribute ? [...base, attribute.text] : undefined;
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const key = node.childForFieldName('subscript');
      const base = value ? targetPath(value) : undefined;
      const literal = key ? stringOf(key) : undefined;
      return base && literal && !literal.interpolated ? [...base, literal.value] : undefined;
    }
    default:
      return undefined;
  }
}

function expr(node: Node, scope: Scope, facts: PythonFacts, cache: Map<number, PyExpr>): PyExpr {
  const known = cache.get(node.id);
  if (known) return known;
  const text = node.text;
  const out: PyExpr = { start: node.startIndex, end: node.endIndex, type: node.type, text: text.length > 200 ? text.slice(0, 200) : text };
  cache.set(node.id, out);
  const recurse = (n: Node) => expr(n, scope, facts, cache);
  switch (node.type) {
    case 'string':
    case 'concatenated_string':
      out.string = stringOf(node);
      break;
    case 'integer':
      out.number = Number(text.replace(/_/g, ''));
      break;
    case 'parenthesized_expression': {
      const inner = node.firstNamedChild;
      if (inner) return Object.assign(out, { ...recurse(inner), start: out.start, end: out.end });
      break;
    }
    case 'boolean_operator': {
      // `os.environ.get('X') or 'default'`: the literal is the read's fallback, and the read spans both.
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (node.childForFieldName('operator')?.text === 'or' && left && right) {
        const l = recurse(left);
        const r = recurse(right);
        const read = l.envRead !== undefined ? facts.envReads[l.envRead] : undefined;
        if (read && !read.fallback && r.string) {
          read.fallback = r;
          read.start = out.start;
          read.end = out.end;
          out.envRead = l.envRead;
        }
        // `os.getenv('GOOGLE_API_KEY') or os.getenv('GEMINI_API_KEY')`: the second is read only when the first is unset.
        const chain = [...new Set([...orReads(l), ...orReads(r)])];
        if (chain.length > 1) {
          out.orReads = chain;
          chain.forEach((i, k) => {
            const before = chain.slice(0, k).map((j) => facts.envReads[j].name).filter((n): n is string => n !== undefined && n !== facts.envReads[i].name);
            if (before.length > 0) facts.envReads[i].fallbackOf = before;
          });
        }
      }
      break;
    }
    case 'tuple':
    case 'list':
      // `HTTPServer(('', 8000), Handler)`, `bind = ['0.0.0.0:8000']`: short literal sequences, element by element.
      if (node.namedChildCount <= 8) out.elements = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').map(recurse);
      break;
    case 'dictionary':
      out.entries = dictEntries(node, recurse);
      facts.dictEntries.push(...out.entries);
      break;
    case 'subscript': {
      const read = envSubscript(node, facts);
      if (read) out.envRead = facts.envReads.push(read) - 1;
      break;
    }
    case 'binary_operator':
    case 'call': {
      // `'…%s…' % args`, `'…{}…'.format(…)`: what the written part of a formatted string says.
      const format = formattedStringOf(node);
      if (format) out.format = format;
      if (node.type === 'binary_operator') break;
      const call = readCall(node, scope, facts, recurse);
      if (call) {
        out.call = facts.calls.push(call) - 1;
        const read = envCall(call);
        if (read) out.envRead = facts.envReads.push(read) - 1;
      }
      break;
    }
    default:
      break;
  }
  return out;
}

/** The env reads an operand of an `or` chain stands for: itself when it is a read, or the reads of a chain inside it. */
function orReads(e: PyExpr): number[] {
  return e.orReads ?? (e.envRead !== undefined ? [e.envRead] : []);
}

function dictEntries(node: Node, recurse: (n: Node) => PyExpr): PyDictEntry[] {
  const entries: PyDictEntry[] = [];
  for (const pair of node.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const literal = key ? stringOf(key) : undefined;
    if (!key || !value || !literal || literal.interpolated) continue;
    entries.push({ key: literal.value, keyStart: key.startIndex, keyEnd: key.endIndex, value: recurse(value) });
  }
  return entries;
}

function readCall(node: Node, scope: Scope, facts: PythonFacts, recurse: (n: Node) => PyExpr): PyCall | undefined {
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  if (!fn || argList?.type !== 'argument_list') return undefined;
  const written = fn.type === 'identifier' || fn.type === 'attribute' ? fn.text.replace(/\s+/g, '') : '';
  const args: PyExpr[] = [];
  const kwargs: Record<string, PyExpr> = {};
  let spreadsKwargs = false;
  for (const arg of argList.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) kwargs[name] = recurse(value);
    } else if (arg.type === 'dictionary_splat') {
      spreadsKwargs = true;
    } else {
      args.push(recurse(arg));
    }
  }
  const first = written.split('.')[0];
  const resolved = facts.imports.get(first);
  const callee = resolved && written ? resolved + written.slice(first.length) : written;
  return {
    callee, written, method: written.split('.').pop() ?? '', args, kwargs, spreadsKwargs, start: node.startIndex, end: node.endIndex,
    calleeStart: fn.startIndex, calleeEnd: fn.endIndex, inMainGuard: scope.inMainGuard, inFunction: scope.scope === 'function',
  };
}

/** `os.environ['X']` (also `environ['X']` after `from os import environ`). */
function envSubscript(node: Node, facts: PythonFacts): PyEnvRead | undefined {
  const value = node.childForFieldName('value');
  const key = node.childForFieldName('subscript');
  if (!value || !key || !isEnviron(value.text, facts)) return undefined;
  const literal = stringOf(key);
  const known = literal && !literal.interpolated ? literal : undefined;
  return { name: known?.value, start: node.startIndex, end: node.endIndex, form: 'subscript', nameStart: known?.contentStart, nameEnd: known?.contentEnd };
}

function envCall(call: PyCall): PyEnvRead | undefined {
  const c = call.callee;
  const form = c === 'os.getenv' ? 'getenv' : c === 'os.environ.get' ? 'get' : c === 'os.environ.setdefault' ? 'setdefault' : undefined;
  if (!form) return undefined;
  const name = call.args[0]?.string;
  const fallback = call.args[1] ?? call.kwargs.default;
  const known = name && !name.interpolated ? name : undefined;
  return { name: known?.value, fallback, start: call.start, end: call.end, form, nameStart: known?.contentStart, nameEnd: known?.contentEnd };
}

function isEnviron(text: string, facts: PythonFacts): boolean {
  const compact = text.replace(/\s+/g, '');
  const first = compact.split('.')[0];
  const resolved = (facts.imports.get(first) ?? first) + compact.slice(first.length);
  return resolved === 'os.environ';
}
