// An esbuild plugin that drops the `tps` and `fps` example lists from the secret provider modules.
// The examples are the providers' tests (they live beside each pattern, gitleaks-style, and the unit tests
// run them); the shipped bundles need only the patterns. Without this, every placeholder and fake key of
// the examples would ship in dist/ — dead weight, and bait for every other secret scanner (vsce's own
// package check among them).
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

export const stripProviderExamples = {
  name: 'strip-provider-examples',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]src[\\/]secrets[\\/]providers[\\/][^\\/]+\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: stripExamples(args.path, source), loader: 'ts' };
    });
  },
};

/** Removes every `tps: …` and `fps: …` property (with its comma) from object literals, by syntax tree. */
export function stripExamples(fileName, source) {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts = [];
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'tps' || node.name.text === 'fps')) {
      let end = node.getEnd();
      const after = source.slice(end).match(/^\s*,/);
      if (after) end += after[0].length;
      cuts.push([node.getStart(sf), end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = source;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return out;
}
