import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadGo } from '../../go-helpers';
import { fake } from '../../helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);
before(loadGo);

// Fifth held-out audit set (Python and Go applications, audit/README.md "Held-out 5, Python and Go"): each valid
// case was a false positive on a real application, as the smallest code that shows it; made-up values throughout.

const SECRET = fake('Vq3nR8kT2w', 'Lp5xZ9mB4c');

// A storage driver that signs in as a vendor's Android app sends that app's OAuth client (ID, secret, version,
// package): the secret ships inside the app, public by design.
const DRIVER = (pkg: string) => `package cloud\n\nconst (\n\tAndroidClientID      = "Yx7Kq2Lm"\n\tAndroidClientSecret  = "${SECRET}"\n\tAndroidClientVersion = "1.48.3"\n\tAndroidPackageName   = "${pkg}"\n)\n`;
new RuleTester({ filename: '/ws/drivers/cloud/util.go' }).run(rule, {
  valid: [
    { name: "an installed app's client beside its package name and version", code: DRIVER('com.vendor.cloud') },
    {
      name: 'the same in a struct literal',
      code: `package cloud\n\nvar c = Client{\n\tClientID:      "Yx7Kq2Lm",\n\tClientSecret:  "${SECRET}",\n\tClientVersion: "7.51.0",\n\tPackageName:   "com.vendor.downloader",\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'no mobile package name: a web domain is no installed app',
      code: DRIVER('vendor.com'),
      errors: [{ messageId: 'named', line: 5 }],
      output: null,
    },
    {
      name: 'a secret with no client version of its own prefix is judged',
      code: `package cloud\n\nconst (\n\tAndroidClientVersion = "1.48.3"\n\tAndroidPackageName   = "com.vendor.cloud"\n\tServerClientSecret   = "${SECRET}"\n)\n`,
      errors: [{ messageId: 'named', line: 6 }],
      output: null,
    },
  ],
});

// The name of a session entry (a Django view's `request.session[_NEW_TOKEN_SESSION_KEY]`, a Go service's
// `twoFaEnableSessionKey + uid`) spelled as words is where a value is kept, not a secret.
new RuleTester({ filename: '/ws/app/views/user.py' }).run(rule, {
  valid: [
    { name: 'a session entry name in words (Python)', code: "_NEW_REFRESH_TOKEN_SESSION_KEY = '_app_new_long_lived_refresh_token'\n" },
    { name: 'a session entry prefix (Go)', filename: '/ws/service/user/setting.go', code: 'package user\n\nconst (\n\ttwoFaEnableSessionKey = "2fa_init_"\n)\n' },
  ],
  invalid: [
    {
      name: 'a random value under a session key name is still a secret',
      code: `SESSION_KEY = '${SECRET}'\n`,
      errors: [{ messageId: 'named', line: 1 }],
      output: 'import os\nSESSION_KEY = os.environ["SESSION_KEY"]\n',
    },
    {
      name: 'words under another secret name are judged as before',
      code: "REFRESH_TOKEN = '_app_new_long_lived_refresh_token9'\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: 'import os\nREFRESH_TOKEN = os.environ["REFRESH_TOKEN"]\n',
    },
  ],
});

// A throttle rate under a name that says what it limits (DRF's `DEFAULT_THROTTLE_RATES`) is no secret.
new RuleTester({ filename: '/ws/app/settings.py' }).run(rule, {
  valid: [
    { name: 'a rate as the default of an env read', code: 'import os\nRATES = {"login": os.getenv("APP_TOKEN_THROTTLE_RATE", "5/min")}\n' },
    { name: 'a rate bound to a token-named setting', code: 'API_TOKEN_RATE = "1000/hour"\n' },
  ],
  invalid: [
    {
      name: 'a random default of the same read is still a secret',
      code: `import os\nRATES = {"login": os.getenv("APP_TOKEN_THROTTLE_RATE", "${SECRET}")}\n`,
      errors: [{ messageId: 'fallback', line: 2 }],
      output: 'import os\nRATES = {"login": os.environ["APP_TOKEN_THROTTLE_RATE"]}\n',
    },
  ],
});

// Django settings modules for CI and local development (`settings/ci.py`, `settings/local_dev.py`) are judged
// like the development module held-out 4 taught (`settings/development.py`): test code.
const DJANGO_KEY = `SECRET_KEY = '${SECRET}'\n`;
new RuleTester({ filename: '/ws/settings/ci.py' }).run(rule, {
  valid: [
    { name: 'a CI settings module', code: DJANGO_KEY },
    { name: 'a local development settings module', filename: '/ws/settings/local_dev.py', code: DJANGO_KEY },
  ],
  invalid: [
    { name: 'the production settings module', filename: '/ws/settings/main.py', code: DJANGO_KEY, errors: [{ messageId: 'named', line: 1 }], output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' },
  ],
});

// A Flask app's per-environment config modules (`FLASK_CONF=configs/development.py`, the tests' `configs/test.py`,
// held-out 7) are the developer's and the tests': judged like Django's. The shipped defaults module is configuration.
new RuleTester({ filename: '/ws/configs/development.py' }).run(rule, {
  valid: [
    { name: 'a Flask development config module', code: DJANGO_KEY },
    { name: "the test suite's config module", filename: '/ws/configs/test.py', code: DJANGO_KEY },
    { name: 'a development module under config/', filename: '/ws/app/config/dev.py', code: DJANGO_KEY },
  ],
  invalid: [
    { name: 'the shipped defaults module', filename: '/ws/app/default_config.py', code: DJANGO_KEY, errors: [{ messageId: 'named', line: 1 }], output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' },
    { name: 'the production module of the same folder', filename: '/ws/configs/production.py', code: DJANGO_KEY, errors: [{ messageId: 'named', line: 1 }], output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' },
  ],
});

// A settings dict whose password default repeats the user default (`"USER": os.getenv("POSTGRES_USER", "app")`,
// `"PASSWORD": os.getenv("POSTGRES_PASSWORD", "app")`) names the bundled compose database's documented login,
// as a chart's `username: app` / `password: app` already did.
const DATABASES = (password: string) => `import os\n\nDATABASES = {\n    "default": {\n        "HOST": os.getenv("POSTGRES_HOST", "db"),\n        "USER": os.getenv("POSTGRES_USER", "shop"),\n        "PASSWORD": os.getenv("POSTGRES_PASSWORD", "${password}"),\n    }\n}\n`;
new RuleTester({ filename: '/ws/deploy/docker/local_settings_prod.py' }).run(rule, {
  valid: [
    { name: 'the password default repeats the user default', code: DATABASES('shop') },
  ],
  invalid: [
    {
      name: 'a password default of its own is a fallback secret',
      code: DATABASES('Sh0pPass2024'),
      errors: [{ messageId: 'fallback', line: 7 }],
      output: DATABASES('X').replace('os.getenv("POSTGRES_PASSWORD", "X")', 'os.environ["POSTGRES_PASSWORD"]'),
    },
  ],
});
