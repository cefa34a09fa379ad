import { before } from 'node:test';
import { rule as port } from '../../../../core/src/rules/port-binding/hardcoded-port';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Tenth held-out audit set (audit/README.md, "Held-out 10, Python"): each valid case was a false positive on a real
// application, as the smallest made-up code that shows it; the invalid ones keep the rules honest on the same shapes.

// A gunicorn config for the developer's machine: named so (`gunicorn-dev.conf.py`) or setting `reload = True`,
// which gunicorn documents as intended for development. The config the image runs still binds a literal port.
new RuleTester({ filename: '/ws/conf/gunicorn-dev.conf.py' }).run(port, {
  valid: [
    { name: 'a gunicorn config named for development', code: "bind = '0.0.0.0:5000'\n" },
    { name: 'a -dev config of a second server', filename: '/ws/conf/gunicorn-websocket-dev.conf.py', code: "bind = 'localhost:5001'\nworkers = 2\n" },
    { name: 'a gunicorn config that reloads on code changes', filename: '/ws/conf/gunicorn.conf.py', code: "bind = '0.0.0.0:5000'\nreload = True\n" },
  ],
  invalid: [
    {
      name: "the production websocket server's gunicorn config",
      filename: '/ws/conf/gunicorn-websocket.conf.py',
      code: "bind = '0.0.0.0:5000'\nworkers = 4\n",
      errors: [['pyLiteral', 1, "'0.0.0.0:5000'"]],
      output: "import os\nbind = \"0.0.0.0:\" + os.environ.get(\"PORT\", \"5000\")\nworkers = 4\n",
    },
    {
      name: 'reload switched off is a production config',
      filename: '/ws/gunicorn.conf.py',
      code: "bind = '0.0.0.0:5000'\nreload = False\n",
      errors: [['pyLiteral', 1, "'0.0.0.0:5000'"]],
      output: "import os\nbind = \"0.0.0.0:\" + os.environ.get(\"PORT\", \"5000\")\nreload = False\n",
    },
    {
      name: 'reload switched on only in debug is the production config (audit: bookwyrm)',
      filename: '/ws/gunicorn.conf.py',
      code: "bind = '[::]:8000'\nif env.bool('DEBUG', False):\n    reload = True\n",
      errors: [['pyLiteral', 1, "'[::]:8000'"]],
      output: "import os\nbind = \"[::]:\" + os.environ.get(\"PORT\", \"8000\")\nif env.bool('DEBUG', False):\n    reload = True\n",
    },
    {
      name: 'a name that only contains dev is no development config',
      filename: '/ws/gunicorn_devices.py',
      code: "bind = '0.0.0.0:5000'\n",
      errors: [['pyLiteral', 1, "'0.0.0.0:5000'"]],
      output: "import os\nbind = \"0.0.0.0:\" + os.environ.get(\"PORT\", \"5000\")\n",
    },
  ],
});
