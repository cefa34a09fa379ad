import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Reads no deployer can answer (audit/README.md, "Held-out 4, the false positives left").
const EXAMPLE = { '/ws/.env.example': 'DATABASE_URL=\n' };

// A variable the module itself sets to a literal on every run of its function: a flag a command raises before
// running a task, restored after it. Whatever a deployer set is overwritten.
const SUPPRESS = (set: string) => `async function quietly(task) {\n  const previous = process.env.APP_SKIP_BANNER;\n  ${set}\n  try {\n    return await task();\n  } finally {\n    if (previous === undefined) delete process.env.APP_SKIP_BANNER;\n    else process.env.APP_SKIP_BANNER = previous;\n  }\n}\n`;
new RuleTester({ filename: '/ws/packages/cli/src/commands/start.ts', files: EXAMPLE }).run(rule, {
  valid: [
    { name: 'a flag the command sets around a task', code: SUPPRESS("process.env.APP_SKIP_BANNER = '1';") },
    { name: 'a guard the module raises once it has run', code: "export function ensureAdmin() {\n  if (process.env.APP_ADMIN_CHECKED === '1') return;\n  check();\n  process.env.APP_ADMIN_CHECKED = '1';\n}\n" },
    { name: 'a fixed value at the top of the module', code: "process.env['TZ_NAME'] = 'UTC';\nexport const zone = process.env.TZ_NAME;\n" },
  ],
  invalid: [
    { name: 'a default keeps the deployer\'s value', code: "if (!process.env.APP_MODE) process.env.APP_MODE = 'server';\nexport const mode = process.env.APP_MODE;\n", errors: [['undeclared', 1, 'APP_MODE']], output: null },
    { name: 'set only under another condition', code: "if (isDev) process.env.API_URL = 'http://localhost:3000';\nfetch(process.env.API_URL);\n", errors: [['undeclared', 2, 'API_URL']], output: null },
    { name: 'a computed value may be the setting made absolute', code: "process.env.STORAGE_PATH = resolveStorageRoot();\nfunction resolveStorageRoot() {\n  return path.resolve(process.env.STORAGE_PATH ?? 'storage');\n}\n", errors: [['undeclared', 3, 'STORAGE_PATH']], output: null },
    { name: 'only restored, never set', code: SUPPRESS('// nothing set here'), errors: [['undeclared', 2, 'APP_SKIP_BANNER']], output: null },
    // Another module of the same package counts (undeclared-usage-who-sets.test.ts); another package's does not.
    {
      name: 'set in another package is not seen here',
      code: 'export const quiet = process.env.APP_SKIP_BANNER === \'1\';\n',
      files: { ...EXAMPLE, '/ws/packages/cli/package.json': '{ "name": "cli" }\n', '/ws/packages/app/package.json': '{ "name": "app" }\n', '/ws/packages/app/src/other.ts': "process.env.APP_SKIP_BANNER = '1';\n" },
      errors: [['undeclared', 1, 'APP_SKIP_BANNER']],
      output: null,
    },
  ],
});

// Vite exposes only `VITE_`-prefixed variables to `import.meta.env` unless its config sets `envPrefix`: a
// `VUE_APP_*` read left from an older build tool is `undefined` whatever is set, so declaring it changes nothing.
const FRONTEND = { '/ws/frontend/.env.sample': 'VITE_API_URL=\n', '/ws/frontend/package.json': '{ "name": "frontend" }\n' };
const VITE = "import { defineConfig } from 'vite';\nexport default defineConfig({ server: { port: 8080 } });\n";
new RuleTester({ filename: '/ws/frontend/src/api/index.js', files: { ...FRONTEND, '/ws/frontend/vite.config.js': VITE } }).run(rule, {
  valid: [
    { name: 'a read Vite never fills', code: "const http = axios.create({ baseURL: import.meta.env.VUE_APP_ROOT_URL || '/' });\n" },
  ],
  invalid: [
    { name: 'a VITE_ variable is the deployer\'s', code: 'const key = import.meta.env.VITE_MAPS_KEY;\n', errors: [['undeclared', 1, 'VITE_MAPS_KEY']], output: null },
    {
      name: 'a config with its own envPrefix exposes more',
      code: 'const root = import.meta.env.VUE_APP_ROOT_URL;\n',
      files: { ...FRONTEND, '/ws/frontend/vite.config.js': "export default { envPrefix: ['VITE_', 'VUE_APP_'] };\n" },
      errors: [['undeclared', 1, 'VUE_APP_ROOT_URL']],
      output: null,
    },
    {
      name: 'a config that defines the variable',
      code: 'const root = import.meta.env.VUE_APP_ROOT_URL;\n',
      files: { ...FRONTEND, '/ws/frontend/vite.config.js': "export default { define: { 'import.meta.env.VUE_APP_ROOT_URL': JSON.stringify(process.env.VUE_APP_ROOT_URL) } };\n" },
      errors: [['undeclared', 1, 'VUE_APP_ROOT_URL']],
      output: null,
    },
    { name: 'no Vite config: another tool may fill it', code: 'const root = import.meta.env.VUE_APP_ROOT_URL;\n', files: FRONTEND, errors: [['undeclared', 1, 'VUE_APP_ROOT_URL']], output: null },
    {
      name: 'Astro gives server code every variable',
      code: 'const root = import.meta.env.VUE_APP_ROOT_URL;\n',
      files: { ...FRONTEND, '/ws/frontend/vite.config.js': VITE, '/ws/frontend/astro.config.mjs': 'export default {};\n' },
      errors: [['undeclared', 1, 'VUE_APP_ROOT_URL']],
      output: null,
    },
  ],
});
