import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/logs/file-logging';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Fifth held-out set (audit/README.md, "Held-out 5, Python and Go"): a logging setup that adds a FileHandler only
// `if filename:` (the value of a `--log-file` option, none by default) writes to the stream unless the operator
// asks for a file.
const SETUP = (guard: string) => `import logging\nimport sys\n\ndef init_logging(level, filename=None):\n    logger = logging.getLogger()\n    logger.addHandler(logging.StreamHandler(sys.stdout))\n    ${guard}\n        logger.addHandler(logging.FileHandler(filename))\n`;

new RuleTester({ filename: '/ws/pkg/__main__.py' }).run(rule, {
  valid: [
    { name: 'if filename: FileHandler(filename)', code: SETUP('if filename:') },
    { name: 'if filename is not None: FileHandler(filename)', code: SETUP('if filename is not None:') },
  ],
  invalid: [
    { name: 'the guard tests another name', code: SETUP('if verbose:'), errors: [['pyFileHandler', 8, 'logging.FileHandler(filename)']], output: SETUP('if verbose:').replace('FileHandler(filename)', 'StreamHandler(sys.stdout)') },
    { name: 'a literal path under the guard', code: SETUP('if filename:').replace('FileHandler(filename)', "FileHandler('app.log')"), errors: [['pyFileHandler', 8, "logging.FileHandler('app.log')"]], output: SETUP('if filename:').replace('FileHandler(filename)', 'StreamHandler(sys.stdout)') },
  ],
});
