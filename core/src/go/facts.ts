import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { walkTree } from '../treesitter/walk';
import { readPackageAndImports } from './imports';
import type { GoBinding, GoCall, GoEnvRead, GoExpr, GoFacts, GoKeyed, GoString } from './types';

export { defaultImportName } from './imports';

interface Scope {
  /** The enclosing function's name (`main`), `func` for a function literal, undefined at package level. */
  fn?: string;
}

interface Defaulted {
  variable: string;
  string: GoString;
  assignStart: number;
  assignEnd: number;
  at: number;
}

/**
 * Reads one tree into facts in one walk (treesitter/walk.ts: deep nesting cannot overflow the JS stack).
 * Expressions are summarised when a statement that holds them is met, so calls are recorded once.
 */
export function readGoFacts(tree: Tree, text: string): GoFacts & { tooDeep: boolean } {
  const root = tree.rootNode;
  const facts: GoFacts & { tooDeep: boolean } = {
    packageName: '', imports: new Map(), importAt: { at: 0, style: 'none' }, bindings: [], keyed: [], calls: [], envReads: [], declared: new Map(), strings: [],
    hasErrors: root.hasError, tooDeep: false,
  };
  readPackageAndImports(root, facts);
  const cache = new Map<number, GoExpr>();
  const defaults: Defaulted[] = [];
  facts.tooDeep = walkTree<Scope>(root, {}, (node, scope) => {
    let inner = scope;
    switch (node.type) {
      case 'function_declaration':
      case 'method_declaration':
        inner = { ...scope, fn: node.childForFieldName('name')?.text ?? 'func' };
        break;
      case 'func_literal':
        inner = { ...scope, fn: scope.fn ?? 'func' };
        break;
      case 'const_spec':
      case 'var_spec':
        readSpec(node, scope, facts, cache, text);
        break;
      case 'short_var_declaration':
      case 'assignment_statement':
        readAssignment(node, scope, facts, cache, text);
        break;
      case 'if_statement': {
        const d = defaultOf(node);
        if (d) defaults.push(d);
        break;
      }
      case 'call_expression':
      case 'composite_literal':
        expr(node, scope, facts, cache, text);
        break;
      default:
        break;
    }
    return inner;
  });
  for (const d of defaults) {
    const read = [...facts.envReads].reverse().find((r) => r.variable === d.variable && r.start < d.at);
    if (read && !read.fallback) read.fallback = { string: d.string, assignStart: d.assignStart, assignEnd: d.assignEnd };
  }
  // Calls in source order; the expressions that name a call by index follow it to its new place.
  const order = facts.calls.map((_, i) => i).sort((a, b) => facts.calls[a].start - facts.calls[b].start);
  const moved = new Map(order.map((old, i) => [old, i]));
  facts.calls = order.map((i) => facts.calls[i]);
  for (const e of cache.values()) if (e.call !== undefined) e.call = moved.get(e.call);
  return facts;
}

function readSpec(node: Node, scope: Scope, facts: GoFacts, cache: Map<number, GoExpr>, text: string): void {
  const names = node.childrenForFieldName('name').filter((n): n is Node => n?.type === 'identifier');
  const values = node.childForFieldName('value')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
  const kind = node.type === 'const_spec' ? 'const' : 'var';
  const decl = node.parent;
  // Without parentheses a const declaration holds exactly one spec: asked of its second child alone (a generated
  // table's block of 10,000 constants asked for its whole child list once per constant: quadratic).
  const sole = kind === 'const' && decl?.type === 'const_declaration' && names.length === 1 && decl.child(1)?.type !== '(';
  const keyword = decl?.firstChild;
  const type = node.childForFieldName('type')?.text.replace(/\s+/g, '');
  if (values.length === 0 && type) for (const name of names) facts.declared.set(name.text, resolve(type, facts));
  names.forEach((name, i) => {
    const value = values[i] ?? (values.length === 1 ? values[0] : undefined);
    if (!value) return;
    const binding: GoBinding = {
      path: [name.text], value: expr(value, scope, facts, cache, text), kind, start: (decl ?? node).startIndex, end: node.endIndex, inFunction: scope.fn !== undefined,
    };
    if (sole && keyword) binding.soleConst = { keywordStart: keyword.startIndex, keywordEnd: keyword.endIndex };
    facts.bindings.push(binding);
    bindEnvRead(facts, binding);
  });
}

function readAssignment(node: Node, scope: Scope, facts: GoFacts, cache: Map<number, GoExpr>, text: string): void {
  if (node.type === 'assignment_statement' && node.childForFieldName('operator')?.text !== '=') return;
  const left = node.childForFieldName('left')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  const right = node.childForFieldName('right')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
  left.forEach((target, i) => {
    // `f, err := os.OpenFile(…)`: the call's first result is what the first name holds.
    const value = right[i] ?? (right.length === 1 && i === 0 ? right[0] : undefined);
    const path = targetPath(target);
    if (!value || !path || path[0] === '_') return;
    const binding: GoBinding = {
      path, value: expr(value, scope, facts, cache, text), kind: node.type === 'short_var_declaration' ? 'short' : 'assign', start: node.startIndex, end: node.endIndex,
      inFunction: scope.fn !== undefined,
    };
    facts.bindings.push(binding);
    bindEnvRead(facts, binding);
  });
}

function bindEnvRead(facts: GoFacts, binding: GoBinding): void {
  const call = binding.value.call !== undefined ? facts.calls[binding.value.call] : undefined;
  if (!call || binding.path.length !== 1) return;
  const read = facts.envReads.find((r) => r.start === call.start);
  if (read) read.variable = binding.path[0];
}

/** `a` → `['a']`, `cfg.DB.Password` → `['cfg', 'DB', 'Password']`; undefined for index expressions and the rest. */
function targetPath(node: Node): string[] | undefined {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'selector_expression') {
    const operand = node.childForFieldName('operand');
    const field = node.childForFieldName('field');
    const base = operand ? targetPath(operand) : undefined;
    return base && field ? [...base, field.text] : undefined;
  }
  if (node.type === 'index_expression') {
    const operand = node.childForFieldName('operand');
    const index = stringOf(node.childForFieldName('index'));
    const base = operand ? targetPath(operand) : undefined;
    return base && index ? [...base, index.value] : undefined;
  }
  return undefined;
}

/** `if v == "" { v = "lit" }` (either side of the comparison): the variable and the literal default. */
function defaultOf(node: Node): Defaulted | undefined {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'binary_expression' || condition.childForFieldName('operator')?.text !== '==') return undefined;
  const l = condition.childForFieldName('left');
  const r = condition.childForFieldName('right');
  const variable = l?.type === 'identifier' && stringOf(r)?.value === '' ? l.text : r?.type === 'identifier' && stringOf(l)?.value === '' ? r.text : undefined;
  const body = node.childForFieldName('consequence');
  const statements = (body?.namedChildren.find((c) => c?.type === 'statement_list') ?? body)?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') ?? [];
  const assign = statements.length === 1 ? statements[0] : undefined;
  if (!variable || assign?.type !== 'assignment_statement' || assign.childForFieldName('operator')?.text !== '=') return undefined;
  const left = assign.childForFieldName('left')?.namedChildren ?? [];
  const right = assign.childForFieldName('right')?.namedChildren ?? [];
  const s = right.length === 1 ? stringOf(right[0]) : undefined;
  if (left.length !== 1 || left[0]?.text !== variable || !s) return undefined;
  return { variable, string: s, assignStart: assign.startIndex, assignEnd: assign.endIndex, at: node.startIndex };
}

function expr(node: Node, scope: Scope, facts: GoFacts, cache: Map<number, GoExpr>, text: string): GoExpr {
  const known = cache.get(node.id);
  if (known) return known;
  const t = node.text;
  const out: GoExpr = { start: node.startIndex, end: node.endIndex, type: node.type, text: t.length > 200 ? t.slice(0, 200) : t };
  cache.set(node.id, out);
  const recurse = (n: Node) => expr(n, scope, facts, cache, text);
  switch (node.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      out.string = stringOf(node);
      if (out.string && out.string.value.length >= 8) facts.strings.push(out.string);
      break;
    case 'identifier':
      out.ident = t;
      break;
    case 'parenthesized_expression':
    case 'variadic_argument': {
      const inner = node.firstNamedChild;
      if (inner) return Object.assign(out, { ...recurse(inner), start: out.start, end: out.end });
      break;
    }
    case 'unary_expression': {
      // `&lumberjack.Logger{…}`: the pointer is the literal, for the rules.
      const operand = node.childForFieldName('operand');
      if (node.childForFieldName('operator')?.text === '&' && operand?.type === 'composite_literal') {
        const inner = recurse(operand);
        Object.assign(out, { literalType: inner.literalType, keyed: inner.keyed, elements: inner.elements });
      }
      break;
    }
    case 'type_conversion_expression': {
      // `[]byte("key")`: the bytes are the literal's, for the rules (the fix replaces the literal inside).
      const operand = node.childForFieldName('operand');
      if (/^(?:\[\]byte|string)$/.test(node.childForFieldName('type')?.text ?? '') && operand) {
        const inner = recurse(operand);
        out.string = inner.string;
        out.ident = inner.ident;
      }
      break;
    }
    case 'composite_literal':
      readComposite(node, out, facts, recurse);
      break;
    case 'call_expression': {
      const call = readCall(node, scope, facts, recurse, text);
      if (call) {
        out.call = facts.calls.push(call) - 1;
        if (call.callee === 'os.Getenv' || call.callee === 'os.LookupEnv') {
          const literal = call.args[0]?.string;
          facts.envReads.push({ name: literal?.value, form: call.method === 'Getenv' ? 'getenv' : 'lookupenv', start: call.start, end: call.end, nameStart: literal?.contentStart, nameEnd: literal?.contentEnd });
        }
      }
      break;
    }
    default:
      break;
  }
  return out;
}

function readComposite(node: Node, out: GoExpr, facts: GoFacts, recurse: (n: Node) => GoExpr): void {
  const type = node.childForFieldName('type');
  out.literalType = type ? resolve(type.text.replace(/\s+/g, ''), facts) : '';
  out.keyed = [];
  out.elements = [];
  const body = node.childForFieldName('body');
  for (const element of body?.namedChildren ?? []) {
    if (element?.type === 'keyed_element') {
      const key = element.childForFieldName('key') ?? element.namedChildren[0];
      const value = element.childForFieldName('value') ?? element.namedChildren[1];
      const keyNode = key?.type === 'literal_element' ? key.firstNamedChild : key;
      const valueNode = value?.type === 'literal_element' ? value.firstNamedChild : value;
      if (!keyNode || !valueNode) continue;
      const name = keyNode.type === 'identifier' || keyNode.type === 'field_identifier' ? keyNode.text : stringOf(keyNode)?.value;
      if (name === undefined) continue;
      const k: GoKeyed = { key: name, keyStart: keyNode.startIndex, keyEnd: keyNode.endIndex, owner: out.literalType, value: recurse(valueNode) };
      out.keyed.push(k);
      facts.keyed.push(k);
    } else if (element?.type === 'literal_element' && element.firstNamedChild) {
      out.elements.push(recurse(element.firstNamedChild));
    }
  }
}

/** `http.ListenAndServe` → `net/http.ListenAndServe` when `http` is an imported package. */
function resolve(written: string, facts: GoFacts): string {
  const m = /^(\*?\[?\]?)(\w+)(\..*)$/.exec(written);
  if (!m) return written;
  const pkg = facts.imports.get(m[2]);
  return pkg ? `${m[1]}${pkg}${m[3]}` : written;
}

function readCall(node: Node, scope: Scope, facts: GoFacts, recurse: (n: Node) => GoExpr, text: string): GoCall | undefined {
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  if (!fn || !argList) return undefined;
  const written = fn.type === 'identifier' || fn.type === 'selector_expression' ? fn.text.replace(/\s+/g, '') : '';
  const args = argList.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment').map(recurse);
  const dot = written.lastIndexOf('.');
  return {
    callee: resolve(written, facts), written, method: written.slice(dot + 1), receiver: dot > 0 ? written.slice(0, dot) : '', args,
    start: node.startIndex, end: node.endIndex, statement: statementOf(node, text), inFunction: scope.fn,
  };
}

/** The statement a call is, or is the sole argument of (`log.Fatal(http.ListenAndServe(…))`), with its indentation. */
function statementOf(call: Node, text: string): GoCall['statement'] {
  let n: Node = call;
  const parent = n.parent;
  if (parent?.type === 'argument_list' && parent.namedChildren.length === 1 && parent.parent?.type === 'call_expression') n = parent.parent;
  const statement = n.parent;
  if (statement?.type !== 'expression_statement') return undefined;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  return /^[ \t]*$/.test(indent) ? { start: statement.startIndex, end: statement.endIndex, indent } : undefined;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** A string literal's value, or undefined for anything else. */
export function stringOf(node: Node | null | undefined): GoString | undefined {
  if (!node || (node.type !== 'interpreted_string_literal' && node.type !== 'raw_string_literal')) return undefined;
  const raw = node.type === 'raw_string_literal';
  const inner = node.text.slice(1, -1);
  const value = raw ? inner.replace(/\r/g, '') : inner.replace(/\\(.)/gs, (whole, c: string) => ESCAPES[c] ?? whole);
  return { value, start: node.startIndex, end: node.endIndex, contentStart: node.startIndex + 1, contentEnd: node.endIndex - 1 };
}
