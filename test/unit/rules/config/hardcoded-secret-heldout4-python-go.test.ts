import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadGo } from '../../go-helpers';
import { fake } from '../../helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);
before(loadGo);

// Fourth held-out audit set (Python and Go applications, audit/README.md "Held-out 4") and the leftovers of the
// third: each valid case was a false positive on a real application, as the smallest code that shows it; made-up
// values throughout. The invalid cases keep the rule honest beside them.

const RANDOM = fake('Qm7xT2vK9p', 'L4wR8zN3ab');
const JWT = fake('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUifQ', '.Kx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7y');
const WEBHOOK = fake('https://discord.com/api/webhooks/', '661995360146817053/', 't-9mI2Kp0aZq8Rw3Lx7Vb5Nc1Hd6Fj4Gs2Ty9Ue0Wo3Qi8Pa7Sl5Dk2Mz1Xc4Vb6Nn8');

// Compose files in a `.ci/` folder start the CI run's containers (redash's `.ci/compose.cypress.yaml`).
new RuleTester({ filename: '/ws/.ci/compose.cypress.yaml' }).run(rule, {
  valid: [{ name: 'a CI compose file', code: `x-env: &env\n  POSTGRES_PASSWORD: "${RANDOM}"\nservices:\n  server:\n    environment:\n      <<: *env\n` }],
  invalid: [{
    name: 'the same file deployed from another folder',
    filename: '/ws/deploy/stack.yml',
    code: `x-env: &env\n  POSTGRES_PASSWORD: "${RANDOM}"\n`,
    errors: [{ messageId: 'named', line: 2 }],
    output: null,
  }],
});

// A Go test helper package (memos' `internal/testutil/fakes3`) configures a fake server.
new RuleTester({ filename: '/ws/internal/testutil/fakes3/server.go' }).run(rule, {
  valid: [{ name: 'a fake S3 server\'s credentials', code: `package fakes3\n\nvar c = Config{AccessKeySecret: "${RANDOM}"}\n` }],
  invalid: [{
    name: 'the same literal in the storage package',
    filename: '/ws/internal/storage/s3.go',
    code: `package storage\n\nvar c = Config{AccessKeySecret: "${RANDOM}"}\n`,
    errors: [{ messageId: 'named', line: 3 }],
    output: 'package storage\n\nimport (\n\t"os"\n)\n\nvar c = Config{AccessKeySecret: os.Getenv("ACCESS_KEY_SECRET")}\n',
  }],
});

// HTTP request collections (remark42's `remark.rest`) show requests with a development token: samples, information.
new RuleTester({ filename: '/ws/backend/remark.rest' }).run(rule, {
  valid: [],
  invalid: [
    { name: 'a JWT in a .rest request', code: `### find, dev token\nGET {{host}}/api/v1/find\nX-JWT: ${JWT}\n`, errors: [{ messageId: 'provider', line: 3, severity: 'info' }], output: null },
    { name: 'a JWT in a .http request', filename: '/ws/api.http', code: `GET /api\nAuthorization: Bearer ${JWT}\n`, errors: [{ messageId: 'provider', line: 2, severity: 'info' }], output: null },
    { name: 'the same JWT in code stays an error', filename: '/ws/client.py', code: `TOKEN = "${JWT}"\n`, errors: [{ messageId: 'provider', line: 1, severity: 'error' }] },
  ],
});

// A module path or a host list as a setting's default reads as words (babybuddy's `DB_ENGINE`, shynet's `ALLOWED_HOSTS`).
new RuleTester({ filename: '/ws/app/settings.py' }).run(rule, {
  valid: [
    { name: 'a Django backend path', code: 'import os\nENGINE = os.getenv("DB_ENGINE") or "django.db.backends.sqlite3"\n' },
    { name: 'a list of hosts', code: 'import os\nALLOWED_HOSTS = (os.getenv("ALLOWED_HOSTS") or "localhost,127.0.0.1").split(",")\n' },
  ],
  invalid: [{
    name: 'a random default of a key still counts',
    code: `import os\nSECRET_KEY = os.getenv("SECRET_KEY") or "${RANDOM}"\n`,
    errors: [{ messageId: 'fallback', line: 2 }],
    output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
  }],
});

// Django's `manage.py` gives the developer's local runs their defaults (python-discord/site's bot API key).
const MANAGE = (value: string) =>
  `import os\nimport sys\nfrom django.core.management import execute_from_command_line\n\nDEFAULT_ENVS = {\n    "BOT_API_KEY": "${value}",\n}\nfor key, value in DEFAULT_ENVS.items():\n    os.environ.setdefault(key, value)\nos.environ.setdefault("SECRET_KEY", "${value}")\nexecute_from_command_line(sys.argv)\n`;
new RuleTester({ filename: '/ws/manage.py' }).run(rule, {
  valid: [{ name: 'manage.py environment defaults', code: MANAGE(fake('badbot13m0n8f570', 'f942013fc818f234916ca531')) }],
  invalid: [{
    name: 'the same defaults in the WSGI entry the server runs',
    filename: '/ws/app/wsgi.py',
    code: `import os\nos.environ.setdefault("SECRET_KEY", "${RANDOM}")\n`,
    errors: [{ messageId: 'fallback', line: 2 }],
    output: 'import os\nos.environ["SECRET_KEY"]\n',
  }],
});

// Documentation that introduces a key as an example (python-discord/site's contributing guide, ntfy's Stripe
// settings): a sample for readers, information; the same key without such words stays an error.
new RuleTester({ filename: '/ws/docs/contributing/ids.md' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: 'a webhook URL after "For example"',
      code: `The ID is the penultimate part of the URL.\nFor example, in the following URL:\n\n\`\`\`\n${WEBHOOK}\n\`\`\`\n`,
      errors: [{ messageId: 'provider', line: 5, severity: 'info' }],
      output: null,
    },
    {
      name: 'an HTML guide: "something like this"',
      filename: '/ws/site/templates/events/pull-request.html',
      code: `<p>Copy the link, you will get something like this:</p>\n<p><code>${WEBHOOK}</code></p>\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'info' }],
      output: null,
    },
    {
      name: 'a webhook URL in documentation with no such words',
      code: `Our alerts go to:\n\n${WEBHOOK}\n`,
      errors: [{ messageId: 'provider', line: 3, severity: 'error' }],
      output: null,
    },
  ],
});

// A Makefile's test targets log in to a local database with the image's default account (miniflux).
new RuleTester({ filename: '/ws/Makefile' }).run(rule, {
  valid: [{ name: 'PGPASSWORD repeating the psql user', code: "export PGPASSWORD := postgres\n\ntest:\n\tpsql -U postgres -c 'create database app_test;'\n" }],
  invalid: [{
    name: 'a password other than the account name',
    code: "export PGPASSWORD := hunter2xq\n\ntest:\n\tpsql -U postgres -c 'create database app_test;'\n",
    errors: [{ messageId: 'named', line: 1 }],
    output: null,
  }],
});

// A Django development settings module (babybuddy's `settings/development.py`) is the developer's machine's.
new RuleTester({ filename: '/ws/babybuddy/settings/development.py' }).run(rule, {
  valid: [{ name: 'a development settings key', code: 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY") or "DEVELOPMENT!!"\n' }],
  invalid: [{
    name: 'the same key in the production settings',
    filename: '/ws/babybuddy/settings/production.py',
    code: 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY") or "DEVELOPMENT!!"\n',
    errors: [{ messageId: 'fallback', line: 2 }],
    output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
  }],
});

// An AWS key ID in a link's query (an Amazon affiliate link in a saved recipe page, mealie's scraper test data).
new RuleTester({ filename: '/ws/tests/data/html/pizza.html' }).run(rule, {
  valid: [{ name: 'an affiliate link', code: `<a href="https://www.amazon.com/dp/B0061SWV8Y?psc=1&amp;SubscriptionId=${fake('AKIA', 'QX7ZL2M4N6P3R5T2')}&amp;tag=x-20">knife</a>\n` }],
  invalid: [{
    name: 'the key ID on its own',
    filename: '/ws/deploy/aws.env',
    code: `AWS_ACCESS_KEY_ID=${fake('AKIA', 'QX7ZL2M4N6P3R5T2')}\n`,
    errors: [{ messageId: 'provider', line: 1 }],
    output: null,
  }],
});
