import * as path from 'node:path';
import type { FileContext } from '../../context';
import { shownKey } from '../../env/display';
import { optionalFamily } from '../../env/family';
import { documentedNames, type DocDeclaration } from '../../env/docDeclared';
import { foldersUp, isDeploymentVariant, nearestDeclarations } from '../../env/locate';
import { isPlatformVariable, isTestHarnessVariable } from '../../env/platform';
import { dependentsSetVariables, scriptSetVariables, shellSetVariables } from '../../env/scriptVariables';
import { composeEnvironmentNames } from '../../env/composeDeclared';
import { dockerfileEnvNames } from '../../env/dockerfileDeclared';
import { buildModeEnvNames, bundlerDefinedNames } from '../../env/bundlerDefined';
import { manifestEnvironmentNames } from '../../env/manifestDeclared';
import { mcpBundleEnvNames } from '../../env/mcpBundle';
import { isFixturePath } from '../../secrets/documents';
import { roleOfContext } from '../../workspace/roles';
import { isCommandOnlyPackage } from '../../workspace/commandPackage';
import { envReadsOf } from '../../env/polyglot';
import { viteNeverSets } from '../../env/vite';
import { assignedUnconditionally, launcherAssigned, packageAssigned, setBeforeRead, startEntryAssigned } from '../../env/writes';
import { nearestManifest, workspacePackagesByName } from '../../workspace/manifest';
import { devServerOnlyRanges } from '../../env/devServerOnly';
import { workflowSetVariables } from '../../env/workflowDeclared';
import { isDocSiteConfig, isDocSitePackage } from '../../env/docSite';
import { appJsonEnvNames } from '../../env/appJsonDeclared';
import type { EnvReadSite } from '../../env/reads';
import { documentedInHeader, scriptHeader } from '../../env/scriptHeader';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'env/undeclared-usage',
  defaultSeverity: 'warning',
  description: 'Code reads an environment variable that neither the .env schema nor .env.example declares.',
  messages: {
    undeclared: '`{name}` is read {reads} but not declared in {declaration}: whoever deploys the app will not know to set it.',
  },
  fixable: false,
  kinds: ['js', 'python', 'go'],
  // `= process` catches `const { env } = process`; `process'` an `import { env } from 'node:process'`.
  // Python: `os.environ`, `os.getenv`, django-environ/environs (`import environ`, `environs`), `decouple`. Go: `os.Getenv`, `os.LookupEnv`.
  keywords: ['process.env', 'import.meta.env', 'bun.env', '= process', "process'", 'process"', 'environ', 'getenv', 'decouple', 'lookupenv'],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  // The Python keywords (`environ`) also meet JS that says "environment": no JS env object, nothing to parse.
  if (context.kind === 'js' && !JS_ENV.test(context.text)) return;
  // A project without any declaration file is not told that every read is undeclared.
  const declared = nearestDeclarations(context.path, context.host);
  if (!declared) return;
  const { reads } = envReadsOf(context);
  if (reads.length === 0) return;
  // Mocks and the test environment's configuration are read only when the tests run: judged as test code.
  const relative = (context.relativePath ?? context.path).replace(/\\/g, '/');
  const testCode = isFixturePath(relative) || TEST_ENVIRONMENT_CONFIG.test(relative) || undefined;
  const root = context.host?.rootOf(context.path) ?? declared.dir;
  // The message names the folder's own declarations (`.env.example`), not the variants beside it.
  const named = declared.files.filter((f) => !isDeploymentVariant(f.file));
  const where = (named.length > 0 ? named : declared.files).map((f) => `\`${path.relative(root, f.file).split(path.sep).join('/') || path.basename(f.file)}\``).join(' or ');
  // One finding per variable, at its first read: one declaration fixes every read, and a file reading one
  // variable 50 times is one problem, not 50 (a real file gave 337 warnings for 7 variables).
  const byName = new Map<string, { start: number; end: number; count: number }>();
  let setByScripts: Set<string> | undefined;
  let setByShell: Set<string> | undefined;
  let setByDependents: Set<string> | undefined;
  let setByWorkflow: ReadonlySet<string> | undefined;
  // Examples that only switch on one optional feature (`# CSP_*=`) document that feature: reads outside it are not judged.
  const family = optionalFamily(declared.files);
  let setByCompose: Set<string> | undefined;
  let setByAppJson: Set<string> | undefined;
  let setByImage: Set<string> | undefined;
  let setByBuildStep: Set<string> | undefined;
  let setByManifests: Set<string> | undefined;
  let setByBundler: Set<string> | undefined;
  let setByBuildMode: Set<string> | undefined;
  let setByMcpHost: Set<string> | undefined;
  let documented: Map<string, DocDeclaration> | undefined;
  let declaredByDependents: ReadonlySet<string> | undefined;
  let documentedByDependencies: Map<string, DocDeclaration> | undefined;
  let ownWrites: ReadonlySet<string> | undefined;
  let packageWrites: ReadonlySet<string> | undefined;
  let launcherWrites: ReadonlySet<string> | undefined;
  let startWrites: ReadonlySet<string> | undefined;
  let devServerOnly: Array<[number, number]> | undefined;
  let header: string | undefined | null;
  // Names read only where a developer's own setting goes: reported one step milder, as in a developer tool.
  const developerOnly = new Set<string>();
  const everywhere = new Set<string>();
  // Whether someone other than the deployer sets the variable, or a declaration names it: each source read once, when
  // a read first needs it.
  const setElsewhere = (read: (typeof reads)[number]): boolean => {
    if (declared.names.has(read.name)) return true;
    // Set by this module itself on every run (`process.env.X = '1'` before a task): the program's, not the deployer's.
    ownWrites ??= context.kind === 'js' ? assignedUnconditionally(context.sourceFile) : new Set();
    if (ownWrites.has(read.name)) return true;
    // Set by a statement just before, in the same block (`process.env.X = url; log(process.env.X)`): the program's value.
    if (context.kind === 'js' && setBeforeRead(context.sourceFile, read.name, read.start)) return true;
    // Set the same way by another module of the package (a CLI's command raises the flag a module it loads reads).
    packageWrites ??= context.kind === 'js' && context.host ? packageAssigned(context.host, context.path) : new Set();
    if (packageWrites.has(read.name)) return true;
    // Set on every run by the file the package's `start` script runs (`node server`), at its top level too.
    startWrites ??= context.kind === 'js' && context.host ? startEntryAssigned(context.host, context.path) : new Set();
    if (startWrites.has(read.name)) return true;
    // Set the same way by the workspace's own CLI (a package with a `bin`) for the app it starts, in any package.
    launcherWrites ??= context.kind === 'js' && context.host ? launcherAssigned(context.host, workspacePackagesByName(context.host, root).values()) : new Set();
    if (launcherWrites.has(read.name)) return true;
    // `import.meta.env.VUE_APP_X` in a Vite project without an `envPrefix`: Vite never fills it, whatever is set.
    if (read.via === 'import.meta.env' && context.host && viteNeverSets(context.host, context.path, read.name)) return true;
    // Set on the command line of the package's own build or start script: the scripts own it.
    setByScripts ??= context.host ? scriptSetVariables(context.host, context.path) : new Set();
    if (setByScripts.has(read.name)) return true;
    // Set on the command line by the scripts of the workspace packages that use this one (a shared env package's switch).
    setByDependents ??= context.host ? dependentsSetVariables(context.host, context.path, root) : new Set();
    if (setByDependents.has(read.name)) return true;
    // Exported by the project's own shell scripts (a start script, a task runner) for the programs they start.
    setByShell ??= context.host ? shellSetVariables(context.host, [declared.dir, root]) : new Set();
    if (setByShell.has(read.name)) return true;
    // Set by the `env:` of a GitHub workflow whose step runs this very file (a cron job, a report script): the workflow owns it.
    setByWorkflow ??= context.host ? workflowSetVariables(context.host, root, context.path) : new Set();
    if (setByWorkflow.has(read.name)) return true;
    // Set by a compose file's `environment:` beside the declaration or at the workspace root: declared there.
    // Compose files kept in a `docker/` folder (qinglong's docker/docker-compose.yml) count as well, and so do the
    // root's deployment folders (`deploy/docker/`: a self-hosting stack, its `env_file`'s template beside it).
    setByCompose ??= context.host ? composeEnvironmentNames(context.host, [declared.dir, root, path.join(declared.dir, 'docker'), path.join(root, 'docker')], DEPLOY_DIRS.map((d) => path.join(root, d))) : new Set();
    if (setByCompose.has(read.name)) return true;
    // Declared in a Heroku `app.json`'s `env` object, which the Heroku Button asks the deployer to fill.
    setByAppJson ??= context.host ? appJsonEnvNames(context.host, [declared.dir, root]) : new Set();
    if (setByAppJson.has(read.name)) return true;
    // Set by the project's image (`ENV NAME=value` in its Dockerfile): the image owns it.
    // A build configuration (`svelte.config.js`) is read by the build commands a `RUN` line sets variables for.
    if (!setByImage && context.host) {
      setByBuildStep = new Set();
      setByImage = dockerfileEnvNames(context.host, [declared.dir, root], setByBuildStep);
    }
    if (setByImage?.has(read.name)) return true;
    if (setByBuildStep?.has(read.name) && BUILD_CONFIG.test(path.basename(context.path))) return true;
    // Set on the containers by the project's Kubernetes manifests or Helm chart: declared there.
    setByManifests ??= context.host ? manifestEnvironmentNames(context.host, [declared.dir, root]) : new Set();
    if (setByManifests.has(read.name)) return true;
    // Written into the code by the project's bundler at build time (DefinePlugin, Vite's `define`): the build owns it.
    setByBundler ??= context.host ? bundlerDefinedNames(context.host, foldersUp(context.path, context.host)) : new Set();
    if (setByBundler.has(read.name)) return true;
    // Set for the production build by the reading package's own `.env.production`, or in every mode by the committed
    // `.env` of a Vite, Next or CRA package (their shared defaults): the build owns it.
    setByBuildMode ??= context.host && context.kind === 'js' ? buildModeEnvNames(context.host, foldersUp(context.path, context.host)) : new Set();
    if (setByBuildMode.has(read.name)) return true;
    // Set by the application that starts an MCP bundle's server, as its `manifest.json` (`server.mcp_config.env`) says.
    setByMcpHost ??= context.host ? mcpBundleEnvNames(context.host, foldersUp(context.path, context.host)) : new Set();
    if (setByMcpHost.has(read.name)) return true;
    // Declared by the example of a workspace app that depends on this package (a shared `db` library's `env.mjs`
    // reads what `apps/web/.env.example` declares): whoever deploys that app sets it there.
    declaredByDependents ??= context.host ? dependentsDeclared(context.host, context.path, root, declared.dir) : new Set();
    if (declaredByDependents.has(read.name)) return true;
    // Listed as a setting in the project's own documentation (a README's table, a docs page's list): declared there.
    // The folders from the reading file's own up count too: a service kept in a subfolder documents its variables
    // in its own README (hoppscotch's Go `webapp-server/README.md`), below the workspace's `.env.example`.
    documented ??= context.host ? documentedAround(context.host, context.path, declared.dir) : new Map();
    if (documented.has(read.name)) return true;
    // Documented by a workspace package this one depends on, as the switch its users set (an icons package's README:
    // "set `ICON_SET=nucleo` at build time", read by each app's next.config that aliases it).
    documentedByDependencies ??= context.host ? documentedNames(context.host, workspaceDependencyDirs(context.host, context.path, root)) : new Map();
    if (documentedByDependencies.has(read.name)) return true;
    // Documented by the usage in a hand-run script's own header (`Usage: OLD_SECRET=… npx tsx scripts/rotate.ts`):
    // whoever runs the script reads that, not the app's example.
    if (header === undefined) header = (context.kind === 'js' ? scriptHeader(context.sourceFile, relative) : undefined) ?? null;
    if (header !== null && documentedInHeader(header, read.name)) return true;
    return false;
  };
  for (const read of reads) {
    if (read.write || read.locatesEnvFile) continue;
    if (family && !read.name.startsWith(family)) continue;
    if (isPlatformVariable(read.name, read.via) || isTestHarnessVariable(read.name)) continue;
    if (setElsewhere(read)) continue;
    // A value only the framework's development server reads (Next's `allowedDevOrigins`): the developer's setting.
    devServerOnly ??= context.kind === 'js' ? devServerOnlyRanges(context.path, () => context.sourceFile, context.text) : [];
    // A bundler config's switch for the developer's own checks of a build (`ANALYZE_CHUNKS=true` for a bundle
    // report, `ENFORCE_TYPE_CHECK`): set for one build at a desk, the deployed build runs without it.
    if (devServerOnly.some(([s, e]) => read.start >= s && read.end <= e) || (BUILD_CONFIG.test(path.basename(context.path)) && BUILD_CHECK_SWITCH.test(read.name))) developerOnly.add(read.name);
    else everywhere.add(read.name);
    const seen = byName.get(read.name);
    if (!seen) byName.set(read.name, { start: read.start, end: read.end, count: 1 });
    else {
      seen.count++;
      if (read.start < seen.start) Object.assign(seen, { start: read.start, end: read.end });
    }
  }
  // One setting under two names (`process.env.USESEND_BASE_URL ?? process.env.UNSEND_BASE_URL`, a rename kept
  // working): a name read only when a declared one before it is unset is that setting's old name.
  for (const name of alternativesOfDeclared(context.text, reads, new Set(byName.keys()))) byName.delete(name);
  // The same in statements: `url = os.getenv("SURREAL_URL")` then `if not url: url = os.getenv("SURREAL_ADDRESS")`,
  // or `if url: return url` before the old names are read.
  for (const name of fallbacksOfDeclared(context.text, reads, new Set(byName.keys()))) byName.delete(name);
  // Code kept as data or for readers (a tutorial's `book/9-end/`, `snippets/`, an `examples/` folder), or retired: no
  // deployment reads its variables.
  const role = byName.size > 0 ? roleOfContext(context).role : undefined;
  if (role === 'snippet' || role === 'retired') return;
  // The developers' own tooling (`tools/`, `dev/` at the root, reached by nothing a deployment runs: roles.ts): its
  // variables are set by whoever runs it at their desk, not by whoever deploys. Still shown, one step milder
  // (information by default), since a README line for the tool's options helps the next developer.
  // A documentation site's build configuration (`docusaurus.config.ts`) is the same: set by whoever publishes the docs.
  // So is every module of a workspace package that is a documentation website (it depends on Nextra, Rspress…).
  // So is a package that is only a command its users run (a `bin` and no other entry, nothing deploys it): an
  // interactive wallet's `BITCORE_CLI_HOST` is an option of whoever runs it.
  const tool = role === 'tool' || isDocSiteConfig(relative) || (byName.size > 0 && !!context.host && isDocSitePackage(nearestManifest(context.host, context.path), root)) ||
    (byName.size > 0 && context.kind === 'js' && isCommandOnlyPackage(context));
  for (const [name, first] of byName) {
    const more = first.count - 1;
    const demote = tool || (developerOnly.has(name) && !everywhere.has(name)) ? 1 : undefined;
    report({
      messageId: 'undeclared',
      // A name read in code is an identifier or a property key, never a pasted value: shown as written.
      data: { name: ENV_NAME.test(name) ? name : shownKey(name), declaration: where, reads: more === 0 ? 'here' : `here and ${more} more ${more === 1 ? 'time' : 'times'} in this file`, count: String(first.count) },
      start: first.start,
      end: first.end,
      identity: `undeclared:${name}`,
      testCode,
      demote,
    });
  }
}

/**
 * The reported names every read of which comes after a declared name in a chain of `??`, `||` (Python's `or`):
 * read only when the declared one is unset, an old or alternative name of that setting. Declared means passed over
 * for being declared somewhere (a `.env.example`, a compose file, the docs…), not for being the platform's or the
 * test harness's. A name read before the declared one overrides it, an undocumented setting of its own
 * (`process.env.STRIPE_SECRET_KEY_LIVE ?? process.env.STRIPE_SECRET_KEY`), and is still reported.
 */
function alternativesOfDeclared(text: string, reads: readonly EnvReadSite[], reported: ReadonlySet<string>): string[] {
  const sorted = reads.filter((r) => !r.write).sort((a, b) => a.exprStart - b.exprStart);
  const covered = new Map<string, boolean>();
  let chain: EnvReadSite[] = [];
  const close = () => {
    let afterDeclared = false;
    // `(process.env.DISABLE_BROWSER || process.env.DISABLE_PRESERVATION) === 'true'`: two switches, either of which
    // turns the feature off, each a setting of its own.
    const last = chain[chain.length - 1];
    if (last && COMPARED.test(text.slice(last.exprEnd, last.exprEnd + 40))) chain = [];
    for (const r of chain) {
      if (reported.has(r.name)) covered.set(r.name, (covered.get(r.name) ?? true) && afterDeclared);
      else if (!isPlatformVariable(r.name, r.via) && !isTestHarnessVariable(r.name)) afterDeclared = true;
    }
    chain = [];
  };
  for (const read of sorted) {
    const last = chain[chain.length - 1];
    if (last && !CHAINED.test(text.slice(last.exprEnd, read.exprStart))) close();
    chain.push(read);
  }
  close();
  return [...covered].filter(([, ok]) => ok).map(([name]) => name);
}

/**
 * The reported names every read of which runs only when a variable holding a declared name's value is empty: in the
 * block of `if not v:` / `if (!v) {`, or after `if v: return v` (`if (v) return v;`) in the same block. `v` is
 * assigned from the declared read on a line before (`v = os.getenv("SURREAL_URL")`, `const v = process.env.X`).
 * Judged by lines and indentation, as formatted code is written.
 */
function fallbacksOfDeclared(text: string, reads: readonly EnvReadSite[], reported: ReadonlySet<string>): string[] {
  if (reported.size === 0) return [];
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // The lines assigning a declared name's value to a variable, with that variable.
  const holders = new Map<number, string>();
  for (const r of reads) {
    if (r.write || reported.has(r.name) || isPlatformVariable(r.name, r.via) || isTestHarnessVariable(r.name)) continue;
    const line = lineOf(r.start);
    const m = HOLDER.exec(lines[line]);
    if (m && starts[line] + m[0].length <= r.exprStart) holders.set(line, m[1]);
  }
  if (holders.size === 0) return [];
  const indent = (line: string): number => /^[ \t]*/.exec(line)![0].length;
  const blank = (line: string): boolean => /^\s*(?:(?:#|\/\/).*)?$/.test(line);
  // The last assignment of `v` before the guard, in the guard's own block, is one of a declared name's value (not
  // `api_key = None` filled from a database in a `try` below it).
  const held = (v: string, guard: number): boolean => {
    const own = indent(lines[guard]);
    for (let i = guard - 1; i >= 0; i--) {
      if (blank(lines[i])) continue;
      const depth = indent(lines[i]);
      if (depth < own) return false;
      if (depth > own) continue;
      const m = HOLDER.exec(lines[i]);
      if (m && m[1] === v) return holders.get(i) === v;
    }
    return false;
  };
  const fallback = (r: EnvReadSite): boolean => {
    const line = lineOf(r.start);
    const own = indent(lines[line]);
    const unset = EMPTY_GUARD.exec(lines[line]);
    if (unset && held(unset[1] ?? unset[2], line) && starts[line] + unset[0].length <= r.exprStart) return true;
    for (let i = line - 1; i >= 0; i--) {
      if (blank(lines[i])) continue;
      const depth = indent(lines[i]);
      if (depth < own) {
        // The block's opener: `if not v:` / `if (!v) {`.
        const m = EMPTY_BLOCK.exec(lines[i]);
        return !!m && held(m[1] ?? m[2], i);
      }
      if (depth > own) continue;
      // `if v: return v` / `if (v) return v;` on one line, or over two.
      const one = EARLY_RETURN.exec(lines[i]);
      if (one && held(one[1] ?? one[2], i)) return true;
      const two = SET_GUARD.exec(lines[i]);
      if (two) {
        let j = i + 1;
        while (j < line && blank(lines[j])) j++;
        const v = two[1] ?? two[2];
        if (j < line && new RegExp(`^\\s*return\\s+${v.replace(/\$/g, '\\$')}\\s*;?\\s*(?:(?:#|//).*)?$`).test(lines[j]) && held(v, i)) return true;
      }
    }
    return false;
  };
  const covered = new Map<string, boolean>();
  for (const r of reads) if (!r.write && reported.has(r.name)) covered.set(r.name, (covered.get(r.name) ?? true) && fallback(r));
  return [...covered].filter(([, ok]) => ok).map(([name]) => name);
}

// `v = `, `const v: string | undefined = `, `let v = ` at the start of the line.
const HOLDER = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=(?!=)\s*/;
// `if not v:` (Python) or `if (!v) {` (JS) ending its line: the block below runs only when v is empty.
const EMPTY_BLOCK = /^\s*(?:if\s+not\s+([A-Za-z_]\w*)\s*:|if\s*\(\s*!\s*([A-Za-z_$][\w$]*)\s*\)\s*\{?)\s*(?:(?:#|\/\/).*)?$/;
// `if not v: v = …` / `if (!v) v = …` on one line.
const EMPTY_GUARD = /^\s*(?:if\s+not\s+([A-Za-z_]\w*)\s*:|if\s*\(\s*!\s*([A-Za-z_$][\w$]*)\s*\)\s*\{?)/;
// `if v:` / `if (v) {` ending its line.
const SET_GUARD = /^\s*(?:if\s+([A-Za-z_]\w*)\s*:|if\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{?)\s*(?:(?:#|\/\/).*)?$/;
// `if v: return v` / `if (v) return v;` on one line.
const EARLY_RETURN = /^\s*(?:if\s+([A-Za-z_]\w*)\s*:\s*return\s+\1|if\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{?\s*return\s+\2)\s*;?\s*\}?\s*(?:(?:#|\/\/).*)?$/;

// What stands between two reads of one chain: `a ?? b`, `a || b`, Python's `a or b`, through parentheses and a
// non-null assertion (`(A ?? (B))`, `A! || B`).
const CHAINED = /^[\s)!]*(?:\?\?|\|\||or)[\s(]*$/;
// A chain in parentheses compared with a value: switches combined, not one setting's names.
const COMPARED = /^\s*\)\s*(?:[!=]==?|==)/;

/**
 * The names the nearest declarations of the workspace packages that name the file's package among their
 * dependencies declare, when those are not the file's own (a library package read by the apps that import it).
 */
function dependentsDeclared(host: NonNullable<FileContext['host']>, file: string, root: string, ownDir: string): ReadonlySet<string> {
  const out = new Set<string>();
  const own = nearestManifest(host, file);
  if (!own?.name || own.dir === root) return out;
  for (const m of workspacePackagesByName(host, root).values()) {
    if (m.dir === own.dir || !m.declared.has(own.name)) continue;
    const theirs = nearestDeclarations(m.file, host);
    if (theirs && theirs.dir !== ownDir) for (const n of theirs.names) out.add(n);
  }
  return out;
}

/** The folders of the workspace packages the file's package names among its dependencies. */
function workspaceDependencyDirs(host: NonNullable<FileContext['host']>, file: string, root: string): string[] {
  const own = nearestManifest(host, file);
  if (!own || own.declared.size === 0) return [];
  const out: string[] = [];
  for (const m of workspacePackagesByName(host, root).values()) if (m.dir !== own.dir && m.name && own.declared.has(m.name)) out.push(m.dir);
  return out;
}

/** What the documentation of the declaration's folders and up declares, and that of the folders between it and the file. */
function documentedAround(host: NonNullable<FileContext['host']>, file: string, declaredDir: string): Map<string, DocDeclaration> {
  const documented = documentedNames(host, foldersUp(path.join(declaredDir, '.env'), host));
  const below = foldersUp(file, host).filter((d) => d !== declaredDir && !path.relative(declaredDir, d).startsWith('..'));
  if (below.length === 0) return documented;
  const merged = new Map(documentedNames(host, below));
  for (const [name, at] of documented) if (!merged.has(name)) merged.set(name, at);
  return merged;
}

// `config/test.js`, `config/env/testing.ts`, `environments/test.js`: node-config and its kin load these only
// under NODE_ENV=test. Test runners' own configs (`playwright.smoke.config.ts`, rallly's) run only for tests.
const TEST_ENVIRONMENT_CONFIG = /(?:^|\/)(?:config|env|environments?)\/(?:[\w-]+\/)?(?:test|testing)\.[cm]?[jt]s$|(?:^|\/)(?:playwright|cypress|vitest|jest)(?:\.[\w-]+)?\.config\.[cm]?[jt]s$/i;
// The root's folders for deploying the app (`deploy/docker/docker-compose.yml`, `deployments/`): their compose stacks are the deployer's.
const DEPLOY_DIRS = ['deploy', 'deploy/docker', 'deploy/compose', 'deployment', 'deployment/docker', 'deployments', 'deployments/docker'];
// Configurations a front-end or bundler build reads (not the app's runtime code).
const BUILD_CONFIG = /^(?:next|vite|svelte|nuxt|astro|webpack|rollup|rspack|rsbuild|tsup|remix|esbuild)\.config\.[cm]?[jt]s$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The words of a build's own checks: bundle analysis (webpack-bundle-analyzer, Rsdoctor), type checking.
const BUILD_CHECK_SWITCH = /(?:^|_)(?:ANALY[SZ]E[RS]?|TYPE_?CHECK(?:ING|ER)?)(?:_|$)/i;
const JS_ENV = /process|import\s*\.\s*meta|bun\s*\.\s*env/i;

export const rule: Rule = { meta, check };
