import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Fifteenth held-out audit set (Python and Go applications, audit/README.md "Held-out 15, Python and Go"): each valid
// case was a false positive on a real application, as the smallest code that shows it; made-up values throughout.

// A settings file's `${VAR:default}` tunables of a document pipeline and a web search: a share of short tokens and a
// context size in tokens, no credential.
new RuleTester({ filename: '/ws/settings.yaml' }).run(rule, {
  valid: [
    { name: 'a ratio of tokens', code: 'pdf:\n  short_token_ratio: ${APP_PDF_FRAGMENTED_TEXT_SHORT_TOKEN_RATIO:0.5}\n' },
    { name: "a context's size in tokens", code: 'websearch:\n  context_token: ${APP_WEBSEARCH_CONTEXT_TOKEN:2000}\n' },
  ],
  invalid: [
    { name: 'a token under the same section', code: 'websearch:\n  api_token: ${APP_WEBSEARCH_API_TOKEN:kJ8sQ2vX9mZ4pL7wR3nT}\n', errors: [{ messageId: 'fallback', line: 2 }] },
    { name: "a step's input token (GitHub Actions' INPUT_TOKEN) is a credential", code: 'step:\n  token: ${INPUT_TOKEN:kJ8sQ2vX9mZ4pL7wR3nT}\n', errors: [{ messageId: 'fallback', line: 2 }] },
  ],
});

// A settings module that refuses to start the server with its own default key: the default is a sentinel it stops on.
const GUARD = (guard: string) => `import os
import sys

DEBUG = os.getenv("DEBUG") == "1"
SECRET_KEY = os.getenv("SECRET_KEY", "mysecretkey")
${guard}
`;
const LOGGED = 'if SECRET_KEY == "mysecretkey":\n    print("warning: default key")';
const OTHER = 'if SECRET_KEY == "changeme":\n    raise RuntimeError("default key")';
new RuleTester({ filename: '/ws/app/config.py' }).run(rule, {
  valid: [
    { name: 'the default compared and refused (raise)', code: GUARD('if (\n    SECRET_KEY == "mysecretkey"\n    and not DEBUG\n):\n    raise RuntimeError("SECRET_KEY is the insecure default")') },
    { name: 'one of the refused defaults (sys.exit)', code: GUARD('if SECRET_KEY in ("changeme", "mysecretkey"):\n    sys.exit("set SECRET_KEY")') },
  ],
  invalid: [
    { name: 'the default compared but only logged', code: GUARD(LOGGED), errors: [{ messageId: 'fallback', line: 5 }], output: GUARD(LOGGED).replace('os.getenv("SECRET_KEY", "mysecretkey")', 'os.environ["SECRET_KEY"]') },
    { name: 'another default refused', code: GUARD(OTHER), errors: [{ messageId: 'fallback', line: 5 }], output: GUARD(OTHER).replace('os.getenv("SECRET_KEY", "mysecretkey")', 'os.environ["SECRET_KEY"]') },
  ],
});

// Left over from held-out 12 (grafana/oncall): the sample response of Slack's OAuth v2 documentation, kept as a constant
// for the tests. Its bot token is the one Slack's docs publish; another token of the same shape is still a live key.
const SLACK = (token: string) => `# Example of a slack oauth response to be used in tests.\nSLACK_OAUTH_ACCESS_RESPONSE = {\n    "ok": True,\n    "access_token": "${token}",\n    "token_type": "bot",\n}\n`;
new RuleTester({ filename: '/ws/engine/common/constants/slack_auth.py' }).run(rule, {
  valid: [
    { name: "the bot token of Slack's documented sample response", code: SLACK('xoxb-17653672481-19874698323-' + 'pdFZKVeTuE8sk7oOcBrzbqgy') },
  ],
  invalid: [
    {
      name: 'another bot token',
      code: SLACK('xoxb-27653672481-29874698323-' + 'qdFZKVeTuE8sk7oOcBrzbqgz'),
      errors: [{ messageId: 'provider', line: 4 }],
      output: SLACK('\u0000').replace('"\u0000"', 'os.environ["ACCESS_TOKEN"]').replace('tests.\n', 'tests.\nimport os\n'),
    },
  ],
});

// A dev container's compose file (gramps-web-api's `.devcontainer/docker-compose.yml`): a random-looking key whose comment
// above says not to use it in production is the sample's. In a deployment's own compose file the same comment is a
// warning someone may not heed: still reported there.
const DEV_COMPOSE = (comment: string) => `services:\n  web:\n    environment:\n      ${comment}\n      APP_SECRET_KEY: kJ8sQ2vX9mZ4pL7wR3nTq5Yb0cD\n`;
new RuleTester({ filename: '/ws/.devcontainer/docker-compose.yml' }).run(rule, {
  valid: [
    { name: 'the dev container says not to use it in production', code: DEV_COMPOSE('# Do not use this value in production!!') },
  ],
  invalid: [
    { name: 'another comment', code: DEV_COMPOSE('# the signing key'), errors: [{ messageId: 'named', line: 5 }], output: DEV_COMPOSE('# the signing key').replace('kJ8sQ2vX9mZ4pL7wR3nTq5Yb0cD', '"${APP_SECRET_KEY}"') },
    { name: "the same comment in the deployment's settings module", filename: '/ws/app/settings.py', code: '# Do not use this value in production!!\nSECRET_KEY = "kJ8sQ2vX9mZ4pL7wR3nTq5Yb0cD"\n', errors: [{ messageId: 'named', line: 2 }], output: '# Do not use this value in production!!\nimport os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' },
  ],
});
