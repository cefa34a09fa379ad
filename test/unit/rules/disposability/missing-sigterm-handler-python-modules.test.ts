import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { pythonHandlesSigterm, pythonImportsInText, pythonModuleCandidates } from '../../../../core/src/python/program';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// A Python program is its entry module and the project's modules it imports (through the program index, read
// from each file's text): a SIGTERM handler installed in any of them counts, as in a JavaScript or Go program.
const WORKER = 'import redis\n{imports}\nr = redis.Redis()\n{setup}while True:\n    job = r.blpop("jobs")\n    handle(job)\n';
const worker = (imports: string, setup = '') => WORKER.replace('{imports}', imports).replace('{setup}', setup);
const SIGNALS = 'import signal\nimport sys\n\n\ndef _stop(signum, frame):\n    sys.exit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop)\n';
const INSTALLER = 'import signal\n\n\ndef install_handlers(stop):\n    signal.signal(signal.SIGTERM, stop)\n    signal.signal(signal.SIGINT, stop)\n';
const OTHER = 'import logging\n\n\ndef setup():\n    logging.basicConfig()\n';
const SHUTDOWN = (imports: string, body: string) =>
  `${imports}import signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\n${body}`;

new RuleTester({ filename: '/ws/worker.py' }).run(rule, {
  valid: [
    { name: 'the entry imports a signals module that installs the handler at import', code: worker('import signals\n'), files: { '/ws/signals.py': SIGNALS } },
    { name: 'a function of another module, called at start-up, installs it', code: worker('from app.lifecycle import install_handlers\n', 'install_handlers(stop)\n'), files: { '/ws/app/__init__.py': '', '/ws/app/lifecycle.py': INSTALLER } },
    { name: 'a relative import inside a package', filename: '/ws/app/worker.py', code: worker('from . import signals\n'), files: { '/ws/app/__init__.py': '', '/ws/app/signals.py': SIGNALS } },
    { name: 'the worker module imported by an entry module that installs the handler', filename: '/ws/app/worker.py', code: worker(''),
      files: { '/ws/app/__init__.py': '', '/ws/main.py': `from app import worker\n${SIGNALS}` } },
  ],
  invalid: [
    { name: 'the imported module handles no SIGTERM', code: worker('import setup_logging\n'), files: { '/ws/setup_logging.py': OTHER },
      errors: [['pyMissing', 5, 'while True']], output: SHUTDOWN('import redis\nimport setup_logging\n', 'r = redis.Redis()\nwhile True:\n    job = r.blpop("jobs")\n    handle(job)\n') },
    { name: 'a module that handles SIGTERM but is no part of this program', code: worker(''), files: { '/ws/other/signals.py': SIGNALS },
      errors: [['pyMissing', 4, 'while True']], output: SHUTDOWN('import redis\n', 'r = redis.Redis()\nwhile True:\n    job = r.blpop("jobs")\n    handle(job)\n') },
  ],
});

describe('Python imports read from text for the program index', () => {
  test('import and from-import forms, relative ones with their dots; comments and docstrings are no imports', () => {
    assert.deepEqual(pythonImportsInText('import os, app.signals as s\nfrom .lifecycle import (install,\n    stop)\nfrom . import signals\n"""import fake"""\n# import nope\n'),
      ['os', 'app.signals', '.lifecycle', '.lifecycle.install', '.lifecycle.stop', '.signals']);
  });
  test('candidates: relative from the package (two dots: its parent), absolute from each folder up', () => {
    assert.deepEqual(pythonModuleCandidates('/ws/app/worker.py', '..shared.sig'), ['/ws/shared/sig.py', '/ws/shared/sig/__init__.py']);
    assert.deepEqual(pythonModuleCandidates('/ws/app/worker.py', 'signals', 2), ['/ws/app/signals.py', '/ws/app/signals/__init__.py', '/ws/signals.py', '/ws/signals/__init__.py']);
  });
  test('a handler is registered for SIGTERM, not merely named', () => {
    assert.equal(pythonHandlesSigterm(SIGNALS), true);
    assert.equal(pythonHandlesSigterm('import signal\nos.kill(pid, signal.SIGTERM)\n'), false);
    assert.equal(pythonHandlesSigterm('# signal.signal(signal.SIGTERM, stop)\n'), false);
  });
});
