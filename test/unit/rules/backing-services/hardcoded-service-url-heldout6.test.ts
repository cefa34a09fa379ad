import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/backing-services/hardcoded-service-url';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Sixth held-out audit set (audit/README.md, "Held-out 6, Python and Go"): a Django project ships the configuration
// module the operator copies and fills in (`configuration_example.py`) and the one its test run copies into place
// (`configuration_testing.py`); their `localhost` is a sample or the CI's database, as in `settings/dev.py`.
const DATABASES = (host: string) => `DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'HOST': '${host}',\n    }\n}\n`;
const FIXED = `import os\nDATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'HOST': os.environ["DB_HOST"],\n    }\n}\n`;
new RuleTester({ filename: '/ws/app/app/configuration_example.py' }).run(rule, {
  valid: [
    { name: 'an example configuration module names localhost', code: DATABASES('localhost') },
    { name: 'a sample settings module (settings.sample.py)', filename: '/ws/app/settings.sample.py', code: DATABASES('localhost') },
    { name: 'the configuration module of the test run', filename: '/ws/app/app/configuration_testing.py', code: DATABASES('localhost') },
  ],
  invalid: [
    { name: 'the configuration module itself', filename: '/ws/app/app/configuration.py', code: DATABASES('localhost'), errors: [['pyHost', 5, "'localhost'"]], output: FIXED, envOutput: 'DB_HOST=localhost\n' },
    { name: 'a remote host in the example is still reported', code: DATABASES('db.internal'), errors: [['pyHost', 5, "'db.internal'"]], output: FIXED, envOutput: 'DB_HOST=db.internal\n' },
  ],
});
