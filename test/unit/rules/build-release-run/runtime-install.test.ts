import { rule } from '../../../../core/src/rules/build-release-run/runtime-install';
import { RuleTester } from '../ruleTester';

const install = "import { execSync } from 'child_process';\nexecSync('npm install');\n";

new RuleTester({ filename: '/ws/src/plugins.ts' }).run(rule, {
  valid: [
    { name: 'other commands', code: "import { execSync } from 'child_process';\nexecSync('npm run build');\nexecSync('git rev-parse HEAD');\nexecSync('yarn build');\n" },
    { name: 'installing into another folder (a scaffolder)', code: "import { execSync } from 'child_process';\nexecSync('npm install', { cwd: projectDir });\nexecSync(`cd ${dir} && npm install`);\nexecSync('npm install --prefix ./generated');\n" },
    { name: 'not a child process', code: "const npm = 'npm install';\nconsole.log('run npm install first');\n" },
    // Held-out 9 (typebot's forge CLI): a scaffolder that asks its questions with @clack/prompts, then installs.
    { name: 'a command that prompts its user at a terminal', code: "import { spawn } from 'node:child_process';\nimport * as p from '@clack/prompts';\nconst name = await p.text({ message: 'Block name?' });\nspawn('bun', ['install']);\n" },
    { name: 'the same with inquirer', code: "import { execSync } from 'child_process';\nimport inquirer from 'inquirer';\nconst answers = await inquirer.prompt([{ name: 'db' }]);\nexecSync('npm install pg');\n" },
    { name: 'unknown exec', code: "import { exec } from './shell';\nexec('npm install');\n" },
    // Scripts, bin, build config, CLI files and test files are left alone.
    { name: 'left alone: /ws/scripts/setup.ts', code: install, filename: '/ws/scripts/setup.ts' },
    // Held-out 5: a maintainer's version-bump script kept in a dot-folder.
    { name: 'left alone: /ws/.scripts/version.js', code: install, filename: '/ws/.scripts/version.js' },
    { name: 'left alone: /ws/install-deps.js', code: install, filename: '/ws/install-deps.js' },
    { name: 'left alone: /ws/setup.js', code: install, filename: '/ws/setup.js' },
    { name: 'left alone: /ws/postinstall.mjs', code: install, filename: '/ws/postinstall.mjs' },
    { name: 'left alone: /ws/bin/cli.js', code: install, filename: '/ws/bin/cli.js' },
    // Audit, held-out set: yapi's maintainer runs npm-publish.js to build, tag and push a release.
    { name: 'left alone: /ws/npm-publish.js', code: install, filename: '/ws/npm-publish.js' },
    { name: 'left alone: /ws/publish.mjs', code: install, filename: '/ws/publish.mjs' },
    { name: 'left alone: /ws/webpack.config.js', code: install, filename: '/ws/webpack.config.js' },
    { name: 'left alone: /ws/vite.config.ts', code: install, filename: '/ws/vite.config.ts' },
    { name: 'left alone: /ws/test/install.test.ts', code: install, filename: '/ws/test/install.test.ts' },
    { name: 'a CLI with a shebang', code: `#!/usr/bin/env node\n${install}` },
    { name: 'a package with `bin` is a command-line tool', code: install, files: { '/ws/package.json': JSON.stringify({ name: 'create-thing', bin: { 'create-thing': 'dist/cli.js' } }) } },
  ],
  invalid: [
    { name: 'bun install from a module that asks nobody anything', code: "import { spawn } from 'node:child_process';\nimport { text } from './ui/prompts';\nspawn('bun', ['install']);\n", errors: [['install', 3, 'spawn']] },
    { name: 'execSync npm install', code: "import { execSync } from 'child_process';\nexecSync('npm install');\n", errors: [['install', 2, 'execSync']] },
    { name: 'exec with a package', code: "const cp = require('node:child_process');\ncp.exec(`npm i ${name} --save`, done);\n", errors: [['install', 2, 'exec']] },
    { name: 'spawn npm with argv', code: "import { spawn } from 'child_process';\nspawn('npm', ['install', '--production']);\n", errors: [['install', 2, 'spawn']] },
    { name: 'spawn npm.cmd on windows', code: "import { spawnSync } from 'child_process';\nspawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci']);\n", errors: [['install', 2, 'spawnSync']] },
    { name: 'yarn add via execa', code: "import { execa } from 'execa';\nawait execa('yarn', ['add', 'left-pad']);\n", errors: [['install', 2, 'execa']] },
    { name: 'pnpm via execaCommand', code: "import { execaCommand } from 'execa';\nawait execaCommand('pnpm install --frozen-lockfile');\n", errors: [['install', 2, 'execaCommand']] },
    { name: 'zx', code: "import { $ } from 'zx';\nawait $`npm i`;\n", errors: [['install', 2, '$']] },
    { name: 'promisified exec', code: "import { exec } from 'child_process';\nimport { promisify } from 'util';\nconst run = promisify(exec);\nawait run('pip install -r requirements.txt');\n", errors: [['install', 4, 'run']] },
    { name: 'git pull', code: "const { execSync } = require('child_process');\napp.post('/update', () => execSync('git pull && npm install'));\n", errors: [['install', 2, 'execSync']] },
    { name: 'git pull alone', code: "const { execSync } = require('child_process');\nsetInterval(() => execSync('git pull origin main'), 60000);\n", errors: [['fetch', 2, 'execSync']] },
    { name: 'command in a constant', code: "import { execSync } from 'child_process';\nconst INSTALL = 'npm install';\nexecSync(INSTALL);\n", errors: [['install', 3, 'execSync']] },
    { name: 'shelljs', code: "const shell = require('shelljs');\nshell.exec('yarn');\n", errors: [['install', 2, 'exec']] },
    { name: 'a dot-folder that is no scripts folder is judged', code: install, filename: '/ws/.server/update.js', errors: [['install', 2, 'execSync']] },
    { name: 'a project kept in a folder named build is judged by its own layout', code: install, filename: '/home/me/build/app/src/x.ts', root: '/home/me/build/app', errors: [['install', 2, 'execSync']] },
    { name: 'a module whose name only contains publish is judged', code: install, filename: '/ws/src/publisher.ts', errors: [['install', 2, 'execSync']] },
    { name: 'a package without `bin` is an app', code: install, files: { '/ws/package.json': JSON.stringify({ name: 'app' }) }, errors: [['install', 2, 'execSync']] },
  ],
});
