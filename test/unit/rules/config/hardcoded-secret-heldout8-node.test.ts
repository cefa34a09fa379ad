import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

// Eighth held-out audit set (Node applications, audit/README.md "Held-out 8, Node"): each valid case was a false
// positive on a real application, as the smallest code that shows it; made-up values throughout.

const SECRET = fake('Vq3nR8kT2w', 'Lp5xZ9mB4c');

// A Helm chart's values name Kubernetes Secrets by their object names: the registry login a pod pulls its image
// with, and the certificate an Ingress serves.
new RuleTester({ filename: '/ws/values-prod.yaml' }).run(rule, {
  valid: [
    { name: 'imagePullSecrets names a Secret', code: 'deployment:\n  image:\n    repository: example/app\n  imagePullSecrets: acme-registry\n' },
    { name: 'ingress tls.secret names a Secret', code: 'ingress:\n  domain: app.example.com\n  tls:\n    enabled: true\n    secret: acme-app-sandbox\n' },
    { name: 'a list of tls entries names Secrets', code: 'ingress:\n  tls:\n    - hosts: [app.example.com]\n      secret: acme-app-certificate\n' },
  ],
  invalid: [
    {
      name: 'a secret outside a tls map is a value',
      code: `turn:\n  enabled: true\n  secret: ${SECRET}\n`,
      errors: [{ messageId: 'named', line: 3 }],
      output: null,
    },
    {
      name: 'under tls, a value that is no object name is still a secret',
      code: `ingress:\n  tls:\n    secret: ${SECRET}X/+=\n`,
      errors: [{ messageId: 'named', line: 3 }],
      output: null,
    },
    {
      name: 'a pull secret written in full is a secret',
      code: `registry:\n  pullSecretPassword: ${SECRET}\n`,
      errors: [{ messageId: 'named', line: 2 }],
      output: null,
    },
  ],
});

// A database tool's defaults for a local PostgreSQL: the password spelled as the user beside it is the image's
// stock login (`postgres`/`postgres`), as a chart's values or a compose file's are judged.
const PG_DEFAULTS = "const pgConf = {\n  user: argv.user || 'postgres',\n  database: argv.database || 'app',\n  password: argv.password || 'postgres',\n  host: argv.host || 'localhost',\n}\n";
new RuleTester({ filename: '/ws/database/init.js' }).run(rule, {
  valid: [
    { name: 'a default password equal to the default user beside it', code: PG_DEFAULTS },
    { name: 'the same with ?? and an environment read', code: "const db = {\n  username: process.env.DB_USER ?? 'acme',\n  password: process.env.DB_PASSWORD ?? 'acme',\n}\n" },
    { name: 'the same as variables of one block', code: "const database = argv.database || 'app'\nconst user = argv.user || 'postgres'\nconst password = argv.password || 'postgres'\n" },
  ],
  invalid: [
    {
      name: 'a default password unlike the user is a default secret',
      code: PG_DEFAULTS.replace("argv.password || 'postgres'", "argv.password || 'hunter22'"),
      errors: [{ messageId: 'fallback', line: 4 }],
      output: PG_DEFAULTS.replace("argv.password || 'postgres'", 'argv.password || process.env.PG_CONF_PASSWORD'),
    },
    {
      name: 'a variable of another block does not count',
      code: "const user = argv.user || 'postgres'\nfunction connect() {\n  const password = argv.password || 'postgres'\n  return password\n}\n",
      errors: [{ messageId: 'fallback', line: 3 }],
      output: "const user = argv.user || 'postgres'\nfunction connect() {\n  const password = argv.password || process.env.PASSWORD\n  return password\n}\n",
    },
    {
      name: 'a random-looking default is a secret even when the user repeats it',
      code: `const db = {\n  user: argv.user || '${SECRET}',\n  password: argv.password || '${SECRET}',\n}\n`,
      errors: [{ messageId: 'fallback', line: 3 }],
      output: `const db = {\n  user: argv.user || '${SECRET}',\n  password: argv.password || process.env.DB_PASSWORD,\n}\n`,
    },
  ],
});

// A log redactor's pattern of the key words that mark secrets: long and without blanks, yet a pattern.
new RuleTester({ filename: '/ws/src/utils/redactSecrets.ts' }).run(rule, {
  valid: [
    { name: 'an alternation of key words', code: "const SECRET_KEY_TOKENS =\n  'password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret';\n" },
  ],
  invalid: [
    {
      name: 'a value with digits between the bars is no pattern of words',
      code: `const SECRET_KEY = '${SECRET.slice(0, 6)}|${SECRET.slice(6, 12)}|${SECRET.slice(12)}';\n`,
      errors: [{ messageId: 'named', line: 1 }],
      output: 'const SECRET_KEY = process.env.SECRET_KEY;\n',
    },
  ],
});

// An example env file's sample admin password: a leetspeak phrase in mixed case with a mark and a year after it,
// which the case split cuts into pieces that are no words.
new RuleTester({ filename: '/ws/.env.sample' }).run(rule, {
  valid: [
    { name: 'a mixed-case leetspeak password with a mark and a year', code: 'ADMIN_EMAIL=admin@example.com\nADMIN_PASSWORD=sTr0ngP@ssw0rd!2025\n' },
    { name: 'the same with the @ read as an a and no year', code: 'ADMIN_PASSWORD=MyS3cureP@ssword!\n' },
  ],
  invalid: [
    { name: 'a random value in an example file is still reported', code: `ADMIN_PASSWORD=${SECRET}!2025\n`, errors: [{ messageId: 'named', line: 1 }], output: null },
  ],
});

// A mail server's default config: the login of its built-in example authentication endpoint, which the comment on
// the value's line calls the example's. A domain in the comment (`example.com`) says nothing of the value.
new RuleTester({ filename: '/ws/config/default.js' }).run(rule, {
  valid: [
    { name: "a trailing comment calls it the example's password", code: "module.exports = {\n  api: {\n    port: 12080,\n    host: '127.0.0.1',\n    user: 'zone', // username for the static example auth url\n    pass: 'test' // password for the static example auth url\n  }\n};\n" },
    { name: 'a trailing hash comment says sample', filename: '/ws/config/app.yaml', code: 'smtp:\n  password: hunter22 # sample password\n' },
  ],
  invalid: [
    {
      name: 'a comment naming an example domain is no disclaimer',
      code: `module.exports = {\n  smtp: {\n    pass: '${SECRET}' // mail.example.com\n  }\n};\n`,
      errors: [{ messageId: 'named', line: 3 }],
      output: `module.exports = {\n  smtp: {\n    pass: process.env.SMTP_PASS // mail.example.com\n  }\n};\n`,
    },
  ],
});
