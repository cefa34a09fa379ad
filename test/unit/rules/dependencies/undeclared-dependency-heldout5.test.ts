import { rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester } from '../ruleTester';

// Fifth held-out audit set (audit/README.md, "Held-out 5, Node"). Each valid case was a false positive on a
// real application; each invalid case is its near miss.

// A framework bundles its modules' browser code with a webpack config kept deep in its own tree: the alias it
// defines (`Modules`) is no package.
const CMS = {
  '/ws/package.json': JSON.stringify({ name: 'cms', dependencies: { vue: '^3.0.0' } }),
  '/ws/modules/asset/lib/webpack/webpack.config.js':
    "const path = require('path');\nmodule.exports = { resolve: { alias: { Modules: path.resolve(__dirname, '../../..') } } };\n",
};
new RuleTester({ filename: '/ws/modules/area/ui/apps/Areas.js', files: CMS }).run(rule, {
  valid: [
    { name: 'an alias a bundler config deep in the package defines', code: "import createApp from 'Modules/ui/lib/vue';\nexport const a = createApp;\n" },
    {
      name: "an ejected app's config/webpack.config.js, which the build script loads instead of naming it",
      filename: '/ws/src/index.js',
      code: "import Button from 'Components/Button';\nexport const b = Button;\n",
      files: {
        '/ws/package.json': JSON.stringify({ name: 'web', dependencies: { react: '^18.0.0' }, scripts: { build: 'node scripts/build.js' } }),
        '/ws/config/webpack.config.js': "module.exports = { resolve: { alias: { Components: './src/components' } } };\n",
      },
    },
  ],
  invalid: [
    { name: 'a package the alias config does not name', code: "import { Editor } from '@tiptap/core';\nexport const e = Editor;\n", errors: [['undeclared', 1, "'@tiptap/core'"]] },
    {
      name: 'a lower-case name a deep config aliases is not looked for there (a package name like any other)',
      code: "import util from 'shared/util';\nexport const u = util;\n",
      files: { ...CMS, '/ws/modules/asset/lib/webpack/webpack.config.js': "module.exports = { resolve: { alias: { shared: './src/shared' } } };\n" },
      errors: [['undeclared', 1, "'shared/util'"]],
    },
    {
      name: "a nested package's config aliases only its own imports",
      code: "import Widget from 'Widgets/x';\nexport const w = Widget;\n",
      files: { ...CMS, '/ws/packages/widgets/package.json': JSON.stringify({ name: 'widgets' }), '/ws/packages/widgets/webpack.config.js': "module.exports = { resolve: { alias: { Widgets: './src' } } };\n" },
      errors: [['undeclared', 1, "'Widgets/x'"]],
    },
  ],
});

// A scripts folder inside a service keeps a manifest with no name and no runtime dependencies (`"type":
// "module"` and a devDependency of its own): Node resolves the rest from the service, which declares it.
const SERVICE = {
  '/ws/services/web/package.json': JSON.stringify({ name: 'web', dependencies: { lodash: '^4.0.0', moment: '^2.0.0' } }),
  '/ws/services/web/scripts/certs/package.json': JSON.stringify({ type: 'module', devDependencies: { '@fidm/x509': '^1.2.1' } }),
};
new RuleTester({ filename: '/ws/services/web/scripts/certs/check.js', files: SERVICE }).run(rule, {
  valid: [
    { name: "a nameless folder manifest: the service's dependencies resolve", code: "import _ from 'lodash';\nimport x509 from '@fidm/x509';\nexport const a = [_, x509];\n" },
  ],
  invalid: [
    { name: 'what neither declares is still reported', code: "import xml2js from 'xml2js';\nexport const x = xml2js;\n", errors: [['undeclared', 1, "'xml2js'"]] },
    {
      name: 'a named package in the folder is a package of its own',
      code: "import _ from 'lodash';\nexport const a = _;\n",
      files: { ...SERVICE, '/ws/services/web/scripts/certs/package.json': JSON.stringify({ name: 'cert-tools', type: 'module', devDependencies: { '@fidm/x509': '^1.2.1' } }) },
      errors: [['undeclared', 1, "'lodash'"]],
    },
    {
      name: 'a nameless manifest with runtime dependencies installs them for itself',
      code: "import _ from 'lodash';\nexport const a = _;\n",
      files: { ...SERVICE, '/ws/services/web/scripts/certs/package.json': JSON.stringify({ type: 'module', dependencies: { xml2js: '^0.6.0' } }) },
      errors: [['undeclared', 1, "'lodash'"]],
    },
  ],
});

// A script that requires the package's own folder by a bare path (`app/js/…`, run with NODE_PATH), and the
// DefinitelyTyped name of a scoped package, declared as `@types/…`.
const UPDATER = {
  '/ws/package.json': JSON.stringify({ name: 'updater', dependencies: { express: '^4.0.0' }, devDependencies: { '@types/recurly__recurly-js': '^4.0.0', '@types/leaflet': '^1.0.0' } }),
  '/ws/app/js/DocumentManager.js': 'module.exports = {};\n',
};
new RuleTester({ filename: '/ws/scripts/fix_docs.js', files: UPDATER }).run(rule, {
  valid: [
    { name: "a file of the package's own app/ folder", code: "const DocumentManager = require('app/js/DocumentManager');\nmodule.exports = DocumentManager;\n" },
    { name: 'a DefinitelyTyped package of a scoped name', filename: '/ws/types/window.ts', code: "import 'recurly__recurly-js';\nexport type W = Window;\n" },
  ],
  invalid: [
    { name: 'a path under a folder the package does not have', code: "const m = require('app/js/Missing');\nmodule.exports = m;\n", errors: [['undeclared', 1, "'app/js/Missing'"]] },
    { name: 'a runtime import whose types alone are declared', filename: '/ws/src/map.ts', code: "import L from 'leaflet';\nexport const map = L.map('m');\n", errors: [['undeclared', 1, "'leaflet'"]] },
  ],
});

// A CLI's `init` copies a project skeleton from its `templates/` (its own tsconfig, no package.json): the
// generated project's package.json declares what the skeleton imports.
const TEMPLATE = 'packages/cli/src/commands/init/templates/app/ts';
new RuleTester({ filename: `/ws/${TEMPLATE}/app/layout.tsx`, files: { '/ws/packages/cli/package.json': JSON.stringify({ name: 'cli', bin: { cli: 'dist/index.js' }, dependencies: { ora: '^8.0.0' } }), [`/ws/${TEMPLATE}/tsconfig.json`]: '{}' } }).run(rule, {
  valid: [{ name: "a generator's project template", code: "import type { Metadata } from 'next';\nimport Link from 'next/link';\nexport const l = Link;\n" }],
  invalid: [
    {
      name: 'the CLI code beside its templates is judged',
      filename: '/ws/packages/cli/src/commands/init/index.ts',
      code: "import prompts from 'prompts';\nexport const p = prompts;\n",
      errors: [['undeclared', 1, "'prompts'"]],
    },
  ],
});

// A CI script under `.github/` runs in a workflow job that installs what it needs in a step of its own.
const WORKFLOW = {
  '/ws/package.json': JSON.stringify({ name: 'app', dependencies: { express: '^4.0.0' } }),
  '/ws/.github/workflows/triage.yml': 'jobs:\n  triage:\n    steps:\n      - run: npm --prefix .github/workflows/scripts install @octokit/action@6\n      - run: node .github/workflows/scripts/triage.js\n',
};
new RuleTester({ filename: '/ws/.github/workflows/scripts/triage.js', files: WORKFLOW }).run(rule, {
  valid: [{ name: 'a package a workflow step installs', code: "const { Octokit } = require('@octokit/action');\nmodule.exports = Octokit;\n" }],
  invalid: [
    { name: 'a package no step installs', code: "const core = require('@actions/core');\nmodule.exports = core;\n", errors: [['undeclared', 1, "'@actions/core'"]] },
    { name: 'outside .github the workflow installs count for nothing', filename: '/ws/src/triage.js', code: "const { Octokit } = require('@octokit/action');\nmodule.exports = Octokit;\n", errors: [['undeclared', 1, "'@octokit/action'"]] },
  ],
});
