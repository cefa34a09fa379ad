import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { definedIn } from '../../../../core/src/env/bundlerDefined';
import { RuleTester } from '../ruleTester';

// Fifth held-out audit set (audit/README.md, "Held-out 5, Node"). Each valid case was a false positive on a
// real application; each invalid case is its near miss.
const EXAMPLE = { '/ws/.env.sample': 'REACT_APP_API_URL=\n' };
const READ = 'export const version = process.env.APP_VERSION;\n';
const reported = (name: string) => ({ errors: [['undeclared', 1, name]] as Array<[string, number, string]>, output: null });

new RuleTester({ filename: '/ws/src/config/index.ts' }).run(rule, {
  valid: [
    {
      name: "a name the build defines (a CRA override's DefinePlugin)",
      code: READ,
      files: { ...EXAMPLE, '/ws/config-overrides.js': "module.exports = (config) => {\n  config.plugins.push(new webpack.DefinePlugin({\n    'process.env.APP_VERSION': JSON.stringify(version),\n  }));\n  return config;\n};\n" },
    },
    {
      name: "a name Vite's define writes in",
      code: 'export const v = import.meta.env.APP_VERSION;\n',
      files: { ...EXAMPLE, '/ws/vite.config.ts': "export default defineConfig({ define: { 'import.meta.env.APP_VERSION': JSON.stringify(pkg.version) } });\n" },
    },
    {
      name: "a monorepo's documentation site declares (apps/docs, a table of provider variables)",
      code: 'export const url = process.env.POSTGRES_PRISMA_URL;\n',
      filename: '/ws/packages/prisma/helper.ts',
      files: { '/ws/.env.example': 'DATABASE_URL=\n', '/ws/apps/docs/content/docs/self-hosting/database.mdx': '| Provider Variable | Maps To |\n| --- | --- |\n| `POSTGRES_PRISMA_URL` | `DATABASE_URL` |\n' },
    },
  ],
  invalid: [
    {
      name: 'a define that passes the variable on still needs it set',
      code: READ,
      files: { ...EXAMPLE, '/ws/webpack.config.js': "new webpack.DefinePlugin({ 'process.env.APP_VERSION': JSON.stringify(process.env.APP_VERSION) });\n" },
      ...reported('APP_VERSION'),
    },
    {
      name: 'a define of another name declares nothing',
      code: READ,
      files: { ...EXAMPLE, '/ws/webpack.config.js': "new webpack.DefinePlugin({ 'process.env.BUILD_TIME': JSON.stringify(Date.now()) });\n" },
      ...reported('APP_VERSION'),
    },
    {
      name: "an app's own docs folder under apps/ is not the monorepo's documentation site",
      code: 'export const url = process.env.POSTGRES_PRISMA_URL;\n',
      filename: '/ws/packages/prisma/helper.ts',
      files: { '/ws/.env.example': 'DATABASE_URL=\n', '/ws/apps/web/notes/database.mdx': '| `POSTGRES_PRISMA_URL` | `DATABASE_URL` |\n' },
      ...reported('POSTGRES_PRISMA_URL'),
    },
  ],
});

test('definedIn reads webpack, Vite and esbuild define keys and leaves out pass-throughs', () => {
  const text = "define: {\n  'process.env.A': JSON.stringify('1'),\n  \"process.env.B\": '\"x\"',\n  'import.meta.env.C': 1,\n  'process.env.D': JSON.stringify(process.env.D),\n  'process.env.E': JSON.stringify(env['E']),\n}\n";
  assert.deepEqual([...definedIn(text)].sort(), ['A', 'B', 'C']);
});
