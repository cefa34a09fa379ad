import * as path from 'node:path';
import type { FileHost } from '../host';
import { manifestsUp, nearestManifest, workspacePackagesByName } from '../workspace/manifest';
import { filesUnder } from '../workspace/filesUnder';
import { PerVersion } from '../workspace/perVersion';
import { isPlaceholder } from '../secrets/placeholder';

/**
 * Variables the package's own scripts set on a command line: `BUILD_TIME=true next build`,
 * `cross-env API_MODE=mock vite`, `dotenv -v NEXT_PUBLIC_X=1 -- ./build.sh`, and the same inline assignments in
 * a shell script a package.json script runs (`./build.sh`, `bash scripts/build.sh`). The build sets them, not
 * whoever deploys the app, so reading one is not an undeclared variable (`shellSetVariables` below reads the
 * project's other shell scripts). Plain `X=` lines are not counted: a shell variable, not the environment.
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

/**
 * Variables the scripts of the workspace's other packages set on the command line when those packages use this
 * file's package: `"cron:daily": "SKIP_ENV_CHECK=true tsx src/cron/daily.ts"` in a scripts package that imports
 * the shared `@app/env` package, whose validation reads `SKIP_ENV_CHECK`. The package that runs the code sets
 * the switch; a deployment of the app never does. Test and lint scripts are left out (they set a test
 * database, not a setting of the program), and so are packages that do not name this one as a dependency.
 */
export function dependentsSetVariables(host: FileHost & { readonly version?: number }, file: string, root: string): Set<string> {
  const out = new Set<string>();
  const own = nearestManifest(host, file);
  if (!own?.name) return out;
  for (const manifest of workspacePackagesByName(host, root).values()) {
    if (manifest.dir === own.dir || !manifest.declared.has(own.name)) continue;
    for (const [name, script] of Object.entries(manifest.scripts)) if (!NOT_A_RUN.test(name)) collectInline(script, out);
  }
  return out;
}

// Scripts that run tests, linters or type checks: the variables they set are the tests', not the program's.
const NOT_A_RUN = /(?:^|[:_-])(?:test|tests|e2e|spec|lint|typecheck|check-types|coverage|cy|playwright|vitest|jest)(?:$|[:_-])/i;

// `NAME=value` words right before a command word (after a line start, `&&`, `;`, `|`, `cross-env`, `env`,
// or dotenv-cli's `-v`), at least one assignment followed by something that is not another assignment.
const INLINE = /(?:^|&&|\|\||;|\||\bcross-env(?:-shell)?\b|\benv\b|\s-v)\s*((?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|[^\s;&|'"]*)\s+)+)(?=[^\s=]+(?:\s|$))/g;
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

const SHELL_FILE = /\.(?:sh|bash)$|^docker-entrypoint$/i;
const SKIPPED_FOLDER = /^(?:node_modules|vendor|\..*|tests?|__tests__|fixtures?|spec|e2e|examples?|samples?)$/i;
const MAX_SCRIPTS = 300;
const MAX_BYTES = 64 * 1024;
// `export NAME=value` (`declare -x` too) with a value: the script sets it for every program it starts.
const EXPORTED = /^[ \t]*(?:export|declare[ \t]+-x)[ \t]+([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;#]+)/;
// `eval envParam="…" numParam="…" node task.js`: assignments before a command under eval.
const EVAL = /(?:^[ \t]*|[;&|][ \t]*)eval[ \t]+/g;

/** `export DB_URL="${DB_URL}"`, `export PORT=${PORT:-3000}`: the script passes on what the operator set. */
function passesOn(value: string, name: string): boolean {
  return new RegExp(`\\$\\{?${name}(?![A-Za-z0-9_])`).test(value);
}

/** Whether a change to this file can change what the project's shell scripts set (the server's folder facts move). */
export function isShellScriptFile(file: string): boolean {
  return SHELL_FILE.test(path.basename(file));
}

const shellResults = new PerVersion<Set<string>>();

/**
 * Variables the project's own shell scripts set for the programs they start (qinglong's `shell/share.sh`
 * exports `QL_DATA_DIR`, its task runner starts each task with `envParam=… numParam=… node`): the project sets
 * them, not whoever deploys it, so a read of one is declared. Scripts in the given folders and below (not in
 * tests, fixtures, examples or dependencies), bounded in depth, count and size. An `export NAME=` left empty or
 * holding a literal placeholder (`changeme`) is the operator's to fill, not a value the script sets; one built
 * from other variables (`"$pnpm_global_path"`, `"${NODE_OPTIONS:=}"`) is computed by the script.
 */
export function shellSetVariables(host: FileHost & { readonly version?: number }, dirs: readonly string[]): Set<string> {
  return shellResults.get(host, dirs.join('\0'), () => {
    const out = new Set<string>();
    for (const dir of new Set(dirs)) {
      for (const file of filesUnder(host, dir, (f) => SHELL_FILE.test(f), { maxDepth: 4, maxFiles: MAX_SCRIPTS, skip: (d) => SKIPPED_FOLDER.test(d) })) {
        let text: string | undefined;
        try {
          text = host.readFile(file);
        } catch {
          text = undefined;
        }
        if (text === undefined || text.length > MAX_BYTES) continue;
        for (const line of text.split('\n')) {
          const exported = EXPORTED.exec(line);
          if (exported) {
            const value = exported[2].replace(/^(["'])(.*)\1$/, '$2');
            if (value !== '' && !passesOn(value, exported[1]) && (value.includes('$') || !isPlaceholder(value, exported[1]))) out.add(exported[1]);
          }
          else collectInline(line.replace(EVAL, (m) => m.replace(/eval\s+$/, '; ')), out);
        }
      }
    }
    return out;
  });
}
