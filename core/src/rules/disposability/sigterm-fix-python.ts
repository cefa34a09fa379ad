import type { EditFix } from '../../fixes/types';
import type { PythonFacts } from '../../python/types';

/**
 * The SIGTERM fix for a Python module: a handler registered after the imports that raises `SystemExit(0)`, so
 * `serve_forever()`, `while True:` and `app.run()` unwind through their `finally`/`with` blocks as on Ctrl-C
 * (what most real apps do; rewriting the loop itself is not always safe). `import signal` is added once.
 */
export function sigtermFix(facts: PythonFacts, text: string): EditFix[] {
  const at = facts.importInsertAt;
  // Two blank lines after the handler (PEP 8), counting the blank lines already there: never three.
  const following = (/^\s*/.exec(text.slice(at, at + 200))?.[0].match(/\n/g) ?? []).length;
  const after = '\n'.repeat(Math.max(0, 3 - following));
  const needImport = facts.imports.get('signal') !== 'signal';
  const handler = 'def _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)';
  const inserted = at === 0
    ? `${needImport ? 'import signal\n\n\n' : ''}${handler}${after}`
    : `${needImport ? '\nimport signal' : ''}\n\n\n${handler}${after}`;
  return [{ kind: 'edit', id: 'handle-sigterm', title: 'Handle SIGTERM (signal.signal → SystemExit)', edits: [{ start: at, end: at, text: inserted }], preferred: true }];
}
