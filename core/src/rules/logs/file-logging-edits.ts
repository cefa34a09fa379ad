import ts = require('typescript');
import type { EditFix } from '../../fixes/types';
import { propertyName, type Scope } from './file-logging-scope';

/** One text edit, in offsets of the file being fixed. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function replaceNode(scope: Scope, node: ts.Node, text: string): Edit {
  return { start: node.getStart(scope.sourceFile), end: node.getEnd(), text };
}

/**
 * Deletes elements of a comma-separated list (object properties, array elements, call arguments) so the
 * rest stays as it was written: an element on lines of its own goes with its lines and its trailing
 * comment; one sharing a line goes with the comma and space that separate it from its neighbour.
 */
export function deleteElements(scope: Scope, list: ts.NodeArray<ts.Node>, remove: ReadonlySet<number>): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!remove.has(i)) continue;
    let j = i;
    while (j + 1 < list.length && remove.has(j + 1)) j++;
    edits.push(deleteRun(scope, list, i, j));
    i = j;
  }
  return edits;
}

function deleteRun(scope: Scope, list: ts.NodeArray<ts.Node>, i: number, j: number): Edit {
  const { text, sourceFile: sf } = scope;
  const start = list[i].getStart(sf);
  const end = list[j].getEnd();
  const afterTrivia = skipTrivia(text, end);
  const afterComma = text[afterTrivia] === ',' ? afterTrivia + 1 : end;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) {
    const newline = text.indexOf('\n', afterComma);
    const eol = newline < 0 ? text.length : newline;
    if (newline >= 0 && /^[ \t\r]*(\/\/.*)?$/.test(text.slice(afterComma, eol))) return { start: withCommentLines(text, lineStart), end: newline + 1, text: '' };
  }
  if (j + 1 < list.length) return { start, end: list[j + 1].getStart(sf), text: '' };
  if (i > 0) return { start: list[i - 1].getEnd(), end, text: '' };
  return { start, end: afterComma, text: '' };
}

/** Spaces, line breaks and comments from `pos` on. */
function skipTrivia(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const rest = text.slice(p, p + 2);
    if (/^\s/.test(rest)) p++;
    else if (rest === '//') p = nextNewline(text, p);
    else if (rest === '/*') {
      const close = text.indexOf('*/', p + 2);
      p = close < 0 ? text.length : close + 2;
    } else return p;
  }
}

function nextNewline(text: string, p: number): number {
  const n = text.indexOf('\n', p);
  return n < 0 ? text.length : n;
}

/** Deletes the named properties of an object literal; tells how many properties remain. */
export function removeProperties(scope: Scope, object: ts.ObjectLiteralExpression, names: ReadonlySet<string>): { edits: Edit[]; remaining: number } {
  const remove = new Set<number>();
  object.properties.forEach((p, i) => {
    const name = propertyName(p);
    if (name !== undefined && names.has(name)) remove.add(i);
  });
  return { edits: deleteElements(scope, object.properties, remove), remaining: object.properties.length - remove.size };
}

/** Deletes a whole statement; on lines of its own, with its lines and the `//` comment lines right above it. */
export function deleteStatement(scope: Scope, statement: ts.Statement): Edit {
  const { text, sourceFile: sf } = scope;
  const start = statement.getStart(sf);
  const end = statement.getEnd();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const eol = newline < 0 ? text.length : newline;
  if (!/^[ \t]*$/.test(text.slice(lineStart, start)) || !/^[ \t\r]*$/.test(text.slice(end, eol))) return { start, end, text: '' };
  return { start: withCommentLines(text, lineStart), end: newline < 0 ? text.length : newline + 1, text: '' };
}

/** The start of the `//` comment lines right above a line ("create a write stream (in append mode)"): they go with it. */
function withCommentLines(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const prevStart = text.lastIndexOf('\n', start - 2) + 1;
    if (!/^[ \t]*\/\/.*\r?\n$/.test(text.slice(prevStart, start))) break;
    start = prevStart;
  }
  return start;
}

export function logToStdout(title: string, edits: Edit[]): EditFix {
  return { kind: 'edit', id: 'log-to-stdout', title, edits, preferred: true };
}
