import { rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester } from '../ruleTester';

// Second held-out audit set (audit/README.md): cnpmcore's app/common/package.json is an Egg module
// descriptor (a name, no dependencies); its imports resolve from the application's package.json.
const ROOT = { '/ws/package.json': JSON.stringify({ name: 'app', dependencies: { egg: '^4.0.0' } }) };
const DESCRIPTOR = { '/ws/app/common/package.json': JSON.stringify({ name: 'app-common', eggModule: { name: 'common' } }) };
const CODE = "import { Application } from 'egg';\nimport semver from 'semver';\nexport const f = [Application, semver];\n";

new RuleTester({ filename: '/ws/app/common/a.ts', files: { ...ROOT, ...DESCRIPTOR } }).run(rule, {
  valid: [{ name: 'a descriptor package.json without dependencies: the root declares egg', code: "import { Application } from 'egg';\nexport const a = Application;\n" }],
  invalid: [
    { name: 'what the root does not declare is still undeclared', code: CODE, errors: [['undeclared', 2, "'semver'"]] },
    {
      name: 'a nested package with its own dependencies is judged alone',
      code: CODE,
      files: { ...ROOT, '/ws/app/common/package.json': JSON.stringify({ name: 'app-common', dependencies: { semver: '^7.0.0' } }) },
      errors: [['undeclared', 1, "'egg'"]],
    },
  ],
});
