import type { Edit, Point } from '@vscode/tree-sitter-wasm';

/** Row and column (UTF-16 units, as web-tree-sitter indexes a JavaScript string) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The tree-sitter edit for one changed region (`start..end` of the old text became `newLength` characters). */
export function editFor(before: string, after: string, change: { start: number; end: number; newLength: number }): Edit {
  const newEnd = change.start + change.newLength;
  return {
    startIndex: change.start,
    oldEndIndex: change.end,
    newEndIndex: newEnd,
    startPosition: pointAt(before, change.start),
    oldEndPosition: pointAt(before, change.end),
    newEndPosition: pointAt(after, newEnd),
  };
}
