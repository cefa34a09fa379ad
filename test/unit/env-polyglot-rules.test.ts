import { before } from 'node:test';
import { rule as undeclared } from '../../core/src/rules/env/undeclared-usage';
import { rule as unused } from '../../core/src/rules/env/unused-declaration';
import { loadGo } from './go-helpers';
import { loadPython } from './python-helpers';
import { RuleTester } from './rules/ruleTester';

before(async () => {
  await loadPython();
  await loadGo();
});

// Issue 12: Python's and Go's env reads are judged like `process.env`.
const EXAMPLE = { '/ws/.env.example': 'API_URL=\nPORT=\n' };
const GO = (body: string) => `package main\n\nimport "os"\n\nfunc main() {\n${body}}\n`;

new RuleTester({ filename: '/ws/app.py', files: EXAMPLE }).run(undeclared, {
  valid: [
    { name: 'Python: declared names', code: "import os\nurl = os.environ['API_URL']\nport = os.getenv('PORT', '8000')\n" },
    { name: 'Python: setdefault and assignment set the variable', code: "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\nos.environ['TZ'] = 'UTC'\n" },
    { name: 'Go: declared names and a write', filename: '/ws/main.go', code: GO('\t_ = os.Getenv("PORT")\n\tos.Setenv("TZ", "UTC")\n') },
  ],
  invalid: [
    { name: 'Python: an undeclared os.getenv', code: "import os\nurl = os.environ.get('API_URL')\ntoken = os.getenv('SENTRY_DSN')\n", errors: [['undeclared', 3, 'SENTRY_DSN']], output: null },
    { name: 'Python: django-environ', code: "import environ\nenv = environ.Env()\nDEBUG = env.bool('DEBUG', default=False)\n", errors: [['undeclared', 3, 'DEBUG']], output: null },
    { name: 'Go: an undeclared os.LookupEnv', filename: '/ws/main.go', code: GO('\t_, _ = os.LookupEnv("REDIS_URL")\n'), errors: [['undeclared', 6, 'REDIS_URL']], output: null },
  ],
});

new RuleTester({ filename: '/ws/.env.example' }).run(unused, {
  valid: [
    { name: 'read only in Python and Go', code: 'API_URL=\nPORT=\n', files: { '/ws/app.py': "import os\nos.getenv('API_URL')\n", '/ws/main.go': GO('\t_ = os.Getenv("PORT")\n') } },
  ],
  invalid: [
    {
      name: 'declared, read by no Python module',
      code: 'API_URL=\nOLD_FLAG=\n',
      files: { '/ws/app.py': "import os\nos.environ['API_URL']\n" },
      errors: [{ messageId: 'unused', line: 2, text: 'OLD_FLAG' }],
    },
  ],
});
