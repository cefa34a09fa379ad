// The floor of any AST analyzer: walk the folder, read every file and build its TypeScript syntax tree
// (with parent pointers, as our file context does), nothing else. Prints {files, bytes} as JSON.
// Usage: node parse.mjs <folder> <path of the typescript package>
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [root, typescriptDir] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(typescriptDir);

function scriptKind(file) {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.jsx$/i.test(file)) return ts.ScriptKind.JSX;
  if (/\.[cm]?ts$/i.test(file)) return ts.ScriptKind.TS;
  return ts.ScriptKind.JS;
}

let files = 0;
let bytes = 0;
const walk = (dir) => {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile()) {
      const text = readFileSync(full, 'utf8');
      ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true, scriptKind(full));
      files++;
      bytes += text.length;
    }
  }
};
walk(root);
process.stdout.write(`${JSON.stringify({ files, bytes })}\n`);
