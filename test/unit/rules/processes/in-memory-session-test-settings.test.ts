import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { isTestEnvironmentSettings } from '../../../../core/src/fileKinds';
import { rule } from '../../../../core/src/rules/processes/in-memory-session';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Held-out 7 (PowerDNS-Admin's `configs/test.py`, which its test suite loads): the test environment's settings keep
// sessions for one test run; the app deploys with another configuration.
const FLASK = "SQLALCHEMY_DATABASE_URI = 'sqlite:////tmp/testing.sqlite'\nSESSION_TYPE = 'filesystem'\n";
new RuleTester({ filename: '/ws/configs/test.py' }).run(rule, {
  valid: [
    { name: "the test environment's settings module", code: FLASK },
    { name: "Django's settings/testing.py", filename: '/ws/app/settings/testing.py', code: "SESSION_ENGINE = 'django.contrib.sessions.backends.file'\n" },
  ],
  invalid: [
    {
      name: "the development environment's settings are what a developer runs, and often what gets deployed",
      filename: '/ws/configs/development.py',
      code: FLASK,
      errors: [{ messageId: 'pyFlaskSessionFile', line: 2 }],
      output: null,
      suggestions: [FLASK.replace("'filesystem'", "'redis'")],
    },
    {
      name: 'a module named test outside a folder of configurations',
      filename: '/ws/app/test.py',
      code: FLASK,
      errors: [{ messageId: 'pyFlaskSessionFile', line: 2 }],
      output: null,
      suggestions: [FLASK.replace("'filesystem'", "'redis'")],
    },
  ],
});

describe('isTestEnvironmentSettings', () => {
  test('the names of a test environment’s settings', () => {
    for (const p of ['configs/test.py', 'config/testing.py', 'proj/settings/test.py', 'netbox/configuration_testing.py', 'settings_test.py', 'test_config.py']) assert.ok(isTestEnvironmentSettings(p), p);
    for (const p of ['configs/production.py', 'config/test.js', 'app/test.py', 'configs/latest.py', 'settings.py', 'config/contest.py']) assert.ok(!isTestEnvironmentSettings(p), p);
  });
});
