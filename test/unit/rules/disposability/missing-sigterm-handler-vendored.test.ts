import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// A single-file web framework copied into the project (audit/README.md, "Held-out 5, the false positives left"):
// its server adapters run inside the program that calls them, which is judged instead.
const FRAMEWORK = (meta: string) => `"""A tiny web framework in a single file.\n\nLicense: MIT\n"""\n${meta}\nfrom wsgiref.simple_server import make_server\n\n\nclass WSGIRefServer:\n    def __init__(self, host, port):\n        self.host, self.port = host, port\n\n    def run(self, app):\n        srv = make_server(self.host, self.port, app)\n        srv.serve_forever()\n`;
const META = "__author__ = 'A. Author'\n__version__ = '0.12.25'\n__license__ = 'MIT'\n";
const FIXED = (meta: string) => FRAMEWORK(meta).replace('from wsgiref.simple_server import make_server\n', 'from wsgiref.simple_server import make_server\nimport signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n');
const PROJECT = { '/ws/pyproject.toml': '[project]\nname = "pkgindex"\nversion = "2.0"\n' };

new RuleTester({ filename: '/ws/pkgindex/framework_wrapper/tinyweb.py', files: PROJECT }).run(rule, {
  valid: [{ name: 'a framework with its own author and licence, under a name the project does not give itself', code: FRAMEWORK(META) }],
  invalid: [
    {
      name: "the project's own module, named after the project",
      filename: '/ws/pkgindex/pkgindex_server.py',
      code: FRAMEWORK(META),
      errors: [{ messageId: 'pyMissing', line: 18 }],
      output: FIXED(META),
    },
    {
      name: 'a module without distribution metadata',
      code: FRAMEWORK("__version__ = '0.12.25'\n"),
      errors: [{ messageId: 'pyMissing', line: 16 }],
      output: FIXED("__version__ = '0.12.25'\n"),
    },
    {
      name: 'a project that names itself nowhere',
      files: {},
      code: FRAMEWORK(META),
      errors: [{ messageId: 'pyMissing', line: 18 }],
      output: FIXED(META),
    },
  ],
});
