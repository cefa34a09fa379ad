/**
 * What the program index needs of a Python file, read from its text without a parser (the index runs before
 * any grammar is loaded, and on every file of the workspace): the modules it imports, as dotted names (with
 * their leading dots for a relative import), and where such a name may live on disk. The program of a Python
 * file is the entry modules importing it and what they import inside the project.
 */
import * as path from 'node:path';

/** Comments and strings removed (a docstring's `import x` is no import), so only code is read. */
function code(text: string): string {
  return text.replace(/"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g, '""');
}

/**
 * The modules a Python file imports: `import a.b as c` → `a.b`; `from .signals import install` → `.signals` and
 * `.signals.install` (the name may be a submodule: `from . import signals` → `.signals`).
 */
export function pythonImportsInText(text: string): string[] {
  const out: string[] = [];
  const src = code(text);
  for (const m of src.matchAll(/^[ \t]*import[ \t]+([\w. \t,]+)/gm)) {
    for (const part of m[1].split(',')) {
      const name = /^\s*([\w.]+)/.exec(part)?.[1];
      if (name) out.push(name);
    }
  }
  for (const m of src.matchAll(/^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm)) {
    const from = m[1];
    if (from.replace(/^\.+/, '') !== '') out.push(from);
    for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
      const name = /^\s*(\w+)/.exec(part)?.[1];
      if (name) out.push(from.endsWith('.') ? `${from}${name}` : `${from}.${name}`);
    }
  }
  return [...new Set(out)];
}

/**
 * The files a module name of `from` may be, nearest first: a relative name from the file's package, an absolute
 * one from the file's folder and each folder above it up to `levels` (the project's root, or `src/`, is on the
 * path of whatever runs it): `a.b` → `a/b.py`, `a/b/__init__.py`.
 */
export function pythonModuleCandidates(from: string, specifier: string, levels = 8): string[] {
  const dots = /^\.*/.exec(specifier)?.[0].length ?? 0;
  const parts = specifier.slice(dots).split('.').filter(Boolean);
  const files = (dir: string) => (parts.length === 0 ? [path.join(dir, '__init__.py')] : [`${path.join(dir, ...parts)}.py`, path.join(dir, ...parts, '__init__.py')]);
  let dir = path.dirname(from);
  if (dots > 0) {
    for (let i = 1; i < dots; i++) dir = path.dirname(dir);
    return files(dir);
  }
  const out: string[] = [];
  for (let i = 0; i < levels; i++) {
    out.push(...files(dir));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

/**
 * Whether the file registers a SIGTERM handler: `signal.signal(…)`, `signal(…)` or `loop.add_signal_handler(…)`
 * with SIGTERM named in the call or elsewhere in the file (a loop over the signals to handle), as the rule
 * judges one module.
 */
export function pythonHandlesSigterm(text: string): boolean {
  const src = text.replace(/#[^\n]*/g, ' ');
  return /\bSIGTERM\b/.test(src) && /(?:\bsignal\.signal|(?<![\w.])signal|\.add_signal_handler)\s*\(/.test(src);
}
