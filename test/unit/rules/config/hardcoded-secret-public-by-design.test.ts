import * as assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { PUBLIC_NAMES } from '../../../../core/src/secrets/publicNames';
import { B64URL, rnd } from '../../../../core/src/secrets/providers/util';
import { fake, secrets } from '../../helpers';
import { RuleTester } from '../ruleTester';
import { loadPython } from '../../python-helpers';

before(loadPython);

// Held-out 5, the false positives left (audit/README.md): keys public by design, stand-ins a person types, a
// default login made of the account's name, and values encrypted for CI. Each valid case was a false positive
// on a real application; each invalid case is its near miss, still reported.

const WRITE_KEY = fake('tz68K6yt', 'Wx6AUqDl30XAwiIoUfr7iWVW');
const STRIPE = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dc');

describe('config/hardcoded-secret: names of keys public by design, every row with examples', () => {
  for (const row of PUBLIC_NAMES) {
    test(row.id, () => {
      assert.ok(row.tps.length >= 1 && row.fps.length >= 1 && /^https:\/\//.test(row.docs), `${row.id} has examples and its documentation`);
      for (const fp of row.fps) assert.deepEqual(secrets('src/app.ts', fp).map((f) => f.message), [], `fp: ${fp}`);
      for (const tp of row.tps) assert.equal(secrets('src/app.ts', tp).length, 1, `tp: ${tp}`);
    });
  }
});

// An analytics write key shipped inside a published command-line tool: its default, and the dev scripts that set it.
new RuleTester({ filename: '/ws/packages/cli/src/constants/constants.ts' }).run(rule, {
  valid: [
    { name: "a Segment write key as the default of the CLI's analytics", code: `export const SEGMENTS_WRITE_KEY = process.env.CLI_SEGMENT_WRITE_KEY || '${WRITE_KEY}';\n` },
    {
      name: "the same key in the package's dev scripts",
      filename: '/ws/packages/cli/package.json',
      code: `{\n  "name": "thecli",\n  "scripts": {\n    "start:dev": "cross-env NODE_ENV=dev CLI_SEGMENT_WRITE_KEY=${WRITE_KEY} nodemon init"\n  }\n}\n`,
    },
    { name: 'a Segment write key in an env file', filename: '/ws/.env.production', code: `SEGMENT_WRITE_KEY=${WRITE_KEY}\n` },
    { name: 'a Mixpanel project token in an env file', filename: '/ws/.env.production', code: `MIXPANEL_TOKEN=${fake('3f9a7c2e8b1d', '4f6a0c5e9b2d7a4f1c8e')}\n` },
  ],
  invalid: [
    {
      name: "a Stripe secret key under the write key's name is found by its provider",
      code: `export const SEGMENTS_WRITE_KEY = process.env.CLI_SEGMENT_WRITE_KEY || '${STRIPE}';\n`,
      errors: [{ messageId: 'provider', line: 1 }],
      output: 'export const SEGMENTS_WRITE_KEY = process.env.CLI_SEGMENT_WRITE_KEY;\n',
    },
    {
      name: "Segment's access token is a secret",
      filename: '/ws/.env.production',
      code: `SEGMENT_ACCESS_TOKEN=${WRITE_KEY}\n`,
      errors: [{ messageId: 'provider', line: 1 }],
      output: null,
    },
    {
      name: "an analytics key of another name is judged as usual",
      code: `export const ANALYTICS_API_SECRET = process.env.ANALYTICS_API_SECRET || '${WRITE_KEY}';\n`,
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const ANALYTICS_API_SECRET = process.env.ANALYTICS_API_SECRET;\n',
    },
  ],
});

// The sample request an API documentation page shows: the payload a dummy-data generator made, and its built bundle.
new RuleTester({ filename: '/ws/ui/src/apiPreview/docsCreate.js' }).run(rule, {
  valid: [
    {
      name: 'a password set on a generated sample payload',
      code: 'export function fullPayload(collection, forUpdate) {\n  let payload = app.utils.getDummyFieldsData(collection, true);\n  if (forUpdate) payload.oldPassword = "987654321";\n  payload.password = "123456789";\n  payload.passwordConfirm = "123456789";\n  return payload;\n}\n',
    },
    {
      name: 'the same, minified',
      filename: '/ws/ui/dist/assets/docsCreate-Ap21j9FE.js',
      code: 'function a(e,n=!1){let r=app.utils.getDummyFieldsData(e,!0);return delete r.id,e.type==`auth`&&(n&&(r.oldPassword=`987654321`),r.password=`123456789`),r}\n',
    },
  ],
  invalid: [
    {
      name: 'a password set on an object of another kind',
      code: 'export function payloadOf(collection) {\n  let payload = app.utils.fieldsData(collection, true);\n  payload.password = "192837465";\n  return payload;\n}\n',
      errors: [{ messageId: 'named', line: 3 }],
      output: 'export function payloadOf(collection) {\n  let payload = app.utils.fieldsData(collection, true);\n  payload.password = process.env.PASSWORD;\n  return payload;\n}\n',
    },
    {
      name: 'a sample object of another function',
      code: 'function sample() {\n  const payload = getDummyFieldsData();\n  return payload;\n}\nfunction login(payload) {\n  payload.password = "192837465";\n}\n',
      errors: [{ messageId: 'named', line: 6 }],
      output: 'function sample() {\n  const payload = getDummyFieldsData();\n  return payload;\n}\nfunction login(payload) {\n  payload.password = process.env.PASSWORD;\n}\n',
    },
  ],
});

// A self-hosted tool's documented first login (the user's name twice) as the default of a setting's URL.
new RuleTester({ filename: '/ws/internal/offline/torrent.go' }).run(rule, {
  valid: [
    {
      name: "the user's name twice",
      code: 'package torrent\n\ntype Item struct{ Key, Value string }\n\nfunc Items() []Item {\n\treturn []Item{{Key: "torrent_url", Value: "http://admin:adminadmin@localhost:8080/"}}\n}\n',
    },
  ],
  invalid: [
    {
      name: "a password that only starts with the user's name",
      code: 'package torrent\n\ntype Item struct{ Key, Value string }\n\nfunc Items() []Item {\n\treturn []Item{{Key: "torrent_url", Value: "http://admin:adminQx7vLp2@localhost:8080/"}}\n}\n',
      errors: [{ messageId: 'provider', line: 6 }],
      output: null,
    },
  ],
});

// A Travis CI encrypted value kept in a Makefile for the body of a build request.
const ENCRYPTED = fake('O3/2KTOV8krv+yZ1EB/7D1RQRe6NdpFUEJNJkMS/ollYqmz3x2mCO7yIgIJKCKguLXZxjM6CxJcjlCrvUwibL+8BBp7xJe4XFIOrjkPvbb', 'VPry4HkFZCf2GfcUK6o4AByQ+RYqsW2F17Fp9KLQ1rL3OT3eLTwCAGKx3tlY8y+an43zkmo5dN64V6sawx26fh6XTfww590ey+ltgQTjf8UP=');
new RuleTester({ filename: '/ws/Makefile' }).run(rule, {
  valid: [
    {
      name: 'passed only as a secure value',
      code: `TRAVIS_SECRET=${ENCRYPTED}\nBUILD_CMD='{ "request": { "config": { "env": { "secure": "\${TRAVIS_SECRET}" } } } }'\n\nbuild:\n\tcurl -d $(BUILD_CMD) https://api.travis-ci.com/repo/a%2Fb/requests\n`,
    },
  ],
  invalid: [
    {
      name: 'also passed on in plain',
      code: `TRAVIS_SECRET=${ENCRYPTED}\nBUILD_CMD='{ "request": { "config": { "env": { "secure": "\${TRAVIS_SECRET}" } } } }'\n\ndeploy:\n\tcurl -H "Authorization: token $(TRAVIS_SECRET)" https://api.travis-ci.com/repo/a%2Fb/requests\n`,
      errors: [{ messageId: 'named', line: 1 }],
      output: null,
    },
    {
      name: 'never passed as a secure value',
      code: `API_SECRET=${ENCRYPTED}\n\ndeploy:\n\tcurl -H "Authorization: token $(API_SECRET)" https://api.example.com/\n`,
      errors: [{ messageId: 'named', line: 1 }],
      output: null,
    },
  ],
});

// A URL pattern kept under a token's name (a Django `urls.py` building its routes from named groups).
new RuleTester({ filename: '/ws/files/urls.py' }).run(rule, {
  valid: [
    { name: 'a named group of a regular expression', code: 'friendly_token = r"(?P<friendly_token>[\\w\\-_]*)"\n' },
  ],
  invalid: [
    {
      name: 'a token that only holds brackets',
      code: 'friendly_token = "q8Zr2vLp4<Kx9Tm3>Wb7Yc"\n',
      errors: [{ messageId: 'named', line: 1 }],
      output: 'import os\nfriendly_token = os.environ["FRIENDLY_TOKEN"]\n',
    },
  ],
});

// A Firebase app's web configuration: its `apiKey` ships to every browser and, per Firebase, may be committed
// (held-out 7: a web client's config default and the same object commented in `.env.example`). Information, not an
// error: Firebase still advises restricting the key. A Google key anywhere else stays an error.
const FIREBASE_KEY = fake('AIza', 'Sy', rnd(B64URL, 33, 'firebase-web'));
new RuleTester({ filename: '/ws/src/config.ts' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: "a Firebase web config object's apiKey",
      code: `export const firebaseConfig = {\n  apiKey: "${FIREBASE_KEY}",\n  authDomain: "demo-4821.firebaseapp.com",\n  projectId: "demo-4821",\n};\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'info' }],
      output: `export const firebaseConfig = {\n  apiKey: process.env.FIREBASE_CONFIG_API_KEY,\n  authDomain: "demo-4821.firebaseapp.com",\n  projectId: "demo-4821",\n};\n`,
    },
    {
      name: 'the same config as JSON in an env line',
      filename: '/ws/.env.production',
      code: `VITE_FIREBASE_CONFIG={"apiKey":"${FIREBASE_KEY}","authDomain":"demo-4821.firebaseapp.com","projectId":"demo-4821"}\n`,
      errors: [{ messageId: 'provider', line: 1, severity: 'info' }],
      output: null,
    },
    {
      name: "an Android app's google-services.json",
      filename: '/ws/android/app/google-services.json',
      code: `{\n  "client": [{ "api_key": [{ "current_key": "${FIREBASE_KEY}" }] }]\n}\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'info' }],
      output: null,
    },
    {
      name: "YouTube's web client key in an InnerTube URL (held-out 4, searxng)",
      filename: '/ws/searx/engines/youtube_noapi.py',
      code: `next_page_url = 'https://www.youtube.com/youtubei/v1/search?key=${FIREBASE_KEY}'\n`,
      errors: [{ messageId: 'provider', line: 1, severity: 'info' }],
      output: null,
    },
    {
      name: 'the same key in a Data API URL is an error',
      filename: '/ws/searx/engines/youtube_api.py',
      code: `search_url = 'https://www.googleapis.com/youtube/v3/search?key=${FIREBASE_KEY}'\n`,
      errors: [{ messageId: 'provider', line: 1, severity: 'error' }],
      output: null,
    },
    {
      name: "a Firebase web client's settings as environment variables, beside its web app id (held-out 12, tinode)",
      filename: '/ws/docker/docker-compose/single-instance.yml',
      code: `x-env: &env\n  "FCM_API_KEY": "${FIREBASE_KEY}"\n  "FCM_APP_ID": "1:114126160546:web:aca6ea2981feb81f"\n  "FCM_PROJECT_ID": "demo-4821"\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'info' }],
      output: null,
    },
    {
      name: 'the same key beside an Android app id is an error',
      filename: '/ws/docker/docker-compose/single-instance.yml',
      code: `x-env: &env\n  "FCM_API_KEY": "${FIREBASE_KEY}"\n  "FCM_APP_ID": "1:114126160546:android:aca6ea2981feb81f"\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'error' }],
      output: null,
    },
    {
      name: 'a Google Maps key with no Firebase config around it is an error',
      code: `export const maps = {\n  apiKey: "${FIREBASE_KEY}",\n  libraries: ["places"],\n};\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'error' }],
      output: `export const maps = {\n  apiKey: process.env.MAPS_API_KEY,\n  libraries: ["places"],\n};\n`,
    },
  ],
});

// A deploy manifest written as a template (held-out 7): the key's prefix and x's where the user's key goes. A key
// after the same prefix is still reported.
new RuleTester({ filename: '/ws/kubernetes/deploy.yaml' }).run(rule, {
  valid: [
    { name: 'a key prefix and three x’s', code: 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: OPENAI_API_KEY\n              value: sk-xxx\n' },
  ],
  invalid: [
    {
      name: 'a value after the prefix that is not all x’s',
      code: 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: OPENAI_API_KEY\n              value: sk-xq7v\n',
      errors: [{ messageId: 'named', line: 8 }],
      output: null,
    },
  ],
});

// The compose stack a developer runs on their own machine: its containers' logins are throwaway (held-out 6 and 7).
// The deployed compose file still reports a generated-looking key.
new RuleTester({ filename: '/ws/docker-compose.dev.yml' }).run(rule, {
  valid: [
    { name: 'an object store login in docker-compose.dev.yml', code: 'services:\n  store:\n    environment:\n      - STORE_SERVICE_USER=devstore-service\n      - STORE_SERVICE_PASSWORD=devkvstx-service123\n' },
    { name: 'a database URL in dev-compose.yaml', filename: '/ws/dev-compose.yaml', code: 'services:\n  api:\n    environment:\n      APP_POSTGRES_URL: postgres://app:qv7tsecret@postgres:5432/app_test\n' },
    { name: 'a key in compose.local.yaml', filename: '/ws/compose.local.yaml', code: `services:\n  app:\n    environment:\n      SECRET_VAULT_KEK: ${fake('DtPWS09unRXGuRSc', 'B60qXqCSsrjd22dUlXt/0oZgxSo=')}\n` },
  ],
  invalid: [
    {
      name: 'the same login in the compose file that deploys',
      filename: '/ws/docker-compose.yml',
      code: 'services:\n  store:\n    environment:\n      - STORE_SERVICE_USER=devstore-service\n      - STORE_SERVICE_PASSWORD=devkvstx-service123\n',
      errors: [{ messageId: 'named', line: 5 }],
      output: 'services:\n  store:\n    environment:\n      - STORE_SERVICE_USER=devstore-service\n      - STORE_SERVICE_PASSWORD=${STORE_SERVICE_PASSWORD}\n',
    },
  ],
});

// Held-out 7 (audit/README.md, stop 27): a Sentry DSN of the legacy form, `https://<public>:<secret>@host/<project>`,
// in a README's development example. Its second key only ever sent events and Sentry ignores it since 9.0: the DSN
// is public by design, as the modern form is. A URL of another shape with two such keys is still a password.
const HEX_A = rnd('0123456789abcdef', 32, 'dsn-a');
const HEX_B = rnd('0123456789abcdef', 32, 'dsn-b');
new RuleTester({ filename: '/ws/README.md' }).run(rule, {
  valid: [
    { name: 'a legacy Sentry DSN on sentry.io', code: `    $ export SENTRY_DSN=https://${HEX_A}:${HEX_B}@sentry.io/153768\n` },
    { name: 'a legacy DSN of a self-hosted Sentry', filename: '/ws/config/production.js', code: `module.exports = { dsn: 'https://${HEX_A}:${HEX_B}@sentry.acme.io:9000/7' };\n` },
  ],
  invalid: [
    {
      name: 'the same keys in a repository URL',
      code: `    $ git clone https://${HEX_A}:${HEX_B}@git.acme.io/platform/app.git\n`,
      errors: [{ messageId: 'provider', line: 1 }],
      output: null,
    },
  ],
});

// A desktop or mobile app's OAuth client registrations (held-out 6, joplin's `packages/lib/parameters.js`, bundled into
// its Electron and React Native apps): a native app is a public client (RFC 8252, section 8.5), its "client secret" is
// in every installed copy. Information; the same pair in a server's package, or beside no client id, stays an error.
const CLIENT_SECRET = fake('Qm7xVb2Kp9', 'LwT4zR8nYc');
const PARAMETERS = `module.exports = {\n  oneDrive: {\n    id: 'e09fc0de-c958-424f-83a2-e56a721d331b',\n    secret: '${CLIENT_SECRET}',\n  },\n};\n`;
const LIB = '{"name":"@notes/lib"}';
const DESKTOP = '{"name":"@notes/app-desktop","dependencies":{"@notes/lib":"1.0.0","electron":"30.0.0"}}';
const SERVER_APP = '{"name":"@notes/server","dependencies":{"@notes/lib":"1.0.0","koa":"2.0.0"}}';
new RuleTester({ filename: '/ws/packages/lib/parameters.js' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: "a library a workspace's Electron app depends on: the app's OAuth client secret",
      code: PARAMETERS,
      files: { '/ws/packages/lib/package.json': LIB, '/ws/packages/app-desktop/package.json': DESKTOP, '/ws/packages/server/package.json': SERVER_APP },
      errors: [{ messageId: 'named', line: 4, severity: 'info' }],
      output: PARAMETERS.replace(`'${CLIENT_SECRET}'`, 'process.env.ONE_DRIVE_SECRET'),
    },
    {
      name: 'a React Native app\'s own package',
      filename: '/ws/app/src/oauth.js',
      code: PARAMETERS,
      files: { '/ws/app/package.json': '{"name":"mobile","dependencies":{"react-native":"0.74.0"}}' },
      errors: [{ messageId: 'named', line: 4, severity: 'info' }],
      output: PARAMETERS.replace(`'${CLIENT_SECRET}'`, 'process.env.ONE_DRIVE_SECRET'),
    },
    {
      name: 'the same library with no native app depending on it is an error',
      code: PARAMETERS,
      files: { '/ws/packages/lib/package.json': LIB, '/ws/packages/server/package.json': SERVER_APP },
      errors: [{ messageId: 'named', line: 4, severity: 'error' }],
      output: PARAMETERS.replace(`'${CLIENT_SECRET}'`, 'process.env.ONE_DRIVE_SECRET'),
    },
    {
      name: "a server's package that a native app depends on: its use is the server's",
      filename: '/ws/packages/server/src/oauth.js',
      code: PARAMETERS,
      files: { '/ws/packages/server/package.json': SERVER_APP, '/ws/packages/app-desktop/package.json': '{"name":"d","dependencies":{"@notes/server":"1.0.0","electron":"30.0.0"}}' },
      errors: [{ messageId: 'named', line: 4, severity: 'error' }],
      output: PARAMETERS.replace(`'${CLIENT_SECRET}'`, 'process.env.ONE_DRIVE_SECRET'),
    },
    {
      name: 'a secret with no client id beside it, in the native app, is an error',
      code: `module.exports = { webhook: { secret: '${CLIENT_SECRET}' } };\n`,
      files: { '/ws/packages/lib/package.json': LIB, '/ws/packages/app-desktop/package.json': DESKTOP },
      errors: [{ messageId: 'named', line: 1, severity: 'error' }],
      output: 'module.exports = { webhook: { secret: process.env.WEBHOOK_SECRET } };\n',
    },
  ],
});
