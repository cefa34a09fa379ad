import * as path from 'node:path';
import type { WorkspaceFact } from './facts';
import type { Workspace } from './files';
import { goRequirement, type GoModule } from './gomod';
import { dockerCommand, makeTarget, makeTargets, procfileTypes } from './launch';
import type { EcosystemFacts } from './pythonFacts';

/** Web frameworks and servers by module path (a major-version suffix such as `/v5` is matched as a sub-path). */
const WEB = ['github.com/gin-gonic/gin', 'github.com/labstack/echo', 'github.com/gofiber/fiber', 'github.com/go-chi/chi', 'github.com/gorilla/mux', 'github.com/julienschmidt/httprouter', 'github.com/valyala/fasthttp', 'github.com/beego/beego', 'github.com/kataras/iris', 'github.com/go-kratos/kratos', 'github.com/zeromicro/go-zero', 'google.golang.org/grpc', 'connectrpc.com/connect'];
const MIGRATE = ['github.com/golang-migrate/migrate', 'github.com/pressly/goose', 'ariga.io/atlas', 'github.com/rubenv/sql-migrate', 'github.com/amacneil/dbmate'];
/** Binaries that are processes of the app rather than one-off tasks, by their folder's name. */
const LONG_RUNNING = /^cmd\/([\w.-]*[-_])?(api|server|web|http|grpc|app|service|gateway|serve|worker|consumer|scheduler|cron)$/;
const MIGRATE_COMMAND = /\b(migrate\s+(-path|-source|-database|up)|goose\s+\S*\s*up|atlas\s+(migrate|schema)\s+apply|dbmate\s+(up|migrate)|go\s+run\s+\S*migrat)/;

export function goFacts(ws: Workspace, mod: GoModule, serverEntries: string[] | undefined): EcosystemFacts {
  const file = ws.path(ws.hasFile('go.mod') ? 'go.mod' : 'go.work');
  const make = makeTargets(ws);
  const binaries = mod.mains.map((d) => (d === '' ? 'the root' : `${d}/`));
  const build = makeTarget(make, /^build$/);
  // Binaries in cmd/ beside the one that serves are the admin tasks (cmd/migrate, cmd/seed).
  const served = mod.serves?.split('/').slice(0, -1).join('/');
  const tasks = mod.mains.filter((d) => d.startsWith('cmd/') && d !== served && !LONG_RUNNING.test(d) && mod.mains.length > 1);
  return {
    'codebase.one-app': mod.work
      ? { factor: 1, id: 'codebase.one-app', status: 'pass', message: 'A Go workspace (go.work): each module is its own app, built and deployed on its own.', file }
      : { factor: 1, id: 'codebase.one-app', status: 'pass', message: `One app per go.mod${mod.mains.length > 1 ? ` (${mod.mains.length} binaries: its processes and admin tasks)` : ''}.`, file },
    'dependencies.lockfile': lockfile(ws, mod, file),
    'build.scripts': mod.mains.length > 0
      ? { factor: 5, id: 'build.scripts', status: 'pass', message: `Build and run are separate steps: \`go build\`${build ? ` (\`make ${build}\`)` : ''} compiles the ${mod.mains.length === 1 ? 'binary' : 'binaries'} of ${binaries.join(', ')}, which the run stage starts.`, file }
      : { factor: 5, id: 'build.scripts', status: 'info', message: 'No package main: a Go library, with nothing to build or run on its own.', file },
    'processes.procfile': procfile(ws, mod, binaries, file),
    'port-binding.web-server': webServer(ws, mod, serverEntries, file),
    'admin.migrations': migrations(ws, mod, make, file),
    'admin.scripts': tasks.length > 0
      ? { factor: 12, id: 'admin.scripts', status: 'pass', message: `One-off admin tasks are binaries of their own (${tasks.slice(0, 4).join(', ')}).`, file: ws.path(tasks[0]) }
      : undefined,
  };
}

function lockfile(ws: Workspace, mod: GoModule, file: string): WorkspaceFact {
  const id = 'dependencies.lockfile';
  if (mod.sum) return { factor: 2, id, status: 'pass', message: `Dependencies are locked (${mod.sum === 'vendor/modules.txt' ? 'vendored in vendor/' : mod.sum}).`, file: ws.path(mod.sum) };
  if (mod.requires.size === 0) return { factor: 2, id, status: 'pass', message: 'No modules required: nothing to lock.', file };
  return { factor: 2, id, status: 'fail', message: `go.mod requires ${mod.requires.size} module${mod.requires.size === 1 ? '' : 's'} but go.sum is missing: builds cannot verify what they download. Run \`go mod tidy\` and commit go.sum.`, file };
}

function procfile(ws: Workspace, mod: GoModule, binaries: string[], file: string): WorkspaceFact {
  const id = 'processes.procfile';
  const web = procfileTypes(ws).get('web');
  if (web && /\bgo\s+run\b/.test(web)) {
    return { factor: 6, id, status: 'warning', message: 'The Procfile\'s web process runs `go run`: it compiles on every start. Build the binary in the build stage and run it.', file: ws.path('Procfile') };
  }
  if (ws.hasFile('Procfile')) return { factor: 6, id, status: 'pass', message: 'Process types are declared (Procfile).', file: ws.path('Procfile') };
  if (mod.mains.length > 0) return { factor: 6, id, status: 'pass', message: `Each process is a binary of its own (package main in ${binaries.join(', ')}).`, file };
  const docker = dockerCommand(ws);
  if (docker) return { factor: 6, id, status: 'pass', message: `How the app runs is declared (the Dockerfile's ${docker.instruction}).`, file: ws.path('Dockerfile') };
  return { factor: 6, id, status: 'info', message: 'No package main: a Go library has no process to declare.', file };
}

function webServer(ws: Workspace, mod: GoModule, entries: string[] | undefined, file: string): WorkspaceFact {
  const id = 'port-binding.web-server';
  const framework = goRequirement(mod, WEB);
  if (framework) return { factor: 7, id, status: 'pass', message: `The app brings its own web server (${framework}) and exports HTTP by binding a port.`, file };
  const served = mod.serves ?? entries?.find((e) => e.endsWith('.go'));
  if (served) return { factor: 7, id, status: 'pass', message: 'The app serves HTTP itself (net/http) and exports it by binding a port.', file: path.isAbsolute(served) ? served : ws.path(served) };
  return { factor: 7, id, status: 'info', message: 'No web framework in go.mod and no package main that serves net/http: not a web process.', file };
}

function migrations(ws: Workspace, mod: GoModule, make: Map<string, string>, file: string): WorkspaceFact {
  const id = 'admin.migrations';
  const dir = ['migrations', 'db/migrations', 'database/migrations', 'internal/db/migrations', 'sql/migrations', 'db/migrate', 'schema', 'ent/migrate'].find((d) => ws.hasDir(d) === true);
  const target = makeTarget(make, /^(db[-_:]?)?(migrate|migrations?)([-_:]up)?$/, MIGRATE_COMMAND);
  if (target) return { factor: 12, id, status: 'pass', message: `Migrations run as a one-off process (\`make ${target}\`).`, file: ws.path('Makefile') };
  const binary = mod.mains.find((d) => /migrat/.test(d));
  if (binary) return { factor: 12, id, status: 'pass', message: `Migrations run as a one-off process (the ${binary}/ binary).`, file: ws.path(binary) };
  const tool = goRequirement(mod, MIGRATE) ?? (ws.hasFile('atlas.hcl') ? 'atlas.hcl' : undefined);
  // gorm's and ent's automatic migrations run inside the app as it starts, not as a one-off process: not counted.
  if (tool) return { factor: 12, id, status: 'pass', message: `Migrations${dir ? ` (${dir}/)` : ''} run as a one-off process with ${tool}.`, file };
  if (dir) return { factor: 12, id, status: 'warning', message: `${dir}/ holds migrations but nothing runs them (golang-migrate, goose or atlas in go.mod, a \`make migrate\` target, a cmd/migrate binary): declare one so a release runs them once, as a one-off process.`, file: ws.path(dir) };
  return { factor: 12, id, status: 'info', message: 'No database migrations found.' };
}
