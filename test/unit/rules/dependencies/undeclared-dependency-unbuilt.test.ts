import { rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester } from '../ruleTester';

// Stop 26 (audit/README.md, "undeclared-dependency, stop 26"): imports no install has to satisfy. Each valid case
// was a false positive on a real application; each invalid case is its near miss.

// Electron serves `require('electron')` from its built-in modules: no node_modules lookup happens.
const LIB = {
  '/ws/package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
  '/ws/packages/lib/package.json': JSON.stringify({ name: '@acme/lib', dependencies: { 'fs-extra': '^11.0.0' } }),
};
new RuleTester({ filename: '/ws/packages/lib/shim.ts', files: LIB }).run(rule, {
  valid: [
    { name: "Electron's built-in module", code: "export function open(url: string) {\n  const { shell } = require('electron');\n  return shell.openExternal(url);\n}\n" },
    { name: "a process-specific entry of Electron's module", code: "import { ipcRenderer } from 'electron/renderer';\nexport const send = ipcRenderer.send;\n" },
  ],
  invalid: [
    {
      name: 'an npm package whose name begins with electron is installed like any other',
      code: "import Store from 'electron-store';\nexport const store = new Store();\n",
      errors: [['undeclared', 1, "'electron-store'"]],
    },
    {
      name: "a subpath Electron does not serve is the npm package's file",
      code: "const binary = require('electron/cli');\nexport default binary;\n",
      errors: [['undeclared', 1, "'electron/cli'"]],
    },
  ],
});

// A module whose relative imports are all gone cannot be built or run (a copy of moved code; a root `legacy/` folder is retired code, roles.ts).
const APP = {
  '/app/package.json': JSON.stringify({ name: 'app', dependencies: { express: '^4.0.0' } }),
  '/app/server/index.ts': "import express from 'express';\nexpress().listen(Number(process.env.PORT));\n",
  '/app/moved/server/README.md': '# old worker\n',
};
const LEGACY_WORKER = "import { Worker } from 'bullmq';\nimport logger from './logger';\nimport Robot from './models/Robot';\nexport const w = new Worker('q', async () => logger.info(Robot));\n";
new RuleTester({ filename: '/app/moved/server/worker.ts', files: APP, root: '/app' }).run(rule, {
  valid: [
    { name: 'every relative import names a file that does not exist', code: LEGACY_WORKER },
    {
      name: 'a missing parent folder counts as missing too',
      code: "import PgBoss from 'pg-boss';\nimport logger from '../logger';\nimport Run from '../models/Run';\nexport const boss = new PgBoss(String(process.env.DB));\nlogger.info(boss, Run);\n",
    },
  ],
  invalid: [
    {
      name: 'one relative import resolves: the file is live',
      code: LEGACY_WORKER,
      files: { ...APP, '/app/moved/server/logger.ts': 'export default console;\n' },
      errors: [['undeclared', 1, "'bullmq'"]],
    },
    {
      name: "TypeScript's ESM import of the emitted .js resolves to the .ts source",
      code: "import { Worker } from 'bullmq';\nimport logger from './logger.js';\nexport const w = new Worker('q', async () => logger);\n",
      files: { ...APP, '/app/moved/server/logger.ts': 'export default console;\n' },
      errors: [['undeclared', 1, "'bullmq'"]],
    },
    {
      name: 'a missing git-ignored settings file or build output decides nothing',
      code: "import { Worker } from 'bullmq';\nimport config from './config.json';\nimport { run } from '../../lib/index.js';\nexport const w = new Worker(config.queue, run);\n",
      errors: [['undeclared', 1, "'bullmq'"]],
    },
    {
      name: 'a single missing module may be a file generated under any name: not enough',
      code: "import { Worker } from 'bullmq';\nimport store from '../src/store';\nexport const w = new Worker(store.queue, async () => 1);\n",
      errors: [['undeclared', 1, "'bullmq'"]],
    },
    {
      name: "Amplify's generated aws-exports counts for nothing",
      code: "import { Worker } from 'bullmq';\nimport aws from '../src/aws-exports';\nimport helpers from './helpers';\nexport const w = new Worker(aws.queue, helpers);\n",
      errors: [['undeclared', 1, "'bullmq'"]],
    },
    {
      name: 'a file with no relative import is judged',
      code: "import { Worker } from 'bullmq';\nexport const w = new Worker('q', async () => 1);\n",
      errors: [['undeclared', 1, "'bullmq'"]],
    },
  ],
});

// Create React App's service worker, left behind by a move to Vite: no build compiles it.
const VITE_UI = {
  '/ui/package.json': JSON.stringify({ name: 'ui', scripts: { build: 'vite build' }, dependencies: { react: '^18.0.0' }, devDependencies: { vite: '^5.0.0' } }),
  '/ui/vite.config.js': "import { defineConfig } from 'vite';\nexport default defineConfig({ build: { outDir: 'dist' } });\n",
  '/ui/src/index.tsx': "import * as sw from './serviceWorkerRegistration';\nsw.register();\n",
  '/ui/src/serviceWorkerRegistration.ts': "export function register() { navigator.serviceWorker.register('/service-worker.js'); }\n",
};
const WORKER = "import { clientsClaim } from 'workbox-core';\nimport { precacheAndRoute } from 'workbox-precaching';\nclientsClaim();\nprecacheAndRoute([]);\n";
const WORKER_ERRORS: Array<['undeclared', number, string]> = [['undeclared', 1, "'workbox-core'"], ['undeclared', 2, "'workbox-precaching'"]];
new RuleTester({ filename: '/ui/src/service-worker.ts', files: VITE_UI, root: '/ui' }).run(rule, {
  valid: [{ name: "CRA's src/service-worker.ts in a package react-scripts no longer builds", code: WORKER }],
  invalid: [
    {
      name: 'react-scripts compiles it with InjectManifest',
      code: WORKER,
      files: { ...VITE_UI, '/ui/package.json': JSON.stringify({ name: 'ui', dependencies: { react: '^18.0.0', 'react-scripts': '5.0.1' } }) },
      errors: WORKER_ERRORS,
    },
    {
      name: 'a PWA plugin builds the worker',
      code: WORKER,
      files: { ...VITE_UI, '/ui/package.json': JSON.stringify({ name: 'ui', devDependencies: { vite: '^5.0.0', 'vite-plugin-pwa': '^0.20.0' } }) },
      errors: WORKER_ERRORS,
    },
    {
      name: 'the build config names it as an entry',
      code: WORKER,
      files: { ...VITE_UI, '/ui/vite.config.js': "export default { build: { rollupOptions: { input: { sw: 'src/service-worker.ts' } } } };\n" },
      errors: WORKER_ERRORS,
    },
    {
      name: 'a source beside it imports it, so it is bundled',
      code: WORKER,
      files: { ...VITE_UI, '/ui/src/index.tsx': "import './service-worker';\n" },
      errors: WORKER_ERRORS,
    },
    { name: 'another worker file is no CRA template', filename: '/ui/src/sw.ts', code: WORKER, errors: WORKER_ERRORS },
  ],
});
