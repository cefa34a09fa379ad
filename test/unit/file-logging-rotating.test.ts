import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { rule } from '../../core/src/rules/logs/file-logging';
import { ROTATING_STREAMS } from '../../core/src/rules/logs/file-logging-streams';

function found(code: string, file = 'src/log.js'): Array<[string, string]> {
  return analyze(new FileContext(file, code), { rules: [rule] }).findings.map((f) => [f.messageId, code.slice(f.start, f.end)]);
}

// Decision 6 of issue 10: rotating-file libraries are data in one table. Each row: a stream opened through it
// is a log file (true example); the same module used for something else is not (false example).
const ROWS: Array<{ module: string; tp: string; tpText: string; fp: string }> = [
  {
    module: 'rotating-file-stream',
    tp: "const rfs = require('rotating-file-stream');\nmodule.exports = rfs.createStream('app.txt', { interval: '1d' });\n",
    tpText: "rfs.createStream('app.txt', { interval: '1d' })",
    fp: "const rfs = require('rotating-file-stream');\nmodule.exports = rfs.version;\n",
  },
  {
    module: 'file-stream-rotator',
    tp: "const FileStreamRotator = require('file-stream-rotator');\nmodule.exports = FileStreamRotator.getStream({ filename: 'logs/app-%DATE%', frequency: 'daily' });\n",
    tpText: "FileStreamRotator.getStream({ filename: 'logs/app-%DATE%', frequency: 'daily' })",
    fp: "const FileStreamRotator = require('file-stream-rotator');\nmodule.exports = FileStreamRotator.getDate('daily');\n",
  },
  {
    module: 'logrotate-stream',
    tp: "const logrotate = require('logrotate-stream');\nprocess.stdin.pipe(logrotate({ file: './app.log', size: '100k', keep: 3 }));\n",
    tpText: "logrotate({ file: './app.log', size: '100k', keep: 3 })",
    fp: "const logrotate = require('logrotate-stream');\nconst { version } = logrotate;\nmodule.exports = version;\n",
  },
  {
    module: 'simple-node-logger (file logger)',
    tp: "const SimpleNodeLogger = require('simple-node-logger');\nconst log = SimpleNodeLogger.createSimpleFileLogger('project.log');\n",
    tpText: "SimpleNodeLogger.createSimpleFileLogger('project.log')",
    fp: "const SimpleNodeLogger = require('simple-node-logger');\nconst log = SimpleNodeLogger.createSimpleLogger();\n",
  },
  {
    module: 'simple-node-logger (rolling file logger)',
    tp: "import SimpleNodeLogger from 'simple-node-logger';\nexport const log = SimpleNodeLogger.createRollingFileLogger({ logDirectory: './logs', fileNamePattern: 'app-<DATE>.log' });\n",
    tpText: "SimpleNodeLogger.createRollingFileLogger({ logDirectory: './logs', fileNamePattern: 'app-<DATE>.log' })",
    fp: "import SimpleNodeLogger from 'simple-node-logger';\nexport const manager = SimpleNodeLogger.createLogManager();\n",
  },
  {
    module: 'tracer (daily files)',
    tp: "const tracer = require('tracer');\nmodule.exports = tracer.dailyfile({ root: './logs', maxLogFiles: 10 });\n",
    tpText: "tracer.dailyfile({ root: './logs', maxLogFiles: 10 })",
    fp: "const tracer = require('tracer');\nmodule.exports = tracer.colorConsole();\n",
  },
];

describe('logs/file-logging: rotating-file libraries are one table', () => {
  test('every row of ROTATING_STREAMS has examples here', () => assert.equal(ROWS.length, ROTATING_STREAMS.length));
  test('koa-morgan is morgan: a file stream given to it is reported with morgan\'s message', () => {
    const code = "const fs = require('fs');\nconst morgan = require('koa-morgan');\napp.use(morgan('combined', { stream: fs.createWriteStream('./access.log', { flags: 'a' }) }));\n";
    assert.deepEqual(analyze(new FileContext('src/app.js', code), { rules: [rule] }).findings.map((f) => f.messageId), ['morganFile']);
  });
  for (const row of ROWS) {
    test(`${row.module}: a stream it opens is a log file`, () => assert.deepEqual(found(row.tp).map((f) => f[1]), [row.tpText]));
    test(`${row.module}: other uses of the module are not`, () => assert.deepEqual(found(row.fp), []));
  }
});

describe('logs/file-logging: winston-daily-rotate-file forks', () => {
  test('a scoped fork is the same transport', () => {
    const code = "const winston = require('winston');\nconst DailyRotateFile = require('@abtnode/winston-daily-rotate-file');\nwinston.createLogger({ transports: [new DailyRotateFile({ filename: 'app-%DATE%.log' })] });\n";
    assert.equal(found(code).length, 1);
  });
  test('an unrelated transport package is not', () => {
    const code = "const winston = require('winston');\nconst Loggly = require('winston-loggly-bulk');\nwinston.createLogger({ transports: [new Loggly({ token: process.env.LOGGLY_TOKEN })] });\n";
    assert.deepEqual(found(code), []);
  });
});
