import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Held-out 14, Node (audit/README.md). The self-hosting template kept beside `.env.example` declares what it lists
// (unsend's `.env.selfhost.example`), and Turborepo's task variables are the task runner's, as Nx's are
// (Hexabot's packages/api/scripts/frontend-build.js asks whether turbo started it). A setting renamed with its old
// name still read after the new, declared one (unsend's smtp-server: `USESEND_BASE_URL ?? UNSEND_BASE_URL`) is that
// setting's old name; a name read before a declared one overrides it and is a setting of its own.
const reported = (name: string, line = 1) => ({ errors: [['undeclared', line, name]] as Array<[string, number, string]>, output: null });
const FILES = {
  '/ws/.env.example': 'DATABASE_URL=\n',
  '/ws/.env.selfhost.example': 'GOOGLE_CLIENT_ID=\n# DISCORD_WEBHOOK_URL=\n',
};

new RuleTester({ filename: '/ws/apps/web/src/env.js', files: FILES }).run(rule, {
  valid: [
    { name: 'declared by the self-hosting variant beside .env.example', code: 'export const id = process.env.GOOGLE_CLIENT_ID;\n' },
    { name: 'declared commented out in the variant', code: 'export const hook = process.env.DISCORD_WEBHOOK_URL;\n' },
    { name: 'a .sample variant', code: 'export const k = process.env.S3_KEY;\n', files: { ...FILES, '/ws/.env.docker.sample': 'S3_KEY=\n' } },
    { name: 'the old name of a renamed setting, chained after the declared one', code: 'const base = process.env.DATABASE_URL ??\n  process.env.LEGACY_DATABASE_URL ??\n  "postgres://localhost/app";\n' },
    { name: "Turborepo's task variables", filename: '/ws/packages/api/scripts/build.js', code: 'const underTurbo = Boolean(process.env.TURBO_HASH || process.env.TURBO_TASK_ID);\n' },
  ],
  invalid: [
    { name: 'declared by no example', code: 'export const k = process.env.STRIPE_SECRET_KEY;\n', ...reported('STRIPE_SECRET_KEY') },
    {
      name: 'a variant in another folder declares nothing here',
      code: 'export const id = process.env.GOOGLE_CLIENT_ID;\n',
      files: { '/ws/.env.example': 'DATABASE_URL=\n', '/ws/docs/.env.selfhost.example': 'GOOGLE_CLIENT_ID=\n' },
      ...reported('GOOGLE_CLIENT_ID'),
    },
    {
      name: 'a file named like a variant but not a template',
      code: 'export const id = process.env.GOOGLE_CLIENT_ID;\n',
      files: { '/ws/.env.example': 'DATABASE_URL=\n', '/ws/.env.selfhost': 'GOOGLE_CLIENT_ID=x\n' },
      ...reported('GOOGLE_CLIENT_ID'),
    },
    { name: 'a name read before the declared one overrides it: a setting of its own', code: 'const id = process.env.GOOGLE_OAUTH_ID || process.env.GOOGLE_CLIENT_ID;\n', ...reported('GOOGLE_OAUTH_ID') },
    {
      name: 'two switches combined and compared are settings of their own',
      code: 'const skip = (process.env.DATABASE_URL || process.env.DISABLE_PRESERVATION) === "true";\n',
      ...reported('DISABLE_PRESERVATION'),
    },
    { name: "a platform's variable is no declaration of the chain", code: 'const url = process.env.APP_URL || process.env.VERCEL_URL;\n', ...reported('APP_URL') },
    { name: 'a chain of undeclared names', code: 'const k = process.env.API_KEY ?? process.env.LEGACY_API_KEY;\n', errors: [['undeclared', 1, 'API_KEY'], ['undeclared', 1, 'LEGACY_API_KEY']], output: null },
    {
      name: 'a read of its own elsewhere in the file is still judged by itself',
      code: 'const a = process.env.DATABASE_URL ?? process.env.LEGACY_DATABASE_URL;\nconst b = process.env.LEGACY_DATABASE_URL;\n',
      ...reported('LEGACY_DATABASE_URL'),
    },
    {
      name: "the tests' variant declares nothing for a deployment",
      code: 'export const r = process.env.ALI_OSS_REGION;\n',
      files: { ...FILES, '/ws/.env.e2e.example': 'ALI_OSS_REGION=\n', '/ws/.env.test.example': 'ALI_OSS_REGION=\n' },
      ...reported('ALI_OSS_REGION'),
    },
    {
      name: "a developer's variant declares nothing for a deployment",
      code: 'export const r = process.env.DEBUG_SQL;\n',
      files: { ...FILES, '/ws/.env.dev.example': 'DEBUG_SQL=\n' },
      ...reported('DEBUG_SQL'),
    },
    { name: 'a name that only starts like turbo is the app\'s', code: 'export const t = process.env.TURBOCHARGE;\n', ...reported('TURBOCHARGE') },
  ],
});
