import { rule as fileLogging } from '../../../../core/src/rules/logs/file-logging';
import { RuleTester } from '../ruleTester';

// Tenth held-out audit set (audit/README.md, "Held-out 10, Python"): the invalid cases were a miss on a real
// application, as the smallest made-up configuration that shows it; the valid ones keep the rule quiet on streams.

// A logging configuration in YAML in dictConfig's schema (an app's example `config.yaml` under `logging:`, which every
// install copies and hands to `logging.config.dictConfig`): its file handler writes logs to a file, as in a LOGGING dict.
const LOGGING_YAML = (handler: string, filename: string, top = 'logging:\n    version: 1\n') =>
  `server:\n    port: 8080\n${top}    handlers:\n        file:\n            class: ${handler}\n            filename: ${filename}\n        console:\n            class: logging.StreamHandler\n    root:\n        handlers: [file, console]\n`;
new RuleTester({ filename: '/ws/app/example-config.yaml' }).run(fileLogging, {
  valid: [
    { name: 'a stream handler pointed at stdout', code: LOGGING_YAML('logging.StreamHandler', 'ext://sys.stdout') },
    { name: 'a file handler class writing to /dev/stdout', code: LOGGING_YAML('logging.FileHandler', '/dev/stdout') },
    { name: "a project's handler class without a filename says nothing of where it writes", code: 'version: 1\nhandlers:\n  out:\n    class: app.logging.JsonFileHandler\n' },
    { name: 'a handlers mapping without version is not a logging configuration', code: LOGGING_YAML('logging.handlers.RotatingFileHandler', './app.log', 'logging:\n') },
  ],
  invalid: [
    {
      name: 'a rotating file handler under logging:',
      code: LOGGING_YAML('logging.handlers.RotatingFileHandler', './app.log'),
      errors: [{ messageId: 'pyDictConfigFile', line: 7, data: { name: 'file', handler: 'RotatingFileHandler', target: './app.log' } }],
      output: null,
    },
    {
      name: "a project's own file handler class with a filename (held-out 9, jumpserver's shape in YAML)",
      code: LOGGING_YAML('app.logging.DailyTimedRotatingFileHandler', 'logs/app.log'),
      errors: [{ messageId: 'pyDictConfigFile', line: 7, data: { name: 'file', handler: 'DailyTimedRotatingFileHandler', target: 'logs/app.log' } }],
      output: null,
    },
    {
      name: 'a logging configuration at the top of its own file',
      filename: '/ws/logging.yaml',
      code: 'version: 1\nhandlers:\n  file:\n    class: logging.FileHandler\n    filename: app.log\nroot:\n  handlers: [file]\n',
      errors: [{ messageId: 'pyDictConfigFile', line: 4, data: { name: 'file', handler: 'FileHandler', target: 'app.log' } }],
      output: null,
    },
  ],
});
