import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { declarationsFor } from '../../core/src/env/complete';
import type { FileHost } from '../../core/src/host';
import { ProgramIndex } from '../../core/src/program';
import { rule as duplicateKey } from '../../core/src/rules/env/duplicate-key';
import { rule as invalidSchema } from '../../core/src/rules/env/invalid-schema';
import { rule as invalidValue } from '../../core/src/rules/env/invalid-value';
import { rule as missingRequired } from '../../core/src/rules/env/missing-required';
import { rule as syntax } from '../../core/src/rules/env/syntax';
import { rule as undeclaredUsage } from '../../core/src/rules/env/undeclared-usage';
import { rule as unknownKey } from '../../core/src/rules/env/unknown-key';
import { rule as unusedDeclaration } from '../../core/src/rules/env/unused-declaration';

// Every env rule over a small project on disk (test/fixtures/env/project), read through a disk host as the
// CLI reads it: the schema of PRODUCT.md, a .env.example, a .env with mistakes, and code.

const ROOT = path.resolve(__dirname, '../../../test/fixtures/env/project');
const disk: FileHost = {
  readFile: (p) => {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  rootOf: () => ROOT,
};
const RULES = [syntax, duplicateKey, missingRequired, unknownKey, invalidValue, invalidSchema, undeclaredUsage, unusedDeclaration];

function findings(relative: string): Array<[string, string, number]> {
  const file = path.join(ROOT, relative);
  const index = new ProgramIndex([unusedDeclaration]);
  index.update(path.join(ROOT, 'src/server.ts'), fs.readFileSync(path.join(ROOT, 'src/server.ts'), 'utf8'), false);
  const result = analyze(new FileContext(file, fs.readFileSync(file, 'utf8')), { config: defaultConfig(), relativePath: relative, rules: RULES, host: disk, program: index.view(file) });
  return result.findings.map((f) => [f.ruleId, f.messageId, f.range.start.line + 1]);
}

describe('a project on disk', () => {
  test('.env: required, unknown and invalid values', () => {
    assert.deepEqual(findings('.env'), [
      ['env/missing-required', 'missing', 1],
      ['env/invalid-value', 'range', 1],
      ['env/invalid-value', 'enum', 2],
      ['env/unknown-key', 'unknownDidYouMean', 3],
      ['env/invalid-value', 'tooShort', 4],
      ['env/syntax', 'LowercaseKey', 5],
      ['env/unknown-key', 'unknown', 5],
    ]);
  });
  test('the schema is valid', () => assert.deepEqual(findings('.env.schema.yaml'), []));
  test('.env.example is a template: syntax only (and its quotes-free values are fine)', () => {
    assert.deepEqual(findings('.env.example'), []);
  });
  test('code: the one read nothing declares', () => {
    assert.deepEqual(findings('src/server.ts'), [['env/undeclared-usage', 'undeclared', 6]]);
  });
  test('declarations and values for the editor', () => {
    const d = declarationsFor(path.join(ROOT, 'src/server.ts'), disk);
    assert.equal(d.get('DATABASE_URL')?.declaredIn?.line, 3);
    assert.equal(d.get('PORT')?.value?.display, '99999');
    assert.equal(d.get('SESSION_SECRET')?.value?.cloaked, true);
  });
});
