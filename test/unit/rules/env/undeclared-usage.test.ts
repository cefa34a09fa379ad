import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Audit (issue 10): hedgedoc's frontend reads BUILD_TIME, which its own build script sets
// (`"build": "dotenv -v NODE_ENV=production -- ./build.sh"`, build.sh: `BUILD_TIME=true next build`).
const EXAMPLE = { '/ws/.env.example': 'API_URL=\n' };
const withScripts = (scripts: Record<string, string>, more: Record<string, string> = {}) => ({
  files: { ...EXAMPLE, '/ws/package.json': JSON.stringify({ scripts }), ...more },
});
const READ = 'const buildTime = process.env.BUILD_TIME;\nconst api = process.env.API_URL;\n';

new RuleTester({ filename: '/ws/src/config.js' }).run(rule, {
  valid: [
    { name: 'a method of the env object is not a variable', code: "if (process.env.hasOwnProperty('API_URL')) start();\n", files: EXAMPLE },
    { name: 'set inline by a package.json script', code: READ, ...withScripts({ build: 'BUILD_TIME=true next build' }) },
    { name: 'set through cross-env', code: READ, ...withScripts({ build: 'cross-env NODE_OPTIONS=--max-old-space-size=4096 BUILD_TIME=1 vite build' }) },
    { name: 'set through dotenv-cli -v', code: READ, ...withScripts({ build: 'dotenv -v BUILD_TIME=true -- next build' }) },
    { name: 'set inline after && in a script', code: READ, ...withScripts({ build: 'rm -rf dist && BUILD_TIME=yes tsc' }) },
    {
      name: 'set inline in a shell script a package.json script runs',
      code: READ,
      ...withScripts({ build: 'dotenv -v NODE_ENV=production -c production -- ./build.sh' }, { '/ws/build.sh': '#!/bin/sh\nset -e\nBUILD_TIME=true next build\n' }),
    },
    // Audit, held-out set: linkwarden's next.config.js inlines `env: { version }`; Next.js sets NEXT_RUNTIME
    // and Expo's Babel preset EXPO_OS.
    {
      name: 'set by next.config.js env',
      code: READ,
      ...withScripts({ build: 'next build' }, { '/ws/next.config.js': "const { version } = require('./package.json');\nmodule.exports = {\n  env: {\n    BUILD_TIME: Date.now(),\n    version,\n  },\n};\n" }),
    },
    {
      name: 'a test runner\'s config is test code (rallly\'s playwright.smoke.config.ts)',
      filename: '/ws/playwright.smoke.config.ts',
      code: 'export default { use: { baseURL: process.env.SMOKE_BASE_URL } };\n',
      ...withScripts({}),
    },
    // Held-out 3 (anything-llm): NODE_PATH passed on to the MCP servers it starts.
    { name: "Node's own module path", code: 'const env = { NODE_PATH: process.env.NODE_PATH };\n', ...withScripts({}) },
    { name: 'set by the framework', code: "if (process.env.NEXT_RUNTIME === 'edge') {}\nconst ios = process.env.EXPO_OS === 'ios';\n", ...withScripts({}) },
    // Held-out 6 (puter): an MCP bundle's manifest.json sets its server's variables from the host's user settings.
    {
      name: "set by an MCP bundle's manifest",
      filename: '/ws/mcpb/server/index.cjs',
      code: 'const url = process.env.APP_MCP_URL;\nconst token = process.env.APP_TOKEN;\n',
      ...withScripts({}, { '/ws/mcpb/manifest.json': '{"manifest_version":"0.2","server":{"type":"node","entry_point":"server/index.cjs","mcp_config":{"command":"node","args":["${__dirname}/server/index.cjs"],"env":{"APP_MCP_URL":"${user_config.server_url}","APP_TOKEN":"${user_config.token}"}}}}' }),
    },
    // Held-out 6 (formbricks, puter): Next.js names the phase it loads a module in; npm the folder a script started in.
    {
      name: "set by Next.js and by npm's script runner",
      code: "const building = process.env.NEXT_PHASE === 'phase-production-build';\nconst cwd = process.env.INIT_CWD ?? process.cwd();\n",
      ...withScripts({}),
    },
    // Held-out 7 (karakeep's CLI): the XDG base directories are the desktop session's.
    {
      name: 'an XDG base directory',
      code: "const dir = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');\n",
      ...withScripts({}),
    },
    // Held-out 8 (swetrix): pm2 numbers the instances it starts in cluster mode; the app runs cron work on the first.
    {
      name: "pm2's instance number",
      code: "export const isPrimary = () => !process.env.NODE_APP_INSTANCE || process.env.NODE_APP_INSTANCE === '0';\n",
      ...withScripts({}),
    },
  ],
  invalid: [
    { name: "an instance setting of the app's own is the deployer's", code: 'const n = process.env.APP_INSTANCE;\n', ...withScripts({}), errors: [['undeclared', 1, 'APP_INSTANCE']], output: null },
    { name: 'an XDG-like name of the app\'s own is the deployer\'s', code: 'const dir = process.env.XDG_APP_HOME;\n', ...withScripts({}), errors: [['undeclared', 1, 'XDG_APP_HOME']], output: null },
    { name: 'no script sets it', code: READ, ...withScripts({ build: 'next build' }), errors: [['undeclared', 1, 'BUILD_TIME']], output: null },
    {
      name: 'a web app manifest, or a bundle that sets other variables, declares nothing',
      filename: '/ws/mcpb/server/index.cjs',
      code: 'const url = process.env.APP_MCP_URL;\nconst other = process.env.APP_OTHER;\n',
      ...withScripts({}, { '/ws/mcpb/manifest.json': '{"manifest_version":"0.2","server":{"type":"node","entry_point":"server/index.cjs","mcp_config":{"command":"node","args":["${__dirname}/server/index.cjs"],"env":{"APP_MCP_URL":"${user_config.server_url}","APP_TOKEN":"${user_config.token}"}}}}', '/ws/mcpb/server/manifest.json': '{"name":"App","start_url":"/","env":{"APP_OTHER":"x"}}' }),
      errors: [['undeclared', 2, 'APP_OTHER']],
      output: null,
    },
    { name: "a phase setting of the app's own is the deployer's", code: 'const phase = process.env.APP_PHASE;\n', ...withScripts({}), errors: [['undeclared', 1, 'APP_PHASE']], output: null },
    {
      name: 'exported by a shell script (a deploy script\'s placeholder for the operator)',
      code: READ,
      ...withScripts({ deploy: 'sh deploy.sh' }, { '/ws/deploy.sh': 'export BUILD_TIME=changeme\nnode server.js\n' }),
      errors: [['undeclared', 1, 'BUILD_TIME']],
      output: null,
    },
    {
      name: 'a shell comment and an assignment with no command after it',
      code: READ,
      ...withScripts({ build: './build.sh' }, { '/ws/build.sh': '# BUILD_TIME=true next build\nBUILD_TIME=true\n' }),
      errors: [['undeclared', 1, 'BUILD_TIME']],
      output: null,
    },
    {
      name: 'next.config.js env names only its own keys, not the values or other options',
      code: 'const a = process.env.version;\nconst b = process.env.BUILD_TIME;\n',
      ...withScripts({ build: 'next build' }, { '/ws/next.config.js': 'module.exports = { env: { BUILD_TIME: process.env.version }, images: { version: 2 } };\n' }),
      errors: [['undeclared', 1, 'version']],
      output: null,
    },
    {
      name: 'a module named after a test runner is no test config',
      filename: '/ws/src/playwright.ts',
      code: 'export default { use: { baseURL: process.env.SMOKE_BASE_URL } };\n',
      ...withScripts({}),
      errors: [['undeclared', 1, 'SMOKE_BASE_URL']],
      output: null,
    },
    {
      name: 'read through a string constant of the file',
      code: "const NAME = 'BUILD_TIME';\nconst buildTime = process.env[NAME];\n",
      files: EXAMPLE,
      errors: [['undeclared', 2, 'NAME']],
      output: null,
    },
    { name: 'read through a parameter defaulting to the env object', code: 'export function load(env = process.env) {\n  return env.BUILD_TIME;\n}\n', files: EXAMPLE, errors: [['undeclared', 2, 'BUILD_TIME']], output: null },
    { name: 'a shell script outside the package is not read', code: READ, ...withScripts({ build: '../build.sh' }, { '/build.sh': 'BUILD_TIME=1 next build\n' }), errors: [['undeclared', 1, 'BUILD_TIME']], output: null },
  ],
});
