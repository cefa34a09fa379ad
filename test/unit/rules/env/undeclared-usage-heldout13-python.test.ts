import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Thirteenth held-out audit set (audit/README.md, "Held-out 13, Python and Go"): a Django app reads its settings with
// django-environ under a prefix (`env.prefix = "APP_"`), so `env.str("SECRET_KEY")` reads APP_SECRET_KEY, the name its
// `.env.example` declares.
const SETTINGS = (prefix: string) => `import environ\n\nenv = environ.Env()\n${prefix}\nSECRET_KEY = env.str("SECRET_KEY", default="change_me")\nDATABASES = {"default": env.db()}\n`;
const EXAMPLE = { '/ws/.env.example': 'APP_SECRET_KEY=\nAPP_DATABASE_URL=\n' };

new RuleTester({ filename: '/ws/app/conf/base.py', files: EXAMPLE }).run(rule, {
  valid: [
    { name: 'the prefixed names are declared', code: SETTINGS('env.prefix = "APP_"') },
  ],
  invalid: [
    { name: 'without the prefix the bare names are read', code: SETTINGS(''), errors: [['undeclared', 5, 'SECRET_KEY'], ['undeclared', 6, 'env.db']], output: null },
    { name: 'a prefixed name the example does not declare', code: SETTINGS('env.prefix = "APP_"') + 'DEBUG = env.bool("DEBUG", default=False)\n', errors: [['undeclared', 7, 'DEBUG']], output: null },
  ],
});
