import * as path from 'node:path';
import type { FileHost } from '../host';
import { foldersUp } from './manifest';

/**
 * The names the project gives itself, as lower-case words of four letters or more: the `name` of every
 * package.json from the file's folder up to the root, the last part of go.mod's `module` path, and the
 * `name` of pyproject.toml's `[project]` or `[tool.poetry]` table. `@scope/mirotalk` gives `scope` and
 * `mirotalk`; `github.com/acme/gin-blog` gives `blog` (`gin` is too short to tell a product by).
 *
 * The secret rule asks this of a default made of words (`mirotalk_jwt_secret`): a value that names the
 * product shipping it is the product's own default, the same in every installation that leaves it unset.
 */
export function productWords(host: FileHost, file: string): Set<string> {
  const out = new Set<string>();
  for (const dir of foldersUp(host, file)) {
    for (const name of namesIn(host, dir)) {
      for (const w of name.toLowerCase().split(/[^a-z0-9]+/)) if (w.length >= 4 && /[a-z]/.test(w)) out.add(w);
    }
  }
  return out;
}

function namesIn(host: FileHost, dir: string): string[] {
  const names: string[] = [];
  const pkg = host.readFile(path.join(dir, 'package.json'));
  if (pkg !== undefined) {
    try {
      const name = (JSON.parse(pkg) as { name?: unknown }).name;
      if (typeof name === 'string') names.push(name);
    } catch {
      // A package.json that does not parse names nothing.
    }
  }
  const mod = host.readFile(path.join(dir, 'go.mod'));
  const modulePath = mod && /^module\s+"?([^\s"]+)"?/m.exec(mod)?.[1];
  if (modulePath) names.push(modulePath.split('/').filter((p) => !/^v\d+$/.test(p)).pop() ?? '');
  const pyproject = host.readFile(path.join(dir, 'pyproject.toml'));
  const pyName = pyproject && /^\[(?:project|tool\.poetry)\][^[]*?^name\s*=\s*["']([^"'\n]+)["']/m.exec(pyproject)?.[1];
  if (pyName) names.push(pyName);
  return names;
}

/** productWords, read on first call only and then kept: most files never ask. */
export function lazyProductWords(host: FileHost | undefined, file: string): () => ReadonlySet<string> {
  let words: Set<string> | undefined;
  return () => (words ??= host ? productWords(host, file) : new Set());
}
