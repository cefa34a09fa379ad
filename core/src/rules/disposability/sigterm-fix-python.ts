import type { EditFix } from '../../fixes/types';
import type { PythonFacts } from '../../python/types';

/**
 * The SIGTERM fix for a Python module: a handler registered after the imports that raises `SystemExit(0)`, so
 * `serve_forever()`, `while True:` and `app.run()` unwind through their `finally`/`with` blocks as on Ctrl-C
 * (what most real apps do; rewriting the loop itself is not always safe). `import signal` is added once.
 */
export function sigtermFix(facts: PythonFacts): EditFix[] {
  const at = facts.importInsertAt;
  const needImport = facts.imports.get('signal') !== 'signal';
  const handler = 'def _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)';
  const text = at === 0
    ? `${needImport ? 'import signal\n\n\n' : ''}${handler}\n\n\n`
    : `${needImport ? '\nimport signal' : ''}\n\n\n${handler}\n`;
  return [{ kind: 'edit', id: 'handle-sigterm', title: 'Handle SIGTERM (signal.signal → SystemExit)', edits: [{ start: at, end: at, text }], preferred: true }];
}
