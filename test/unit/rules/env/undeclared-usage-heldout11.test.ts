import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Who sets a variable, as the held-out Node sets showed (audit/README.md): the project's own CLI for the app it
// starts, a Vite config for the code it builds, an image built from `docker/Dockerfile.prod`, the runtime of a
// serverless platform or of a cloud workspace, and the apps that import a shared library.
const EXAMPLE = { '/ws/.env.example': 'DATABASE_URL=\n' };
const reported = (name: string, line = 1) => ({ errors: [['undeclared', line, name]] as Array<[string, number, string]>, output: null });

// A child process started with a literal in its environment: the launcher sets it, whatever a deployer set.
const CLI = {
  ...EXAMPLE,
  '/ws/package.json': '{ "name": "root", "workspaces": ["packages/*"] }\n',
  '/ws/packages/cli/package.json': '{ "name": "cli", "bin": { "app": "bin/app.js" } }\n',
  '/ws/packages/server/package.json': '{ "name": "server" }\n',
};
const START = "export function start(args) {\n  run('tsx', args, { env: { ...process.env, IS_DEV_CMD: 'true', API_URL: url } });\n}\n";
const DEV = { '/ws/packages/cli/src/dev.js': 'export async function dev() {\n  process.env.IS_DEV_CMD = true;\n  await import("server");\n}\n' };
new RuleTester({ filename: '/ws/packages/server/src/gateway.ts' }).run(rule, {
  valid: [
    { name: 'raised by a command of the CLI before it loads the server', code: 'if (!process.env.IS_DEV_CMD) serveBuild();\n', files: { ...CLI, ...DEV } },
    {
      name: 'a module that spawns itself again with a marker reads it',
      filename: '/ws/packages/cli/bin/app.js',
      code: "if (!process.env._APP_CHILD) {\n  spawnSync(process.execPath, argv, { env: { ...process.env, _APP_CHILD: '1' } });\n}\n",
      files: CLI,
    },
    {
      name: 'set for a child process by another module of the package',
      filename: '/ws/packages/cli/src/gateway.js',
      code: 'if (!process.env.IS_DEV_CMD) serveBuild();\n',
      files: { ...CLI, '/ws/packages/cli/src/start.js': START },
    },
  ],
  invalid: [
    // nocobase's scaffold command runs one task with `LOGGER_SILENT: 'true'`; the server's logger still reads the deployer's.
    { name: "a child's environment set by the CLI is not another package's", code: 'if (!process.env.IS_DEV_CMD) serveBuild();\n', files: { ...CLI, '/ws/packages/cli/src/start.js': START }, ...reported('IS_DEV_CMD') },
    { name: 'a computed entry is not a literal the launcher owns', filename: '/ws/packages/cli/src/gateway.js', code: 'fetch(process.env.API_URL);\n', files: { ...CLI, '/ws/packages/cli/src/start.js': START }, ...reported('API_URL') },
    {
      name: 'a package without a bin is no launcher',
      code: 'if (!process.env.IS_DEV_CMD) serveBuild();\n',
      files: { ...CLI, ...DEV, '/ws/packages/cli/package.json': '{ "name": "cli" }\n' },
      ...reported('IS_DEV_CMD'),
    },
    {
      name: 'an env object that is no call argument',
      filename: '/ws/packages/cli/src/gateway.js',
      code: 'if (!process.env.IS_DEV_CMD) serveBuild();\n',
      files: { ...CLI, '/ws/packages/cli/src/start.js': "export const options = { env: { IS_DEV_CMD: 'true' } };\n" },
      ...reported('IS_DEV_CMD'),
    },
  ],
});

// A flag set to one literal or another on both paths of an if/else is set on every run. A computed value is not
// the program's: nocobase's CLI sets `STORAGE_PATH = resolveStorageRoot()`, a function of another module that
// reads the deployer's `STORAGE_PATH` and makes it absolute.
const MODE_SET = (body: string) => ({ ...CLI, '/ws/packages/cli/src/util.js': `export function initEnv() {\n${body}}\n` });
const READ_MODE = 'if (process.env.APP_RUN_MODE === "dev") watch();\n';
new RuleTester({ filename: '/ws/packages/server/src/gateway.ts' }).run(rule, {
  valid: [
    { name: 'set on both paths of an if/else', code: READ_MODE, files: MODE_SET('  if (dev) {\n    process.env.APP_RUN_MODE = "dev";\n  } else {\n    process.env.APP_RUN_MODE = "prod";\n  }\n') },
    { name: 'set on every path of an else-if chain', code: READ_MODE, files: MODE_SET('  if (a) process.env.APP_RUN_MODE = "dev";\n  else if (b) process.env.APP_RUN_MODE = "test";\n  else process.env.APP_RUN_MODE = "prod";\n') },
  ],
  invalid: [
    { name: 'set on one path only', code: READ_MODE, files: MODE_SET('  if (dev) {\n    process.env.APP_RUN_MODE = "dev";\n  }\n'), ...reported('APP_RUN_MODE') },
    { name: 'an else-if chain without a final else', code: READ_MODE, files: MODE_SET('  if (a) process.env.APP_RUN_MODE = "dev";\n  else if (b) process.env.APP_RUN_MODE = "prod";\n'), ...reported('APP_RUN_MODE') },
    { name: 'a computed value on both paths', code: READ_MODE, files: MODE_SET('  if (dev) process.env.APP_RUN_MODE = devMode;\n  else process.env.APP_RUN_MODE = mode();\n'), ...reported('APP_RUN_MODE') },
    {
      name: "a computed value may be the deployer's setting made absolute",
      code: 'const root = process.env.STORAGE_PATH;\n',
      files: MODE_SET("  const storagePath = resolveStorageRoot();\n  process.env.STORAGE_PATH = storagePath;\n"),
      ...reported('STORAGE_PATH'),
    },
  ],
});

// leon's app/vite.config.js: `process.env.VITE_LEON_HOST = process.env.LEON_HOST` hands Vite a declared setting
// under the name the client reads.
const VITE_APP = { '/ws/.env.sample': 'LEON_HOST=\n', '/ws/app/package.json': '{ "name": "app" }\n' };
new RuleTester({ filename: '/ws/app/src/js/main.js' }).run(rule, {
  valid: [
    { name: 'set by the Vite config for the build', code: 'const host = import.meta.env.VITE_LEON_HOST;\n', files: { ...VITE_APP, '/ws/app/vite.config.js': 'process.env.VITE_LEON_HOST = process.env.LEON_HOST\nexport default {}\n' } },
  ],
  invalid: [
    {
      name: "a default for the same variable leaves it the deployer's",
      code: 'const host = import.meta.env.VITE_LEON_HOST;\n',
      files: { ...VITE_APP, '/ws/app/vite.config.js': "process.env.VITE_LEON_HOST = process.env.VITE_LEON_HOST || 'localhost'\nexport default {}\n" },
      ...reported('VITE_LEON_HOST'),
    },
    {
      name: 'the same assignment in another config is not Vite\'s',
      code: 'const host = import.meta.env.VITE_LEON_HOST;\n',
      files: { ...VITE_APP, '/ws/app/vite.config.js': 'export default {}\n', '/ws/app/tsup.config.js': 'process.env.VITE_LEON_HOST = process.env.LEON_HOST\n' },
      ...reported('VITE_LEON_HOST'),
    },
  ],
});

// The project's other images (`Dockerfile.dev`, saltcorn's `Dockerfile.release`, linkding's `alpine.Dockerfile`) set a
// development image's or one edition's values: the main image's deployer still owes them.
const DOCKER_READ = 'export const workers = process.env.DOCKER_BUILD === "true" ? 2 : 4;\n';
new RuleTester({ filename: '/ws/next.config.ts' }).run(rule, {
  valid: [{ name: 'set by docker/Dockerfile', code: DOCKER_READ, files: { ...EXAMPLE, '/ws/docker/Dockerfile': 'FROM node:22\nENV DOCKER_BUILD=true\n' } }],
  invalid: [
    { name: 'a development image does not declare', code: DOCKER_READ, files: { ...EXAMPLE, '/ws/Dockerfile.dev': 'FROM node:22\nENV DOCKER_BUILD=true\n' }, ...reported('DOCKER_BUILD') },
    { name: "an edition's image does not declare", code: DOCKER_READ, files: { ...EXAMPLE, '/ws/docker/alpine.Dockerfile': 'FROM node:22\nENV DOCKER_BUILD=true\n' }, ...reported('DOCKER_BUILD') },
  ],
});

// The runtimes of AWS Lambda (Netlify Functions), Alibaba Function Compute and Gitpod's workspaces set these.
new RuleTester({ filename: '/ws/src/config.js', files: EXAMPLE }).run(rule, {
  valid: [
    { name: "Lambda's handler name", code: 'exports.prefix = process.env._HANDLER;\n' },
    { name: "Function Compute's runtime version", code: 'const fc = Boolean(process.env.FC_RUNTIME_VERSION);\n' },
    { name: "Gitpod's workspace URL", code: "export const IS_GITPOD = process.env['GITPOD_WORKSPACE_URL'] !== undefined;\n" },
  ],
  invalid: [
    { name: 'an FC_ name the runtime does not set', code: 'const key = process.env.FC_API_KEY;\n', ...reported('FC_API_KEY') },
  ],
});

// openstatus' `packages/db/env.mjs`: the library has an example of its own, and the apps that import it declare
// the ClickHouse settings in theirs.
const LIBRARY = {
  '/ws/package.json': '{ "name": "root", "workspaces": ["apps/*", "packages/*"] }\n',
  '/ws/packages/db/package.json': '{ "name": "@app/db" }\n',
  '/ws/packages/db/.env.example': 'DATABASE_URL=\n',
  '/ws/apps/web/package.json': '{ "name": "web", "dependencies": { "@app/db": "workspace:*" } }\n',
  '/ws/apps/web/.env.example': 'CLICKHOUSE_URL=\n',
};
new RuleTester({ filename: '/ws/packages/db/env.mjs' }).run(rule, {
  valid: [
    { name: 'declared by the example of an app that imports the library', code: 'export const url = process.env.CLICKHOUSE_URL;\n', files: LIBRARY },
  ],
  invalid: [
    {
      name: 'an app that does not import the library declares nothing for it',
      code: 'export const url = process.env.CLICKHOUSE_URL;\n',
      files: { ...LIBRARY, '/ws/apps/web/package.json': '{ "name": "web" }\n' },
      ...reported('CLICKHOUSE_URL'),
    },
    { name: 'a name no dependent declares', code: 'export const user = process.env.CLICKHOUSE_USER;\n', files: LIBRARY, ...reported('CLICKHOUSE_USER') },
  ],
});

// formbricks' prisma.config: the shadow database only `prisma migrate dev` uses, guard included: information.
const PRISMA = [
  'export default defineConfig({',
  '  datasource: {',
  '    url: process.env.DATABASE_URL,',
  '    ...(process.env.SHADOW_DATABASE_URL && { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL }),',
  '    directUrl: process.env.DIRECT_URL,',
  '  },',
  '});',
  '',
].join('\n');
new RuleTester({ filename: '/ws/prisma.config.ts', files: EXAMPLE }).run(rule, {
  valid: [],
  invalid: [
    {
      name: "the shadow database is the developer's; the direct URL is the deployment's",
      code: PRISMA,
      errors: [{ messageId: 'undeclared', line: 4, severity: 'info' }, { messageId: 'undeclared', line: 5, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a spread that also sets a deployment setting stays a warning',
      code: 'export default defineConfig({ datasource: { ...(process.env.SHADOW_DATABASE_URL && { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL, directUrl: "x" }) } });\n',
      errors: [{ messageId: 'undeclared', line: 1, severity: 'warning' }],
      output: null,
    },
  ],
});

// openstatus' apps alias an icon set by `ICON_SET`, which the icons package's README documents for its users.
const ICONS = {
  '/ws/.env.example': 'DATABASE_URL=\n',
  '/ws/package.json': '{ "name": "root", "workspaces": ["apps/*", "packages/*"] }\n',
  '/ws/packages/icons/package.json': '{ "name": "@app/icons" }\n',
  '/ws/packages/icons/README.md': '# Icons\n\nThe default set needs nothing. Swap it at build time by setting `ICON_SET=nucleo`.\n',
  '/ws/apps/web/package.json': '{ "name": "web", "dependencies": { "@app/icons": "workspace:*" } }\n',
};
const ICON_READ = 'const nucleo = process.env.ICON_SET === "nucleo";\nexport default {};\n';
new RuleTester({ filename: '/ws/apps/web/next.config.ts' }).run(rule, {
  valid: [{ name: 'documented by the README of a workspace package the app depends on', code: ICON_READ, files: ICONS }],
  invalid: [
    { name: 'a package the app does not depend on documents nothing for it', code: ICON_READ, files: { ...ICONS, '/ws/apps/web/package.json': '{ "name": "web" }\n' }, ...reported('ICON_SET') },
    {
      name: 'a mention in prose is no declaration',
      code: ICON_READ,
      files: { ...ICONS, '/ws/packages/icons/README.md': '# Icons\n\nThe apps read ICON_SET when they build.\n' },
      ...reported('ICON_SET'),
    },
  ],
});

// pocket-id's docker/Dockerfile builds the front end with `BUILD_OUTPUT_PATH=dist pnpm … run build`: the variable
// its svelte.config reads is the build step's. Runtime code reading the same name is still the deployer's.
const BUILD_STEP = {
  ...EXAMPLE,
  '/ws/docker/Dockerfile': 'FROM node:22 AS build\nRUN --mount=type=cache,target=/root/.cache \\\n  BUILD_OUTPUT_PATH=dist pnpm --filter web run build\nRUN STAGE=1\n',
};
new RuleTester({ filename: '/ws/frontend/svelte.config.js', files: BUILD_STEP }).run(rule, {
  valid: [{ name: 'set on the build command of a RUN line', code: "export default { kit: { adapter: adapter({ pages: process.env.BUILD_OUTPUT_PATH ?? 'build' }) } };\n" }],
  invalid: [
    { name: 'runtime code is not the build step', filename: '/ws/frontend/src/server.js', code: 'export const out = process.env.BUILD_OUTPUT_PATH;\n', ...reported('BUILD_OUTPUT_PATH') },
    { name: 'a shell variable with no command is set for nothing', code: 'export default { stage: process.env.STAGE };\n', ...reported('STAGE') },
  ],
});
