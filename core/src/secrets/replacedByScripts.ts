import * as path from 'node:path';
import { folderKeyOf, type FileHost } from '../host';
import { PerVersion } from '../workspace/perVersion';

/**
 * Values the project's own scripts replace with a generated one when they install or start the app:
 * `sed -i "s/ultrasecretkey/$(openssl rand -hex 16)/g" settings.yml` in an install script or a container's
 * entrypoint. The value in the shipped settings is then a token for the script to find, as `__DB_PASSWORD__`
 * is for a deploy tool, not the secret the app runs with. Only a replacement the script computes counts
 * (`$(…)`, `${VAR}`, `$VAR`): `s/oldpass/newpass/` writes another literal.
 *
 * The scripts are looked up by the names projects give a container's entrypoint and an install or start script
 * (`entrypoint.sh`, `docker-entrypoint.sh`, `install.sh`, `setup.sh`, `start.sh`, …, and a `Dockerfile`), at the
 * root and in its container, deployment and tool folders (`docker/`, `container/`, `deploy/`, `scripts/`, `bin/`,
 * `utils/`, `tools/`). Looked up, not listed: a listed folder would make every new file in it a change of the
 * facts for the CLI's cache, and a missing name is vouched for by its folder as any probed config is.
 */
export function valuesReplacedByScripts(host: FileHost & { readonly version?: number }, root: string): ReadonlySet<string> {
  // `folderKeyOf` takes a file: any name inside the root gives the root's own key.
  return replaced.get(host, folderKeyOf(path.join(root, 'package.json')), () => collect(host, root));
}

const replaced = new PerVersion<ReadonlySet<string>>();

const SCRIPT_NAMES = ['Dockerfile', 'entrypoint.sh', 'docker-entrypoint.sh', 'install.sh', 'setup.sh', 'start.sh', 'init.sh', 'run.sh'];
const SCRIPT_FOLDERS = ['', 'docker', '.docker', 'container', 'deploy', 'scripts', 'bin', 'utils', 'tools'];
// `sed … s/<literal>/<replacement>/`, with any delimiter sed takes; the literal a plain token (no pattern
// characters but `.`, `-` and `_`), the replacement computed by the shell.
const SED_SUBSTITUTION = /\bsed\b[^\n]*?\bs([/|#,:@])([A-Za-z0-9_.-]{6,64})\1([^\n]*?)\1/g;
const COMPUTED = /\$\(|\$\{|\$[A-Za-z_]|`/;

function collect(host: FileHost, root: string): ReadonlySet<string> {
  const texts = SCRIPT_FOLDERS.flatMap((folder) => SCRIPT_NAMES.map((name) => read(host, path.join(root, folder, name))));
  const out = new Set<string>();
  for (const text of texts) {
    if (text === undefined || text.length > 64 * 1024 || !/\bsed\b/.test(text)) continue;
    for (const m of text.matchAll(SED_SUBSTITUTION)) if (COMPUTED.test(m[3])) out.add(m[2]);
  }
  return out;
}

function read(host: FileHost, file: string): string | undefined {
  try {
    return host.readFile(file);
  } catch {
    return undefined;
  }
}
