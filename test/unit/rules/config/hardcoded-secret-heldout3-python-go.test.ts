import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Third held-out audit set (Python and Go applications, audit/README.md "Held-out 3"): each valid case was a
// false positive on a real application, as the smallest code that shows it; made-up values throughout. The
// invalid cases keep the rule honest beside them.

// Compose variants kept together in a `docker-compose/` folder (miniflux's `contrib/docker-compose/*.yml`) are
// compose files: their database and admin passwords are a container's on the user's machine.
new RuleTester({ filename: '/ws/contrib/docker-compose/basic.yml' }).run(rule, {
  valid: [
    { name: 'a placeholder password in a DSN', code: 'services:\n  app:\n    environment:\n      - DATABASE_URL=postgres://app:secret@db/app?sslmode=disable\n' },
    { name: 'a test admin password', code: 'services:\n  app:\n    environment:\n      - ADMIN_PASSWORD=test123\n' },
    { name: 'a memorable leetspeak phrase glued into one word', filename: '/ws/docker-compose.yml', code: 'x-db: &db\n  POSTGRES_PASSWORD: "myAwEsOm3pa55@w0rd"\n' },
  ],
  invalid: [
    {
      name: 'a random-looking password there still counts',
      code: 'services:\n  app:\n    environment:\n      - ADMIN_PASSWORD=Qm7xT2vK9pL4wR8zN3\n',
      errors: [{ messageId: 'named', line: 4 }],
      // The fix moves the value to the .env beside the file; this file is what it was.
      output: 'services:\n  app:\n    environment:\n      - ADMIN_PASSWORD=Qm7xT2vK9pL4wR8zN3\n',
    },
    {
      name: 'a compose file in another folder is still one file, not a folder of them',
      filename: '/ws/deploy/compose.yml',
      code: 'services:\n  app:\n    environment:\n      - ADMIN_PASSWORD=Qm7xT2vK9pL4wR8zN3\n',
      errors: [{ messageId: 'named', line: 4 }],
      output: 'services:\n  app:\n    environment:\n      - ADMIN_PASSWORD=${ADMIN_PASSWORD}\n',
    },
  ],
});

// A password spelled as its own account's or database's name is the documented default an operator overrides
// (opengist's Helm values, metricity's `config-default.toml`); a chosen password is still reported.
new RuleTester({ filename: '/ws/helm/app/values.yaml' }).run(rule, {
  valid: [
    { name: 'chart default equal to the user and database names', code: 'postgresql:\n  auth:\n    username: opengist\n    password: opengist\n    database: opengist\n' },
    { name: 'a dev script exporting the container login it started', filename: '/ws/scripts/run-postgres.sh', code: 'docker run -d -e POSTGRES_USER=app -e POSTGRES_PASSWORD=app postgres\nexport APP_DB_USER=app\nexport APP_DB_PASSWORD=app\n' },
    { name: 'TOML defaults: postgres/postgres', filename: '/ws/config-default.toml', code: '[database]\nhost = "db.internal"\nusername = "postgres"\npassword = "postgres"\n' },
  ],
  invalid: [
    {
      name: 'a password other than the account name',
      code: 'postgresql:\n  auth:\n    username: opengist\n    password: rT5vQ9mK2x\n',
      errors: [{ messageId: 'named', line: 4 }],
      output: null,
    },
    {
      name: 'the same name in another section does not count',
      filename: '/ws/config.toml',
      code: '[bot]\nusername = "hunter2x"\n\n[database]\npassword = "hunter2x"\n',
      errors: [{ messageId: 'named', line: 5 }],
      output: null,
    },
  ],
});

// A weak word numbered like a sample login (`test123`) under a plain name: miniflux's API test collection.
new RuleTester({ filename: '/ws/contrib/thunder_client/collection.json' }).run(rule, {
  valid: [{ name: 'a numbered weak word', code: '{ "auth": { "basic": { "username": "admin", "password": "test123" } } }\n' }],
  invalid: [
    {
      name: 'a word with more than a count after it still counts',
      code: '{ "auth": { "basic": { "username": "admin", "password": "test12345x" } } }\n',
      errors: [{ messageId: 'named', line: 1 }],
      output: null,
    },
  ],
});

// Mock authentication for a local mode signs with a value that says so (wild-workouts' `sign(claims, 'mock_secret')`).
new RuleTester({ filename: '/ws/web/src/repositories/auth.js' }).run(rule, {
  valid: [{ name: 'a mock signing key', code: "import { sign } from 'jsonwebtoken';\nexport const t = (c) => sign(c, 'mock_secret');\n" }],
  invalid: [
    {
      name: 'a word that only contains mock still counts',
      code: "import { sign } from 'jsonwebtoken';\nexport const t = (c) => sign(c, 'hammock-lounge-17');\n",
      errors: [{ messageId: 'sink', line: 2 }],
      output: "import { sign } from 'jsonwebtoken';\nexport const t = (c) => sign(c, process.env.JWT_SECRET);\n",
    },
  ],
});

// A Django key under `if DEBUG:` made of words is the developer's stand-in (python-discord/site); the
// production branch reads the environment.
new RuleTester({ filename: '/ws/site/settings.py' }).run(rule, {
  valid: [
    { name: 'a phrase under if DEBUG', code: "import os\nDEBUG = os.environ.get('DEBUG') == '1'\nif DEBUG:\n    SECRET_KEY = 'yellow polkadot bikini'\nelse:\n    SECRET_KEY = os.environ['SECRET_KEY']\n" },
    { name: 'under if settings.DEBUG, nested', code: "from django.conf import settings\nif settings.DEBUG:\n    if True:\n        SECRET_KEY = 'dev'\n" },
  ],
  invalid: [
    {
      name: 'the production side of the test still counts',
      code: "import os\nDEBUG = False\nif not DEBUG:\n    SECRET_KEY = 'yellow polkadot bikini'\n",
      errors: [{ messageId: 'named', line: 4 }],
      output: "import os\nDEBUG = False\nif not DEBUG:\n    SECRET_KEY = os.environ[\"SECRET_KEY\"]\n",
    },
    {
      name: 'a random key under if DEBUG still counts',
      code: "import os\nif DEBUG:\n    SECRET_KEY = 'q8Zr2vLp4Kx9mT7wN3bH'\n",
      errors: [{ messageId: 'named', line: 3 }],
      output: "import os\nif DEBUG:\n    SECRET_KEY = os.environ[\"SECRET_KEY\"]\n",
    },
  ],
});

// A URL with a password in a docstring documents a shape (changedetection's SSRF note on
// `http://INTERNAL:8888\\@PUBLIC/`); the same URL in code is still a connection string.
new RuleTester({ filename: '/ws/app/validate_url.py' }).run(rule, {
  valid: [
    { name: 'in a function docstring', code: 'def hosts(url):\n    """Every hostname, e.g. for redis://admin:hunter22@cache.internal:6379/0."""\n    return [url]\n' },
    { name: 'in a module docstring', code: '"""Connects to\n\n    redis://admin:hunter22@cache.internal:6379/0\n"""\nimport os\n' },
  ],
  invalid: [
    {
      name: 'the same URL in code',
      code: 'import redis\nr = redis.from_url("redis://admin:hunter22@cache.internal:6379/0")\n',
      errors: [{ messageId: 'provider', line: 2 }],
      output: 'import redis\nr = redis.from_url("redis://admin:hunter22@cache.internal:6379/0")\n',
    },
    {
      name: 'a triple-quoted string that is no docstring',
      code: 'import redis\nURL = """redis://admin:hunter22@cache.internal:6379/0"""\n',
      errors: [{ messageId: 'provider', line: 2 }],
      output: 'import redis\nURL = """redis://admin:hunter22@cache.internal:6379/0"""\n',
    },
  ],
});
