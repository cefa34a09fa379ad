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
  if (json.main !== undefined || json.exports !== undefined || json.module !== undefined) return false;
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

/** Scripts that run the package as a long-lived process. */
const SERVICE_SCRIPT = /^(?:start|serve|server)(?::prod(?:uction)?)?$/;
