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

// Audit (wagtail/bakerydemo): a `.env.example` that declares only its CSP switches documents that family,
// not the production settings; and names the framework, toolchain or runtime sets are no app configuration.
const CSP_ONLY = { '/ws/.env.example': '# CSP directives, to test compatibility\n# CSP_DEFAULT_SRC="\'self\'"\n# CSP_SCRIPT_SRC="\'self\'"\n' };
new RuleTester({ filename: '/ws/settings/production.py', files: CSP_ONLY }).run(undeclared, {
  valid: [
    { name: 'Python: reads outside the one family the example declares', code: "import os\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\nREDIS_URL = os.environ.get('REDIS_URL')\n" },
  ],
  invalid: [
    { name: 'Python: a read inside the family is still judged', code: "import os\nif 'CSP_FONT_SRC' in os.environ:\n    CSP_FONT_SRC = os.environ.get('CSP_FONT_SRC').split(',')\n", errors: [['undeclared', 3, 'CSP_FONT_SRC']], output: null },
  ],
});

new RuleTester({ filename: '/ws/app.py', files: EXAMPLE }).run(undeclared, {
  valid: [
    { name: 'Python: framework and runtime variables', code: "import os\nm = os.environ.get('DJANGO_SETTINGS_MODULE')\nr = os.environ.get('WERKZEUG_RUN_MAIN')\np = os.getenv('GOOGLE_CLOUD_PROJECT')\nv = os.getenv('GAE_VERSION')\ne = os.getenv('FLASK_ENV')\n" },
    { name: 'Go: toolchain and framework variables', filename: '/ws/main.go', code: GO('\t_ = os.Getenv("GIN_MODE")\n\t_ = os.Getenv("GOPATH")\n\t_ = os.Getenv("AWS_LAMBDA_FUNCTION_VERSION")\n') },
    { name: 'Python: what pytest and pytest-xdist set in the processes they run', code: "import os\nw = os.getenv('PYTEST_XDIST_WORKER')\nt = os.environ.get('PYTEST_CURRENT_TEST')\n" },
  ],
  invalid: [
    { name: 'Python: a family of two names with different prefixes is no family', code: "import os\nos.getenv('DATABASE_URL')\n", errors: [['undeclared', 2, 'DATABASE_URL']], output: null },
    { name: "Python: the app's own name with pytest in it", code: "import os\nos.getenv('APP_PYTEST_DB')\n", errors: [['undeclared', 2, 'APP_PYTEST_DB']], output: null },
  ],
});

new RuleTester({ filename: '/ws/web/app.ts', files: { '/ws/web/.env.example': '# NEXT_PUBLIC_API=\n# NEXT_PUBLIC_SITE=\n' } }).run(undeclared, {
  valid: [],
  invalid: [
    { name: 'JS: an exposure prefix (NEXT_PUBLIC_) is no family', code: 'const s = process.env.SERVER_SECRET;\n', errors: [['undeclared', 1, 'SERVER_SECRET']], output: null },
    // vercel/nextjs-subscription-payments: an example with active `SUPABASE_AUTH_*` lines is the app's contract.
    {
      name: 'JS: active declarations of one family are still the contract',
      files: { '/ws/web/.env.example': 'SUPABASE_AUTH_ID=\nSUPABASE_AUTH_SECRET=\n' },
      code: 'const k = process.env.STRIPE_SECRET_KEY;\n',
      errors: [['undeclared', 1, 'STRIPE_SECRET_KEY']],
      output: null,
    },
  ],
});
