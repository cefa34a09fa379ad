import * as path from 'node:path';
import type { FileHost } from '../host';
import { manifestsUp } from '../workspace/manifest';

/**
 * Variables the package's own scripts set on a command line: `BUILD_TIME=true next build`,
 * `cross-env API_MODE=mock vite`, `dotenv -v NEXT_PUBLIC_X=1 -- ./build.sh`, and the same inline assignments in
 * a shell script a package.json script runs (`./build.sh`, `bash scripts/build.sh`). The build sets them, not
 * whoever deploys the app, so reading one is not an undeclared variable. `export X=` and plain `X=` lines of a
 * shell script are not counted: they are often a deploy script's own placeholders for the operator.
 * Next.js's `env` option (`env: { version }` in next.config.js) is the same: the build inlines the value.
 */
export function scriptSetVariables(host: FileHost, file: string): Set<string> {
  const out = new Set<string>();
  for (const manifest of manifestsUp(host, file)) {
    for (const name of NEXT_CONFIGS) collectNextEnv(host.readFile(path.join(manifest.dir, name)), out);
    for (const script of Object.values(manifest.scripts)) {
      collectInline(script, out);
      for (const m of script.matchAll(SHELL_SCRIPT)) {
        const target = path.resolve(manifest.dir, m[1]);
        if (!target.startsWith(manifest.dir + path.sep)) continue;
        const text = host.readFile(target);
        if (text !== undefined && text.length < 64 * 1024) for (const line of text.split('\n')) collectInline(line, out);
      }
    }
  }
  return out;
}

// `NAME=value` words right before a command word (after a line start, `&&`, `;`, `|`, `cross-env`, `env`,
// or dotenv-cli's `-v`), at least one assignment followed by something that is not another assignment.
const INLINE = /(?:^|&&|\|\||;|\||\bcross-env(?:-shell)?|\benv|\s-v)\s*((?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|[^\s;&|'"]*)\s+)+)(?=[^\s=]+(?:\s|$))/g;
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_]*)=/g;
// `./build.sh`, `sh scripts/x.sh`, `bash ./x.sh`: a shell script beside or below the package.json.
const SHELL_SCRIPT = /(?:^|[\s;&|])(?:(?:ba|z)?sh\s+)?((?:\.\/)?[\w./-]+\.sh)\b/g;

function collectInline(line: string, out: Set<string>): void {
  if (/^\s*#/.test(line)) return;
  for (const m of line.matchAll(INLINE)) for (const a of m[1].matchAll(ASSIGNMENT)) out.add(a[1]);
}

const NEXT_CONFIGS = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'];

/** The keys of next.config's top-level `env: { … }` object: `version` in `env: { version, API: x }`. */
function collectNextEnv(text: string | undefined, out: Set<string>): void {
  const body = text === undefined ? undefined : /(?:^|[\s,{])env\s*:\s*\{([^{}]*)\}/m.exec(text)?.[1];
  if (!body) return;
  for (const m of body.matchAll(/(?:^|,)\s*(?:\/\/[^\n]*\n\s*)*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*(?=[:,]|$)/g)) out.add(m[1]);
}
