/**
 * What the program index needs of a Go file, read from its text without a parser (the index runs before any
 * grammar is loaded, and on every file of the workspace): its package and the import paths it names. The
 * program of a Go file is its package (the files of its folder) and what the `main` packages importing it
 * import, resolved through `go.mod`'s module path.
 */

/** Comments removed, so a word in one is not taken for code. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
}

/** `package main` → `main`. */
export function goPackageOf(text: string): string | undefined {
  return /^\s*package\s+(\w+)/m.exec(code(text))?.[1];
}

/** The import paths of a Go file: `import "x"`, `import alias "x"` and every line of `import ( … )` blocks. */
export function goImportsInText(text: string): string[] {
  const out: string[] = [];
  const src = code(text);
  const single = /^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"/gm;
  for (let m = single.exec(src); m; m = single.exec(src)) out.push(m[1]);
  const block = /^\s*import\s*\(([\s\S]*?)\)/gm;
  for (let m = block.exec(src); m; m = block.exec(src)) {
    for (const spec of m[1].matchAll(/(?:^|\n)\s*(?:[\w.]+\s+)?"([^"]+)"/g)) out.push(spec[1]);
  }
  return [...new Set(out)];
}

/** The module path `go.mod` declares. */
export function goModulePath(goMod: string): string | undefined {
  return /^\s*module\s+"?([^\s"]+)"?/m.exec(code(goMod))?.[1];
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
