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
