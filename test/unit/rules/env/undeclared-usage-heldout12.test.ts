import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Held-out 12 and the stop-31 review of the held-out sets (audit/README.md): who else names or sets a variable.
const EXAMPLE = { '/ws/.env.example': 'SURREAL_PASSWORD=\n# GOOGLE_API_KEY=\nAPP_PORT=3000\n' };
const reported = (name: string, line = 1) => ({ errors: [['undeclared', line, name]] as Array<[string, number, string]>, output: null });

// open-notebook: a legacy or vendor name read only when the declared one is unset is another name of that setting.
// A name read before the declared one (nocobase's `RSPACK_HMR_CLIENT_PORT || APP_PORT`) overrides it: its own setting.
new RuleTester({ filename: '/ws/app/db.py' }).run(rule, {
  valid: [
    { name: 'a legacy name after the declared one', code: 'import os\npw = os.getenv("SURREAL_PASSWORD") or os.getenv("SURREAL_PASS") or "root"\n', files: EXAMPLE },
    { name: 'a vendor name after a declared, commented-out one', code: 'import os\nkey = os.environ.get("GOOGLE_API_KEY") or os.environ.get("GEMINI_API_KEY")\n', files: EXAMPLE },
  ],
  invalid: [
    { name: 'an override read before the declared name', code: 'import os\nport = os.getenv("HMR_PORT") or os.getenv("APP_PORT")\n', files: EXAMPLE, ...reported('HMR_PORT', 2) },
    { name: 'two undeclared names are both reported', code: 'import os\nkey = os.getenv("GEMINI_KEY") or os.getenv("PALM_KEY")\n', files: EXAMPLE, errors: [['undeclared', 2, 'GEMINI_KEY'], ['undeclared', 2, 'PALM_KEY']], output: null },
    { name: 'a read outside the chain is its own (reported at the first read)', code: 'import os\nkey = os.getenv("GOOGLE_API_KEY") or os.getenv("GEMINI_API_KEY")\nflag = os.getenv("GEMINI_API_KEY") is not None\n', files: EXAMPLE, ...reported('GEMINI_API_KEY', 2) },
    { name: 'a fallback inside a call is no chain operand', code: 'import os\nkey = os.getenv("GOOGLE_API_KEY") or load(os.getenv("GEMINI_API_KEY"))\n', files: EXAMPLE, ...reported('GEMINI_API_KEY', 2) },
  ],
});

new RuleTester({ filename: '/ws/src/config.ts' }).run(rule, {
  valid: [
    { name: 'a `||` fallback after the declared name', code: 'export const url = process.env.SURREAL_PASSWORD || process.env.SURREAL_PASS;\n', files: EXAMPLE },
    { name: 'a `??` fallback, through parentheses', code: 'export const url = (process.env.SURREAL_PASSWORD ?? (process.env.SURREAL_PASS)) || "x";\n', files: EXAMPLE },
  ],
  invalid: [
    { name: 'an override before the declared name', code: 'export const port = process.env.HMR_PORT || process.env.APP_PORT;\n', files: EXAMPLE, ...reported('HMR_PORT') },
    { name: 'a fallback of a platform variable is not an alias', code: 'export const home = process.env.HOME || process.env.APP_HOME_DIR;\n', files: EXAMPLE, ...reported('APP_HOME_DIR') },
  ],
});

// open-notebook: the same fallback written as statements. The old names are read only when the variable holding the
// declared one is empty (`if not url:`), or after `if url: return url`.
const EARLY = 'import os\ndef url():\n    surreal_url = os.getenv("SURREAL_PASSWORD")\n    if surreal_url:\n        return surreal_url\n\n    # old format\n    address = os.getenv("SURREAL_ADDRESS", "localhost")\n    return address\n';
const UNSET = 'import os\ndef host():\n    candidate = os.environ.get("SURREAL_PASSWORD", "").strip()\n    if not candidate:\n        candidate = os.environ.get("SURREAL_ADDRESS", "").strip()\n    return candidate\n';
new RuleTester({ filename: '/ws/app/db.py' }).run(rule, {
  valid: [
    { name: 'read after `if v: return v` of the declared value', code: EARLY, files: EXAMPLE },
    { name: 'read in `if not v:` of the declared value', code: UNSET, files: EXAMPLE },
  ],
  invalid: [
    { name: 'a guard of an undeclared value is no fallback', code: UNSET.replace('SURREAL_PASSWORD', 'SURREAL_URL'), files: EXAMPLE, errors: [['undeclared', 3, 'SURREAL_URL'], ['undeclared', 5, 'SURREAL_ADDRESS']], output: null },
    { name: 'a guard without a return lets the read run anyway', code: EARLY.replace('        return surreal_url\n', '        print(surreal_url)\n'), files: EXAMPLE, ...reported('SURREAL_ADDRESS', 8) },
    { name: 'another function reads it on every call', code: EARLY + 'def port():\n    return os.getenv("SURREAL_PORT")\n', files: EXAMPLE, ...reported('SURREAL_PORT', 11) },
    { name: 'a variable filled from elsewhere after the declared read', code: 'import os\ndef a():\n    key = os.getenv("SURREAL_PASSWORD")\n    return key\ndef b(creds):\n    key = None\n    try:\n        key = creds.get("key")\n    except Exception:\n        pass\n    if not key:\n        key = os.getenv("SURREAL_ADDRESS")\n    return key\n', files: EXAMPLE, ...reported('SURREAL_ADDRESS', 12) },
    { name: 'the block of `if v:` is no fallback', code: UNSET.replace('if not candidate', 'if candidate'), files: EXAMPLE, ...reported('SURREAL_ADDRESS', 5) },
  ],
});

new RuleTester({ filename: '/ws/src/db.ts' }).run(rule, {
  valid: [
    { name: 'read after `if (url) return url;`', code: 'export function url() {\n  const url = process.env.SURREAL_PASSWORD;\n  if (url) return url;\n  return process.env.SURREAL_ADDRESS;\n}\n', files: EXAMPLE },
    { name: 'read in `if (!url) {`', code: 'export function url() {\n  let url = process.env.SURREAL_PASSWORD;\n  if (!url) {\n    url = process.env.SURREAL_ADDRESS;\n  }\n  return url;\n}\n', files: EXAMPLE },
  ],
  invalid: [
    { name: 'read before the guard', code: 'export function url() {\n  const old = process.env.SURREAL_ADDRESS;\n  const url = process.env.SURREAL_PASSWORD;\n  if (url) return url;\n  return old;\n}\n', files: EXAMPLE, ...reported('SURREAL_ADDRESS', 2) },
  ],
});

// nocobase's CLI (a package with a `bin`) sets `APP_PACKAGE_ROOT` on both paths of an if/else to a folder it computes
// from its own code and packages (`dirname(require.resolve(…))`, a storage folder): no deployer's value survives.
const CLI = {
  ...EXAMPLE,
  '/ws/package.json': '{ "name": "root", "workspaces": ["packages/*"] }\n',
  '/ws/packages/cli/package.json': '{ "name": "cli", "bin": { "app": "bin/app.js" } }\n',
  '/ws/packages/server/package.json': '{ "name": "server" }\n',
};
const UTIL = (body: string, extra = '') =>
  ({
    ...CLI,
    '/ws/packages/cli/src/util.js': [
      "const { dirname, join, resolve } = require('path');",
      'function storageRoot() {',
      "  return resolve(process.cwd(), process.env.STORAGE_PATH || 'storage');",
      '}',
      'function storageJoin(...segments) {',
      '  return join(storageRoot(), ...segments);',
      '}',
      extra,
      'exports.generateAppDir = function generateAppDir(options) {',
      "  const appPkgPath = dirname(dirname(require.resolve('@app/app/src/index.ts')));",
      "  const devDir = storageJoin('.app-dev');",
      body,
      '};',
      '',
    ].join('\n'),
  });
const READ_ROOT = 'const file = `${process.env.APP_PACKAGE_ROOT}/dist/index.html`;\n';
new RuleTester({ filename: '/ws/packages/server/src/gateway.ts' }).run(rule, {
  valid: [
    { name: "computed from the CLI's own code and packages on both paths", code: READ_ROOT, files: UTIL('  if (options.dev) process.env.APP_PACKAGE_ROOT = devDir;\n  else process.env.APP_PACKAGE_ROOT = appPkgPath;') },
    { name: 'computed and set unconditionally', code: READ_ROOT, files: UTIL('  process.env.APP_PACKAGE_ROOT = join(appPkgPath, "app");') },
  ],
  invalid: [
    { name: 'computed on one path only', code: READ_ROOT, files: UTIL('  if (options.dev) process.env.APP_PACKAGE_ROOT = devDir;'), ...reported('APP_PACKAGE_ROOT') },
    { name: 'a parameter of the function may be the setting', code: READ_ROOT, files: UTIL('  process.env.APP_PACKAGE_ROOT = options.root;'), ...reported('APP_PACKAGE_ROOT') },
    {
      name: 'a function that reads the variable itself, two calls away',
      code: READ_ROOT,
      files: UTIL('  process.env.APP_PACKAGE_ROOT = rootDir();', 'function given() {\n  return process.env.APP_PACKAGE_ROOT;\n}\nfunction rootDir() {\n  return resolve(given() || ".");\n}'),
      ...reported('APP_PACKAGE_ROOT'),
    },
    {
      name: "a module of the project's own is not read",
      code: READ_ROOT,
      files: UTIL('  process.env.APP_PACKAGE_ROOT = appRoot();', "const { appRoot } = require('./paths');"),
      ...reported('APP_PACKAGE_ROOT'),
    },
    { name: 'a computed key may read the variable', code: READ_ROOT, files: UTIL('  process.env.APP_PACKAGE_ROOT = process.env[options.key];'), ...reported('APP_PACKAGE_ROOT') },
  ],
});

// A workspace package that is a documentation website (rybbit's `docs/` on Nextra, nocobase's on Rspress): every
// module of it is the docs' publisher's, reported one step milder like its config. The root package never is one.
const DOCS = { ...EXAMPLE, '/ws/package.json': '{ "name": "app" }\n', '/ws/docs/package.json': '{ "name": "docs", "dependencies": { "nextra": "^4.0.0", "next": "^15.0.0" } }\n' };
const READ_KEY = 'posthog.init(process.env.NEXT_PUBLIC_POSTHOG_KEY);\n';
const at = (severity: 'info' | 'warning') => ({ errors: [{ messageId: 'undeclared', line: 1, text: 'NEXT_PUBLIC_POSTHOG_KEY', severity }], output: null });
new RuleTester({ filename: '/ws/docs/src/app/providers.jsx' }).run(rule, {
  valid: [],
  invalid: [
    { name: 'a page of a Nextra site: information', code: READ_KEY, files: DOCS, ...at('info') },
    { name: 'a plugin of an Rspress site: information', filename: '/ws/docs/plugins/og.ts', code: READ_KEY, files: { ...DOCS, '/ws/docs/package.json': '{ "name": "docs", "dependencies": { "@rspress/core": "2.0.0" } }\n' }, ...at('info') },
    { name: 'a package without a docs generator: a warning', filename: '/ws/web/src/app/providers.jsx', code: READ_KEY, files: { ...DOCS, '/ws/web/package.json': '{ "name": "web", "dependencies": { "next": "^15.0.0" } }\n' }, ...at('warning') },
    // vrite's `apps/docs` (`@vrite/docs`) is a plain Astro site: its folder and its name say it is the docs.
    { name: 'a plain Astro site in `apps/docs` named `@app/docs`: information', filename: '/ws/apps/docs/src/search.tsx', code: READ_KEY, files: { ...DOCS, '/ws/apps/docs/package.json': '{ "name": "@app/docs", "dependencies": { "astro": "^3.1.0" } }\n' }, ...at('info') },
    { name: 'a `docs` folder whose package is named otherwise: a warning', code: READ_KEY, files: { ...DOCS, '/ws/docs/package.json': '{ "name": "@app/server", "dependencies": { "next": "^15.0.0" } }\n' }, ...at('warning') },
    { name: 'a package named `docs` in another folder: a warning', filename: '/ws/apps/site/src/search.tsx', code: READ_KEY, files: { ...DOCS, '/ws/apps/site/package.json': '{ "name": "docs", "dependencies": { "astro": "^3.1.0" } }\n' }, ...at('warning') },
    { name: 'the root package that builds its docs too: a warning', filename: '/ws/src/app/providers.jsx', code: READ_KEY, files: { ...DOCS, '/ws/package.json': '{ "name": "app", "devDependencies": { "vitepress": "1.0.0" } }\n' }, ...at('warning') },
  ],
});

// inbox-zero builds its image from `docker/Dockerfile.prod`, hoppscotch from `prod.Dockerfile`: the production image
// sets what its `ENV` lines name. A development image still declares nothing (undeclared-usage-heldout11.test.ts).
const DOCKER_READ = 'export const workers = process.env.DOCKER_BUILD === "true" ? 2 : 4;\n';
new RuleTester({ filename: '/ws/next.config.ts' }).run(rule, {
  valid: [
    { name: 'set by docker/Dockerfile.prod', code: DOCKER_READ, files: { ...EXAMPLE, '/ws/docker/Dockerfile.prod': 'FROM node:22\nENV DOCKER_BUILD=true\n' } },
    { name: 'set by prod.Dockerfile', code: DOCKER_READ, files: { ...EXAMPLE, '/ws/prod.Dockerfile': 'FROM node:22 AS build\nENV DOCKER_BUILD=true\n' } },
  ],
  invalid: [
    { name: 'a local image does not declare', code: DOCKER_READ, files: { ...EXAMPLE, '/ws/docker/Dockerfile.local': 'FROM node:22\nENV DOCKER_BUILD=true\n' }, ...reported('DOCKER_BUILD') },
  ],
});

// Set by the tools themselves: `next dev --turbopack` sets TURBOPACK; t3-env's documented build switch.
new RuleTester({ filename: '/ws/server.ts' }).run(rule, {
  valid: [
    { name: "Next's TURBOPACK", code: 'const app = next({ dev, turbopack: process.env.TURBOPACK === "1" });\n', files: EXAMPLE },
    { name: "t3-env's SKIP_ENV_VALIDATION", code: 'export const env = createEnv({ skipValidation: !!process.env.SKIP_ENV_VALIDATION });\n', files: EXAMPLE },
  ],
  invalid: [{ name: 'another build switch', code: 'export const env = createEnv({ skipValidation: !!process.env.SKIP_CHECKS });\n', files: EXAMPLE, ...reported('SKIP_CHECKS') }],
});

// A hand-run script (in a `scripts/` folder) that documents its own environment in its header (dokploy's
// `Usage: OLD_SECRET=… npx tsx …`, swetrix's "Environment:" list, openpanel's "set CLIENT_ID env var"): whoever runs it
// reads that header.
const ROTATE = (header: string) => `${header}\nimport { db } from "@app/db";\n\nconst OLD_SECRET = process.env.OLD_SECRET;\n`;
new RuleTester({ filename: '/ws/apps/web/scripts/rotate-secret.ts' }).run(rule, {
  valid: [
    { name: 'a usage line that assigns it', code: ROTATE('/**\n * Usage:\n *   OLD_SECRET=<old> npx tsx scripts/rotate-secret.ts\n */'), files: EXAMPLE },
    { name: 'an entry of an environment list', code: ROTATE('/**\n * Environment:\n *   OLD_SECRET      Required. The secret to replace.\n */'), files: EXAMPLE },
    { name: 'a list item with a colon', code: ROTATE('// Environment:\n// - `OLD_SECRET`: the secret to replace'), files: EXAMPLE },
    { name: 'a sentence that sets it as an env var', code: ROTATE('/** Pass --old=<secret> or set OLD_SECRET env var. */'), files: EXAMPLE },
    { name: 'a doc comment after the imports', code: 'import "dotenv/config";\nimport os from "node:os";\n/**\n * Set OLD_SECRET=1 to rotate.\n */\nconst s = process.env.OLD_SECRET;\n', files: EXAMPLE, filename: '/ws/script/rotate.mjs' },
  ],
  invalid: [
    { name: 'a prose mention is no usage', code: ROTATE('/** Re-encrypts the rows with OLD_SECRET and the new one. */'), files: EXAMPLE, ...reported('OLD_SECRET', 4) },
    { name: 'a comment below the first statement is no header', code: 'const a = 1;\n// Usage: OLD_SECRET=x node rotate.js\nconst s = process.env.OLD_SECRET;\n', files: EXAMPLE, ...reported('OLD_SECRET', 3) },
    // puter's CLI (`src/cli/bin/puter.js`): its users install it and read its help, not its source.
    { name: "a package's bin is no hand-run script", filename: '/ws/packages/cli/bin/app.js', code: '#!/usr/bin/env node\n// Set OLD_SECRET=1 to rotate.\nconst s = process.env.OLD_SECRET;\n', files: EXAMPLE, ...reported('OLD_SECRET', 3) },
    { name: "an app module's header declares nothing", filename: '/ws/apps/web/src/rotate.ts', code: ROTATE('/**\n * Usage:\n *   OLD_SECRET=<old> npx tsx src/rotate.ts\n */'), files: EXAMPLE, ...reported('OLD_SECRET', 7) },
  ],
});
