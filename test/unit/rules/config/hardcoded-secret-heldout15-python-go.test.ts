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
