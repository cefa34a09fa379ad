import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

// Sixth held-out audit set (Python and Go applications, audit/README.md "Held-out 6, Python and Go"): each valid
// case was a false positive on a real application, as the smallest code that shows it; made-up values throughout.

const SECRET = fake('Vq3nR8kT2w', 'Lp5xZ9mB4c');

// A translation catalog keeps the words for server, database and password side by side: no database client's
// options, whatever its keys.
const CATALOG = "window.localisation.de = {\n  server: 'Server',\n  database: 'Datenbank',\n  password: 'Passwort',\n}\n";
new RuleTester({ filename: '/ws/app/static/i18n/de.js' }).run(rule, {
  valid: [
    { name: 'the word for password in a catalog beside the word for server', code: CATALOG },
    { name: 'the same under locales/', filename: '/ws/src/locales/fr.js', code: CATALOG.replace("'Passwort'", "'Mot de passe'") },
  ],
  invalid: [
    {
      name: 'the same object outside a translation file reads as a database client',
      filename: '/ws/app/db.js',
      code: CATALOG,
      errors: [{ messageId: 'sink', line: 4 }],
      output: "window.localisation.de = {\n  server: 'Server',\n  database: 'Datenbank',\n  password: process.env.DB_PASSWORD,\n}\n",
    },
  ],
});

// Woodpecker and Drone pipelines name the CI secret a step gets: `from_secret: github_token`.
new RuleTester({ filename: '/ws/.woodpecker/release.yaml' }).run(rule, {
  valid: [
    { name: 'from_secret names the secret', code: 'steps:\n  - name: release\n    settings:\n      api_key:\n        from_secret: github_token\n' },
  ],
  invalid: [
    {
      name: 'a key written into the settings is a secret',
      code: `steps:\n  - name: release\n    settings:\n      api_key: ${SECRET}\n`,
      errors: [{ messageId: 'named', line: 4 }],
      output: null,
    },
  ],
});

// A Kubernetes manifest's bundled database: POSTGRES_PASSWORD repeats POSTGRES_USER, the stock login of the
// container, as a chart's `username`/`password` pair does.
const POSTGRES = (password: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          env:\n            - name: POSTGRES_USER\n              value: shop\n            - name: POSTGRES_PASSWORD\n              value: ${password}\n`;
new RuleTester({ filename: '/ws/deploy/k8s/postgres/deployment.yaml' }).run(rule, {
  valid: [{ name: "a container env list whose password repeats the user's name", code: POSTGRES('shop') }],
  invalid: [
    { name: 'a password of its own in the same list', code: POSTGRES('hunter2x'), errors: [{ messageId: 'named', line: 13 }], output: null },
    { name: 'a random password that happens to be the user is still judged', code: POSTGRES(SECRET).replace('value: shop', `value: ${SECRET}`), errors: [{ messageId: 'named', line: 13 }], output: null },
  ],
});

// An example file's placeholder made of words and the digits people add (`emailpassword123`).
new RuleTester({ filename: '/ws/.env.example' }).run(rule, {
  valid: [{ name: 'words glued into a password, digits after', code: 'EMAIL_HOST_USER=mail@example.com\nEMAIL_HOST_PASSWORD=emailpassword123\n' }],
  invalid: [{ name: 'a random value in the example is still reported', code: `EMAIL_HOST_PASSWORD=${SECRET}\n`, errors: [{ messageId: 'named', line: 1 }], output: null }],
});

// A documentation site's navigation names pages: `Token: 'models/users/token.md'` is a path, not a token.
new RuleTester({ filename: '/ws/mkdocs.yml' }).run(rule, {
  valid: [{ name: 'a nav entry whose value is a Markdown page', code: "nav:\n  - Models:\n      - Users:\n          - Token: 'models/users/token.md'\n" }],
  invalid: [{ name: 'a key under the same name', code: `extra:\n  Token: '${SECRET}'\n`, errors: [{ messageId: 'named', line: 2 }], output: null }],
});

// Installation documentation whose prose tells the reader to put in a password of their own shows a sample,
// random-looking or not.
const INSTALL = (prose: string) => `# PostgreSQL\n\n${prose}\n\n\`\`\`postgresql\nCREATE DATABASE shop;\nCREATE USER shop WITH PASSWORD '${SECRET}';\n\`\`\`\n`;
new RuleTester({ filename: '/ws/docs/installation/postgresql.md' }).run(rule, {
  valid: [
    { name: 'substituting your own value for the password', code: INSTALL('Create the database and user, substituting your own value for the password:') },
    { name: 'choose a strong password', code: INSTALL('Create the role (choose a strong password of your own):') },
  ],
  invalid: [
    { name: 'documentation that only shows the statement', code: INSTALL('Create the database and user:'), errors: [{ messageId: 'named', line: 7 }], output: null },
    { name: 'the same prose in code is no documentation', filename: '/ws/scripts/init.sql', code: `-- substituting your own value for the password\nCREATE USER shop WITH PASSWORD '${SECRET}';\n`, errors: [{ messageId: 'named', line: 2 }], output: null },
  ],
});
