import { rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester } from '../ruleTester';

// Fourth held-out audit set (audit/README.md, "Held-out 4, Node").

// A plugin that names its host (a package of the same workspace) in peerDependencies imports what the host
// installs (nocobase's plugins: `ahooks` and `lodash` come with `@nocobase/client` and `@nocobase/utils`).
const WORKSPACE = {
  '/ws/package.json': JSON.stringify({ name: 'platform', private: true, workspaces: ['packages/*/*'] }),
  '/ws/packages/core/client/package.json': JSON.stringify({ name: '@acme/client', dependencies: { ahooks: '^3.0.0', '@acme/utils': '1.0.0' } }),
  '/ws/packages/core/utils/package.json': JSON.stringify({ name: '@acme/utils', dependencies: { lodash: '^4.0.0' }, devDependencies: { vitest: '^1.0.0' } }),
};
const plugin = (peers: Record<string, string>) => ({
  ...WORKSPACE,
  '/ws/packages/plugins/plugin-acl/package.json': JSON.stringify({ name: 'plugin-acl', peerDependencies: peers }),
});
const HOST_IMPORTS = "import { useRequest } from 'ahooks';\nimport _ from 'lodash';\nexport const a = [useRequest, _];\n";

new RuleTester({ filename: '/ws/packages/plugins/plugin-acl/src/client/index.ts', files: plugin({ '@acme/client': '1.x' }) }).run(rule, {
  valid: [
    { name: "a host's dependencies and those of the workspace packages it depends on", code: HOST_IMPORTS },
    {
      name: "webpack externals are page globals, not packages (mailtrain's mailtrainConfig, jquery)",
      filename: '/ws/client/src/root.js',
      code: "import mailtrainConfig from 'mailtrainConfig';\nimport $ from 'jquery';\nexport const c = [mailtrainConfig, $];\n",
      files: {
        '/ws/client/package.json': JSON.stringify({ name: 'client', dependencies: { react: '^18.0.0' } }),
        '/ws/client/webpack.config.js': "module.exports = { externals: { jquery: 'jQuery', mailtrainConfig: 'mailtrainConfig' } };\n",
      },
    },
  ],
  invalid: [
    {
      name: 'what no host installs is still undeclared',
      code: "import { z } from 'zod';\nimport { useRequest } from 'ahooks';\nexport const a = [z, useRequest];\n",
      errors: [['undeclared', 1, "'zod'"]],
    },
    {
      name: "a host's devDependencies are not installed for its plugins",
      code: "import { test } from 'vitest';\nexport const t = test;\n",
      errors: [['undeclared', 1, "'vitest'"]],
    },
    {
      name: 'a peer from outside the workspace provides only itself',
      code: HOST_IMPORTS,
      files: plugin({ react: '^18.0.0' }),
      errors: [['undeclared', 1, "'ahooks'"], ['undeclared', 2, "'lodash'"]],
    },
    {
      name: 'a package the externals do not name is still undeclared',
      filename: '/ws/client/src/root.js',
      code: "import mailtrainConfig from 'mailtrainConfig';\nimport ace from 'ace-builds';\nexport const c = [mailtrainConfig, ace];\n",
      files: {
        '/ws/client/package.json': JSON.stringify({ name: 'client', dependencies: { react: '^18.0.0' } }),
        '/ws/client/webpack.config.js': "module.exports = { externals: { mailtrainConfig: 'mailtrainConfig' } };\n",
      },
      errors: [['undeclared', 2, "'ace-builds'"]],
    },
  ],
});

// Fifth held-out set (audit/README.md, "Held-out 5, Python and Go"): a Moodle plugin's `amd/src/` modules import
// AMD module names Moodle's loader serves (`core/…`, another plugin's `editor_tiny/…`), not npm packages; the
// plugin is known by the `version.php` every Moodle plugin has beside its `amd/` folder.
const AMD = "import Ajax from 'core/ajax';\nimport {getButtonImage} from 'editor_tiny/utils';\nimport * as Options from 'tiny_media/options';\nexport const m = [Ajax, getButtonImage, Options];\n";
const GRUNT = { '/ws/package.json': JSON.stringify({ name: 'moodle-plugin', devDependencies: { grunt: '^1.0.0' } }) };
new RuleTester({ filename: '/ws/tiny/media/amd/src/embed.js', files: { ...GRUNT, '/ws/tiny/media/version.php': "<?php\n$plugin->component = 'tiny_media';\n" } }).run(rule, {
  valid: [
    { name: "a Moodle plugin's AMD module: Moodle's loader resolves its imports", code: AMD },
  ],
  invalid: [
    { name: 'an amd/src folder with no version.php beside it is judged as any code', files: GRUNT, code: AMD, errors: [['undeclared', 1, "'core/ajax'"], ['undeclared', 2, "'editor_tiny/utils'"], ['undeclared', 3, "'tiny_media/options'"]] },
    { name: "a Moodle plugin's code outside amd/src is judged", filename: '/ws/tiny/media/tools/build.js', code: "import sharp from 'sharp';\nexport const s = sharp;\n", errors: [['undeclared', 1, "'sharp'"]] },
  ],
});
