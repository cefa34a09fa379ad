/**
 * What the program index needs of a Go file, read from its text without a parser (the index runs before any
 * grammar is loaded, and on every file of the workspace): its package and the import paths it names. The
 * program of a Go file is its package (the files of its folder) and what the `main` packages importing it
 * import, resolved through `go.mod`'s module path.
 */

/** Comments removed, so a word in one is not taken for code. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g, ' ');
}

/** `package main` → `main`. */
export function goPackageOf(text: string): string | undefined {
  return /^[ \t]*package\s+(\w+)/m.exec(code(text))?.[1];
}

/** The import paths of a Go file: `import "x"`, `import alias "x"` and every line of `import ( … )` blocks. */
export function goImportsInText(text: string): string[] {
  const out: string[] = [];
  const src = code(text);
  const single = /^[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?"([^"\n]+)"/gm;
  for (let m = single.exec(src); m; m = single.exec(src)) out.push(m[1]);
  // Each block runs to the next `)`; with none left, no later block can close either (linear on hostile text).
  const block = /^[ \t]*import[ \t]*\(/gm;
  for (let m = block.exec(src); m; m = block.exec(src)) {
    const close = src.indexOf(')', block.lastIndex);
    if (close < 0) break;
    for (const spec of src.slice(block.lastIndex, close).matchAll(/(?:^|\n)[ \t]*(?:[\w.]+[ \t]+)?"([^"\n]+)"/g)) out.push(spec[1]);
    block.lastIndex = close + 1;
  }
  return [...new Set(out)];
}

/** The module path `go.mod` declares. */
export function goModulePath(goMod: string): string | undefined {
  return /^[ \t]*module[ \t]+"?([^\s"]+)"?/m.exec(code(goMod))?.[1];
}

/**
 * Whether the file registers for SIGTERM: `signal.Notify(c, …SIGTERM…)`, `signal.NotifyContext(ctx, …SIGTERM…)`,
 * or either with no signal named (that is every signal, SIGTERM included).
 */
export function goHandlesSigterm(text: string): boolean {
  const src = code(text);
  if (!/\bsignal\.Notify(?:Context)?\s*\(/.test(src)) return false;
  if (/\bSIGTERM\b/.test(src)) return true;
  return /\bsignal\.Notify\s*\(\s*[\w.]+\s*\)/.test(src) || /\bsignal\.NotifyContext\s*\(\s*[\w.()]+\s*\)/.test(src);
}
