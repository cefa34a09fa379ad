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
