import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule as fileLogging } from '../../../../core/src/rules/logs/file-logging';
import { iniEntries } from '../../../../core/src/workspace/iniSettings';
import { runIniRows } from '../iniCases';
import { RuleTester } from '../ruleTester';

// Shipped INI configurations (audit, held-out 10 Go: ezbookkeeping's conf/ezbookkeeping.ini, which its image copies,
// `[log] mode = console file`), and Python's logging.config.fileConfig format.
runIniRows(fileLogging);

new RuleTester({ filename: '/ws/conf/ezbookkeeping.ini' }).run(fileLogging, {
  valid: [
    { name: 'console only, with an inline comment naming file', code: '[log]\n# Either "console", "file"\nmode = console ; not file\n' },
    { name: 'a half-typed mode', code: '[log]\nmode =\n' },
    { name: 'a fileConfig stream handler', filename: '/ws/logging.conf', code: '[handler_console]\nclass = StreamHandler\nargs = (sys.stdout,)\n' },
  ],
  invalid: [
    {
      name: 'space-separated outputs, CRLF line ends',
      code: '[server]\r\nmode = production\r\n\r\n[log]\r\nmode = console file\r\nlog_path = log/app.log\r\n',
      errors: [{ messageId: 'iniLogMode', line: 5, text: 'console file', data: { section: 'log', setting: 'mode = console file' } }],
      output: null,
    },
    {
      name: 'a fileConfig rotating file handler names its file',
      filename: '/ws/logging.conf',
      code: "[handlers]\nkeys = file\n\n[handler_file]\nclass = logging.handlers.TimedRotatingFileHandler\nargs = ('/var/log/app.log', 'd')\n",
      errors: [{ messageId: 'iniLogHandler', line: 5, data: { name: 'file', handler: 'TimedRotatingFileHandler', target: '/var/log/app.log' } }],
      output: null,
    },
  ],
});

test('iniEntries: sections, separators, inline comments and offsets', () => {
  const text = '; top\nname = app\n[ session ]\nPROVIDER: memory  # the default\n  indented = yes\n';
  const entries = iniEntries(text);
  assert.deepEqual(entries.map((e) => [e.section, e.key, e.value]), [['', 'name', 'app'], ['session', 'PROVIDER', 'memory'], ['session', 'indented', 'yes']]);
  for (const e of entries) assert.equal(text.slice(e.start, e.end), e.value);
});
