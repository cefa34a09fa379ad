import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Misses of the audit (audit/README.md, "Recall: the misses left"), each fixed by a general rule. Made-up
// values and product names throughout.

// 1. A default named after the product that ships it (mirotalk's `JWT_KEY || '<product>_jwt_secret'`) is the
// product's own secret, the same in every installation: the app signs with it when the variable is unset.
// Words that only describe the variable stay placeholders (decision 3), and so does a value that tells the
// reader to replace it.
const ACME = { '/ws/package.json': '{"name":"acmechat","version":"1.0.0"}' };
new RuleTester({ filename: '/ws/app/src/config.js' }).run(rule, {
  valid: [
    { name: 'describing words only, with a package.json (decision 3)', code: "module.exports = { jwt: { key: process.env.JWT_KEY || 'app-jwt-secret' } };\n", files: ACME },
    { name: 'a product default that says to replace it', code: "module.exports = { jwt: { key: process.env.JWT_KEY || 'acmechat-jwt-secret-goes-here' } };\n", files: ACME },
    { name: 'a third party named in a default is a description (decision 3)', code: "const k = process.env.FOURSQUARE_SECRET || 'foursquare-service-secret';\n", files: ACME },
    { name: 'the product default in a named constant of an API example', filename: '/ws/app/api/token/token.js', code: "const API_KEY_SECRET = 'acmechat_default_secret';\n", files: ACME },
    { name: 'the product default in a template nothing copies into place', filename: '/ws/app/src/config.template.js', code: "module.exports = { jwt: { key: process.env.JWT_KEY || 'acmechat_jwt_secret' } };\n", files: ACME },
    { name: 'the product default in .env.template', filename: '/ws/.env.template', code: 'JWT_KEY=acmechat_jwt_secret\n', files: ACME },
    { name: 'JWT_KEY in code names where a token is stored', code: "const JWT_KEY = 'app-jwt';\nlocalStorage.setItem(JWT_KEY, token);\n", files: ACME },
    { name: 'no manifest: no product to name', code: "module.exports = { jwt: { key: process.env.JWT_KEY || 'acmechat_jwt_secret' } };\n" },
  ],
  invalid: [
    {
      name: 'a default that names the product (package.json)',
      code: "module.exports = { jwt: { key: process.env.JWT_KEY || 'acmechat_jwt_secret' } };\n",
      files: ACME,
      errors: [['fallback', 1, 'acmechat_jwt_secret']],
      output: 'module.exports = { jwt: { key: process.env.JWT_KEY } };\n',
    },
    {
      name: 'a product default in a template the Dockerfile copies into place (mirotalk)',
      filename: '/ws/app/src/config.template.js',
      code: "module.exports = { jwt: { key: process.env.JWT_KEY || 'acmechat_jwt_secret' } };\n",
      files: { ...ACME, '/ws/Dockerfile': 'FROM node:22\nCOPY ./app/src/config.template.js ./app/src/config.js\n' },
      errors: [['fallback', 1, 'acmechat_jwt_secret']],
      output: 'module.exports = { jwt: { key: process.env.JWT_KEY } };\n',
    },
    {
      name: 'a product name with a suffix, at a session sink',
      code: "app.use(session({ secret: 'acmechatp2p-session-secret' }));\n",
      files: ACME,
      errors: [['sink', 1, 'acmechatp2p-session-secret']],
      output: "app.use(session({ secret: process.env.SESSION_SECRET }));\n",
    },
    {
      name: 'a Python default that names the product (pyproject.toml)',
      filename: '/ws/app/settings.py',
      code: "import os\nSECRET = os.environ.get('JWT_KEY', 'acmechat-jwt-secret')\n",
      files: { '/ws/pyproject.toml': '[project]\nname = "acmechat"\nversion = "1.0"\n' },
      errors: [['fallback', 2, 'acmechat-jwt-secret']],
      output: 'import os\nSECRET = os.environ["JWT_KEY"]\n',
    },
  ],
});

// 2. A value under a secret's name that starts like a path but is random letters between slashes (qresp's
// Flask key, `//` then keyboard-mashed parts) is a key; real paths, with folder names, are still paths.
new RuleTester({ filename: '/ws/backend/project/config.ini' }).run(rule, {
  valid: [
    { name: 'a path to a key file', code: '[SECRETS]\nFLASK_SECRET_KEY = /etc/qresp/secret.key\n' },
    { name: 'a folder path', code: '[SECRETS]\nSECRET_KEY = /var/lib/app/keys/\n' },
    { name: 'one part with a run of consonants (https)', code: '[SECRETS]\nSECRET_KEY = /etc/ssl/https/\n' },
    { name: 'a relative path', code: '[SECRETS]\nSECRET_KEY = ./instance/secret\n' },
  ],
  invalid: [
    {
      name: 'random parts between slashes (qresp)',
      code: '[SECRETS]\nFLASK_SECRET_KEY = //qzvtm/hgfdrwplkjxcvb/a9bcdfghjklmn2/\n',
      errors: [['named', 2, '//qzvtm/hgfdrwplkjxcvb/a9bcdfghjklmn2/']],
    },
  ],
});

// 3. The key an app signs its tokens or sessions with counts at any length (go-gin-example's three-digit
// `JwtSecret`; made-up digits here); counts, switches and empty values under secret-sounding names stay silent.
new RuleTester({ filename: '/ws/conf/app.ini' }).run(rule, {
  valid: [
    { name: 'a length beside the secret', code: '[app]\nJwtSecretLength = 417\n' },
    { name: 'an expiry beside the secret', code: '[app]\nJWT_SECRET_EXPIRES_IN = 60\nSESSION_TIMEOUT = 30\n' },
    { name: 'a switch and an empty value', code: '[app]\nSessionSecret = true\nJwtSecret =\n' },
    { name: 'one digit repeated', code: '[app]\nJwtSecret = 0\n' },
    { name: 'a short value under a secret that signs nothing', code: '[db]\nPassword = 417\n' },
  ],
  invalid: [
    { name: 'three digits as the JWT secret (go-gin-example)', code: '[app]\nPageSize = 10\nJwtSecret = 417\n', errors: [['named', 3, '417']] },
    { name: 'a short session secret in YAML', filename: '/ws/config/app.yaml', code: 'auth:\n  sessionSecret: k9\n', errors: [['named', 2, 'k9']] },
    { name: "a short Flask SECRET_KEY in .env", filename: '/ws/.env', code: 'SECRET_KEY=x1z\n', gitTracked: true, errors: [['named', 1, 'x1z']] },
  ],
});

// 4. The signing or encryption key an app runs with, assigned as such (no environment read supplies it): weak and
// describing words are the key every installation signs with (lute's Flask mapping, codex.docs' built-in config,
// Tiledesk's config module; made-up values). A description that tells the reader to put theirs in stays a blank,
// and so does the default of an environment read (decision 3).
new RuleTester({ filename: '/ws/src/app.js' }).run(rule, {
  valid: [
    { name: 'a session sink told to take the reader\'s own secret', code: "app.use(session({ secret: 'your-session-secret' }));\n" },
    { name: 'a session sink whose value says where it goes', code: "app.use(session({ secret: 'session-secret-goes-here' }));\n" },
    { name: 'describing words as the default of an environment read (decision 3)', code: "const s = process.env.SESSION_SECRET || 'session-secret';\n" },
    { name: 'a status under a signing name', code: "const errors = { jwtToken: 'expired' };\n" },
    { name: 'a weak word under a bare secret of no signing block', code: "const labels = { secret: 'supersecret' };\n" },
    { name: 'a bare secret of an exported object, told to replace it', filename: '/ws/config/database.js', code: "module.exports = { secret: 'your-secret-here' };\n" },
  ],
  invalid: [
    { name: 'describing words at a session sink', code: "app.use(session({ secret: 'session-secret' }));\n", errors: [['sink', 1, 'session-secret']], output: "app.use(session({ secret: process.env.SESSION_SECRET }));\n" },
    { name: 'describing words as a signing key assigned in a configuration module', filename: '/ws/config/index.js', code: "const sessionSecret = 'some-session-secret';\n", errors: [['named', 1, 'some-session-secret']], output: 'const sessionSecret = process.env.SESSION_SECRET;\n' },
    { name: 'a weak word as the auth secret of a built-in configuration (codex.docs)', filename: '/ws/src/config/appConfig.ts', code: "const defaultConfig = { port: 3000, auth: { secret: 'supersecret' } };\n", errors: [['named', 1, 'supersecret']], output: 'const defaultConfig = { port: 3000, auth: { secret: process.env.DEFAULT_CONFIG_SECRET } };\n' },
    { name: 'the secret of a configuration module\'s exports (Tiledesk)', filename: '/ws/config/database.js', code: "module.exports = {\n  secret: 'appauthsecret',\n  database: 'mongodb://localhost:27017/app',\n};\n", errors: [['named', 2, 'appauthsecret']], output: "module.exports = {\n  secret: process.env.SECRET,\n  database: 'mongodb://localhost:27017/app',\n};\n" },
  ],
});

new RuleTester({ filename: '/ws/app/factory.py' }).run(rule, {
  valid: [
    { name: 'a Flask mapping told to take the reader\'s own key', code: 'config = {"SECRET_KEY": "your-secret-key-here", "DEBUG": False}\n' },
  ],
  invalid: [
    { name: 'describing words as the Flask SECRET_KEY of a config mapping (lute)', code: 'config = {"SECRET_KEY": "some_secret", "DEBUG": False}\n', errors: [['named', 1, 'some_secret']], output: 'import os\nconfig = {"SECRET_KEY": os.environ["SECRET_KEY"], "DEBUG": False}\n' },
    { name: 'describing words given to itsdangerous', code: 'import itsdangerous\ns = itsdangerous.URLSafeSerializer("signing-key")\n', errors: [['sink', 2, 'signing-key']], output: 'import itsdangerous\nimport os\ns = itsdangerous.URLSafeSerializer(os.environ["SECRET_KEY"])\n' },
  ],
});

new RuleTester({ filename: '/ws/config/settings.yaml' }).run(rule, {
  valid: [
    { name: 'a YAML signing key told to take the reader\'s own', code: 'SECRET_KEY: your-secret-key\n' },
  ],
  invalid: [
    { name: 'describing words as a YAML signing key', code: 'SECRET_KEY: some_secret\n', errors: [['named', 1, 'some_secret']], output: null },
  ],
});

// 5. A generated value under a `…_TOKEN_KEY` variable is the key tokens are signed with (tinode's image `ENV`; a
// made-up value); a word there names where a token is stored.
new RuleTester({ filename: '/ws/docker/app/Dockerfile' }).run(rule, {
  valid: [
    { name: 'the name a token is stored under', filename: '/ws/web/.env', gitTracked: true, code: 'VITE_TOKEN_KEY=access_token\n' },
    { name: 'a local storage key of tokens, generated-looking', code: 'FROM alpine\nENV LOCAL_STORAGE_TOKEN_KEY=q7Lm2VxR9pTz4KwN8sBd3HfJ6cYg1AeU\n' },
  ],
  invalid: [
    { name: 'a generated token key baked into the image', code: 'FROM alpine\nENV AUTH_TOKEN_KEY=q7Lm2VxR9pTz4KwN8sBd3HfJ6cYg1AeU5oXi0nMb/E=\n', errors: [['named', 2, 'q7Lm2VxR9pTz4KwN8sBd3HfJ6cYg1AeU5oXi0nMb/E=']], output: null },
  ],
});

// 6. Near misses of the signing class on held-out 11: the default the code assigns when nothing supplied the key, and
// a camelCase identifier, are judged as before.
new RuleTester({ filename: '/ws/packages/framework/src/config/config.ts' }).run(rule, {
  valid: [
    {
      name: 'the default assigned when the key is missing, refused in production',
      code: "function build(http) {\n  if (!http.jwtSecret) {\n    warn('http.jwtSecret not found');\n    http.jwtSecret = 'supersecret';\n  }\n  return http;\n}\n",
    },
    { name: 'a camelCase identifier as an auth block\'s secret', code: "module.exports = { auth: { api: true, secret: 'acmeRtmpSecret' } };\n" },
    {
      name: "the name again with two words run together (msal's claim name under a signed-JWT name)",
      code: "export const ClaimsKeys = { tokenClaimsCnfRequiredForSignedJwt: 'token_claims_cnf_required_for_signedjwt' };\n",
    },
  ],
  invalid: [],
});
