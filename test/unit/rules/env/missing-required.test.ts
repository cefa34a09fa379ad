import { rule } from '../../../../core/src/rules/env/missing-required';
import { RuleTester } from '../ruleTester';
import { GOOD_DB, SCHEMA, WITH_SCHEMA } from './fixtures';

// One finding on the first line names every missing key. The fix appends them: secrets with no value, others
// with their default (or the example's value). Fix-all applies it only when every key gets a value: an empty
// required value is an error where the missing key was a warning.
const missing = (line: number, text: string, names: string, source = '.env.schema.yaml') => ({ messageId: 'missing', line, text, data: { names, source } });
const EXAMPLE = { '/ws/.env.example': '# Port to listen on\nPORT=3000\nAPI_KEY=\n' };
const LOCAL = { '/ws/.env.schema.yaml': SCHEMA, '/ws/.env.local': 'DATABASE_URL=postgres://x/y\n' };
// Audit: `.env.test`, `.env.development` are overlays that set what that environment changes (outline, streetmix).
const OVERLAYS = { '/ws/.env.example': 'DATABASE_URL=\nSECRET_KEY=\n' };

new RuleTester(WITH_SCHEMA).run(rule, {
  valid: [
    { name: 'every required key set', code: GOOD_DB },
    { name: 'keys set in .env.local count for .env', code: 'ADMIN_EMAIL=a@b.co\n', files: LOCAL },
    { name: 'keys set in .env.local count for .env.production', filename: '/ws/.env.production', code: 'ADMIN_EMAIL=a@b.co\n', files: LOCAL },
    ...['.env.example', '.env.sample', '.env.template'].map((f) => ({ name: `template ${f} is not checked for required keys`, filename: `/ws/${f}`, code: 'PORT=1\n' })),
    // Held-out 5: an app keeps both `.env.sample` and an older `.example.env`; the template words may come first.
    ...['.example.env', 'example.env', 'sample.env'].map((f) => ({ name: `template ${f} is not checked for required keys`, filename: `/ws/${f}`, code: 'PORT=1\n' })),
    { name: '.env.sample stands in for a missing schema', code: 'PORT=1\nAPI_KEY=x\n', files: { '/ws/.env.sample': 'PORT=\nAPI_KEY=\n' } },
    { name: 'no schema and no example: nothing to check', code: 'X=1\n', files: {} },
    { name: 'a schema that does not parse, and no example: nothing to check', code: 'X=1\n', files: { '/ws/.env.schema.yaml': 'variables: [\n' } },
    { name: 'without a host (single-file run) nothing is checked', code: 'X=1\n', noHost: true },
    ...['.env.test', '.env.development', '.env.test.local', '.env.travis', '.env.dusk.local'].map((f) => ({ name: `overlay ${f} sets only what that environment changes`, filename: `/ws/${f}`, code: 'NODE_ENV=test\n', files: OVERLAYS })),
  ],
  invalid: [
    {
      name: 'missing keys: a fix the user picks (it writes empty values), the final line break too',
      code: '# app\nPORT=8080',
      errors: [missing(1, '# app', '`DATABASE_URL`, `ADMIN_EMAIL`')],
      output: null,
      suggestions: ['# app\nPORT=8080\nDATABASE_URL=\nADMIN_EMAIL=\n'],
    },
    {
      name: 'the fix writes defaults, quoted when needed, with the file\'s line breaks (fix-all applies it)',
      code: 'A=1\r\n',
      files: { '/ws/.env.schema.yaml': 'variables:\n  PORT: { type: port, required: true, default: 3000 }\n  GREETING: { required: true, default: "hello world" }\n' },
      errors: [missing(1, 'A=1', '`PORT`, `GREETING`')],
      output: "A=1\r\nPORT=3000\r\nGREETING='hello world'\r\n",
    },
    {
      name: 'an empty .env.local completes nothing',
      code: 'ADMIN_EMAIL=a@b.co\n',
      files: { ...LOCAL, '/ws/.env.local': '' },
      errors: [missing(1, 'ADMIN_EMAIL=a@b.co', '`DATABASE_URL`')],
      output: null,
      suggestions: ['ADMIN_EMAIL=a@b.co\nDATABASE_URL=\n'],
    },
    {
      name: '.env.example stands in for a missing schema: its keys are required, its values the fix\'s',
      code: 'OTHER=1\n',
      files: EXAMPLE,
      errors: [missing(1, 'OTHER=1', '`PORT`, `API_KEY`', '.env.example')],
      output: null,
      suggestions: ['OTHER=1\nPORT=3000\nAPI_KEY=\n'],
    },
    {
      name: 'a schema that does not parse is passed over for .env.example',
      code: 'X=1\n',
      files: { '/ws/.env.schema.yaml': 'variables: [\n', '/ws/.env.example': 'PORT=\n' },
      errors: [missing(1, 'X=1', '`PORT`', '.env.example')],
      output: null,
      suggestions: ['X=1\nPORT=\n'],
    },
    ...['.env', '.env.production', 'prod.env'].map((f) => ({
      name: `${f} must hold every required key`,
      filename: `/ws/${f}`,
      code: 'DATABASE_URL=postgres://db/app\n',
      files: OVERLAYS,
      errors: [{ ...missing(1, 'DATABASE_URL=postgres://db/app', '`SECRET_KEY`', '.env.example'), severity: 'warning' as const }],
      output: null,
      suggestions: ['DATABASE_URL=postgres://db/app\nSECRET_KEY=\n'],
    })),
  ],
});

// Held-out 9 (teable): a Next app's tracked `.env` holds the shared defaults Next loads in every mode; the example
// lists what each deployment sets in its environment or `.env.local`.
const NEXT_PACKAGE = { '/ws/package.json': '{ "name": "web", "dependencies": { "next": "14.2.0" } }\n', '/ws/.env.example': 'PUBLIC_ORIGIN=https://example.com\nSECRET_KEY=x\n' };
new RuleTester({ filename: '/ws/.env' }).run(rule, {
  valid: [
    { name: "a Next package's tracked .env is its shared defaults", code: 'NEXT_BUILD_ENV_OUTPUT=classic\n', files: NEXT_PACKAGE, gitTracked: true },
  ],
  invalid: [
    {
      name: 'the same .env untracked is this machine\'s configuration',
      code: 'NEXT_BUILD_ENV_OUTPUT=classic\n',
      files: NEXT_PACKAGE,
      errors: [{ messageId: 'missing', line: 1, data: { names: '`PUBLIC_ORIGIN`, `SECRET_KEY`', source: '.env.example' } }],
      output: null,
      suggestions: ['NEXT_BUILD_ENV_OUTPUT=classic\nPUBLIC_ORIGIN=\nSECRET_KEY=\n'],
    },
    {
      name: "a tracked .env of a package that no front-end build tool loads",
      code: 'NEXT_BUILD_ENV_OUTPUT=classic\n',
      files: { ...NEXT_PACKAGE, '/ws/package.json': '{ "name": "api", "dependencies": { "express": "4.0.0" } }\n' },
      gitTracked: true,
      errors: [{ messageId: 'missing', line: 1, data: { names: '`PUBLIC_ORIGIN`, `SECRET_KEY`', source: '.env.example' } }],
      output: null,
      suggestions: ['NEXT_BUILD_ENV_OUTPUT=classic\nPUBLIC_ORIGIN=\nSECRET_KEY=\n'],
    },
  ],
});
