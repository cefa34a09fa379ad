import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Held-out 7 (audit/README.md, "Developer tools and env/undeclared-usage"): the repository's own tooling (`tools/`,
// `tooling/`, `dev/` at the root, reached by nothing a deployment runs) reads variables its developers set at their
// desk. Reported one step milder (information by default); the same read anywhere a deployment runs keeps the warning.
const ROOT = { '/ws/.env.example': 'DATABASE_URL=\n', '/ws/package.json': '{ "name": "app", "scripts": { "start": "node server.js" } }\n' };
const READ = 'const key = process.env.SEED_API_KEY;\n';
const at = (severity: 'info' | 'warning') => ({ errors: [{ messageId: 'undeclared', line: 1, text: 'SEED_API_KEY', severity }], output: null });

new RuleTester({ filename: '/ws/tools/snapshot/src/index.ts' }).run(rule, {
  valid: [],
  invalid: [
    { name: 'a package under tools/: information', code: READ, files: ROOT, ...at('info') },
    { name: 'a script under dev/: information', filename: '/ws/dev/uploader.ts', code: READ, files: ROOT, ...at('info') },
    { name: "the rule set to error: a tool's read is a warning", code: READ, files: ROOT, severity: 'error', ...at('warning') },
    { name: 'the same read in the app: a warning', filename: '/ws/src/seed.ts', code: READ, files: ROOT, ...at('warning') },
    { name: 'a tools/ folder below the root is a package\'s code', filename: '/ws/apps/api/tools/seed.ts', code: READ, files: ROOT, ...at('warning') },
    { name: 'a migration kept under tools/ runs with the release', filename: '/ws/tools/migrations/001-backfill.mjs', code: READ, files: ROOT, ...at('warning') },
    {
      name: "a tool the root's start script runs is reached by the deployment",
      code: READ,
      files: { ...ROOT, '/ws/package.json': '{ "name": "app", "scripts": { "start": "node tools/snapshot/src/index.js && node server.js" } }\n' },
      ...at('warning'),
    },
    // Held-out 9 (typebot's billing scripts): a workspace package of scripts is tooling; a scripts/ folder of an app is not.
    { name: 'a workspace package named scripts: information', filename: '/ws/packages/scripts/src/billing.ts', code: READ, files: { ...ROOT, '/ws/packages/scripts/package.json': '{ "name": "@app/scripts" }\n' }, ...at('info') },
    { name: "an app package's scripts folder: a warning", filename: '/ws/packages/db/scripts/check.ts', code: READ, files: { ...ROOT, '/ws/packages/db/package.json': '{ "name": "@app/db" }\n' }, ...at('warning') },
    {
      name: 'a tool the Dockerfile starts is deployed',
      filename: '/ws/dev/worker.ts',
      code: READ,
      files: { ...ROOT, '/ws/Dockerfile': 'FROM node:22\nCOPY . .\nCMD ["npx", "tsx", "dev/worker.ts"]\n' },
      ...at('warning'),
    },
  ],
});

// Held-out 7 and the first set: Next's `allowedDevOrigins` and `devIndicators` are read by `next dev` only.
const NEXT = [
  'export default {',
  '  allowedDevOrigins: process.env.ALLOWED_DEV_ORIGINS?.split(","),',
  '  devIndicators: process.env.HIDE_DEV_INDICATOR === "true" ? false : { position: "bottom-right" },',
  '  env: { ORIGIN: process.env.PUBLIC_ORIGIN },',
  '};',
  '',
].join('\n');
const NEXT_TOO = 'const origins = process.env.ALLOWED_DEV_ORIGINS;\nexport default { allowedDevOrigins: [process.env.ALLOWED_DEV_ORIGINS], images: { domains: [origins] } };\n';

new RuleTester({ filename: '/ws/next.config.mjs' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: "values only Next's development server reads: information; the rest of the config: warnings",
      code: NEXT,
      files: ROOT,
      errors: [
        { messageId: 'undeclared', line: 2, severity: 'info' },
        { messageId: 'undeclared', line: 3, severity: 'info' },
        { messageId: 'undeclared', line: 4, severity: 'warning' },
      ],
      output: null,
    },
    { name: 'the same variable also read for the built app: a warning', code: NEXT_TOO, files: ROOT, errors: [{ messageId: 'undeclared', line: 1, severity: 'warning' }], output: null },
    { name: 'the same keys in another config are not Next\'s', filename: '/ws/app.config.mjs', code: NEXT, files: ROOT, errors: [{ messageId: 'undeclared', line: 2, severity: 'warning' }, { messageId: 'undeclared', line: 3, severity: 'warning' }, { messageId: 'undeclared', line: 4, severity: 'warning' }], output: null },
  ],
});

// Held-out 12: the value computed into a constant above the config (`const allowedDevOrigins = process.env.X ? … :
// undefined`) and passed as `{ allowedDevOrigins }`, in a spread guarded by the same constant: still the dev server's.
const NEXT_CONST = [
  'const allowedDevOrigins = process.env.NEXT_ALLOWED_DEV_ORIGINS',
  '  ? process.env.NEXT_ALLOWED_DEV_ORIGINS.split(",")',
  '  : undefined;',
  'export default {',
  '  output: "standalone",',
  '  ...(allowedDevOrigins && allowedDevOrigins.length > 0 ? { allowedDevOrigins } : {}),',
  '};',
  '',
].join('\n');
const NEXT_NAMED = 'const origins = process.env.NEXT_ALLOWED_DEV_ORIGINS?.split(",");\nexport default { allowedDevOrigins: origins };\n';
const NEXT_SHARED = 'const origins = process.env.NEXT_ALLOWED_DEV_ORIGINS?.split(",");\nexport default { allowedDevOrigins: origins, images: { domains: origins } };\n';
const NEXT_LET = 'let allowedDevOrigins = process.env.NEXT_ALLOWED_DEV_ORIGINS?.split(",");\nexport default { allowedDevOrigins };\n';
const nextAt = (severity: 'info' | 'warning') => [{ messageId: 'undeclared', line: 1, text: 'NEXT_ALLOWED_DEV_ORIGINS', severity }];

new RuleTester({ filename: '/ws/next.config.ts' }).run(rule, {
  valid: [],
  invalid: [
    { name: 'a constant passed as `{ allowedDevOrigins }` in a guarded spread: information', code: NEXT_CONST, files: ROOT, errors: nextAt('info'), output: null },
    { name: 'a constant passed as `allowedDevOrigins: origins`: information', code: NEXT_NAMED, files: ROOT, errors: nextAt('info'), output: null },
    { name: 'the constant also used for the built app (`images.domains`): a warning', code: NEXT_SHARED, files: ROOT, errors: nextAt('warning'), output: null },
    { name: 'a `let` the file may change: a warning', code: NEXT_LET, files: ROOT, errors: nextAt('warning'), output: null },
    { name: 'the same constant in another config is not Next\'s', filename: '/ws/app.config.ts', code: NEXT_CONST, files: ROOT, errors: nextAt('warning'), output: null },
  ],
});

// Held-out 16 (refly's rsbuild.config.ts): a bundler config's switches for the developer's checks of a build (a bundle
// report, an enforced type check) are set at a desk for one build: information. Other reads of the config stay warnings.
const CHECKS = [
  "const chunks = process.env.ANALYZE_CHUNKS === 'true';",
  'export default {',
  "  plugins: [typeCheck({ enable: process.env.VITE_ENFORCE_TYPE_CHECK === 'true' })],",
  '  source: { define: { GTAG: process.env.VITE_GTAG_ID } },',
  '};',
  '',
].join('\n');
new RuleTester({ filename: '/ws/apps/web/rsbuild.config.ts' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: "a build's analysis and type-check switches: information; the app's setting: a warning",
      code: CHECKS,
      files: ROOT,
      errors: [{ messageId: 'undeclared', line: 1, severity: 'info' }, { messageId: 'undeclared', line: 3, severity: 'info' }, { messageId: 'undeclared', line: 4, severity: 'warning' }],
      output: null,
    },
    { name: 'the same switches in the app\'s code: warnings', filename: '/ws/apps/web/src/build.ts', code: CHECKS, files: ROOT, errors: [{ messageId: 'undeclared', line: 1, severity: 'warning' }, { messageId: 'undeclared', line: 3, severity: 'warning' }, { messageId: 'undeclared', line: 4, severity: 'warning' }], output: null },
    { name: 'a name that only contains the letters (ANALYZED_AT) is no switch', code: "export default { x: process.env.ANALYZED_AT };\n", files: ROOT, errors: [{ messageId: 'undeclared', line: 1, severity: 'warning' }], output: null },
  ],
});

// Stop 27 (audit/README.md, "Labels that disagree"): Vite's `server` options are the dev server's (watchparty's
// `SSL_KEY_FILE`, Flowise's `VITE_HOST`): information, as Next's are. A plugin's own `server` option is not Vite's.
const VITE = [
  'export default defineConfig({',
  '  build: { outDir: "build" },',
  '  server: { host: process.env.VITE_HOST, https: process.env.SSL_KEY_FILE ? { key: process.env.SSL_KEY_FILE } : null },',
  '  define: { API: JSON.stringify(process.env.PUBLIC_API_URL) },',
  '});',
  '',
].join('\n');
const VITE_PLUGIN = 'export default defineConfig({\n  plugins: [sentry({ server: process.env.SENTRY_SERVER })],\n});\n';

new RuleTester({ filename: '/ws/vite.config.ts' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: "values only Vite's dev server reads: information; the built app's: warnings",
      code: VITE,
      files: ROOT,
      errors: [
        { messageId: 'undeclared', line: 3, severity: 'info' },
        { messageId: 'undeclared', line: 3, severity: 'info' },
        { messageId: 'undeclared', line: 4, severity: 'warning' },
      ],
      output: null,
    },
    { name: "a plugin's option named server is not Vite's", code: VITE_PLUGIN, files: ROOT, errors: [{ messageId: 'undeclared', line: 2, severity: 'warning' }], output: null },
  ],
});

// Held-out 13 (bitcore): a workspace package that is only a command its users run (a `bin`, no `main` or `exports`,
// no start script, nothing deploys it): an interactive wallet's variables are options of whoever runs it. Information.
const CLI_MANIFEST = (extra: Record<string, unknown>) => JSON.stringify({ name: '@app/cli', private: true, bin: { 'app-cli': './bin/app-cli' }, scripts: { build: 'tsc' }, ...extra });
const CLI_READ = "const dir = process.env.SEED_API_KEY || '~/.wallets';\n";
new RuleTester({ filename: '/ws/packages/cli/src/cli.ts' }).run(rule, {
  valid: [],
  invalid: [
    { name: 'a package that is only a command: information', code: CLI_READ, files: { ...ROOT, '/ws/packages/cli/package.json': CLI_MANIFEST({}) }, ...at('info') },
    { name: "an exports entry that is the command's own file: information", code: CLI_READ, files: { ...ROOT, '/ws/packages/cli/package.json': CLI_MANIFEST({ bin: { 'app-cli': 'dist/index.mjs' }, exports: './dist/index.mjs' }) }, ...at('info') },
    { name: 'a command package with a main entry is also a library: a warning', code: CLI_READ, files: { ...ROOT, '/ws/packages/cli/package.json': CLI_MANIFEST({ main: 'dist/index.js' }) }, ...at('warning') },
    { name: 'a command package that starts itself as a service: a warning', code: CLI_READ, files: { ...ROOT, '/ws/packages/cli/package.json': CLI_MANIFEST({ scripts: { start: 'node bin/app-cli serve' } }) }, ...at('warning') },
    {
      name: "a command the root's Dockerfile runs is deployed: a warning",
      code: CLI_READ,
      files: { ...ROOT, '/ws/packages/cli/package.json': CLI_MANIFEST({}), '/ws/Dockerfile': 'FROM node:22\nCOPY . .\nCMD ["app-cli", "serve"]\n' },
      ...at('warning'),
    },
    {
      name: 'a command package with an image of its own is deployed: a warning',
      code: CLI_READ,
      files: { ...ROOT, '/ws/packages/cli/package.json': CLI_MANIFEST({}), '/ws/packages/cli/Dockerfile': 'FROM node:22\nCMD ["node", "bin/app-cli"]\n' },
      ...at('warning'),
    },
  ],
});
