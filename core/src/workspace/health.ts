import type { Workspace } from './files';

/** A route or a library that answers the platform's probes. */
export const HEALTH_PATTERN = /['"`]\/(health|healthz|healthcheck|health-check|_health|livez|readyz|ready|readiness|liveness|live|ping)(?:['"`?]|\/)|@nestjs\/terminus|@godaddy\/terminus|['"]lightship['"]|express-healthcheck|fastify-healthcheck|@cloudnative\/health|HealthCheck\(/;

const SKIP = /^(node_modules|venv|virtualenv|site-packages|__pycache__|dist|build|out|coverage|\.[^.].*|tests?|__tests__|e2e|fixtures?|examples?|docs?|vendor|public|static)$/i;
const CODE = /\.((m|c)?(j|t)sx?|py|go)$/i;
const TEST = /\.(test|spec)\.|^test_.*\.py$|_test\.(py|go)$/;
const MAX_FILES = 600;

/**
 * The first source file (relative path) that serves a health endpoint; false when none does; undefined
 * when the host cannot list folders. Breadth first, a bounded number of files, test and build folders skipped.
 */
export function findHealthEndpoint(ws: Workspace): string | false | undefined {
  if (ws.list('') === undefined) return undefined;
  let queue: string[] = [''];
  let read = 0;
  for (let depth = 0; depth < 6 && queue.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of queue) {
      for (const entry of (ws.list(dir) ?? []).slice().sort()) {
        const rel = dir ? `${dir}/${entry}` : entry;
        if (CODE.test(entry) && !/\.d\.[cm]?ts$/.test(entry) && !TEST.test(entry)) {
          if (++read > MAX_FILES) return false;
          const text = ws.read(rel);
          if (text !== undefined && HEALTH_PATTERN.test(text)) return rel;
        } else if (!entry.includes('.') && !SKIP.test(entry)) next.push(rel);
      }
    }
    queue = next;
  }
  return false;
}
