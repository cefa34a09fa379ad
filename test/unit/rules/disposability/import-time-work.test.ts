import { rule } from '../../../../core/src/rules/disposability/import-time-work';
import { RuleTester } from '../ruleTester';

const EXEC = "import { execSync } from 'child_process';\nexecSync('git rev-parse HEAD');\n";
const BUILD_CONFIG = "const { execSync } = require('child_process');\nconst commit = execSync('git rev-parse --short HEAD').toString();\nmodule.exports = { siteMetadata: { commit } };\n";

new RuleTester({ filename: '/ws/src/server.ts' }).run(rule, {
  valid: [
    { name: 'inside a function', code: "import { execSync } from 'child_process';\nexport function commit() {\n  return execSync('git rev-parse HEAD').toString();\n}\n" },
    { name: 'inside a handler', code: "import { execSync } from 'child_process';\napp.get('/v', (req, res) => res.send(execSync('git describe')));\n" },
    { name: 'asynchronous exec at module level', code: "import { exec } from 'child_process';\nexec('git rev-parse HEAD', (e, out) => {});\n" },
    { name: 'top-level await outside a server module (a script or a library)', code: "const res = await fetch('https://example.org');\nexport const data = await res.json();\n" },
    { name: 'awaiting a database connection is start-up, not network fetching', code: "import express from 'express';\nawait db.connect();\nexpress().listen(process.env.PORT);\n" },
    { name: 'class bodies', code: "import { execSync } from 'child_process';\nclass Git {\n  head = execSync('git rev-parse HEAD');\n}\n" },
    // Build configuration of static-site and app frameworks runs at build time.
    ...['/ws/gatsby-config.js', '/ws/gatsby-node.ts', '/ws/.eleventy.js', '/ws/quasar.conf.js', '/ws/nuxt.config.ts'].map((filename) => ({ name: `build configuration: ${filename}`, filename, code: BUILD_CONFIG })),
    // Scripts, build config, CLIs and tests are left alone.
    ...['/ws/scripts/release.ts', '/ws/next.config.js', '/ws/test/x.test.ts'].map((filename) => ({ name: `left alone: ${filename}`, filename, code: EXEC })),
    { name: 'left alone: a CLI (shebang)', code: `#!/usr/bin/env node\n${EXEC}` },
  ],
  invalid: [
    { name: 'execSync at module level', code: "import { execSync } from 'child_process';\nconst commit = execSync('git rev-parse HEAD').toString().trim();\n", errors: [['syncCommand', 2, 'execSync']] },
    { name: 'spawnSync inside a top-level block', code: "const cp = require('child_process');\nif (process.env.WARM) {\n  cp.spawnSync('python', ['warm.py']);\n}\n", errors: [['syncCommand', 3, 'spawnSync']] },
    { name: 'execFileSync', code: "import { execFileSync } from 'node:child_process';\nexport const version = execFileSync('node', ['--version'], { encoding: 'utf8' });\n", errors: [['syncCommand', 2, 'execFileSync']] },
    { name: 'top-level await fetch in a server module', code: "import express from 'express';\nconst flags = await fetch('https://flags.internal/all').then((r) => r.json());\nconst app = express();\napp.listen(process.env.PORT);\n", errors: [['awaitNetwork', 2, 'fetch']] },
    { name: 'top-level await axios in a server module', code: "import axios from 'axios';\nimport express from 'express';\nconst { data } = await axios.get('https://config.internal');\nexpress().listen(process.env.PORT);\n", errors: [['awaitNetwork', 3, 'axios.get']] },
    { name: 'an app module named like a config is still the app', filename: '/ws/src/app-config.js', code: BUILD_CONFIG, errors: [['syncCommand', 2, 'execSync']] },
    { name: 'findings are informational', code: "import { execSync } from 'child_process';\nexecSync('make');\n", errors: [{ messageId: 'syncCommand', severity: 'info' }] },
  ],
});
