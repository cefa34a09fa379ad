import ignore from 'ignore';
import * as path from 'node:path';
import { LOCKFILES, parseManifest, type Manifest } from './manifest';
import { gitView } from './git';
import { findHealthEndpoint } from './health';
import { Workspace, type WorkspaceHost } from './files';
import { goModule } from './gomod';
import { goFacts } from './goFacts';
import { pythonProject } from './python';
import { pythonFacts, type EcosystemFacts } from './pythonFacts';

export type { WorkspaceHost } from './files';

export type FactStatus = 'pass' | 'warning' | 'fail' | 'info';

/** One thing the compliance panel shows about the workspace as a whole, for the factors no line of code answers. */
export interface WorkspaceFact {
  factor: number;
  /** Stable: the panel, the report and tests key on it (`codebase.git`, `dependencies.lockfile`…). */
  id: string;
  status: FactStatus;
  message: string;
  /** The file the fact is about, absolute, when there is one to open. */
  file?: string;
}

export interface WorkspaceFactsOptions {
  /**
   * The file serving a health endpoint when the caller's scan already knows it, or false when the scan
   * found none. Undefined: the facts look for one themselves (needs a host that can list folders).
   */
  healthEndpoint?: string | false;
  /** Files that start a server (the rules' listen sites), when the caller's scan knows them. */
  serverEntries?: string[];
}

/** Every fact id, in panel order. */
export const FACT_IDS = [
  'codebase.git', 'codebase.one-app', 'dependencies.lockfile', 'config.env-example', 'config.env-ignored', 'build.dockerfile',
  'build.scripts', 'build.artefacts', 'processes.procfile', 'port-binding.web-server', 'disposability.health', 'admin.migrations',
  'admin.scripts',
] as const;

const NO_MANIFEST = 'No package.json, pyproject.toml, requirements.txt or go.mod at the root: not judged.';
const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults', '.env.schema.yaml', '.env.schema.yml', '.env.schema.json'];
const DOCKERFILES = ['Dockerfile', 'Containerfile', 'dockerfile'];
const WEB_SERVERS = ['express', 'fastify', 'koa', '@hapi/hapi', 'hapi', '@nestjs/core', 'next', 'nuxt', '@remix-run/serve', '@sveltejs/kit', 'hono', '@hono/node-server', 'restify', 'polka', 'micro', '@adonisjs/core', 'sails', 'loopback', '@loopback/core', 'feathers', '@feathersjs/feathers', 'astro', 'h3', 'nitropack', 'elysia'];
const MIGRATION_DIRS = ['migrations', 'db/migrations', 'database/migrations', 'src/migrations', 'src/db/migrations', 'prisma/migrations', 'drizzle', 'src/database/migrations'];
const MIGRATE_SCRIPT = /(^|:)(migrate|migration|migrations)(:|$)|^db:(migrate|push|deploy)/;
const MIGRATE_COMMAND = /\b(prisma\s+migrate|knex\s+migrate|sequelize(-cli)?\s+db:migrate|typeorm[\w-]*\s+migration:run|node-pg-migrate|db-migrate|drizzle-kit\s+(migrate|push)|umzug|mikro-orm\s+migration)/;

/**
 * The workspace-level facts of one root. Pure: every file is read through the host, so the server, the CLI
 * and the tests (an in-memory host) get the same answers.
 */
export function workspaceFacts(root: string, host: WorkspaceHost, options: WorkspaceFactsOptions = {}): WorkspaceFact[] {
  const ws = new Workspace(root, host);
  const pkgText = ws.read('package.json');
  const manifest = pkgText !== undefined ? parseManifest(ws.path('package.json'), pkgText) : undefined;
  const python = pythonProject(ws);
  const go = goModule(ws);
  const others: Ecosystem[] = [];
  if (python) others.push({ label: 'Python', facts: pythonFacts(ws, python) });
  if (go) others.push({ label: 'Go', facts: goFacts(ws, go, options.serverEntries) });
  // A package.json beside another language's manifest that starts no server is tooling (a front-end build,
  // linters): it still has a lockfile to keep, but it does not say how the app builds, runs or migrates.
  const app = manifest && (others.length === 0 || manifest.scripts.start !== undefined || WEB_SERVERS.some((s) => manifest.declared.has(s)) || manifest.bin) ? manifest : undefined;
  const nodeMigrations = manifest && migrations(ws, manifest);
  const speak = (id: string, node: WorkspaceFact | undefined, none: () => WorkspaceFact) => combine(id, node, others, none);
  return [
    git(ws),
    speak('codebase.one-app', manifest && oneApp(ws, manifest, options.serverEntries), () => oneApp(ws, undefined, undefined)),
    speak('dependencies.lockfile', manifest && lockfile(ws, manifest), () => lockfile(ws, undefined)),
    envExample(ws),
    envIgnored(ws, host),
    dockerfile(ws),
    speak('build.scripts', app && buildScripts(ws, app), () => buildScripts(ws, undefined)),
    artefacts(ws),
    speak('processes.procfile', app && procfile(ws, app), () => procfile(ws, undefined)),
    speak('port-binding.web-server', manifest && webServer(manifest), () => webServer(undefined)),
    health(ws, options.healthEndpoint),
    speak('admin.migrations', others.length === 0 || nodeMigrations?.status === 'pass' ? nodeMigrations : undefined, () => migrations(ws, undefined)),
    adminScripts(ws, manifest, others),
  ];
}

interface Ecosystem {
  label: string;
  facts: EcosystemFacts;
}

const RANK: Record<FactStatus, number> = { info: 0, pass: 1, warning: 2, fail: 3 };

/**
 * One fact from what each ecosystem at the root says: the worst status wins, and with more than one
 * ecosystem each message says whose it is. With none, the fact as a root without a manifest gets it.
 */
function combine(id: string, node: WorkspaceFact | undefined, others: readonly Ecosystem[], none: () => WorkspaceFact): WorkspaceFact {
  const parts: Array<{ label: string; fact: WorkspaceFact }> = node ? [{ label: 'Node.js', fact: node }] : [];
  for (const o of others) {
    const fact = o.facts[id];
    if (fact) parts.push({ label: o.label, fact });
  }
  if (parts.length === 0) return none();
  if (parts.length === 1) return parts[0].fact;
  const worst = Math.max(...parts.map((p) => RANK[p.fact.status]));
  const top = parts.filter((p) => RANK[p.fact.status] === worst);
  return { ...top[0].fact, message: top.map((p) => `${p.label}: ${p.fact.message}`).join(' ') };
}

function git(ws: Workspace): WorkspaceFact {
  const gitRoot = ws.gitRoot();
  return gitRoot
    ? { factor: 1, id: 'codebase.git', status: 'pass', message: `Tracked in a git repository${gitRoot === path.resolve(ws.root) ? '' : ` (at ${gitRoot})`}.` }
    : { factor: 1, id: 'codebase.git', status: 'warning', message: 'Not in a git repository: one codebase tracked in version control is where every deploy starts.' };
}

function oneApp(ws: Workspace, manifest: Manifest | undefined, entries: string[] | undefined): WorkspaceFact {
  const id = 'codebase.one-app';
  if (!manifest) return { factor: 1, id, status: 'info', message: NO_MANIFEST };
  const monorepo = manifest.workspaces.length > 0 || ws.hasFile('pnpm-workspace.yaml') || ws.hasFile('lerna.json');
  if (monorepo) return { factor: 1, id, status: 'pass', message: 'A monorepo with workspaces: each app is its own package, deployed on its own.', file: manifest.file };
  if (!entries) return { factor: 1, id, status: 'info', message: 'One package.json; its server entry points were not scanned.', file: manifest.file };
  // Entries that belong to the root package (not to a nested package.json of their own).
  const top = new Set<string>();
  for (const entry of entries) {
    const rel = path.relative(ws.root, entry).split(path.sep).join('/');
    if (rel.startsWith('..') || ownManifest(ws, rel)) continue;
    const first = rel.includes('/') ? rel.split('/')[0] : '';
    if (first && !/^(src|lib|app|server|dist|build|out|scripts?|bin|tools|tests?|__tests__|e2e|examples?|mocks?|dev|docs?)$/i.test(first)) top.add(first);
  }
  if (top.size >= 2) {
    return { factor: 1, id, status: 'warning', message: `Servers in ${[...top].map((t) => `${t}/`).join(', ')} share one package.json: separate apps deserve separate packages (workspaces) so each builds and deploys on its own.`, file: manifest.file };
  }
  return { factor: 1, id, status: 'pass', message: 'One app per package.json.', file: manifest.file };
}

const OWN_MANIFESTS = ['package.json', 'go.mod', 'pyproject.toml', 'setup.py'];

/** A manifest (package.json, go.mod, pyproject.toml) between the entry and the root (exclusive): the entry belongs to that package. */
function ownManifest(ws: Workspace, rel: string): boolean {
  let dir = path.dirname(rel);
  while (dir !== '.' && dir !== '' && dir !== '/') {
    if (OWN_MANIFESTS.some((m) => ws.hasFile(path.join(dir, m)))) return true;
    dir = path.dirname(dir);
  }
  return false;
}

function lockfile(ws: Workspace, manifest: Manifest | undefined): WorkspaceFact {
  const id = 'dependencies.lockfile';
  if (!manifest) return { factor: 2, id, status: 'info', message: NO_MANIFEST };
  const found = ws.firstFile(LOCKFILES);
  if (found) return { factor: 2, id, status: 'pass', message: `Dependencies are locked (${found}).`, file: ws.path(found) };
  if (manifest.declared.size === 0) return { factor: 2, id, status: 'pass', message: 'No dependencies to lock.', file: manifest.file };
  return { factor: 2, id, status: 'fail', message: 'No lockfile: every install resolves the version ranges again. Commit the lockfile your package manager writes.', file: manifest.file };
}

function envExample(ws: Workspace): WorkspaceFact {
  const id = 'config.env-example';
  const found = ws.firstFile(ENV_EXAMPLES);
  if (found) return { factor: 3, id, status: 'pass', message: `The configuration the app reads is documented (${found}).`, file: ws.path(found) };
  return { factor: 3, id, status: 'warning', message: 'No .env.example or .env schema: nobody can tell which variables a deploy must set. Scaffold one from the code.' };
}

function envIgnored(ws: Workspace, host: WorkspaceHost): WorkspaceFact {
  const id = 'config.env-ignored';
  const envPath = ws.path('.env');
  const exists = ws.hasFile('.env');
  const view = gitView(host, envPath);
  const ignored = view ? view.ignores : ignore().add(ws.read('.gitignore') ?? '').ignores('.env');
  if (exists && ignored) return { factor: 3, id, status: 'pass', message: '.env is git-ignored.', file: envPath };
  if (exists) return { factor: 3, id, status: 'fail', message: '.env is not git-ignored: one `git add .` commits this machine\'s configuration and secrets. Whether it is already tracked only git can say.', file: envPath };
  if (ignored) return { factor: 3, id, status: 'pass', message: 'No .env yet; .gitignore already ignores one.' };
  return { factor: 3, id, status: 'warning', message: 'No .gitignore entry for .env: add one before anybody creates the file.', file: ws.hasFile('.gitignore') ? ws.path('.gitignore') : undefined };
}

function dockerfile(ws: Workspace): WorkspaceFact {
  const found = ws.firstFile(DOCKERFILES);
  return found
    ? { factor: 5, id: 'build.dockerfile', status: 'pass', message: `The build stage is declared (${found}).`, file: ws.path(found) }
    : { factor: 5, id: 'build.dockerfile', status: 'info', message: 'No Dockerfile: fine when a buildpack or the platform builds the app; otherwise scaffold one.' };
}

function buildScripts(ws: Workspace, manifest: Manifest | undefined): WorkspaceFact {
  const id = 'build.scripts';
  if (!manifest) return { factor: 5, id, status: 'info', message: NO_MANIFEST };
  const s = manifest.scripts;
  const compiled = ws.hasFile('tsconfig.json') || manifest.declared.has('typescript');
  const start = s.start !== undefined || ws.hasFile('Procfile');
  const build = s.build !== undefined;
  const missing = [!start && '`start`', compiled && !build && '`build`'].filter(Boolean);
  if (missing.length === 0) return { factor: 5, id, status: 'pass', message: `Build and run are separate steps (${[build && '`build`', s.start !== undefined ? '`start`' : 'Procfile'].filter(Boolean).join(', ')}).`, file: manifest.file };
  return { factor: 5, id, status: 'warning', message: `package.json has no ${missing.join(' or ')} script: the build and run stages are not declared.`, file: manifest.file };
}

function artefacts(ws: Workspace): WorkspaceFact {
  const id = 'build.artefacts';
  const ignores = ignore().add(ws.read('.gitignore') ?? '');
  const committed: string[] = [];
  let unknown = false;
  for (const dir of ['dist', 'build']) {
    const exists = ws.hasDir(dir);
    if (exists === undefined) {
      unknown = true;
      continue;
    }
    if (!exists || ignores.ignores(`${dir}/`)) continue;
    // `build/` is also where older projects keep their build scripts: only output counts.
    if (dir === 'build') {
      const entries = ws.list(dir);
      if (!entries || !entries.some((e) => /^(index\.html|static|asset-manifest\.json|.*\.js\.map|server|client)$/.test(e))) continue;
    }
    committed.push(dir);
  }
  if (committed.length > 0) {
    return { factor: 5, id, status: 'warning', message: `${committed.map((d) => `${d}/`).join(' and ')} is not git-ignored: build output in the codebase drifts from the code it was built from. Ignore it and build in the build stage.`, file: ws.path(committed[0]) };
  }
  if (unknown) return { factor: 5, id, status: 'info', message: 'Build output folders were not checked.' };
  return { factor: 5, id, status: 'pass', message: 'No build output in the codebase.' };
}

function procfile(ws: Workspace, manifest: Manifest | undefined): WorkspaceFact {
  const id = 'processes.procfile';
  if (ws.hasFile('Procfile')) return { factor: 6, id, status: 'pass', message: 'Process types are declared (Procfile).', file: ws.path('Procfile') };
  if (manifest?.scripts.start !== undefined) return { factor: 6, id, status: 'pass', message: 'The web process is declared (`start` script).', file: manifest.file };
  return { factor: 6, id, status: 'warning', message: 'No Procfile and no `start` script: how the app runs is not declared. Scaffold a Procfile.', file: manifest?.file };
}

function webServer(manifest: Manifest | undefined): WorkspaceFact {
  const id = 'port-binding.web-server';
  if (!manifest) return { factor: 7, id, status: 'info', message: NO_MANIFEST };
  const server = WEB_SERVERS.find((s) => manifest.declared.has(s));
  return server
    ? { factor: 7, id, status: 'pass', message: `The app brings its own web server (${server}) and exports HTTP by binding a port.`, file: manifest.file }
    : { factor: 7, id, status: 'info', message: 'No web framework among the dependencies: not a web process, or one served by node:http.', file: manifest.file };
}

function health(ws: Workspace, known: string | false | undefined): WorkspaceFact {
  const id = 'disposability.health';
  const found = known === undefined ? findHealthEndpoint(ws) : known;
  if (found === undefined) return { factor: 9, id, status: 'info', message: 'Health endpoints were not looked for.' };
  if (found) return { factor: 9, id, status: 'pass', message: 'A health endpoint tells the platform when an instance is ready and when to replace it.', file: path.isAbsolute(found) ? found : ws.path(found) };
  return { factor: 9, id, status: 'warning', message: 'No health endpoint (`/health`, `/healthz`, `/ready`): the platform cannot tell a starting or stuck instance from a ready one. Scaffold one.' };
}

function migrations(ws: Workspace, manifest: Manifest | undefined): WorkspaceFact {
  const id = 'admin.migrations';
  const script = manifest && Object.entries(manifest.scripts).find(([name, cmd]) => MIGRATE_SCRIPT.test(name) || MIGRATE_COMMAND.test(cmd));
  if (script && manifest) return { factor: 12, id, status: 'pass', message: `Migrations run as a one-off process (\`${script[0]}\` script).`, file: manifest.file };
  const dir = MIGRATION_DIRS.find((d) => ws.hasDir(d) === true);
  if (dir) return { factor: 12, id, status: 'warning', message: `${dir}/ holds migrations but no package.json script runs them: add one (e.g. \`db:migrate\`) so a release runs them once, as a one-off process.`, file: manifest?.file };
  return { factor: 12, id, status: 'info', message: 'No database migrations found.' };
}

function adminScripts(ws: Workspace, manifest: Manifest | undefined, others: readonly Ecosystem[]): WorkspaceFact {
  const id = 'admin.scripts';
  const dir = ['scripts', 'bin', 'tasks', 'commands'].find((d) => ws.hasDir(d) === true);
  if (dir) return { factor: 12, id, status: 'pass', message: `One-off admin tasks live in the codebase (${dir}/).`, file: ws.path(dir) };
  const admin = manifest && Object.keys(manifest.scripts).find((n) => /^(db:|seed|admin|console|repl|task)/.test(n));
  if (admin && manifest) return { factor: 12, id, status: 'pass', message: `One-off admin tasks ship with the app (\`${admin}\` script).`, file: manifest.file };
  const own = others.map((o) => o.facts[id]).find((f) => f !== undefined);
  if (own) return own;
  return { factor: 12, id, status: 'info', message: 'No admin scripts folder: one-off tasks (seeding, repairs) belong in the codebase, run in the release\'s environment.' };
}
