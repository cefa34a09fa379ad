import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze, type AnalysisResult } from '../../core/src/engine';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import type { FixDescriptor } from '../../core/src/fixes/types';
import type { FileHost } from '../../core/src/host';
import type { ProgramView } from '../../core/src/program/types';
import { parserFor, prepareLanguage } from '../../core/src/treesitter/runtime';
import type { Finding } from '../../core/src/types';

/** Call in `before`: the Go grammar is loaded once per test process, as the CLI and the server do. */
export async function loadGo(): Promise<void> {
  if (!(await prepareLanguage('go'))) throw new Error('the Go grammar did not load');
}

export function runGo(path: string, text: string, options: { host?: FileHost; program?: ProgramView } = {}): AnalysisResult {
  return analyze(new FileContext(path, text), { config: defaultConfig(), relativePath: path.replace(/^\/(?:ws\/)?/, ''), host: options.host, program: options.program });
}

export function goFindings(rule: string, path: string, text: string, options: { host?: FileHost; program?: ProgramView } = {}): Finding[] {
  return runGo(path, text, options).findings.filter((f) => f.ruleId === rule);
}

/** Whether a Go text parses without ERROR or MISSING nodes: "the fixed file still parses". */
export function goParses(text: string): boolean {
  const parser = parserFor('go');
  if (!parser) throw new Error('the Go grammar is not loaded');
  const tree = parser.parse(text);
  try {
    return tree !== null && !tree.rootNode.hasError;
  } finally {
    tree?.delete();
  }
}

/** A `package main` file with the imports and a `main` whose body is `body`. */
export function goMain(imports: string[], body: string, pkg = 'main'): string {
  const block = imports.length > 0 ? `import (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\n` : '';
  return `package ${pkg}\n\n${block}func main() {\n\t${body}\n}\n`;
}

/** Applies the first fix (or the one with `id`) of every finding of the rule; returns the files afterwards. */
export function fixGo(rule: string, path: string, text: string, options: { id?: string; env?: string } = {}): { source: string; env?: string } {
  const result = runGo(path, text);
  const fixes: FixDescriptor[] = result.findings.filter((f) => f.ruleId === rule).flatMap((f) => {
    const all = result.fixes.get(f) ?? [];
    const chosen = options.id ? all.find((x) => x.kind === 'edit' && x.id === options.id) : all[0];
    return chosen ? [chosen] : [];
  });
  const plan = planFixes({ path, text }, fixes, { root: '/ws', env: options.env }, 'fix');
  const out: { source: string; env?: string } = { source: text, env: options.env };
  for (const change of plan.changes) {
    if (change.path === path) out.source = applyEdits(text, change.edits);
    else if (change.path === '/ws/.env') out.env = applyEdits(change.create ? '' : out.env ?? '', change.edits);
  }
  return out;
}

/**
 * A small Go module with one problem per Go check (the CLI and LSP end-to-end tests): a secret in
 * `config.go`, and in `main.go` a file session store (line 11), a file logger (line 18) and a server without
 * SIGTERM handling (line 23), 1-based.
 */
export function goShopModule(token: string): Record<string, string> {
  return {
    'go.mod': 'module example.com/shop\n\ngo 1.22\n',
    'config.go': `package main\n\nconst apiToken = "${token}"\n`,
    'main.go': `package main

import (
\t"log"
\t"net/http"
\t"os"

\t"github.com/gorilla/sessions"
)

var store = sessions.NewFilesystemStore("", []byte(os.Getenv("SESSION_KEY")))

func main() {
\tf, err := os.OpenFile("app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
\tif err != nil {
\t\tlog.Fatal(err)
\t}
\tlog.SetOutput(f)
\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
\t\t_, _ = store.Get(r, "cart")
\t\tw.Header().Set("X-Token", apiToken)
\t})
\tlog.Fatal(http.ListenAndServe(":8080", nil))
}
`,
  };
}
