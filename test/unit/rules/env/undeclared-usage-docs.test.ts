import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { declaredIn, isDocumentationFile } from '../../../../core/src/env/docDeclared';
import { RuleTester } from '../ruleTester';

// Audit (issue 10), second held-out set: GrowthBook documents 64 of the variables its code reads only in its
// self-hosting reference (`docs/self-host/env.mdx`), as `- **NAME** - …` list items. A project's own
// documentation that presents a name as a setting declares it; a mention in prose or a change log does not.
const EXAMPLE = { '/ws/.env.example': 'DATABASE_URL=\n' };
const READ = 'const token = process.env.API_TOKEN;\n';
const reported = { errors: [['undeclared', 1, 'API_TOKEN']] as Array<[string, number, string]>, output: null };

new RuleTester({ filename: '/ws/src/app.ts' }).run(rule, {
  valid: [
    { name: 'a README table cell declares', code: READ, files: { ...EXAMPLE, '/ws/README.md': '| Variable | Meaning |\n| --- | --- |\n| `API_TOKEN` | the token |\n' } },
    { name: 'a NAME= line in a fenced block declares', code: READ, files: { ...EXAMPLE, '/ws/docs/deploy.md': 'Set these:\n\n```sh\nexport API_TOKEN=changeme\n```\n' } },
    { name: 'a bold name starting a list item declares (GrowthBook env.mdx)', code: READ, files: { ...EXAMPLE, '/ws/docs/self-host/env.mdx': '## Settings\n\n- **API_TOKEN** - the token\n' } },
    { name: 'a heading that is the name in code declares', code: READ, files: { ...EXAMPLE, '/ws/docs/config.md': '### `API_TOKEN`\n\nThe token.\n' } },
    { name: 'a key under environment: in a fenced compose snippet declares', code: READ, files: { ...EXAMPLE, '/ws/docs/docker.md': '```yaml\nservices:\n  app:\n    environment:\n      API_TOKEN: x\n```\n' } },
    { name: 'docker run -e in a fenced block declares', code: READ, files: { ...EXAMPLE, '/ws/README.md': '```\ndocker run -e "API_TOKEN=x" app\n```\n' } },
    { name: 'an assignment in inline code declares', code: READ, files: { ...EXAMPLE, '/ws/docs/prod.md': 'Start the worker with `API_TOKEN=<secret>` set.\n' } },
    { name: 'a name its sentence calls an environment variable declares', code: READ, files: { ...EXAMPLE, '/ws/docs/sso.md': 'Encode it, then set the environment variable `API_TOKEN`.\n' } },
    {
      name: "a sentence that names the .env file as the place declares (anything-llm's DISABLE_TELEMETRY)",
      code: READ,
      files: { ...EXAMPLE, '/ws/README.md': '### Opting out\n\nSet `API_TOKEN` in your server or docker .env settings to "true" to opt out.\n' },
    },
    {
      name: 'a sentence wrapped over two lines declares (GrowthBook BACKEND_PORT)',
      code: READ,
      files: { ...EXAMPLE, '/ws/docs/env.mdx': 'If you have a **PORT** environment variable set,\nyou need to set the **API_TOKEN** variable to `3100`.\n' },
    },
    // Held-out 7 (karakeep's MCP page): an MCP client's configuration, with the server's environment as a JSON
    // object, or as docker run arguments in a JSON list.
    {
      name: 'a key of a JSON env object in a fenced block declares',
      code: READ,
      files: { ...EXAMPLE, '/ws/docs/mcp.md': '```json\n{\n  "mcpServers": {\n    "app": {\n      "command": "npx",\n      "env": {\n        "APP_URL": "https://<host>",\n        "API_TOKEN": "<token>"\n      }\n    }\n  }\n}\n```\n' },
    },
    { name: 'a JSON env object on one line declares', code: READ, files: { ...EXAMPLE, '/ws/README.md': '```json\n{ "command": "npx", "env": { "APP_URL": "x", "API_TOKEN": "y" } }\n```\n' } },
    {
      name: 'a "NAME=value" element of a JSON argument list declares',
      code: READ,
      files: { ...EXAMPLE, '/ws/docs/mcp.md': '```json\n{ "command": "docker",\n  "args": [\n    "run",\n    "-e",\n    "API_TOKEN=<token>",\n    "app:latest"\n  ]\n}\n```\n' },
    },
    {
      name: 'the docs of the package holding the declaration file count',
      code: READ,
      filename: '/ws/packages/api/src/app.ts',
      files: { '/ws/packages/api/.env.example': 'DATABASE_URL=\n', '/ws/packages/api/docs/env.md': '- `API_TOKEN`: the token\n' },
    },
  ],
  invalid: [
    { name: 'a change log entry does not declare', code: READ, files: { ...EXAMPLE, '/ws/CHANGELOG.md': '## 2.0\n\n- **API_TOKEN** - now required\n' }, ...reported },
    { name: 'release notes under docs do not declare', code: READ, files: { ...EXAMPLE, '/ws/docs/releases/v2.md': '- `API_TOKEN` replaces `TOKEN`\n' }, ...reported },
    { name: 'a prose mention does not declare', code: READ, files: { ...EXAMPLE, '/ws/README.md': 'The client sends API_TOKEN with every request; we renamed `API_TOKEN` last year.\n' }, ...reported },
    {
      name: 'another sentence of the paragraph does not declare',
      code: READ,
      files: { ...EXAMPLE, '/ws/README.md': 'Set the `PORT` environment variable. The client then sends\n`API_TOKEN` with every request.\n' },
      ...reported,
    },
    { name: 'a file name that only starts with .env is not the .env file', code: READ, files: { ...EXAMPLE, '/ws/README.md': 'Load `API_TOKEN` through direnv (.envrc).\n' }, ...reported },
    { name: 'a heading does not lend its words to the paragraph below', code: READ, files: { ...EXAMPLE, '/ws/docs/e.md': '## Environment variables\n`API_TOKEN` goes in the header.\n' }, ...reported },
    {
      name: 'a JSON key outside an env object does not declare',
      code: READ,
      files: { ...EXAMPLE, '/ws/docs/api.md': '```json\n{ "headers": {\n  "API_TOKEN": "x"\n} }\n```\n' },
      ...reported,
    },
    {
      name: 'a JSON env object ends at its closing brace',
      code: READ,
      files: { ...EXAMPLE, '/ws/docs/mcp.md': '```json\n{ "env": {\n    "APP_URL": "x"\n  },\n  "API_TOKEN": "y"\n}\n```\n' },
      ...reported,
    },
    {
      name: 'a quoted key inside a string value of a JSON env object does not declare',
      code: READ,
      files: { ...EXAMPLE, '/ws/docs/mcp.md': '```json\n{ "env": {\n    "APP_HEADERS": "{\\"API_TOKEN\\": \\"x\\", \\"}\\": 1}",\n    "APP_URL": "x"\n  }\n}\n```\n' },
      ...reported,
    },
    { name: 'a plain list item does not declare', code: READ, files: { ...EXAMPLE, '/ws/docs/words.md': '- API_TOKEN\n' }, ...reported },
    { name: 'code in a fence that only reads the name does not declare', code: READ, files: { ...EXAMPLE, '/ws/docs/code.md': '```ts\nconst t = process.env.API_TOKEN;\n```\n' }, ...reported },
    { name: 'a fence line after the fence closed is prose again', code: READ, files: { ...EXAMPLE, '/ws/docs/a.md': '```sh\nX=1\n```\nAPI_TOKEN=1 is what we used to do\n' }, ...reported },
    {
      name: 'the docs of a sibling package do not declare',
      code: READ,
      filename: '/ws/packages/api/src/app.ts',
      files: { '/ws/packages/api/.env.example': 'DATABASE_URL=\n', '/ws/packages/web/docs/env.md': '- `API_TOKEN`: the token\n' },
      ...reported,
    },
    {
      name: 'a page over 1 MB is skipped',
      code: READ,
      files: { ...EXAMPLE, '/ws/docs/huge.md': `| \`API_TOKEN\` | the token |\n${'filler line of a very large page\n'.repeat(40_000)}` },
      ...reported,
    },
  ],
});

// A hang guard, not a time budget: backtracking on these 1 MB pages would run for minutes; a linear parse takes well
// under a second, so the runner's timeout (20× that on a loaded 2-core box) only fails a real blow-up.
test('hostile pages are parsed without a blow-up', { timeout: 60_000 }, () => {
  const line = (s: string) => `${s.repeat(Math.ceil(4000 / s.length))}\n`;
  const pages = [
    line('`A=').repeat(250),
    line('# A  ').repeat(250),
    line('| `A` ').repeat(250),
    `${line('- **A').repeat(250)}`,
    `\`\`\`yaml\n${line('  environment:\n').repeat(100)}\`\`\`\n`,
    `${'x'.repeat(1_000_000)}\n`,
    line('the environment variable `A` **B** ').repeat(250),
    line('environment variable `A1`. ').repeat(64),
    line('- `A=').repeat(250),
  ];
  for (const page of pages) assert.ok(declaredIn(page).size < 10_000, 'a bounded set of names per page');
});

test('documentation files: Markdown pages, not change logs', () => {
  assert.equal(isDocumentationFile('/ws/docs/self-host/env.mdx'), true);
  assert.equal(isDocumentationFile('/ws/README.md'), true);
  assert.equal(isDocumentationFile('/ws/CHANGELOG.md'), false);
  assert.equal(isDocumentationFile('/ws/src/app.ts'), false);
});

test('each declaring form gives the line it declares on', () => {
  const names = declaredIn('# Title\n\n| `A_B` | x |\n\n```sh\nC=1\n```\n- **D** - d\n\nWith a wrapped\nline, set the `E` environment variable.\n');
  assert.deepEqual([...names], [['A_B', 2], ['C', 5], ['D', 7], ['E', 10]]);
});
