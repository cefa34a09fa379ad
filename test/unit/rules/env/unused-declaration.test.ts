import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgramIndex } from '../../../../core/src/program';
import { rule } from '../../../../core/src/rules/env/unused-declaration';
import { RuleTester } from '../ruleTester';

// A variable declared in the .env schema or .env.example that no module of the program under the
// declaration's folder reads (a program rule: the cases' `files` are the program; info, at the key).
const EXAMPLE = 'DATABASE_URL=\nPORT=\nSTRIPE_KEY=\nOLD_FLAG=\n';
const CODE = { '/ws/src/a.ts': 'const key = process.env.STRIPE_KEY;\n', '/ws/src/b.ts': "import './a';\n" };
const unused = (line: number, name: string) => ({ messageId: 'unused', line, text: name, severity: 'info' as const, data: { name, dir: 'ws/' } });

new RuleTester({ filename: '/ws/.env.example', files: CODE }).run(rule, {
  valid: [
    { name: 'names read through an env library count (mentions)', code: EXAMPLE, files: { '/ws/src/env.ts': 'export const env = cleanEnv(process.env, { OLD_FLAG: bool(), STRIPE_KEY: str() });\n' } },
    { name: 'no program (a single-file run): nothing is reported', code: EXAMPLE, noHost: true },
    { name: 'no module that reads any variable: nothing is reported', code: EXAMPLE, files: { '/ws/src/a.ts': 'export const x = 1;\n' } },
    { name: 'code files themselves get no finding', filename: '/ws/src/a.ts', code: CODE['/ws/src/a.ts'] },
  ],
  invalid: [
    { name: 'declared in .env.example, read by no module', code: EXAMPLE, errors: [unused(4, 'OLD_FLAG')] },
    { name: 'in the schema, at the variable\'s key', filename: '/ws/.env.schema.yaml', code: 'variables:\n  STRIPE_KEY: { secret: true }\n  LEGACY_MODE: { type: boolean }\n', errors: [unused(3, 'LEGACY_MODE')] },
    { name: 'modules outside the declaration\'s folder do not count', code: EXAMPLE, files: { '/other/src/a.ts': 'process.env.OLD_FLAG; process.env.STRIPE_KEY;', ...CODE }, errors: [unused(4, 'OLD_FLAG')] },
  ],
});

test('env/unused-declaration: the summary is made only for modules that mention env', () => {
  const index = new ProgramIndex([rule]);
  for (const [file, text] of Object.entries(CODE)) index.update(file, text, false);
  assert.deepEqual(index.view('/ws/src/a.ts').allModules().map((m) => [m.file, m.facts]), [['/ws/src/a.ts', ['env-read:STRIPE_KEY']], ['/ws/src/b.ts', []]]);
});
