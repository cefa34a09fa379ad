import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { loadGo } from '../../go-helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);
before(loadPython);

// Ninth held-out audit set (audit/README.md, "Held-out 9, Python and Go"): each valid case was a false positive on a
// real application, as the smallest code that shows it; the invalid ones keep the rule honest on the same shapes.
const ROOT = { '/ws/.env.example': 'SECRET_KEY=\n' };

// A Sphinx `conf.py` reads the variables Read the Docs sets in its builds; systemd sets NOTIFY_SOCKET in a Type=notify service.
new RuleTester({ filename: '/ws/doc/conf.py' }).run(rule, {
  valid: [
    { name: "Read the Docs' build variables", files: ROOT, code: 'import os\nproject_slug = os.environ.get("READTHEDOCS_PROJECT")\nversion_slug = os.environ.get("READTHEDOCS_VERSION")\non_rtd = os.environ.get("READTHEDOCS") == "True"\n' },
  ],
  invalid: [
    { name: 'a look-alike prefix is the project\'s own', files: ROOT, code: 'import os\nslug = os.environ.get("READTHEDOCSX_PROJECT")\n', errors: [['undeclared', 2, 'READTHEDOCSX_PROJECT']], output: null },
  ],
});

const SDNOTIFY = (name: string) => `package systemd\n\nimport "os"\n\nfunc socket() string {\n\treturn os.Getenv("${name}")\n}\n`;
new RuleTester({ filename: '/ws/backend/internal/utils/systemd/sdnotify.go' }).run(rule, {
  valid: [
    { name: "systemd's readiness socket", files: ROOT, code: SDNOTIFY('NOTIFY_SOCKET') },
    { name: "systemd's socket activation", files: ROOT, code: SDNOTIFY('LISTEN_FDS') },
  ],
  invalid: [
    { name: "the app's own socket setting", files: ROOT, code: SDNOTIFY('APP_NOTIFY_SOCKET'), errors: [['undeclared', 6, 'APP_NOTIFY_SOCKET']], output: null },
  ],
});
