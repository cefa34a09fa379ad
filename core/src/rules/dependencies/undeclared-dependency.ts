import * as path from 'node:path';
import ts = require('typescript');
import type { FileContext } from '../../context';
import { packageOf, runtimeSpecifiers, textSpecifiers } from '../../js/loads';
import { projectPath } from '../../js/commands';
import type { Report, Rule, RuleMeta } from '../types';
import { NX_TASK_CONFIG, Resolution } from './undeclared-dependency-resolve';
import { roleOfContext } from '../../workspace/roles';
import { cannotResolveOwnModules, unbuiltCraServiceWorker } from './undeclared-dependency-unbuilt';

export const meta: RuleMeta = {
  id: 'dependencies/undeclared-dependency',
  defaultSeverity: 'error',
  description: 'Every package the code imports is declared in its package.json.',
  messages: {
    undeclared: '`{name}` is imported but not declared in {manifest}: it resolves only while another package happens to install it. Add it to dependencies.',
  },
  fixable: false,
  kinds: ['js'],
  // Every runtime specifier: `from '…'` (imports and re-exports), `import '…'`, `require(…)`, `import(…)`.
  keywords: ["from '", 'from "', 'from `', "import '", 'import "', 'require(', 'import('],
};

/**
 * Packages a framework installs and resolves for the code it builds, as data: Nuxt's server routes import
 * `h3` and `ofetch` through Nitro, which bundles them; @nuxtjs/i18n hands out its `@intlify/*` helpers.
 * Each row has a true and a false example in test/unit/rules/dependencies/undeclared-dependency.test.ts.
 */
export const FRAMEWORK_PROVIDED: ReadonlyArray<{ framework: string; provides: RegExp }> = [
  { framework: 'nuxt', provides: /^(h3|ofetch|nitropack|nitro|vue-router|@unhead\/vue|defu|ufo|consola|pathe|hookable|destr|unstorage|cookie-es)$/ },
  { framework: '@nuxtjs/i18n', provides: /^(@intlify\/[\w.-]+|vue-i18n)$/ },
  // Next.js resolves `server-only` and `client-only` to its own compiled copies: installing them is optional.
  { framework: 'next', provides: /^(server-only|client-only)$/ },
  // Docusaurus's client API (`@docusaurus/Link`, `@docusaurus/useDocusaurusContext`, `@docusaurus/router`): aliases its
  // webpack config points at @docusaurus/core's own modules; no package of that name exists.
  // Vite plugins' virtual stylesheets named without the `virtual:` scheme: unplugin-fonts' `import 'unfonts.css'`,
  // UnoCSS's `import 'uno.css'`, vite-plugin-windicss's `import 'windi.css'` (and its `windi-base.css` layers).
  { framework: 'unplugin-fonts', provides: /^unfonts\.css$/ },
  { framework: 'unocss', provides: /^uno\.css$/ },
  { framework: 'vite-plugin-windicss', provides: /^windi(?:-base|-components|-utilities)?\.css$/ },
  { framework: '@docusaurus/core', provides: /^@docusaurus\/(?:[A-Z]\w*|use[A-Z]\w*|router|constants|isInternalUrl|renderRoutes)$/ },
];

/**
 * Modules a runtime serves itself, whatever node_modules holds. Electron answers `require('electron')` (and
 * `electron/main`, `electron/renderer`, `electron/common`) from its built-in modules in the main and renderer
 * processes; the npm package of that name only downloads the binary and exports its path
 * (https://www.electronjs.org/docs/latest/tutorial/process-model, "Electron's modules"; eslint-plugin-import lists
 * `electron` as the example of `import/core-modules`, "modules that should be considered resolved but have no path
 * on the filesystem"). Declaring it would change nothing the import loads.
 */
const RUNTIME_PROVIDED = /^electron(?:\/(?:main|renderer|common))?$/;

function providedByFramework(resolution: Resolution, name: string): boolean {
  return FRAMEWORK_PROVIDED.some((row) => row.provides.test(name) && resolution.allows(row.framework, row.framework));
}

/**
 * A Moodle plugin's JavaScript: `amd/src/` beside the plugin's `version.php`. Its imports name AMD modules that
 * Moodle's RequireJS loader serves (`core/ajax`, `editor_tiny/utils`, the plugin's own `tiny_x/options`);
 * npm only builds the sources with Grunt, so no package.json declares them.
 */
function moodleAmdModule(host: { readFile(path: string): string | undefined }, file: string): boolean {
  const at = file.split(path.sep).join('/').lastIndexOf('/amd/src/');
  return at >= 0 && host.readFile(path.join(file.slice(0, at), 'version.php')) !== undefined;
}

export function check(context: FileContext, report: (r: Report) => void): void {
  const host = context.host;
  if (!host) return;
  const file = projectPath(context);
  // Fixtures are sample projects (data), not code this package runs.
  if (/\.d\.[cm]?ts$/.test(file) || /(^|\/)(node_modules|examples?|docs?|fixtures?|__fixtures__|testdata)\//.test(file)) return;
  // Most files import only what their manifest declares: the text says so without a parse. The syntax tree
  // (type-only imports, optional loads, specifiers in comments) is built only when a package may be missing.
  const named = textSpecifiers(context.text);
  if (named.length === 0 || moodleAmdModule(host, context.path)) return;
  const resolution = Resolution.for(host, context.path);
  if (!resolution) return;
  const taskConfig = NX_TASK_CONFIG.test(path.basename(context.path));
  const allowed = (name: string, specifier: string) =>
    resolution.allows(name, specifier) || providedByFramework(resolution, name) || (taskConfig && resolution.allowsInNxTaskConfig(name)) ||
    RUNTIME_PROVIDED.test(specifier);
  if (named.every(([name, specifier]) => allowed(name, specifier))) return;
  // Code the project keeps but does not install for: vendored copies (a vendor folder, a web root's lib/, a
  // browser bundle whose `require` runs only under the bundler it came from), snippets served or shown as
  // they are, and build output, whose source is judged instead. Tests and developer tools are judged: they run,
  // with devDependencies, on a fresh clone as much as the app does.
  const role = roleOfContext(context).role;
  if (role !== 'source' && role !== 'test' && role !== 'tool') return;
  const loaded = runtimeSpecifiers(context.sourceFile, resolution.keepsImports);
  // Code nothing builds or loads: a module whose own relative imports are all gone, a template's service worker
  // no build compiles. Its imports are installed nowhere because nothing needs them.
  if (cannotResolveOwnModules(host, context.path, loaded.map((s) => s.text))) return;
  if (unbuiltCraServiceWorker(host, context.path, resolution.manifest, (test) => resolution.declaresAny(test))) return;
  const specifiers = loaded.filter((s) => packageOf(s.text) !== undefined);
  const root = host.rootOf(context.path);
  const manifest = root ? path.relative(root, resolution.manifest.file).split(path.sep).join('/') : 'package.json';
  for (const literal of specifiers) {
    const name = packageOf(literal.text) as string;
    if (allowed(name, literal.text)) continue;
    report({
      messageId: 'undeclared',
      data: { name, manifest: manifest || 'package.json' },
      start: literal.getStart(context.sourceFile),
      end: literal.getEnd(),
      identity: `undeclared:${name}`,
    });
  }
}

export { packageOf, runtimeSpecifiers, textSpecifiers };

export const rule: Rule = { meta, check };
