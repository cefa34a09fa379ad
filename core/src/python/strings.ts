import type { Node } from '@vscode/tree-sitter-wasm';
import type { PyString } from './types';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** A string literal's value (implicit concatenation joined), or undefined for anything else. */
export function stringOf(node: Node): PyString | undefined {
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.filter((c): c is Node => c?.type === 'string').map(stringOf);
    if (parts.length === 0 || parts.some((p) => !p)) return undefined;
    const ok = parts as PyString[];
    const template = ok.some((p) => p.template !== undefined) ? ok.map((p) => p.template ?? p.value).join('') : undefined;
    return {
      value: ok.map((p) => p.value).join(''), start: node.startIndex, end: node.endIndex,
      contentStart: ok[0].contentStart, contentEnd: ok[ok.length - 1].contentEnd, interpolated: ok.some((p) => p.interpolated) || ok.length > 1,
      ...(template !== undefined ? { template } : {}),
    };
  }
  if (node.type !== 'string') return undefined;
  const open = node.firstChild;
  const close = node.lastChild;
  if (open?.type !== 'string_start' || close?.type !== 'string_end') return undefined;
  // Bytes literals are read like text: a `b'…'` secret is as real as a text one.
  const raw = /r/i.test(open.text.replace(/["']/g, ''));
  let value = '';
  let template = '';
  let interpolated = false;
  for (const part of node.children) {
    if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type === 'interpolation') {
      interpolated = true;
      template += '\u0000';
    } else {
      const text = raw ? part.text : part.text.replace(/\\(.)/gs, (whole, c: string) => ESCAPES[c] ?? whole);
      value += text;
      template += text;
    }
  }
  return { value, start: node.startIndex, end: node.endIndex, contentStart: open.endIndex, contentEnd: close.startIndex, interpolated, ...(interpolated ? { template } : {}) };
}

/** A `%` conversion (`%s`, `%(name)s`, `%-5.2f`); `%%` is a literal percent sign. */
const PERCENT_HOLE = /%%|%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]/g;
/** A `str.format` field (`{}`, `{0}`, `{host}`, `{user.name!r:>10}`); `{{` and `}}` are literal braces. */
const FORMAT_HOLE = /\{\{|\}\}|\{[^{}]*\}/g;

/**
 * `'postgresql://%s@db.internal/app' % user` and `'redis://{}:6379'.format(host)`: the literal with U+0000 for
 * each hole (its `template`, as an f-string's), so a rule reads what the written part says. Undefined for
 * anything else.
 */
export function formattedStringOf(node: Node): PyString | undefined {
  let literal: Node | null = null;
  let holes: RegExp;
  let literalChar: (hole: string) => string | undefined;
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '%') {
    literal = node.childForFieldName('left');
    holes = PERCENT_HOLE;
    literalChar = (hole) => (hole === '%%' ? '%' : undefined);
  } else if (node.type === 'call' && node.childForFieldName('function')?.type === 'attribute' && node.childForFieldName('function')?.childForFieldName('attribute')?.text === 'format') {
    literal = node.childForFieldName('function')?.childForFieldName('object') ?? null;
    holes = FORMAT_HOLE;
    literalChar = (hole) => (hole === '{{' ? '{' : hole === '}}' ? '}' : undefined);
  } else {
    return undefined;
  }
  const s = literal && (literal.type === 'string' || literal.type === 'concatenated_string') ? stringOf(literal) : undefined;
  if (!s || s.template !== undefined) return undefined;
  return { ...s, interpolated: true, template: s.value.replace(holes, (hole) => literalChar(hole) ?? '\u0000') };
}
