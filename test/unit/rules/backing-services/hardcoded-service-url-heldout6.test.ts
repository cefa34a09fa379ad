import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/backing-services/hardcoded-service-url';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Sixth held-out audit set (audit/README.md, "Held-out 6, Python and Go"): a Django project ships the configuration
// module the operator copies and fills in (`configuration_example.py`) and the one its test run copies into place
// (`configuration_testing.py`); their `localhost` is a sample or the CI's database, as in `settings/dev.py`.
const DATABASES = (host: string) => `DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'HOST': '${host}',\n    }\n}\n`;
const FIXED = `import os\nDATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'HOST': os.environ["DB_HOST"],\n    }\n}\n`;
new RuleTester({ filename: '/ws/app/app/configuration_example.py' }).run(rule, {
  valid: [
    { name: 'an example configuration module names localhost', code: DATABASES('localhost') },
    { name: 'a sample settings module (settings.sample.py)', filename: '/ws/app/settings.sample.py', code: DATABASES('localhost') },
    { name: 'the configuration module of the test run', filename: '/ws/app/app/configuration_testing.py', code: DATABASES('localhost') },
  ],
  invalid: [
    { name: 'the configuration module itself', filename: '/ws/app/app/configuration.py', code: DATABASES('localhost'), errors: [['pyHost', 5, "'localhost'"]], output: FIXED, envOutput: 'DB_HOST=localhost\n' },
    { name: 'a remote host in the example is still reported', code: DATABASES('db.internal'), errors: [['pyHost', 5, "'db.internal'"]], output: FIXED, envOutput: 'DB_HOST=db.internal\n' },
  ],
});

const PROVIDER = (name: string, host: string) => `import nodemailer from 'nodemailer';\nexport class ${name} {\n  constructor(private config: { user: string; password: string }) {\n    this.transport = nodemailer.createTransport({ host: '${host}', port: 587, auth: { user: config.user, pass: config.password } });\n  }\n}\n`;
// Held-out 7 (peppermint): a Gmail OAuth2 transport names nodemailer's well-known service, and its host beside it.
const GMAIL = (options: string) => `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ ${options}, port: 465, secure: true, auth: { type: 'OAuth2', user } });\n`;
new RuleTester({ filename: '/ws/src/mail.ts' }).run(rule, {
  valid: [
    { name: "nodemailer's well-known service names the provider, its host is the provider's", code: GMAIL("service: 'gmail', host: 'smtp.gmail.com'") },
    // Stop 27 (issue 10): novu's Outlook 365 provider class; the provider's own endpoint is what the class integrates.
    { name: "a well-known provider's host in a class named for the provider", code: PROVIDER('Outlook365EmailProvider', 'smtp.office365.com') },
  ],
  invalid: [
    {
      name: 'a host without a well-known service is the deployment\'s',
      code: GMAIL("host: 'smtp.gmail.com'"),
      errors: [['host', 2, "'smtp.gmail.com'"]],
      output: GMAIL('host: process.env.SMTP_HOST'),
      envOutput: 'SMTP_HOST=smtp.gmail.com\n',
    },
    { name: "a deployment's own SMTP host in a provider class", code: PROVIDER('CustomSmtpProvider', 'mail.acme.internal'), errors: [['host', 4, "'mail.acme.internal'"]], output: PROVIDER('CustomSmtpProvider', 'mail.acme.internal').replace("'mail.acme.internal'", 'process.env.SMTP_HOST'), envOutput: 'SMTP_HOST=mail.acme.internal\n' },
    { name: "a well-known provider's host in a class named otherwise", code: PROVIDER('Mailer', 'smtp.office365.com'), errors: [['host', 4, "'smtp.office365.com'"]], output: PROVIDER('Mailer', 'smtp.office365.com').replace("'smtp.office365.com'", 'process.env.SMTP_HOST'), envOutput: 'SMTP_HOST=smtp.office365.com\n' },
    {
      name: 'a service chosen at run time names no provider',
      code: GMAIL("service: process.env.SMTP_SERVICE, host: 'smtp.gmail.com'"),
      errors: [['host', 2, "'smtp.gmail.com'"]],
      output: GMAIL('service: process.env.SMTP_SERVICE, host: process.env.SMTP_HOST'),
      envOutput: 'SMTP_HOST=smtp.gmail.com\n',
    },
  ],
});

// Held-out 9 (a support-chat server's config module): beside the app's database, the one its test run uses, kept
// under a name that says so. Local addresses only: a remote host under such a name is still an address in the code.
const DB_CONFIG = (key: string, host: string) => `module.exports = {\n  database: process.env.MONGODB_URI,\n  ${key}: 'mongodb://${host}:27017/app-test'\n};\n`;
new RuleTester({ filename: '/ws/config/database.js' }).run(rule, {
  valid: [
    { name: 'a local database under a name ending in test', code: DB_CONFIG('databasetest', 'localhost') },
    { name: 'a camelCase test database URL', code: DB_CONFIG('testDatabaseUrl', '127.0.0.1') },
    { name: 'a development variable', code: "const DEV_REDIS_URL = 'redis://localhost:6379';\nexport default DEV_REDIS_URL;\n" },
  ],
  invalid: [
    {
      name: 'a remote host under a test name is reported',
      code: DB_CONFIG('databasetest', 'db.internal'),
      errors: [['url', 3, "'mongodb://db.internal:27017/app-test'"]],
      output: DB_CONFIG('databasetest', 'db.internal').replace("'mongodb://db.internal:27017/app-test'", 'process.env.MONGODB_URI'),
      envOutput: 'MONGODB_URI=mongodb://db.internal:27017/app-test\n',
    },
    {
      name: 'a word that merely ends in test (latest) says nothing of the environment',
      code: "const latest = 'mongodb://localhost:27017/app';\n",
      errors: [['url', 1, "'mongodb://localhost:27017/app'"]],
      output: 'const latest = process.env.MONGODB_URI;\n',
      envOutput: 'MONGODB_URI=mongodb://localhost:27017/app\n',
    },
  ],
});

// Held-out 8 (an observability platform's migrate-mongo config, as `migrate-mongo init` writes it): the comment above
// tells the reader to put in their own MongoDB's address.
const MIGRATE = (comment: string, host: string) => `export = {\n  mongodb: {\n    ${comment}\n    url: 'mongodb://${host}:27017',\n    databaseName: 'app',\n  },\n};\n`;
new RuleTester({ filename: '/ws/packages/api/migrate-mongo-config.ts' }).run(rule, {
  valid: [
    { name: 'a local URL under a comment telling the reader to change it to theirs', code: MIGRATE('// TODO Change (or review) the url to your MongoDB:', 'localhost') },
  ],
  invalid: [
    {
      name: 'a comment that tells nothing to replace',
      code: MIGRATE('// the MongoDB of the migrations', 'localhost'),
      errors: [['url', 4, "'mongodb://localhost:27017'"]],
      output: MIGRATE('// the MongoDB of the migrations', 'localhost').replace("'mongodb://localhost:27017'", 'process.env.MONGODB_URI'),
      envOutput: 'MONGODB_URI=mongodb://localhost:27017\n',
    },
    {
      name: 'a remote host under the same comment is still reported',
      code: MIGRATE('// TODO Change (or review) the url to your MongoDB:', 'mongo.internal'),
      errors: [['url', 4, "'mongodb://mongo.internal:27017'"]],
      output: MIGRATE('// TODO Change (or review) the url to your MongoDB:', 'mongo.internal').replace("'mongodb://mongo.internal:27017'", 'process.env.MONGODB_URI'),
      envOutput: 'MONGODB_URI=mongodb://mongo.internal:27017\n',
    },
  ],
});

// Held-out 7 (alerta): a settings module keeps a local address under a setting its comment calls deprecated or not
// used; held-out 5 (apostrophe): a hand-run script named for a test (`mongo-close-test.js`). Local addresses only.
const MONGO = (comment: string, host: string) => `${comment}\nMONGO_URI = 'mongodb://${host}:27017/monitoring'\n`;
const MONGO_FIXED = "# MongoDB\nimport os\nMONGO_URI = os.environ[\"MONGO_URI\"]\n";
new RuleTester({ filename: '/ws/alerta/settings.py' }).run(rule, {
  valid: [
    { name: 'a local address the comment above calls deprecated', code: MONGO('# MongoDB (deprecated, use DATABASE_URL setting)', 'localhost') },
    { name: 'a local address its own comment says is not used', code: "POSTGRES_URI = 'postgres://localhost:5432/monitoring'  # not used (use DATABASE_URL)\n" },
    { name: 'JavaScript: a deprecated local setting', filename: '/ws/src/config.js', code: "module.exports = {\n  // deprecated: set DATABASE_URL\n  mongoUrl: 'mongodb://localhost:27017/app',\n};\n" },
    { name: 'a script named for a test', filename: '/ws/packages/app/tools/mongo-close-test.js', code: "const { MongoClient } = require('mongodb');\nconst uri = 'mongodb://localhost:27017/test_handle_leak';\nMongoClient.connect(uri);\n" },
  ],
  invalid: [
    { name: 'the same local setting without the comment', code: MONGO('# MongoDB', 'localhost'), errors: [['pyUrl', 2, "'mongodb://localhost:27017/monitoring'"]], output: MONGO_FIXED, envOutput: 'MONGO_URI=mongodb://localhost:27017/monitoring\n' },
    { name: 'a deprecated setting naming a remote host is still reported', code: MONGO('# MongoDB (deprecated)', 'mongo.internal'), errors: [['pyUrl', 2, "'mongodb://mongo.internal:27017/monitoring'"]], output: "# MongoDB (deprecated)\nimport os\nMONGO_URI = os.environ[\"MONGO_URI\"]\n", envOutput: 'MONGO_URI=mongodb://mongo.internal:27017/monitoring\n' },
    { name: 'a script not named for a test', filename: '/ws/packages/app/tools/mongo-close.js', code: "const { MongoClient } = require('mongodb');\nconst uri = 'mongodb://localhost:27017/app';\nMongoClient.connect(uri);\n", errors: [['url', 2, "'mongodb://localhost:27017/app'"]], output: "const { MongoClient } = require('mongodb');\nconst uri = process.env.MONGODB_URI;\nMongoClient.connect(uri);\n", envOutput: 'MONGODB_URI=mongodb://localhost:27017/app\n' },
  ],
});

// Held-out 9 (Kinto): `kinto init` renders `kinto.tpl`, kept beside the module, into the config file the user edits;
// the local addresses it fills in are that file's defaults. Without the template beside it, or with a remote host, reported.
const GENERATOR = (host: string) => `import os\n\ndef render(template, destination, **values):\n    with open(os.path.join(HERE, template)) as f:\n        rendered = f.read().format_map(values)\n    with open(destination, "w+") as out:\n        out.write(rendered)\n\ncache_backends = {\n    "redis": {"cache_url": "redis://${host}/0"},\n}\n`;
new RuleTester({ filename: '/ws/kinto/config/__init__.py' }).run(rule, {
  valid: [
    { name: 'a config generator with its template beside it', code: GENERATOR('127.0.0.1'), files: { '/ws/kinto/config/kinto.tpl': '[app:main]\ncache_url = {cache_url}\n' } },
  ],
  invalid: [
    {
      name: 'the same module without a template beside it', code: GENERATOR('127.0.0.1'), errors: [['pyUrl', 10, '"redis://127.0.0.1/0"']],
      output: GENERATOR('127.0.0.1').replace('"redis://127.0.0.1/0"', 'os.environ["CACHE_URL"]'), envOutput: 'CACHE_URL=redis://127.0.0.1/0\n',
    },
    {
      name: 'a remote host in a config generator', code: GENERATOR('cache.internal'), files: { '/ws/kinto/config/kinto.tpl': '[app:main]\ncache_url = {cache_url}\n' },
      errors: [['pyUrl', 10, '"redis://cache.internal/0"']],
      output: GENERATOR('cache.internal').replace('"redis://cache.internal/0"', 'os.environ["CACHE_URL"]'), envOutput: 'CACHE_URL=redis://cache.internal/0\n',
    },
  ],
});
