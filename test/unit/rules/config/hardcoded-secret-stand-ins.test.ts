import { createHash } from 'node:crypto';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

// A false positive the held-out 4 triage left (audit/README.md, "Held-out 4, the false positives left"): each
// valid case is the shape of one, in made-up code; each invalid case is its near miss, still reported.

const RANDOM = fake('Zq8xK2pL', 'm4nBv7Rt1Wy9');
const WEBHOOK_SECRET = fake('whsec_', '6c1f0e9d8b7a65432', '10fedcba98765432a');

// A weak word glued to the kind of secret (`testpass`) is written the way `test123` is: a stand-in's login,
// not reported under a plain name, still reported where the app runs with it.
new RuleTester({ filename: '/ws/server/config/default.yaml' }).run(rule, {
  valid: [
    { name: "a stand-in mail server's login", code: 'mockMailServer:\n  enabled: false\n  host: 127.0.0.1\n  username: mailuser\n  password: testpass\n' },
    { name: 'a numbered glued stand-in', code: 'qa:\n  password: guestpw2\n' },
  ],
  invalid: [
    {
      name: 'the same word signing sessions',
      filename: '/ws/src/app.js',
      code: "app.use(session({ secret: 'testpass' }));\n",
      errors: [{ messageId: 'sink', line: 1 }],
      output: "app.use(session({ secret: process.env.SESSION_SECRET }));\n",
    },
    { name: 'kind words glued together are no weak word', code: 'auth:\n  jwtSecretKey: secretkey\n', errors: [{ messageId: 'named', line: 2 }], output: null },
  ],
});

// A comment on the value's own line that calls it made up: in test code, even a provider's format is the
// test's stand-in. Outside test code a provider key is judged whatever its comment says.
new RuleTester({ filename: '/ws/apps/web/tests/webhooks.test.ts' }).run(rule, {
  valid: [
    { name: 'a webhook secret a test calls dummy', code: `const hook = {\n  id: "wh_1", // dummy id\n  secret: "${WEBHOOK_SECRET}", // dummy secret\n};\n` },
    { name: 'a password a comment calls fake', filename: '/ws/src/config.ts', code: `export const db = { password: '${RANDOM}' }; // fake, for the screenshots\n` },
  ],
  invalid: [
    {
      name: 'a provider key outside test code, whatever its comment',
      filename: '/ws/apps/web/lib/webhooks.ts',
      code: `export const secret = "${WEBHOOK_SECRET}"; // dummy secret\n`,
      errors: [{ messageId: 'provider', line: 1 }],
      output: 'export const secret = process.env.STRIPE_WEBHOOK_SECRET; // dummy secret\n',
    },
    {
      name: 'a comment that says something else',
      code: `const hook = {\n  secret: "${WEBHOOK_SECRET}", // from the dashboard\n};\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'error' }],
      output: 'const hook = {\n  secret: process.env.HOOK_SECRET, // from the dashboard\n};\n',
    },
  ],
});

// A value the comment above shows is made from a placeholder word: whoever reads the comment has the secret,
// and it is a sample to replace (a guide's Kubernetes Secret).
const DIGEST = (word: string) => Buffer.from(createHash('sha256').update(word).digest('hex')).toString('base64');
const SECRET = (word: string) => `kind: Secret\napiVersion: v1\nmetadata:\n  name: app\ndata:\n  # echo -n '${word}' | sha256sum | awk '{ printf $1 }' | base64\n  secret-key: ${DIGEST(word)}\n`;
new RuleTester({ filename: '/ws/docs/install/k8s/15-secrets.yaml' }).run(rule, {
  valid: [{ name: 'the digest of a placeholder word', code: SECRET('secret-key') }],
  invalid: [{ name: 'the digest of a word that is no placeholder', code: SECRET(RANDOM), errors: [{ messageId: 'named', line: 7 }], output: null }],
});

// Held-out 3 (audit/README.md, stop 27): the key a local model server's OpenAI-compatible API is called with. The
// server checks none, the client library insists on a string, and the server's documentation names it (Ollama's
// `ollama`, LM Studio's `lm-studio`). A generated default of the same variable is still a key.
new RuleTester({ filename: '/ws/server/utils/imageGenerators/ollama.js' }).run(rule, {
  valid: [
    { name: "Ollama's documented stand-in key", code: 'const client = new OpenAI({ baseURL, apiKey: process.env.OLLAMA_AUTH_TOKEN || "ollama" });\n' },
    { name: "LM Studio's documented stand-in key", code: "const client = new OpenAI({ baseURL: 'http://localhost:1234/v1', apiKey: process.env.LMSTUDIO_API_KEY ?? 'lm-studio' });\n" },
  ],
  invalid: [
    {
      name: 'a generated default of the same variable',
      code: `const client = new OpenAI({ baseURL, apiKey: process.env.OLLAMA_AUTH_TOKEN || "${RANDOM}" });\n`,
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'const client = new OpenAI({ baseURL, apiKey: process.env.OLLAMA_AUTH_TOKEN });\n',
    },
  ],
});

// Held-out 7 and 8 (audit/README.md, stop 27): a short value beside a template's blank (`sk-xxx`, `your.…here`) is
// one more blank of the same template. The same value without the blank beside it, or a generated value beside
// it, is still reported.
const DEPLOY = (openai: string, auth: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: OPENAI_API_KEY\n              value: ${openai}\n            - name: AUTH_SECRET_KEY\n              value: '${auth}'\n`;
new RuleTester({ filename: '/ws/kubernetes/deploy.yaml' }).run(rule, {
  valid: [
    { name: "a short login beside the template's sk-xxx", code: DEPLOY('sk-xxx', '123456') },
    {
      name: 'a shared secret beside your.…here',
      filename: '/ws/config/development.json',
      code: '{\n  "turnservers": [\n    {\n      "urls": ["turn:your.turn.servers.here"],\n      "secret": "turnserversharedsecret",\n      "expiry": 86400\n    }\n  ]\n}\n',
    },
  ],
  invalid: [
    { name: 'the same login with a real key beside it', code: DEPLOY('"$(OPENAI_KEY)"', '123456'), errors: [{ messageId: 'named', line: 14 }], output: null },
    { name: 'a generated value beside the blank', code: DEPLOY('sk-xxx', RANDOM), errors: [{ messageId: 'named', line: 14 }], output: null },
  ],
});

// Held-out 9 (grist-core, karakeep; stop 28): a value that tells whoever fills the file in where to get the secret
// (`GET THIS FROM KEYCLOAK`, `[generate with openssl rand -base64 36]`) is an instruction, not a secret. A value
// that merely holds one of those words is judged as any other.
new RuleTester({ filename: '/ws/docker-compose.yml' }).run(rule, {
  valid: [
    { name: 'where to get it', code: 'services:\n  web:\n    environment:\n      OIDC_CLIENT_SECRET: GET THIS FROM KEYCLOAK\n' },
    { name: 'how to generate it', code: 'services:\n  web:\n    environment:\n      NEXTAUTH_SECRET: "[generate with openssl rand -base64 36]"\n' },
    { name: 'copy it from', code: 'services:\n  web:\n    environment:\n      API_TOKEN: copy-from-the-dashboard\n' },
  ],
  invalid: [
    {
      name: 'the words without the instruction',
      code: `services:\n  web:\n    environment:\n      OIDC_CLIENT_SECRET: get${RANDOM}from\n`,
      errors: [{ messageId: 'named', line: 4 }],
      output: 'services:\n  web:\n    environment:\n      OIDC_CLIENT_SECRET: "${OIDC_CLIENT_SECRET}"\n',
    },
  ],
});

// Held-out 7 (nest-admin; stop 28): a default inside what is hashed (`md5(`${password ?? '123456'}${salt}`)`) is a
// user's password or data, not the app's configuration. The default of an environment read is still judged, and
// so is a default that is an HMAC's key.
new RuleTester({ filename: '/ws/src/modules/user/user.service.ts' }).run(rule, {
  valid: [
    { name: 'a default inside an md5 template', code: "const password = md5(`${initPassword ?? '123456'}${salt}`);\n" },
    { name: 'a default concatenated into bcrypt.hash', code: "const hash = await bcrypt.hash((data.password || 'a123456') + pepper, 10);\n" },
    { name: 'a default a createHash is updated with', code: "const digest = crypto.createHash('sha256').update(user.password ?? 'changeit2').digest('hex');\n" },
  ],
  invalid: [
    {
      name: 'the default of an environment read inside a hash',
      code: `const key = sha256(process.env.APP_SECRET ?? '${RANDOM}');\n`,
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'const key = sha256(process.env.APP_SECRET);\n',
    },
    {
      name: "an HMAC's key default (the variable is named after the MAC, not after the chain's update)",
      code: `const mac = crypto.createHmac('sha256', options.secret ?? '${RANDOM}').update(body).digest('hex');\n`,
      errors: [{ messageId: 'fallback', line: 1 }],
      output: "const mac = crypto.createHmac('sha256', options.secret ?? process.env.MAC_SECRET).update(body).digest('hex');\n",
    },
    {
      name: 'a default hashed as the second argument (a salt position) is judged as before',
      code: `const derived = pbkdf2Sync(input, options.secret ?? '${RANDOM}', 1000, 32, 'sha256');\n`,
      errors: [{ messageId: 'fallback', line: 1 }],
      output: "const derived = pbkdf2Sync(input, options.secret ?? process.env.PBKDF2_SYNC_SECRET, 1000, 32, 'sha256');\n",
    },
  ],
});

// Held-out 9 (laudspeaker; stop 28): a Dockerfile's ENV lines are one set of pairs, as a `.env` file's: a password
// spelled as the user beside it is the database image's stock login. A password that is not the account's name is
// judged as before.
new RuleTester({ filename: '/ws/Dockerfile.dev.server' }).run(rule, {
  valid: [
    { name: 'the stock login over two ENV lines', code: 'FROM node:20\nENV DATABASE_USER=postgres\nENV DATABASE_PASSWORD=postgres\n' },
    { name: 'the stock login in one ENV line', code: 'FROM node:20\nENV DATABASE_USER=appdb DATABASE_PASSWORD=appdb\n' },
  ],
  invalid: [
    {
      name: 'a password that is not the account name',
      code: 'FROM node:20\nENV DATABASE_USER=postgres\nENV DATABASE_PASSWORD=pg-Pa55w0rd\n',
      errors: [{ messageId: 'named', line: 3 }],
      output: null,
    },
  ],
});

// Held-out 9 (privacyidea; stop 28): a GPG key's fingerprint in a variable the same file hands gpg as the key to sign
// or encrypt with is the key's public id; the key stays in the keyring. The same hex under a secret's name that
// gpg does not take as a key id, or a value of another length, is judged as before.
const FINGERPRINT = '53E66E1D2CABEFCDB1D3B83E106164552E8D8149';
new RuleTester({ filename: '/ws/Makefile' }).run(rule, {
  valid: [
    { name: 'a Makefile signing with it', code: `SIGNING_KEY=${FINGERPRINT}\n\nsign:\n\tgpg --detach-sign -a --default-key \${SIGNING_KEY} dist/*.tar.gz\n` },
    { name: 'a shell script encrypting to it', filename: '/ws/scripts/backup.sh', code: `#!/bin/sh\nexport GPG_SECRET_KEY=${FINGERPRINT}\ngpg --encrypt -r "$GPG_SECRET_KEY" backup.tar\n` },
    { name: 'a 16-digit long key id with -u', filename: '/ws/scripts/release.sh', code: '#!/bin/sh\nRELEASE_KEY=E106164552E8D814\ngpg -u $RELEASE_KEY --clearsign SHA256SUMS\n' },
  ],
  invalid: [
    {
      name: 'the same value that gpg does not take as a key id',
      filename: '/ws/scripts/release.sh',
      code: `#!/bin/sh\nexport API_SECRET_KEY=${FINGERPRINT}\ncurl -H "X-Key: $API_SECRET_KEY" https://api.acme.io\ngpg --verify SHA256SUMS.asc\n`,
      errors: [{ messageId: 'named', line: 2 }],
      output: null,
    },
  ],
});

// Held-out 5 (mediacms) and growthbook: the default of a value the code was given, when it is a phrase of plain words,
// is a label or an id standing in for the missing value (`ctx.apiKey ?? 'internal-agent'`), not a key. A phrase with a
// secret's word (`my-secret`) and an environment read's default stay reported.
new RuleTester({ filename: '/ws/src/agent/dispatcher.ts' }).run(rule, {
  valid: [
    { name: "a request context's key defaulting to a label", code: "const req = { apiKey: ctx.apiKey ?? 'internal-agent' };\n" },
    { name: "a media record's token defaulting to an id in words", code: "const video = { id: media.data?.friendly_token || 'default-video' };\n" },
  ],
  invalid: [
    {
      name: 'a phrase with a secret\'s word is a stand-in secret',
      code: "const signer = { key: options.secret || 'my-secret' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'const signer = { key: options.secret || process.env.SIGNER_SECRET };\n',
    },
    {
      name: "the same label as an environment read's default",
      code: "const apiKey = process.env.API_KEY || 'internal-agent';\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'const apiKey = process.env.API_KEY;\n',
    },
  ],
});

// Held-out 16 (chartbrew): a form's error text as the default of a field's error (`errors.otpToken || "Invalid
// token. …"`) is a message, not a secret. A sentence as an environment read's default, and a two-word phrase, stay.
new RuleTester({ filename: '/ws/client/src/containers/Login.jsx' }).run(rule, {
  valid: [
    { name: "a field's error defaulting to a sentence", code: 'const msg = { text: errors.otpToken || "Invalid token. Try a new one or use a backup code." };\n' },
    { name: 'a question as the default of a given password hint', code: "const hint = { text: form.passwordHint ?? 'Did you forget your password?' };\n" },
  ],
  invalid: [
    {
      name: "a sentence as an environment read's default is judged whatever it is",
      code: "const secret = process.env.SESSION_SECRET || 'Keep this very secret please.';\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'const secret = process.env.SESSION_SECRET;\n',
    },
    {
      name: 'a two-word phrase without a stop is a passphrase',
      code: "const signer = { key: options.secret || 'keyboard cat' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'const signer = { key: options.secret || process.env.SIGNER_SECRET };\n',
    },
  ],
});
