import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { folderKeyOf, type FileHost } from '../host';
import { listing } from '../workspace/filesUnder';
import { parseManifest, workspacePackagesByName, type Manifest } from '../workspace/manifest';
import { PerVersion } from '../workspace/perVersion';

/**
 * Variables a GitHub Actions workflow sets for the file one of its steps runs. A job's `env:` (with the
 * workflow's and the step's own) is the environment of the commands its steps run; when a step runs a file
 * (`node scripts/report.js`, `tsx src/cron/daily.ts`), or a package.json script that runs one
 * (`bunx nx run @app/scripts:cron:daily`, `pnpm --filter @app/scripts run cron:daily`, `npm run report` in the
 * step's `working-directory`), that workflow is who sets those variables for that file. A script that runs a
 * bundler (`vite build`, `next build`) runs its config file (`vite.config.ts`, `next.config.js`), so a step's
 * build switch (`VITE_BUILD_FIREFOX: true` for `pnpm run build`) is set for that config.
 *
 * Only the file the step runs: a test job's `env:` (`DATABASE_URL: postgres://localhost/test` for `npm test`)
 * runs a test runner, not a file of the app, and the modules a run file imports are not followed.
 */
export function workflowSetVariables(host: FileHost & { readonly version?: number }, root: string, file: string): ReadonlySet<string> {
  return workflows.get(host, folderKeyOf(path.join(root, '.github', 'x')), () => runsOf(host, root)).get(file) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
const workflows = new PerVersion<Map<string, Set<string>>>();
const MAX_WORKFLOWS = 50;
const MAX_BYTES = 128 * 1024;

// A file a command runs, after its options (`tsx --tsconfig ./tsconfig.json a.ts`: an option may take a value): `node x.js`, `tsx src/a.ts`, `npx tsx a.ts`, `bun run a.ts`, `deno run -A a.ts`, `python x.py`, `go run x.go`.
const RUNS_FILE = /(?:^|[\s;&|(])(?:(?:npx|bunx|pnpm\s+exec|pnpm\s+dlx|yarn)\s+)?(?:node|tsx|ts-node|ts-node-esm|bun(?:\s+run)?|deno\s+run|python3?|go\s+run)(?:\s+-[\w-]+(?:[=\s][^\s-]\S*)?)*\s+((?:\.{0,2}\/)?[\w@.\/-]+\.(?:[cm]?[jt]sx?|py|go))(?=$|[\s;&|)])/g;
// A package script: `npm run x`, `pnpm [run] x`, `yarn x`, `bun run x`, with `--filter NAME`, `-F NAME`, `--cwd DIR`, `--prefix DIR`, `--workspace NAME`.
const RUNS_SCRIPT = /(?:^|[\s;&|(])(npm|pnpm|yarn|bun)((?:\s+(?:--filter|-F|--cwd|--prefix|--workspace|-w|-C|--dir)[=\s]\S+|\s+--?[\w-]+)*)\s+(?:run(?:-script)?\s+)?([\w:.-]+)/g;
// `nx run PROJECT:TARGET` (`npx nx`, `bunx nx`, `pnpm nx`): the project is the package of that name.
const NX_RUN = /(?:^|[\s;&|(])nx\s+run\s+((?:@[\w.-]+\/)?[\w.-]+):([\w:.-]+)/g;
// `yarn workspace NAME SCRIPT`.
const YARN_WORKSPACE = /(?:^|[\s;&|(])yarn\s+workspace\s+((?:@[\w.-]+\/)?[\w.-]+)\s+(?:run\s+)?([\w:.-]+)/g;
// Package-manager commands that are not scripts.
const NOT_SCRIPT = /^(?:install|i|ci|add|remove|exec|dlx|x|test|t|publish|version|init|create|audit|link|pack|why|outdated|update|up|upgrade|config|set|cache|store|prune|dedupe|list|ls|info|view|login|logout|whoami|rebuild|setup|env|workspace|workspaces|run)$/;
/** The config file a bundler's command runs, for a build switch set on the command's step. */
const TOOL_CONFIGS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/(?:^|[\s;&|(])vite(?:\s+build)?(?=$|[\s;&|)])/, ['vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs']],
  [/(?:^|[\s;&|(])next\s+build\b/, ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs']],
];

/** Every file a workflow step runs, with the names that step's environment sets. */
function runsOf(host: FileHost, root: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const dir = path.join(root, '.github', 'workflows');
  let packages: Map<string, Manifest> | undefined;
  const byName = (name: string): Manifest | undefined => (packages ??= workspacePackagesByName(host, root)).get(name);
  for (const name of listing(host, dir).files.filter((n) => /\.ya?ml$/i.test(n)).sort().slice(0, MAX_WORKFLOWS)) {
    const text = host.readFile(path.join(dir, name));
    if (!text || text.length > MAX_BYTES) continue;
    let doc: unknown;
    try {
      doc = parseDocument(text).toJS();
    } catch {
      continue;
    }
    if (!isRecord(doc) || !isRecord(doc.jobs)) continue;
    const workflowEnv = envNames(doc.env);
    for (const job of Object.values(doc.jobs)) {
      if (!isRecord(job) || !Array.isArray(job.steps)) continue;
      const jobEnv = envNames(job.env);
      const defaults = isRecord(job.defaults) && isRecord(job.defaults.run) ? job.defaults.run['working-directory'] : undefined;
      for (const step of job.steps) {
        if (!isRecord(step) || typeof step.run !== 'string') continue;
        const names = new Set([...workflowEnv, ...jobEnv, ...envNames(step.env)]);
        if (names.size === 0) continue;
        const wd = step['working-directory'] ?? defaults;
        const cwd = typeof wd === 'string' && !wd.includes('${{') ? path.resolve(root, wd) : root;
        for (const target of stepTargets(host, root, cwd, step.run, byName)) {
          const set = out.get(target) ?? new Set<string>();
          for (const n of names) set.add(n);
          out.set(target, set);
        }
      }
    }
  }
  return out;
}

/** The files one step's commands run, directly or through one package.json script. */
function stepTargets(host: FileHost, root: string, cwd: string, run: string, byName: (name: string) => Manifest | undefined): string[] {
  const out: string[] = [];
  const inside = (f: string): boolean => f === root || f.startsWith(root + path.sep);
  const script = (manifest: Manifest | undefined, name: string): void => {
    const body = manifest?.scripts[name];
    if (manifest && body !== undefined) out.push(...commandTargets(manifest.dir, body));
  };
  out.push(...filesRun(cwd, run));
  for (const m of run.matchAll(NX_RUN)) script(byName(m[1]), m[2]);
  for (const m of run.matchAll(YARN_WORKSPACE)) script(byName(m[1]), m[2]);
  for (const m of run.matchAll(RUNS_SCRIPT)) {
    const [, , options, name] = m;
    if (NOT_SCRIPT.test(name) || /^nx$/.test(name)) continue;
    const filter = /(?:--filter|-F|--workspace|-w)[=\s](\S+)/.exec(options)?.[1];
    const dir = /(?:--cwd|--prefix|-C|--dir)[=\s](\S+)/.exec(options)?.[1];
    const manifest = filter ? byName(filter.replace(/^['"]|['"]$/g, '')) : manifestAt(host, dir ? path.resolve(cwd, dir) : cwd);
    script(manifest, name);
  }
  return out.filter(inside);
}

/** What a package script's command runs: the files it names, and the config of a bundler it starts. */
function commandTargets(dir: string, command: string): string[] {
  const out = filesRun(dir, command);
  // Every spelling of the config: only the one that exists is ever asked about.
  for (const [tool, configs] of TOOL_CONFIGS) if (tool.test(command)) out.push(...configs.map((c) => path.join(dir, c)));
  return out;
}

function filesRun(cwd: string, command: string): string[] {
  return [...command.matchAll(RUNS_FILE)].map((m) => path.resolve(cwd, m[1]));
}

function manifestAt(host: FileHost, dir: string): Manifest | undefined {
  const file = path.join(dir, 'package.json');
  const text = host.readFile(file);
  return text === undefined ? undefined : parseManifest(file, text);
}

/** The names of an `env:` map (`NAME: value`); an expression in place of the map (`env: ${{ fromJSON(…) }}`) names none. */
function envNames(env: unknown): string[] {
  return isRecord(env) ? Object.keys(env).filter((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
