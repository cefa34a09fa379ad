import { rule } from '../../../../core/src/rules/logs/file-logging';
import { RuleTester } from '../ruleTester';

// Retired code (audit, held-out 9: ArchiveBox's old/ gist, kept beside TODO notes and run by nothing): a root
// folder named for code kept after it stopped running writes no log of a running process.
const WINSTON = "const winston = require('winston');\nconst logger = winston.createLogger({\n  transports: [new winston.transports.File({ filename: 'app.log' })],\n});\nmodule.exports = logger;\n";

new RuleTester({ filename: '/ws/old/logger.js' }).run(rule, {
  valid: [{ name: 'a file transport under old/ at the root', code: WINSTON }],
  invalid: [
    {
      name: 'the same under old/ that the Procfile starts',
      files: { '/ws/Procfile': 'worker: node old/logger.js\n' },
      code: WINSTON,
      errors: [{ messageId: 'winstonFile', line: 3 }],
      output: WINSTON.replace("new winston.transports.File({ filename: 'app.log' })", 'new winston.transports.Console()'),
    },
  ],
});
