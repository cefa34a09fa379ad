import { isRecord, nearestManifest } from './manifest';
import { reachedByDeployment } from './handRunScripts';
import { DEPLOYMENT_FILES, mentionsName, type RoleSubject } from './roles';

/**
 * Whether the file belongs to a package that is only a command a person runs: its package.json has a `bin` and no
 * other entry (no `main`, no `exports`, so nothing imports it), no script that starts it as a service (`start`,
 * `serve`), and nothing a deployment runs reaches it (`reachedByDeployment`: no image or process file of its own, no
 * deployment file or install/build/start script naming it), nor names one of its commands (a root Dockerfile's
 * `CMD ["my-server"]`). An interactive wallet or a client CLI installed by its users: the variables it reads are
 * options of whoever runs it, as a developer tool's are, not settings of a deployment.
 */
export function isCommandOnlyPackage(context: RoleSubject): boolean {
  const host = context.host;
  if (!host) return false;
  const manifest = nearestManifest(host, context.path);
  if (!manifest?.bin) return false;
  const json = manifest.json;
  // An entry other than the command makes the package a library too (`main`, `module`, `exports`); one that names
  // the command's own file (`exports` and `bin` both `dist/index.mjs`) does not.
  const targets = new Set((typeof json.bin === 'string' ? [json.bin] : isRecord(json.bin) ? Object.values(json.bin) : []).filter((t): t is string => typeof t === 'string').map(normal));
  if ([json.main, json.module, json.exports].some((entry) => entry !== undefined && !entryPaths(entry).every((p) => targets.has(normal(p))))) return false;
  if (Object.keys(manifest.scripts).some((name) => SERVICE_SCRIPT.test(name))) return false;
  if (reachedByDeployment(context)) return false;
  const commands = typeof json.bin === 'string' ? (typeof json.name === 'string' ? [json.name.replace(/^@[^/]+\//, '')] : []) : isRecord(json.bin) ? Object.keys(json.bin) : [];
  const root = host.rootOf(context.path);
  if (!root) return true;
  return !DEPLOYMENT_FILES.some((f) => {
    const text = host.readFile(`${root}/${f}`);
    return text !== undefined && commands.some((c) => mentionsName(text, c));
  });
}

/** `./dist/index.mjs` and `dist/index.mjs` are one file. */
const normal = (p: string) => p.replace(/^\.\//, '');

/** The file paths an entry field names (a string, or the strings of an `exports` map, however nested). */
function entryPaths(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (Array.isArray(entry)) return entry.flatMap(entryPaths);
  return isRecord(entry) ? Object.values(entry).flatMap(entryPaths) : ['<not a path>'];
}

/** Scripts that run the package as a long-lived process. */
const SERVICE_SCRIPT = /^(?:start|serve|server)(?::prod(?:uction)?)?$/;
