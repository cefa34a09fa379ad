import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/build-release-run/runtime-install';
import { summary } from '../fixtures/workspace/harness';

const RULE = 'build-release-run/runtime-install';
const FILE = '/ws/src/plugins.ts';

const invalid: Array<[string, string, Array<[string, number, string]>]> = [
  ['execSync npm install', "import { execSync } from 'child_process';\nexecSync('npm install');\n", [['install', 2, 'execSync']]],
  ['exec with a package', "const cp = require('node:child_process');\ncp.exec(`npm i ${name} --save`, done);\n", [['install', 2, 'exec']]],
  ['spawn npm with argv', "import { spawn } from 'child_process';\nspawn('npm', ['install', '--production']);\n", [['install', 2, 'spawn']]],
  ['spawn npm.cmd on windows', "import { spawnSync } from 'child_process';\nspawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci']);\n", [['install', 2, 'spawnSync']]],
  ['yarn add via execa', "import { execa } from 'execa';\nawait execa('yarn', ['add', 'left-pad']);\n", [['install', 2, 'execa']]],
  ['pnpm via execaCommand', "import { execaCommand } from 'execa';\nawait execaCommand('pnpm install --frozen-lockfile');\n", [['install', 2, 'execaCommand']]],
  ['zx', "import { $ } from 'zx';\nawait $`npm i`;\n", [['install', 2, '$']]],
  ['promisified exec', "import { exec } from 'child_process';\nimport { promisify } from 'util';\nconst run = promisify(exec);\nawait run('pip install -r requirements.txt');\n", [['install', 4, 'run']]],
  ['git pull', "const { execSync } = require('child_process');\napp.post('/update', () => execSync('git pull && npm install'));\n", [['install', 2, 'execSync']]],
  ['git pull alone', "const { execSync } = require('child_process');\nsetInterval(() => execSync('git pull origin main'), 60000);\n", [['fetch', 2, 'execSync']]],
  ['command in a constant', "import { execSync } from 'child_process';\nconst INSTALL = 'npm install';\nexecSync(INSTALL);\n", [['install', 3, 'execSync']]],
  ['shelljs', "const shell = require('shelljs');\nshell.exec('yarn');\n", [['install', 2, 'exec']]],
];

const valid: Array<[string, string]> = [
  ['other commands', "import { execSync } from 'child_process';\nexecSync('npm run build');\nexecSync('git rev-parse HEAD');\nexecSync('yarn build');\n"],
  ['installing into another folder (a scaffolder)', "import { execSync } from 'child_process';\nexecSync('npm install', { cwd: projectDir });\nexecSync(`cd ${dir} && npm install`);\nexecSync('npm install --prefix ./generated');\n"],
  ['not a child process', "const npm = 'npm install';\nconsole.log('run npm install first');\n"],
  ['unknown exec', "import { exec } from './shell';\nexec('npm install');\n"],
];

describe(`${RULE}`, () => {
  for (const [name, code, expected] of invalid) test(`invalid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), expected));
  for (const [name, code] of valid) test(`valid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), []));
  test('scripts, bin, build config, CLI files and test files are left alone', () => {
    const code = "import { execSync } from 'child_process';\nexecSync('npm install');\n";
    for (const file of ['/ws/scripts/setup.ts', '/ws/install-deps.js', '/ws/setup.js', '/ws/postinstall.mjs', '/ws/bin/cli.js', '/ws/webpack.config.js', '/ws/vite.config.ts', '/ws/test/install.test.ts']) {
      assert.deepEqual(summary(rule, file, code), [], file);
    }
    assert.deepEqual(summary(rule, FILE, `#!/usr/bin/env node\n${code}`), []);
  });
  test('a project kept in a folder named build is judged by its own layout', () => {
    const code = "import { execSync } from 'child_process';\nexecSync('npm install');\n";
    assert.equal(summary(rule, '/home/me/build/app/src/x.ts', code, { root: '/home/me/build/app' }).length, 1);
  });
  test('a package with `bin` is a command-line tool', () => {
    const code = "import { execSync } from 'child_process';\nexecSync('npm install');\n";
    assert.deepEqual(summary(rule, FILE, code, { files: { '/ws/package.json': JSON.stringify({ name: 'create-thing', bin: { 'create-thing': 'dist/cli.js' } }) } }), []);
    assert.equal(summary(rule, FILE, code, { files: { '/ws/package.json': JSON.stringify({ name: 'app' }) } }).length, 1);
  });
});
