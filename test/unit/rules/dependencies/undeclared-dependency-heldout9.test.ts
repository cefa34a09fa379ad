import { rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester } from '../ruleTester';

// Ninth held-out audit set (audit/README.md, "Held-out 9, Node"): a workspace root's own `index.js` starts the app
// through one of its members (nodecg's `import "nodecg"`); npm links every member into the root's node_modules.
const ROOT = {
  '/ws/package.json': JSON.stringify({ name: 'monorepo', private: true, workspaces: ['workspaces/cli', 'workspaces/nodecg'] }),
  '/ws/workspaces/nodecg/package.json': JSON.stringify({ name: 'nodecg', dependencies: { express: '^4.0.0' } }),
  '/ws/workspaces/cli/package.json': JSON.stringify({ name: 'nodecg-cli' }),
};

new RuleTester({ filename: '/ws/index.js', files: ROOT }).run(rule, {
  valid: [
    { name: "the root imports its own workspace member by name", code: "import 'nodecg';\n" },
    {
      name: 'a member under a starred glob',
      code: "import { run } from '@acme/server';\nrun();\n",
      files: {
        '/ws/package.json': JSON.stringify({ name: 'monorepo', private: true, workspaces: ['packages/*'] }),
        '/ws/packages/server/package.json': JSON.stringify({ name: '@acme/server' }),
      },
    },
  ],
  invalid: [
    {
      name: "a member's own dependency is not the root's",
      code: "import express from 'express';\nexport const app = express();\n",
      errors: [['undeclared', 1, "'express'"]],
    },
    {
      name: 'pnpm links only what the root declares',
      code: "import 'nodecg';\n",
      files: { ...ROOT, '/ws/pnpm-workspace.yaml': "packages:\n  - 'workspaces/*'\n" },
      errors: [['undeclared', 1, "'nodecg'"]],
    },
  ],
});
