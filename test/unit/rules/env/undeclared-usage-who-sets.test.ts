import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Stop 28 (audit/README.md, "who sets this variable"): a variable set by whoever runs the file — the package's
// own code, the CI workflow that runs it — is not the deployer's to declare.
const EXAMPLE = { '/ws/.env.example': 'DATABASE_URL=\n' };
const at = (line: number, text: string, severity?: 'info' | 'warning') => ({ errors: [{ messageId: 'undeclared', line, text, ...(severity ? { severity } : {}) }], output: null });

// A CLI's command raises a flag before it loads the module that reads it: the package owns the flag.
const CLI = { ...EXAMPLE, '/ws/packages/cli/package.json': '{ "name": "cli" }\n' };
const READ_FLAG = "export const quiet = process.env.APP_SKIP_BANNER === '1';\n";
new RuleTester({ filename: '/ws/packages/cli/src/lib/ui.ts', files: CLI }).run(rule, {
  valid: [
    { name: "another module of the package sets it to a literal", code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/src/commands/restart.ts': "export function restart() {\n  process.env.APP_SKIP_BANNER = '1';\n  run();\n}\n" } },
    { name: 'an arrow function of another module sets it', code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/bin/run.js': "const main = async () => {\n  process.env['APP_SKIP_BANNER'] = 'true';\n  await import('../src/index.js');\n};\nmain();\n" } },
  ],
  invalid: [
    { name: 'only a default: the deployer may set it', code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/src/commands/restart.ts': "process.env.APP_SKIP_BANNER ??= '1';\n" }, ...at(1, 'APP_SKIP_BANNER') },
    { name: 'set under a condition', code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/src/commands/restart.ts': "if (quietMode) process.env.APP_SKIP_BANNER = '1';\n" }, ...at(1, 'APP_SKIP_BANNER') },
    // Another entry's own set-up: a worker turns off, for itself, the switch the server's deployer sets.
    { name: "another module's top level sets it for its own program", code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/jobs.js': "process.env.APP_SKIP_BANNER = false;\nrequire('./src/worker');\n" }, ...at(1, 'APP_SKIP_BANNER') },
    { name: 'a computed value', code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/src/commands/restart.ts': 'process.env.APP_SKIP_BANNER = flags.quiet;\n' }, ...at(1, 'APP_SKIP_BANNER') },
    { name: "a test's set-up sets it for the tests", code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/src/commands/restart.test.ts': "process.env.APP_SKIP_BANNER = '1';\n", '/ws/packages/cli/vitest.setup.ts': "process.env.APP_SKIP_BANNER = '1';\n" }, ...at(1, 'APP_SKIP_BANNER') },
    { name: 'another package is another program', code: READ_FLAG, files: { ...CLI, '/ws/packages/server/package.json': '{ "name": "server" }\n', '/ws/packages/server/src/start.ts': "process.env.APP_SKIP_BANNER = '1';\n" }, ...at(1, 'APP_SKIP_BANNER') },
    { name: 'a package nested in it is its own', code: READ_FLAG, files: { ...CLI, '/ws/packages/cli/templates/app/package.json': '{ "name": "tpl" }\n', '/ws/packages/cli/templates/app/index.js': "process.env.APP_SKIP_BANNER = '1';\n" }, ...at(1, 'APP_SKIP_BANNER') },
  ],
});

// Held-out 3 (web-check): the file the package's `start` script runs (`node server`) raises a flag at its top level
// for the handlers it loads; the same handlers run on a serverless platform read it unset. The process `npm start`
// starts always has it: the program's. Another entry (a worker's `jobs.js`, above) still is not.
const START = (start: string) => ({ ...EXAMPLE, '/ws/package.json': JSON.stringify({ name: 'app', scripts: { start } }) + '\n', '/ws/server.js': "process.env.APP_SERVER_MODE = 'true';\nrequire('./api/handler');\n" });
const READ_MODE = "export const serverMode = !!process.env.APP_SERVER_MODE;\n";
new RuleTester({ filename: '/ws/api/_common/middleware.js' }).run(rule, {
  valid: [
    { name: "the start script's file sets it at its top level", code: READ_MODE, files: START('node server') },
    { name: 'with node options and the extension', code: READ_MODE, files: START('node --enable-source-maps ./server.js') },
  ],
  invalid: [
    { name: 'the start script runs another file', code: READ_MODE, files: START('node index.js'), ...at(1, 'APP_SERVER_MODE') },
    { name: 'the start script is no plain node command', code: READ_MODE, files: START('node server && node worker'), ...at(1, 'APP_SERVER_MODE') },
    { name: 'set under a condition', code: READ_MODE, files: { ...START('node server'), '/ws/server.js': "if (process.argv[2]) process.env.APP_SERVER_MODE = 'true';\n" }, ...at(1, 'APP_SERVER_MODE') },
  ],
});

// A GitHub workflow whose step runs the file (directly, or through a package script) sets its job's `env:` for it.
const DAILY = (run: string, extra = '') => [
  'on:', '  schedule:', '    - cron: "30 5 * * *"', 'jobs:', '  daily:', '    runs-on: ubuntu-latest', '    env:',
  '      REPORT_WEBHOOK_URL: ${{ secrets.REPORT_WEBHOOK_URL }}', '    steps:', '      - uses: actions/checkout@v4', extra, `      - run: ${run}`, '',
].filter((l) => l !== '').join('\n');
const SCRIPTS = { ...EXAMPLE, '/ws/packages/scripts/package.json': '{ "name": "@app/scripts", "scripts": { "cron:daily": "SKIP_CHECK=1 tsx --tsconfig ./tsconfig.json src/cron/daily.ts", "report": "node src/report.js" } }\n' };
const READ_HOOK = 'await fetch(process.env.REPORT_WEBHOOK_URL, { method: "POST" });\n';
const wf = (text: string) => ({ ...SCRIPTS, '/ws/.github/workflows/daily.yml': text });
new RuleTester({ filename: '/ws/packages/scripts/src/cron/daily.ts' }).run(rule, {
  valid: [
    { name: 'nx runs the package script that runs the file', code: READ_HOOK, files: wf(DAILY('bunx nx run @app/scripts:cron:daily')) },
    { name: 'pnpm --filter runs the script', code: READ_HOOK, files: wf(DAILY('pnpm --filter @app/scripts run cron:daily')) },
    {
      name: 'npm run in the working directory',
      code: READ_HOOK,
      files: wf(['on: push', 'jobs:', '  daily:', '    runs-on: ubuntu-latest', '    defaults:', '      run:', '        working-directory: packages/scripts', '    steps:', '      - run: npm run cron:daily', '        env:', '          REPORT_WEBHOOK_URL: https://hooks.example.com/x', ''].join('\n')),
    },
    { name: 'the step runs the file itself', code: READ_HOOK, files: wf(DAILY('npx tsx packages/scripts/src/cron/daily.ts')) },
    { name: 'node with options before the file', code: READ_HOOK, files: wf(DAILY('node --inspect -r dotenv/config packages/scripts/src/cron/daily.ts')) },
  ],
  invalid: [
    { name: 'the workflow runs another file', code: READ_HOOK, files: wf(DAILY('node packages/scripts/src/report.js')), ...at(1, 'REPORT_WEBHOOK_URL') },
    { name: 'the workflow runs the tests', code: READ_HOOK, files: wf(DAILY('npm test')), ...at(1, 'REPORT_WEBHOOK_URL') },
    { name: 'a module the run file imports is not followed', filename: '/ws/packages/scripts/src/helpers/notify.ts', code: READ_HOOK, files: wf(DAILY('bunx nx run @app/scripts:cron:daily')), ...at(1, 'REPORT_WEBHOOK_URL') },
    { name: 'no workflow', code: READ_HOOK, files: SCRIPTS, ...at(1, 'REPORT_WEBHOOK_URL') },
  ],
});

// A step's env for a package script that starts Vite: set for the package's vite.config.
const EXTENSION = { ...EXAMPLE, '/ws/apps/extension/package.json': '{ "name": "extension", "scripts": { "build": "tsc && vite build" } }\n' };
const BUILD = (env: string) => ['on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - name: firefox', env, '        working-directory: apps/extension', '        run: pnpm run build --outDir dist-firefox', ''].filter((l) => l !== '').join('\n');
const VITE_CONFIG = "export default { build: { outDir: process.env.VITE_BUILD_FIREFOX ? 'firefox' : 'chrome' } };\n";
new RuleTester({ filename: '/ws/apps/extension/vite.config.ts' }).run(rule, {
  valid: [
    { name: "the step's env sets the build switch", code: VITE_CONFIG, files: { ...EXTENSION, '/ws/.github/workflows/ext.yml': BUILD('        env:\n          VITE_BUILD_FIREFOX: true') } },
  ],
  invalid: [
    { name: 'a step without env', code: VITE_CONFIG, files: { ...EXTENSION, '/ws/.github/workflows/ext.yml': BUILD('        shell: bash') }, ...at(1, 'VITE_BUILD_FIREFOX') },
    { name: "the app's code is not the config the build runs", filename: '/ws/apps/extension/src/main.ts', code: 'const firefox = import.meta.env.VITE_BUILD_FIREFOX;\n', files: { ...EXTENSION, '/ws/.github/workflows/ext.yml': BUILD('        env:\n          VITE_BUILD_FIREFOX: true') }, ...at(1, 'VITE_BUILD_FIREFOX') },
  ],
});

// A documentation site's build configuration: its variables are the docs publisher's, reported one step milder.
const DOCS_READ = "export default { url: process.env.DOCS_URL ?? 'https://docs.example.com' };\n";
new RuleTester({ filename: '/ws/docs-website/docusaurus.config.ts', files: EXAMPLE }).run(rule, {
  valid: [],
  invalid: [
    { name: 'Docusaurus config: information', code: DOCS_READ, ...at(1, 'DOCS_URL', 'info') },
    { name: 'VitePress config: information', filename: '/ws/docs/.vitepress/config.mts', code: DOCS_READ, ...at(1, 'DOCS_URL', 'info') },
    { name: 'Rspress config: information', filename: '/ws/docs/rspress.config.ts', code: DOCS_READ, ...at(1, 'DOCS_URL', 'info') },
    { name: "the app's own config keeps the warning", filename: '/ws/src/config.ts', code: DOCS_READ, ...at(1, 'DOCS_URL', 'warning') },
  ],
});

// A shared env package's switch, set on the command line by the scripts of the packages that use it.
const ENV_PKG = { ...EXAMPLE, '/ws/packages/env/package.json': '{ "name": "@app/env" }\n' };
const READ_SKIP = "export const skip = process.env.SKIP_ENV_CHECK === 'true';\n";
const user = (scripts: string, deps = '"dependencies": { "@app/env": "workspace:*" }') => ({ ...ENV_PKG, '/ws/packages/scripts/package.json': `{ "name": "@app/scripts", ${deps}, "scripts": ${scripts} }\n` });
new RuleTester({ filename: '/ws/packages/env/src/index.ts' }).run(rule, {
  valid: [
    { name: 'a package that uses it sets the switch in its scripts', code: READ_SKIP, files: user('{ "cron": "SKIP_ENV_CHECK=true tsx src/cron.ts" }') },
    { name: 'through cross-env', code: READ_SKIP, files: user('{ "start": "cross-env SKIP_ENV_CHECK=true node dist/main.js" }') },
  ],
  invalid: [
    { name: 'a package that does not use it', code: READ_SKIP, files: user('{ "cron": "SKIP_ENV_CHECK=true tsx src/cron.ts" }', '"dependencies": {}'), ...at(1, 'SKIP_ENV_CHECK') },
    { name: 'only a test script sets it', code: READ_SKIP, files: user('{ "test": "SKIP_ENV_CHECK=true vitest", "test:e2e": "SKIP_ENV_CHECK=true playwright test" }'), ...at(1, 'SKIP_ENV_CHECK') },
  ],
});

// A Heroku app.json's `env` object: the Heroku Button asks the deployer for each variable.
const APP_JSON = (env: string) => ({ ...EXAMPLE, '/ws/app.json': `{ "name": "app", "env": ${env} }\n` });
const READ_INDEX = "mongoose.set('autoIndex', process.env.MONGOOSE_AUTOINDEX === 'true');\n";
new RuleTester({ filename: '/ws/app.js' }).run(rule, {
  valid: [
    { name: "app.json's env declares it", code: READ_INDEX, files: APP_JSON('{ "MONGOOSE_AUTOINDEX": { "description": "Build indexes at start", "value": "false" } }') },
  ],
  invalid: [
    { name: 'app.json declares other variables', code: READ_INDEX, files: APP_JSON('{ "DATABASE_URI": { "description": "MongoDB" } }'), ...at(1, 'MONGOOSE_AUTOINDEX') },
    { name: 'a broken app.json declares nothing', code: READ_INDEX, files: { ...EXAMPLE, '/ws/app.json': '{ "env": { "MONGOOSE_AUTOINDEX": ' }, ...at(1, 'MONGOOSE_AUTOINDEX') },
  ],
});
