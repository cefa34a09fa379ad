import * as path from 'node:path';
import type { FileHost } from '../host';

/**
 * A local development or demo stack: a folder named for one (`contrib/local-environment/`, `dev/`, `local/`,
 * `docker/dev/`) that holds a compose file whose services run on the developer's machine (it names localhost, or
 * starts a development identity provider or mail catcher: dex, keycloak, a mock OAuth server, mailhog), or a kind
 * cluster's configuration (Kubernetes in Docker, local by definition). The stack's files, and the configuration its
 * services mount from the same folder, hold the logins of containers a developer starts and throws away: judged
 * like test code (a provider's key format and a private key are still reported). A production compose file
 * (`docker-compose.prod.yml`) makes no stack, and a folder under `deploy/` or `production/` is never one.
 */
export function isLocalStackFile(host: FileHost | undefined, file: string): boolean {
  if (!host?.entries) return false;
  const p = file.replace(/\\/g, '/');
  const root = host.rootOf(file)?.replace(/\\/g, '/').replace(/\/$/, '');
  if (root === undefined || !p.startsWith(`${root}/`)) return false;
  const segments = p.slice(root.length + 1).split('/').slice(0, -1);
  for (let i = 0; i < segments.length && i < MAX_DEPTH; i++) {
    // A deployment's folder is never a developer's stack, whatever a folder below it is called.
    if (DEPLOYMENT_DIR.test(segments[i])) return false;
    if (!STACK_DIR.test(segments[i])) continue;
    if (holdsLocalStack(host, `${root}/${segments.slice(0, i + 1).join('/')}`)) return true;
  }
  return false;
}

/** How deep below the root a stack's folder is looked for (`contrib/local-environment`, `docker/dev`). */
const MAX_DEPTH = 4;

const STACK_DIR = /^(?:local|dev|development|localdev|local[-_](?:dev|development|env|environment|stack|setup)|dev[-_](?:env|environment|stack|setup))$/i;
const DEPLOYMENT_DIR = /^(?:deploy|deployments?|prod|production|staging|release)$/i;

const COMPOSE_FILE = /^(?:docker-)?compose(?:[._-][\w.-]*)?\.ya?ml$/i;
const PRODUCTION_COMPOSE = /[._-](?:prod|production|staging|release)(?:[._-]|\.ya?ml$)/i;
const KIND_FILE = /^kind[\w.-]*\.ya?ml$/i;
const KIND_CLUSTER = /^kind:[ \t]*Cluster\b[\s\S]*kind\.x-k8s\.io|kind\.x-k8s\.io[\s\S]*^kind:[ \t]*Cluster\b/m;

// What says a compose file's services are the developer's own: a local host name, or the image of a development
// identity provider, mail catcher or mock server.
const LOCAL_SERVICES = /\b(?:localhost|127\.0\.0\.1|localtest\.me|lvh\.me|host\.docker\.internal)\b|\bimage:[ \t]*["']?[\w./-]*(?:dexidp\/dex|keycloak|mock-oauth2-server|oauth2-mock|mailhog|mailpit|maildev|wiremock)\b/i;

function holdsLocalStack(host: FileHost, dir: string): boolean {
  const files = host.entries?.(dir).files ?? [];
  for (const name of files) {
    if (COMPOSE_FILE.test(name) && !PRODUCTION_COMPOSE.test(name)) {
      const text = host.readFile(path.posix.join(dir, name));
      if (text !== undefined && /^services:/m.test(text) && LOCAL_SERVICES.test(text)) return true;
    } else if (KIND_FILE.test(name)) {
      const text = host.readFile(path.posix.join(dir, name));
      if (text !== undefined && KIND_CLUSTER.test(text)) return true;
    }
  }
  return false;
}
