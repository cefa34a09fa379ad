import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/processes/in-memory-session';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Sixth held-out audit set (audit/README.md, "Held-out 6, Python and Go"): Django's file session engine chosen only
// when the operator names a folder for it (`SESSION_FILE_PATH`, none by default): database sessions otherwise.
const SETTINGS = (header: string) => `SESSION_FILE_PATH = getattr(configuration, 'SESSION_FILE_PATH', None)\n${header}\n    SESSION_ENGINE = 'django.contrib.sessions.backends.file'\n`;
const FILE_ENGINE = "'django.contrib.sessions.backends.file'";
new RuleTester({ filename: '/ws/app/settings.py' }).run(rule, {
  valid: [
    { name: 'if SESSION_FILE_PATH is not None:', code: SETTINGS('if SESSION_FILE_PATH is not None:') },
    { name: 'if settings.SESSION_FILE_PATH:', code: SETTINGS('if settings.SESSION_FILE_PATH:') },
  ],
  invalid: [
    {
      name: 'if not SESSION_FILE_PATH: is the default side',
      code: SETTINGS('if not SESSION_FILE_PATH:'),
      errors: [['pyDjangoSessionFile', 3, FILE_ENGINE]],
      output: null,
      suggestions: [SETTINGS('if not SESSION_FILE_PATH:').replace(FILE_ENGINE, "'django.contrib.sessions.backends.db'")],
    },
    {
      name: 'under another switch',
      code: SETTINGS('if LOGIN_REQUIRED:'),
      errors: [['pyDjangoSessionFile', 3, FILE_ENGINE]],
      output: null,
      suggestions: [SETTINGS('if LOGIN_REQUIRED:').replace(FILE_ENGINE, "'django.contrib.sessions.backends.db'")],
    },
  ],
});
