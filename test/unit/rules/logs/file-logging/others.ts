import type { InvalidCase, ValidCase } from '../../ruleTester';
import { W } from './detection';

// Counting findings; log4js and bunyan configuration held as data (issue 10, decision 6: a log4js.json, a
// config file's section, options kept for another module); rotating-file libraries; temporary captures (a log
// file written, read back and deleted is not the app's log).
const code = (...lines: string[]): string => `${lines.join('\n')}\n`;

const LOG4JS_JSON = `{
  "appenders": {
    "out": { "type": "stdout" },
    "app": { "type": "dateFile", "filename": "logs/app.log", "pattern": ".yyyy-MM-dd", "compress": true }
  },
  "categories": { "default": { "appenders": ["out", "app"], "level": "info" } }
}
`;

// Decision 6 of issue 10: rotating-file libraries are data in one table. Each row: a stream opened through it
// is a log file (true example); the same module used for something else is not (false example).
export const ROWS: Array<{ module: string; tp: string; tpText: string; fp: string }> = [
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
  {
    // Stop 27 (issue 10): cnpmjs.org's common/logger.js, daily files under config.logdir.
    module: 'mini-logger',
    tp: "const Logger = require('mini-logger');\nmodule.exports = Logger({ categories: ['sync'], dir: config.logdir, stdout: config.debug });\n",
    tpText: "Logger({ categories: ['sync'], dir: config.logdir, stdout: config.debug })",
    fp: "const Logger = require('mini-logger');\nmodule.exports = Logger.prototype;\n",
  },
];

const CAPTURE = [
  "import { transports } from 'winston';",
  "import { rm, mkdir } from 'node:fs/promises';",
  "import { join } from 'node:path';",
  "const captureDir = join(dataDir, '.capture');",
  'export async function start() {',
  '  await mkdir(captureDir, { recursive: true });',
  '  const logFile = join(captureDir, `ui-${Date.now()}.log`);',
  "  const transport = new transports.File({ filename: logFile, level: 'debug' });",
  '  logger.add(transport);',
  '  return { logFile, transport };',
  '}',
];

// Held-out 5 (a document-signing app's logger): a file target added only when a log-file setting is set is
// opt-in; the default is the stream. The same judgement as Python's `if settings.LOG_TO_FILE:`.
const OPT_IN = (test: string): string =>
  `import pino from 'pino';\nconst targets = [];\nconst loggingFilePath = env('LOGGER_FILE_PATH');\nif (${test}) {\n  targets.push({ target: 'pino/file', options: { destination: loggingFilePath } });\n}\nexport const logger = pino({ transport: { targets } });\n`;

export const OTHER_INVALID: InvalidCase[] = [
  // Stop 27 (issue 10): homebridge-config-ui-x's hb-service points the process's stdout and stderr at its log file.
  {
    name: "process.stdout.write replaced by a file stream's write",
    filename: '/ws/src/bin/service.ts',
    code: code("import { createWriteStream } from 'node:fs';", 'export class Service {', '  start() {', "    this.log = createWriteStream(this.logPath, { flags: 'a' });", '    process.stdout.write = process.stderr.write = this.log.write.bind(this.log);', '  }', '}'),
    errors: [{ messageId: 'stdoutFile', line: 4, text: "createWriteStream(this.logPath, { flags: 'a' })", data: { stream: 'process.stdout', target: 'this.logPath' } }],
  },
  {
    name: 'not opt-in: the file is written when the log file setting is unset',
    code: OPT_IN('!loggingFilePath'),
    errors: [['pinoFile', 5, 'loggingFilePath']],
    output: "import pino from 'pino';\nconst targets = [];\nconst loggingFilePath = env('LOGGER_FILE_PATH');\nif (!loggingFilePath) {\n  targets.push({ target: 'pino/file', options: { destination: 1 } });\n}\nexport const logger = pino({ transport: { targets } });\n",
  },
  {
    name: 'not opt-in: a switch that names no log file',
    code: `${W}if (process.env.NODE_ENV === 'production') {\n  logger.add(new winston.transports.File({ filename: 'app.log' }));\n}`,
    errors: [['winstonFile', 3, 'new winston.transports.File']],
    output: `${W}if (process.env.NODE_ENV === 'production') {\n  logger.add(new winston.transports.Console());\n}`,
  },
  {
    name: 'several file transports: one finding each, none for the Console',
    code: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n    new winston.transports.File({ filename: 'error.log', level: 'error' }),\n    new winston.transports.File({ filename: 'combined.log' }),\n  ],\n});`,
    errors: [['winstonFile', 5, 'new winston.transports.File'], ['winstonFile', 6, 'new winston.transports.File']],
    output: "const winston = require('winston');\nwinston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n  ],\n});",
  },
  {
    name: 'a stream used by two consumers is reported once',
    code: "const fs = require('fs');\nconst morgan = require('morgan');\nconst s = fs.createWriteStream('access.log');\napp.use(morgan('combined', { stream: s }));\nconst c = new console.Console(s, s);",
    errors: [['morganFile', 3, "fs.createWriteStream('access.log')"]],
    output: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('combined'));\nconst c = new console.Console(process.stdout, process.stderr);",
  },
  {
    name: 'two Console streams: two findings',
    passes: 2,
    code: "const fs = require('fs');\nconst { Console } = require('console');\nconst output = fs.createWriteStream('./stdout.log');\nconst errorOutput = fs.createWriteStream('./stderr.log');\nconst logger = new Console({ stdout: output, stderr: errorOutput });",
    errors: [['consoleFile', 3, "fs.createWriteStream('./stdout.log')"], ['consoleFile', 4, "fs.createWriteStream('./stderr.log')"]],
    output: "const fs = require('fs');\nconst { Console } = require('console');\nconst logger = new Console({ stdout: process.stdout, stderr: process.stderr });",
  },
  {
    name: 'log4js: every file appender, not the stdout one',
    code: "const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    console: { type: 'stdout' },\n    normal: { type: 'file', filename: './logs/normal.log', maxLogSize: 102400, backups: 20 },\n    dateFile: { type: 'dateFile', filename: './logs/', pattern: 'yyyyMMddhh.txt', alwaysIncludePattern: true },\n  },\n  categories: { default: { appenders: ['console', 'normal', 'dateFile'], level: 'trace' } },\n});",
    errors: [['log4jsFile', 5, "'file'"], ['log4jsFile', 6, "'dateFile'"]],
    output: "const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    console: { type: 'stdout' },\n    normal: { type: 'stdout' },\n    dateFile: { type: 'stdout' },\n  },\n  categories: { default: { appenders: ['console', 'normal', 'dateFile'], level: 'trace' } },\n});",
  },
  {
    name: 'pino-pretty to a file is not a stdout target that would cover a pino/file target',
    code: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino-pretty', options: { destination: './p.log' } }, { target: 'pino/file', options: { destination: './app.log' } }] });",
    errors: [['pinoFile', 2, "'./p.log'"], ['pinoFile', 2, "'./app.log'"]],
    output: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino-pretty', options: { destination: 1 } }, { target: 'pino/file', options: { destination: 1 } }] });",
  },
  { name: 'log4js: a dateFile appender in log4js.json (the fix keeps it valid JSON)', filename: '/ws/config/log4js.json', code: LOG4JS_JSON, errors: [['log4jsFile', 4, '"dateFile"']], output: code('{', '  "appenders": {', '    "out": { "type": "stdout" },', '    "app": { "type": "stdout" }', '  },', '  "categories": { "default": { "appenders": ["out", "app"], "level": "info" } }', '}') },
  { name: 'log4js: a log4js section of a config file', filename: '/ws/config/default.json', code: '{ "port": 3000, "log4js": { "appenders": [{ "type": "file", "filename": "server.log" }] } }\n', errors: [['log4jsFile', 1, '"file"']], output: '{ "port": 3000, "log4js": { "appenders": [{ "type": "stdout" }] } }\n' },
  {
    name: 'bunyan: a configuration module that does not name bunyan',
    filename: '/ws/src/config.js',
    code: "module.exports = { port: 3000, logger: { name: 'app', streams: [{ level: 'info', path: './logs/app.log' }] } };\n",
    errors: [['bunyanFile', 1, "'./logs/app.log'"]],
    output: "module.exports = { port: 3000, logger: { name: 'app', streams: [{ level: 'info', stream: process.stdout }] } };\n",
  },
  {
    name: 'bunyan: a JSON config file, reported without a fix (JSON cannot hold process.stdout)',
    filename: '/ws/config/default.json',
    code: '{ "logger": { "name": "app", "streams": [{ "type": "rotating-file", "path": "/var/log/app.log", "period": "1d" }] } }\n',
    errors: [['bunyanFile', 1, '"/var/log/app.log"']],
  },
  {
    name: "koa-morgan is morgan: a file stream given to it is reported with morgan's message",
    filename: '/ws/src/app.js',
    code: "const fs = require('fs');\nconst morgan = require('koa-morgan');\napp.use(morgan('combined', { stream: fs.createWriteStream('./access.log', { flags: 'a' }) }));\n",
    errors: [['morganFile', 3, "fs.createWriteStream('./access.log', { flags: 'a' })"]],
    output: code("const fs = require('fs');", "const morgan = require('koa-morgan');", "app.use(morgan('combined'));"),
  },
  {
    name: 'winston-daily-rotate-file: a scoped fork is the same transport',
    filename: '/ws/src/log.js',
    code: "const winston = require('winston');\nconst DailyRotateFile = require('@abtnode/winston-daily-rotate-file');\nwinston.createLogger({ transports: [new DailyRotateFile({ filename: 'app-%DATE%.log' })] });\n",
    errors: [['winstonFile', 3, 'new DailyRotateFile']],
    output: code("const winston = require('winston');", "const DailyRotateFile = require('@abtnode/winston-daily-rotate-file');", 'winston.createLogger({ transports: [new winston.transports.Console()] });'),
  },
  ...ROWS.map((row): InvalidCase => ({ name: `${row.module}: a stream it opens is a log file`, filename: '/ws/src/log.js', code: row.tp, errors: [['fsLogFile', 2, row.tpText]] })),
  { name: 'temporary capture: a log file truncated at start-up (deleted, never read back)', filename: '/ws/src/debug.ts', code: code(...CAPTURE, 'export async function reset(logFile) { await rm(logFile); }'), errors: [['winstonFile', 8, 'new transports.File']], output: code("import { transports } from 'winston';", "import { rm, mkdir } from 'node:fs/promises';", "import { join } from 'node:path';", "const captureDir = join(dataDir, '.capture');", 'export async function start() {', '  await mkdir(captureDir, { recursive: true });', '  const logFile = join(captureDir, `ui-${Date.now()}.log`);', "  const transport = new transports.Console({ level: 'debug' });", '  logger.add(transport);', '  return { logFile, transport };', '}', 'export async function reset(logFile) { await rm(logFile); }') },
  { name: 'temporary capture: a log file read back but never deleted (a "view logs" page)', filename: '/ws/src/debug.ts', code: code(...CAPTURE, "app.get('/logs', (req, res) => res.sendFile(logFile));"), errors: [['winstonFile', 8, 'new transports.File']], output: code("import { transports } from 'winston';", "import { rm, mkdir } from 'node:fs/promises';", "import { join } from 'node:path';", "const captureDir = join(dataDir, '.capture');", 'export async function start() {', '  await mkdir(captureDir, { recursive: true });', '  const logFile = join(captureDir, `ui-${Date.now()}.log`);', "  const transport = new transports.Console({ level: 'debug' });", '  logger.add(transport);', '  return { logFile, transport };', '}', "app.get('/logs', (req, res) => res.sendFile(logFile));") },
  {
    name: 'temporary capture: rotation deletes old files listed in the folder, not the path it writes',
    filename: '/ws/src/debug.ts',
    code: code(...CAPTURE, 'export async function prune() {', '  for (const f of await readdir(captureDir)) await rm(join(captureDir, f));', "  res.download('x.zip');", '}'),
    errors: [['winstonFile', 8, 'new transports.File']],
    output: code("import { transports } from 'winston';", "import { rm, mkdir } from 'node:fs/promises';", "import { join } from 'node:path';", "const captureDir = join(dataDir, '.capture');", 'export async function start() {', '  await mkdir(captureDir, { recursive: true });', '  const logFile = join(captureDir, `ui-${Date.now()}.log`);', "  const transport = new transports.Console({ level: 'debug' });", '  logger.add(transport);', '  return { logFile, transport };', '}', 'export async function prune() {', '  for (const f of await readdir(captureDir)) await rm(join(captureDir, f));', "  res.download('x.zip');", '}'),
  },
];

export const OTHER_VALID: ValidCase[] = [
  // Stop 27: a file stream whose write is not handed to the process's stdout.
  { name: 'a file stream beside process.stdout.write left alone', filename: '/ws/src/service.ts', code: code("import { createWriteStream } from 'node:fs';", 'export class Service {', '  start() {', "    this.out = createWriteStream(this.dataPath, { flags: 'a' });", '    process.stdout.write(this.banner);', '  }', '}') },
  { name: 'opt-in: a pino/file target only when the log file setting is set', code: OPT_IN('loggingFilePath') },
  { name: 'opt-in: a winston File transport under if (process.env.LOG_FILE !== undefined)', code: `${W}if (process.env.LOG_FILE !== undefined) {\n  logger.add(new winston.transports.File({ filename: process.env.LOG_FILE }));\n}` },
  { name: "opt-in: a switch compared with 'file'", code: `${W}if (config.logTarget === 'file' && config.logFilePath) {\n  logger.add(new winston.transports.File({ filename: config.logFilePath }));\n}` },
  { name: 'log4js.json: appenders to stdout', filename: '/ws/config/log4js.json', code: '{ "appenders": { "out": { "type": "stdout" } }, "categories": {} }' },
  { name: 'JSON that is not log4js', filename: '/ws/package.json', code: '{ "name": "x", "appenders": 3 }' },
  { name: 'bunyan options: streams whose path names no log', filename: '/ws/src/a.js', code: "module.exports = { name: 'x', streams: [{ path: './data/users.json' }] };\n" },
  { name: 'bunyan options: streams with no logger name', filename: '/ws/src/b.js', code: "module.exports = { streams: [{ path: './logs/app.log' }] };\n" },
  { name: 'bunyan options: stdout streams', filename: '/ws/config/c.json', code: '{ "name": "x", "streams": [{ "stream": "stdout" }] }\n' },
  {
    name: 'winston-daily-rotate-file: an unrelated transport package is not a fork',
    filename: '/ws/src/log.js',
    code: "const winston = require('winston');\nconst Loggly = require('winston-loggly-bulk');\nwinston.createLogger({ transports: [new Loggly({ token: process.env.LOGGLY_TOKEN })] });\n",
  },
  ...ROWS.map((row) => ({ name: `${row.module}: other uses of the module are not`, filename: '/ws/src/log.js', code: row.fp })),
  {
    name: 'temporary capture: captured to a temporary file, zipped for download, then the folder removed',
    filename: '/ws/src/debug.ts',
    code: code(...CAPTURE, 'export async function stop(session) {', '  archive.file(session.logFile, { name: "ui.log" });', '  await archive.finalize();', '  await rm(captureDir, { recursive: true, force: true });', '}'),
  },
  {
    name: 'temporary capture: the file itself deleted after it is read back',
    filename: '/ws/src/debug.ts',
    code: code(...CAPTURE, 'export async function stop() {', '  const data = await readFile(logFile);', '  await rm(logFile);', '  return data;', '}'),
  },
];
