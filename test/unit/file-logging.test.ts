import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { applyEdits } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { LineIndex } from '../../core/src/lineIndex';
import { isCandidate, rule } from '../../core/src/rules/logs/file-logging';
import type { Finding } from '../../core/src/types';
import { covered, syntaxErrors } from './helpers';

// logs/file-logging runs alone here (the lead registers it), so these tests do not depend on the registry.
function lint(code: string, file = 'src/app.ts'): { findings: Finding[]; fixes: Map<Finding, EditFix[]>; context: FileContext } {
  const context = new FileContext(file, code);
  const result = analyze(context, { rules: [rule] });
  assert.equal(result.skipped, undefined, result.skipped);
  return { findings: result.findings, fixes: result.fixes as Map<Finding, EditFix[]>, context };
}

function apply(code: string, fix: EditFix): string {
  const index = new LineIndex(code);
  return applyEdits(code, fix.edits.map((e) => ({ range: index.range(e.start, e.end), newText: e.text })));
}

/** Applies the first finding's fix, then any left, until none is left (fix-all runs again on overlaps too). */
function fixAll(code: string, file = 'src/app.ts'): string {
  let text = code;
  for (let round = 0; round < 10; round++) {
    const { findings, fixes } = lint(text, file);
    const fix = findings.map((f) => fixes.get(f)?.[0]).find((f) => f !== undefined);
    if (!fix) return text;
    text = apply(text, fix);
  }
  return text;
}

const W = "const winston = require('winston');\n";

/** Invalid cases: code, the message id, the 1-based line of the finding, and the text it covers. */
const invalid: Array<{ name: string; file?: string; code: string; messageId: string; line: number; text: string; data?: Record<string, string> }> = [
  // winston, every import style
  { name: 'winston: CJS require', code: `${W}const logger = winston.createLogger({\n  transports: [new winston.transports.File({ filename: 'error.log', level: 'error' })],\n});`, messageId: 'winstonFile', line: 3, text: 'new winston.transports.File', data: { transport: 'File', target: 'error.log' } },
  { name: 'winston: plain .js file', file: 'server/logger.js', code: `${W}module.exports = winston.createLogger({ transports: [new winston.transports.File({ filename: 'app.log' })] });`, messageId: 'winstonFile', line: 2, text: 'new winston.transports.File' },
  { name: 'winston: .mjs file', file: 'src/logger.mjs', code: "import winston from 'winston';\nexport default winston.createLogger({ transports: [new winston.transports.File({ filename: 'app.log' })] });", messageId: 'winstonFile', line: 2, text: 'new winston.transports.File' },
  { name: 'winston: ESM default import', code: "import winston from 'winston';\nexport const t = new winston.transports.File({ filename: 'app.log' });", messageId: 'winstonFile', line: 2, text: 'new winston.transports.File' },
  { name: 'winston: namespace import', code: "import * as winston from 'winston';\nconst t = new winston.transports.File({ filename: 'app.log' });", messageId: 'winstonFile', line: 2, text: 'new winston.transports.File' },
  { name: 'winston: named import with alias', code: "import { createLogger, transports as t } from 'winston';\ncreateLogger({ transports: [new t.File({ filename: 'app.log' })] });", messageId: 'winstonFile', line: 2, text: 'new t.File' },
  { name: 'winston: destructured transports', code: "const { createLogger, transports } = require('winston');\ncreateLogger({ transports: [new transports.File({ filename: 'combined.log' })] });", messageId: 'winstonFile', line: 2, text: 'new transports.File' },
  { name: 'winston: nested destructuring', code: "const { transports: { File } } = require('winston');\nconst t = new File({ filename: 'combined.log' });", messageId: 'winstonFile', line: 2, text: 'new File' },
  { name: 'winston: import = require()', code: "import winston = require('winston');\nconst file = new winston.transports.File({ filename: './logs/error.log', level: 'error' });", messageId: 'winstonFile', line: 2, text: 'new winston.transports.File' },
  { name: 'winston: parenthesised class', code: `${W}const t = new (winston.transports.File)({ filename: 'somefile.log' });`, messageId: 'winstonFile', line: 2, text: 'new (winston.transports.File)' },
  { name: 'winston: require chain', code: "const t = new (require('winston').transports.File)({ filename: 'x.log' });", messageId: 'winstonFile', line: 1, text: "new (require('winston').transports.File)" },
  { name: 'winston: dynamic import', code: "const { default: winston } = await import('winston');\nconst t = new winston.transports.File({ filename: 'x.log' });", messageId: 'winstonFile', line: 2, text: 'new winston.transports.File' },
  { name: 'winston: destructured from a binding', code: `${W}const { format, transports } = winston;\nconst t = new transports.File({ filename: 'x.log' });`, messageId: 'winstonFile', line: 3, text: 'new transports.File' },
  { name: 'winston: path.join filename', code: "const path = require('path');\nconst { createLogger, transports } = require('winston');\ncreateLogger({ transports: [new transports.File({ filename: path.join(__dirname, './../logs/winston.log') })] });", messageId: 'winstonFile', line: 3, text: 'new transports.File', data: { transport: 'File', target: "path.join(__dirname, './../logs/winston.log')" } },
  { name: 'winston: logger.add(new File) reported once', code: `${W}logger.add(new winston.transports.File({ filename: 'app.log' }));`, messageId: 'winstonFile', line: 2, text: 'new winston.transports.File' },
  { name: 'winston: exceptionHandlers', code: `${W}winston.createLogger({\n  exceptionHandlers: [\n    new winston.transports.File({ filename: 'exceptions.log' }),\n  ],\n});`, messageId: 'winstonFile', line: 4, text: 'new winston.transports.File' },
  { name: 'winston: rejectionHandlers', code: "import { createLogger, transports } from 'winston';\ncreateLogger({ rejectionHandlers: [new transports.File({ filename: 'rejections.log' })] });", messageId: 'winstonFile', line: 2, text: 'new transports.File' },
  { name: 'winston 2: winston.add(File, options)', code: `${W}winston.add(winston.transports.File, { filename: 'somefile.log' });`, messageId: 'winstonFile', line: 2, text: 'winston.transports.File' },
  { name: 'winston: File transport without options', code: `${W}const t = new winston.transports.File(fileOptions);`, messageId: 'winstonFile', line: 2, text: 'new winston.transports.File', data: { transport: 'File', target: 'fileOptions' } },
  // winston-daily-rotate-file
  { name: 'daily-rotate-file: default import', code: "import DailyRotateFile from 'winston-daily-rotate-file';\nconst t = new DailyRotateFile({ filename: 'logs/application-%DATE%.log', datePattern: 'YYYY-MM-DD' });", messageId: 'winstonFile', line: 2, text: 'new DailyRotateFile', data: { transport: 'DailyRotateFile', target: 'logs/application-%DATE%.log' } },
  { name: 'daily-rotate-file: require', code: "const DailyRotateFile = require('winston-daily-rotate-file');\nconst t = new DailyRotateFile({ dirname: 'logs', filename: 'log-%DATE%.log' });", messageId: 'winstonFile', line: 2, text: 'new DailyRotateFile' },
  { name: 'daily-rotate-file: import = require()', code: "import DailyRotateFile = require('winston-daily-rotate-file');\nexport const t = new DailyRotateFile({ filename: 'log-%DATE%.log' });", messageId: 'winstonFile', line: 2, text: 'new DailyRotateFile' },
  { name: 'daily-rotate-file: named import', code: "import { DailyRotateFile as Rotate } from 'winston-daily-rotate-file';\nconst t = new Rotate({ filename: 'app-%DATE%.log' });", messageId: 'winstonFile', line: 2, text: 'new Rotate' },
  { name: 'daily-rotate-file: side-effect require', code: `${W}require('winston-daily-rotate-file');\nconst transport = new winston.transports.DailyRotateFile({ filename: 'application-%DATE%.log' });`, messageId: 'winstonFile', line: 3, text: 'new winston.transports.DailyRotateFile', data: { transport: 'DailyRotateFile', target: 'application-%DATE%.log' } },
  { name: 'daily-rotate-file: side-effect import, parenthesised', code: "import * as winston from 'winston';\nimport 'winston-daily-rotate-file';\nconst t = new (winston.transports.DailyRotateFile)({ filename: 'logs/app-%DATE%.log' });", messageId: 'winstonFile', line: 3, text: 'new (winston.transports.DailyRotateFile)' },
  // winston Stream transport over a file
  { name: 'winston: Stream transport over fs.createWriteStream', code: `${W}const fs = require('fs');\nconst t = new winston.transports.Stream({ stream: fs.createWriteStream('x.log') });`, messageId: 'winstonFile', line: 3, text: "fs.createWriteStream('x.log')" },
  { name: 'winston: File transport given a file stream (reported at the stream, once)', code: "import winston from 'winston';\nimport fs from 'fs';\nconst t = new winston.transports.File({ stream: fs.createWriteStream('./app.log', { flags: 'a' }), level: 'info' });", messageId: 'winstonFile', line: 3, text: "fs.createWriteStream('./app.log', { flags: 'a' })", data: { transport: 'File', target: './app.log' } },
  // pino
  { name: 'pino: destination(path) as pino\'s stream', code: "const pino = require('pino');\nconst logger = pino(pino.destination('./app.log'));", messageId: 'pinoFile', line: 2, text: "pino.destination('./app.log')", data: { target: './app.log' } },
  { name: 'pino: destination({ dest }) as second argument', code: "import pino from 'pino';\nexport const logger = pino({ level: 'info' }, pino.destination({ dest: './app.log', sync: false }));", messageId: 'pinoFile', line: 2, text: "pino.destination({ dest: './app.log', sync: false })" },
  { name: 'pino: named import of pino and destination', code: "import { pino, destination } from 'pino';\nconst logger = pino(destination(`${dir}/app.log`));", messageId: 'pinoFile', line: 2, text: 'destination(`${dir}/app.log`)' },
  { name: 'pino: namespace import', code: "import * as pino from 'pino';\nconst d = pino.destination(logFile);", messageId: 'pinoFile', line: 2, text: 'pino.destination(logFile)' },
  { name: 'pino: destination from a constant', code: "const pino = require('pino');\nconst LOG = path.join(__dirname, 'logs', 'app.log');\npino(pino.destination(LOG));", messageId: 'pinoFile', line: 3, text: 'pino.destination(LOG)' },
  { name: 'pino: environment with a file fallback', code: "const pino = require('pino');\npino(pino.destination(process.env.LOG_FILE || './app.log'));", messageId: 'pinoFile', line: 2, text: "pino.destination(process.env.LOG_FILE || './app.log')" },
  { name: 'pino: pino/file transport', code: "const pino = require('pino');\nconst t = pino.transport({\n  target: 'pino/file',\n  options: { destination: `${__dirname}/logs/now.log` },\n});", messageId: 'pinoFile', line: 4, text: '`${__dirname}/logs/now.log`' },
  { name: 'pino: pino/file in pino({ transport })', code: "import pino from 'pino';\nexport const logger = pino({\n  transport: { target: 'pino/file', options: { destination: './logs/app.log', mkdir: true } },\n});", messageId: 'pinoFile', line: 3, text: "'./logs/app.log'" },
  { name: 'pino: pino/file inside targets', code: "import pino from 'pino';\nconst transport = pino.transport({\n  targets: [\n    { target: 'pino-pretty', options: {} },\n    { target: 'pino/file', level: 'info', options: { destination: path.join(__dirname, 'app.log') } },\n  ],\n});", messageId: 'pinoFile', line: 5, text: "path.join(__dirname, 'app.log')" },
  { name: 'pino: pino/file in framework options (Fastify)', code: "const app = fastify({ logger: { transport: { target: 'pino/file', options: { destination: '/var/log/app.log' } } } });", messageId: 'pinoFile', line: 1, text: "'/var/log/app.log'" },
  { name: 'pino: pino-roll transport', code: "import pino from 'pino';\nconst t = pino.transport({ target: 'pino-roll', options: { file: join('logs', 'log'), frequency: 'daily', mkdir: true } });", messageId: 'pinoFile', line: 2, text: "'pino-roll'" },
  { name: 'pino: pino-roll called directly', code: "import pino from 'pino';\nimport roll from 'pino-roll';\nconst logger = pino(await roll({ file: 'logs/app', frequency: 'daily' }));", messageId: 'pinoFile', line: 3, text: "roll({ file: 'logs/app', frequency: 'daily' })" },
  { name: 'pino: multistream entry with a file stream', code: "const fs = require('fs');\nconst pino = require('pino');\nconst logger = pino({}, pino.multistream([\n  { stream: process.stdout },\n  { level: 'error', stream: fs.createWriteStream('./error.log') },\n]));", messageId: 'pinoFile', line: 5, text: "fs.createWriteStream('./error.log')" },
  { name: 'pino: multistream through a const array', code: "import pino from 'pino';\nimport { createWriteStream } from 'node:fs';\nconst streams = [{ stream: createWriteStream('out.txt') }];\nconst logger = pino({}, pino.multistream(streams));", messageId: 'pinoFile', line: 3, text: "createWriteStream('out.txt')" },
  { name: 'pino: fs stream as pino\'s destination', code: "const pino = require('pino');\nconst fs = require('fs');\nconst logger = pino({ level: 'info' }, fs.createWriteStream('./app.log', { flags: 'a' }));", messageId: 'pinoFile', line: 3, text: "fs.createWriteStream('./app.log', { flags: 'a' })" },
  { name: 'sonic-boom: default require', code: "const SonicBoom = require('sonic-boom');\nconst s = new SonicBoom({ dest: './app.log', mkdir: true });", messageId: 'pinoFile', line: 2, text: "new SonicBoom({ dest: './app.log', mkdir: true })" },
  { name: 'sonic-boom: named import', code: "import { SonicBoom } from 'sonic-boom';\nconst s = new SonicBoom({ dest: logPath });", messageId: 'pinoFile', line: 2, text: 'new SonicBoom({ dest: logPath })' },
  // log4js
  { name: 'log4js: file appender (CJS)', code: "const log4js = require('log4js');\nlog4js.configure({\n  appenders: { everything: { type: 'file', filename: 'all-the-logs.log' } },\n  categories: { default: { appenders: ['everything'], level: 'debug' } },\n});", messageId: 'log4jsFile', line: 3, text: "'file'", data: { name: 'everything', type: 'file' } },
  { name: 'log4js: dateFile, named import', code: "import { configure } from 'log4js';\nconfigure({ appenders: { app: { type: 'dateFile', filename: 'logs/app', pattern: 'yyyy-MM-dd.log' } }, categories: { default: { appenders: ['app'], level: 'info' } } });", messageId: 'log4jsFile', line: 2, text: "'dateFile'", data: { name: 'app', type: 'dateFile' } },
  { name: 'log4js: fileSync, namespace import', code: "import * as log4js from 'log4js';\nlog4js.configure({ appenders: { sync: { type: 'fileSync', filename: 'sync.log' } }, categories: { default: { appenders: ['sync'], level: 'info' } } });", messageId: 'log4jsFile', line: 2, text: "'fileSync'" },
  { name: 'log4js: multiFile', code: "const log4js = require('log4js');\nlog4js.configure({ appenders: { multi: { type: 'multiFile', base: 'logs/', property: 'categoryName', extension: '.log' } }, categories: { default: { appenders: ['multi'], level: 'info' } } });", messageId: 'log4jsFile', line: 2, text: "'multiFile'" },
  { name: 'log4js: judged by type, not name', code: "const log4js = require('log4js');\nlog4js.configure({ appenders: { console: { type: 'file', filename: 'c.log' } }, categories: { default: { appenders: ['console'], level: 'info' } } });", messageId: 'log4jsFile', line: 2, text: "'file'", data: { name: 'console', type: 'file' } },
  { name: 'log4js: config module without an import, quoted keys', code: 'module.exports = {\n  "appenders": {\n    "info": { "type": "dateFile", "filename": "src/logs/all-logs", "pattern": "yyyy-MM-dd-hh.log" }\n  }\n};', messageId: 'log4jsFile', line: 3, text: '"dateFile"' },
  { name: 'log4js: type assertion on the appender', code: "import { configure, DateFileAppender } from 'log4js';\nconfigure({ appenders: { infoLog: <DateFileAppender>{ type: 'dateFile', filename: './logs/date.log' } }, categories: { default: { appenders: ['infoLog'], level: 'info' } } });", messageId: 'log4jsFile', line: 2, text: "'dateFile'" },
  { name: 'log4js 1: appenders array', code: "var log4js = require('log4js');\nlog4js.configure({ appenders: [{ type: 'file', filename: 'logs/cheese.log', category: 'cheese' }] });", messageId: 'log4jsFile', line: 2, text: "'file'", data: { name: 'appenders[0]', type: 'file' } },
  { name: 'log4js 0.6: log4js.appenders.file()', code: "var log4js = require('log4js');\nlog4js.addAppender(log4js.appenders.file('logs/cheese.log'), 'cheese');", messageId: 'log4jsFile', line: 2, text: "log4js.appenders.file('logs/cheese.log')" },
  // bunyan
  { name: 'bunyan: path stream (CJS)', code: "var bunyan = require('bunyan');\nexports.log = bunyan.createLogger({\n  name: 'myapp',\n  streams: [\n    { level: 'info', stream: process.stdout },\n    { level: 'error', path: './logs/myapp-error.log' },\n  ],\n});", messageId: 'bunyanFile', line: 6, text: "'./logs/myapp-error.log'", data: { target: './logs/myapp-error.log' } },
  { name: 'bunyan: rotating-file (ESM)', code: "import bunyan from 'bunyan';\nexport default bunyan.createLogger({ name: 'app', streams: [{ type: 'rotating-file', path: './log/filelog.log', period: '1d', count: 3 }] });", messageId: 'bunyanFile', line: 2, text: "'./log/filelog.log'" },
  { name: 'bunyan: named import, concatenated path', code: "import { createLogger } from 'bunyan';\nconst log = createLogger({ name: 'x', streams: [{ type: 'file', path: pkg.name + '.log' }] });", messageId: 'bunyanFile', line: 2, text: "pkg.name + '.log'" },
  { name: 'bunyan: streams in a const', code: "const bunyan = require('bunyan');\nconst streams = [{ path: 'app.log' }];\nconst log = bunyan.createLogger({ name: 'x', streams });", messageId: 'bunyanFile', line: 2, text: "'app.log'" },
  { name: 'bunyan: addStream', code: "const bunyan = require('bunyan');\nconst log = bunyan.createLogger({ name: 'x' });\nlog.addStream({ path: '/var/log/app.log', level: 'warn' });", messageId: 'bunyanFile', line: 3, text: "'/var/log/app.log'" },
  { name: 'bunyan: fs stream', code: "const bunyan = require('bunyan');\nconst fs = require('fs');\nconst log = bunyan.createLogger({ name: 'x', streams: [{ stream: fs.createWriteStream('app.log') }] });", messageId: 'bunyanFile', line: 3, text: "fs.createWriteStream('app.log')" },
  { name: 'bunyan: bunyan-rotating-file-stream', code: "const bunyan = require('bunyan');\nconst RotatingFileStream = require('bunyan-rotating-file-stream');\nbunyan.createLogger({ name: 'foo', streams: [{ stream: new RotatingFileStream({ path: '/var/log/foo.log', period: '1d' }) }] });", messageId: 'bunyanFile', line: 3, text: "new RotatingFileStream({ path: '/var/log/foo.log', period: '1d' })" },
  // morgan
  { name: 'morgan: stream made in place', code: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('combined', { stream: fs.createWriteStream('./access.log', { flags: 'a' }) }));", messageId: 'morganFile', line: 3, text: "fs.createWriteStream('./access.log', { flags: 'a' })", data: { target: './access.log' } },
  { name: 'morgan: stream in a variable (reported at the stream)', code: "var fs = require('fs');\nvar morgan = require('morgan');\nvar path = require('path');\nvar accessLogStream = fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' });\napp.use(morgan('combined', { stream: accessLogStream }));", messageId: 'morganFile', line: 4, text: "fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' })" },
  { name: 'morgan: ESM, node:fs named import', code: "import morgan from 'morgan';\nimport { createWriteStream } from 'node:fs';\nconst logStream = createWriteStream('logs/access.txt');\nexport const logger = morgan('tiny', { stream: logStream });", messageId: 'morganFile', line: 3, text: "createWriteStream('logs/access.txt')" },
  { name: 'morgan: require() called in place', code: "var fs = require('fs');\nvar accessLogStream = fs.createWriteStream(__dirname + '/access.log', { flags: 'a' });\nmodule.exports = require('morgan')('combined', { stream: accessLogStream });", messageId: 'morganFile', line: 2, text: "fs.createWriteStream(__dirname + '/access.log', { flags: 'a' })" },
  { name: 'morgan: rotating-file-stream', code: "const rfs = require('rotating-file-stream');\nconst morgan = require('morgan');\nconst accessLogStream = rfs.createStream('access.log', { interval: '1d', path: path.join(__dirname, 'log') });\napp.use(morgan('combined', { stream: accessLogStream }));", messageId: 'morganFile', line: 3, text: "rfs.createStream('access.log', { interval: '1d', path: path.join(__dirname, 'log') })" },
  { name: 'morgan: rotating-file-stream named import', code: "import { createStream } from 'rotating-file-stream';\nimport logger from 'morgan';\napp.use(logger('combined', { stream: createStream('access.log', { interval: '1d' }) }));", messageId: 'morganFile', line: 3, text: "createStream('access.log', { interval: '1d' })" },
  { name: 'morgan: file-stream-rotator', code: "var FileStreamRotator = require('file-stream-rotator');\nvar morgan = require('morgan');\nvar accessLogStream = FileStreamRotator.getStream({ filename: logDirectory + '/access-%DATE%.log', frequency: 'daily' });\napp.use(morgan('combined', { stream: accessLogStream }));", messageId: 'morganFile', line: 3, text: "FileStreamRotator.getStream({ filename: logDirectory + '/access-%DATE%.log', frequency: 'daily' })" },
  { name: 'morgan: import = require()', code: "import morgan = require('morgan');\nimport fs = require('fs');\napp.use(morgan('dev', { stream: fs.createWriteStream(logPath) }));", messageId: 'morganFile', line: 3, text: 'fs.createWriteStream(logPath)' },
  // console.Console
  { name: 'console: new console.Console(stream)', code: "const fs = require('fs');\nconst logger = new console.Console(fs.createWriteStream('./out.log'));", messageId: 'consoleFile', line: 2, text: "fs.createWriteStream('./out.log')", data: { target: './out.log' } },
  { name: 'console: Console from node:console, options object', code: "import { Console } from 'node:console';\nimport fs from 'fs';\nexport const logger = new Console({ stdout: fs.createWriteStream('out.log') });", messageId: 'consoleFile', line: 3, text: "fs.createWriteStream('out.log')" },
  { name: 'console: alias of the global Console', code: "const fs = require('fs');\nconst Console = console.Console;\nconst output = fs.createWriteStream('./stdout.txt');\nconst logger = new Console(output);", messageId: 'consoleFile', line: 3, text: "fs.createWriteStream('./stdout.txt')" },
  { name: 'console: destructured from the global console', code: "let fs = require('node:fs');\nconst { Console } = console;\nlet c = new Console(fs.createWriteStream('./stderr.txt'));", messageId: 'consoleFile', line: 3, text: "fs.createWriteStream('./stderr.txt')" },
  // fs
  { name: 'fs: appendFileSync to a .log file', code: "const fs = require('fs');\nfs.appendFileSync('app.log', `${new Date().toISOString()} ${msg}\\n`);", messageId: 'fsLogFile', line: 2, text: "'app.log'", data: { target: 'app.log', api: 'fs.appendFileSync' } },
  { name: 'fs: appendFile under a logs directory (path.join)', code: "import fs from 'fs';\nimport path from 'path';\nfs.appendFile(path.join(__dirname, 'logs', 'events.txt'), line, () => {});", messageId: 'fsLogFile', line: 3, text: "path.join(__dirname, 'logs', 'events.txt')" },
  { name: 'fs: promises.appendFile, template path', code: "import { promises as fsp } from 'fs';\nawait fsp.appendFile(`${dir}/server.log`, line);", messageId: 'fsLogFile', line: 2, text: '`${dir}/server.log`', data: { target: '`${dir}/server.log`', api: 'fs.appendFile' } },
  { name: 'fs: appendFile from node:fs/promises', code: "import { appendFile } from 'node:fs/promises';\nawait appendFile(path.resolve('/var/log/myapp', 'out.txt'), line);", messageId: 'fsLogFile', line: 2, text: "path.resolve('/var/log/myapp', 'out.txt')" },
  { name: 'fs: path held in a constant', code: "const fs = require('fs');\nconst LOG_FILE = './logs/app.txt';\nfunction log(m) { fs.appendFileSync(LOG_FILE, m); }", messageId: 'fsLogFile', line: 3, text: 'LOG_FILE' },
  { name: 'fs: writeFileSync with an append flag', code: "const fs = require('fs');\nfs.writeFileSync('debug.log', line, { flag: 'a' });", messageId: 'fsLogFile', line: 2, text: "'debug.log'", data: { target: 'debug.log', api: 'fs.writeFileSync' } },
  { name: 'fs: createWriteStream to a log nobody hands to a logger', code: "const fs = require('fs');\nconst fileLog = fs.createWriteStream(__dirname + '/server.log', { flags: 'w' });\nconsole.log = (entry) => fileLog.write(entry + '\\n');", messageId: 'fsLogFile', line: 2, text: "fs.createWriteStream(__dirname + '/server.log', { flags: 'w' })", data: { target: "__dirname + '/server.log'", api: 'fs.createWriteStream' } },
  { name: 'fs: exported access-log stream (its module has no morgan)', code: "import fs from 'fs';\nimport path from 'path';\nexport const accessLogStream = fs.createWriteStream(path.join(__dirname, '../logs', 'access.log'), { flags: 'a' });", messageId: 'fsLogFile', line: 3, text: "fs.createWriteStream(path.join(__dirname, '../logs', 'access.log'), { flags: 'a' })" },
  { name: 'fs: fs-extra appendFile to log.txt', code: "const fse = require('fs-extra');\nfse.appendFile('log.txt', line);", messageId: 'fsLogFile', line: 2, text: "'log.txt'" },
  { name: 'rotating-file-stream alone', code: "const rfs = require('rotating-file-stream');\nmodule.exports = rfs.createStream('app.txt', { interval: '1d' });", messageId: 'fsLogFile', line: 2, text: "rfs.createStream('app.txt', { interval: '1d' })", data: { target: 'app.txt', api: 'rotating-file-stream' } },
];

const valid: Array<{ name: string; file?: string; code: string }> = [
  { name: 'winston Console transport', code: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'info' })] });` },
  { name: 'winston Http transport', code: "import { transports } from 'winston';\nnew transports.Http({ host: 'logs.example.com' });" },
  { name: 'winston File to /dev/stdout', code: `${W}new winston.transports.File({ filename: '/dev/stdout' });` },
  { name: 'winston File whose path the environment decides', code: `${W}new winston.transports.File({ filename: process.env.LOG_FILE });` },
  { name: 'Web File API', code: "const f = new File([blob], 'a.log', { type: 'text/plain' });" },
  { name: 'Web File API in a file that uses winston', code: `${W}const f = new File([blob], 'a.log');` },
  { name: 'transports.File of another library', code: "import { transports } from 'my-logger';\nnew transports.File({ filename: 'app.log' });" },
  { name: 'winston Stream transport over process.stdout', code: `${W}new winston.transports.Stream({ stream: process.stdout });` },
  { name: 'winston File transport given process.stdout', code: `${W}new winston.transports.File({ stream: process.stdout });` },
  { name: 'pino.destination(1)', code: "const pino = require('pino');\npino(pino.destination(1));" },
  { name: 'pino.destination(2) and process.stdout.fd', code: "import pino from 'pino';\npino.destination(2);\npino.destination(process.stdout.fd);" },
  { name: 'pino.destination({ sync: false }) without dest', code: "import pino from 'pino';\npino({}, pino.destination({ sync: false, minLength: 4096 }));" },
  { name: 'pino.destination({ dest: 1 })', code: "import pino from 'pino';\npino.destination({ dest: 1, sync: false });" },
  { name: "pino.destination('/dev/stdout')", code: "import pino from 'pino';\npino.destination('/dev/stdout');" },
  { name: 'pino destination from the environment', code: "import pino from 'pino';\npino.destination(process.env.LOG_DEST);\npino.destination(process.env.LOG_FILE || 1);" },
  { name: 'pino/file to stdout or with no destination', code: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino/file', options: { destination: 1 } }, { target: 'pino/file' }] });" },
  { name: 'pino-pretty transport', code: "import pino from 'pino';\npino({ transport: { target: 'pino-pretty', options: { colorize: true } } });" },
  { name: 'pino multistream to stdout', code: "import pino from 'pino';\npino({}, pino.multistream([{ stream: process.stdout }, { level: 'error', stream: process.stderr }]));" },
  { name: 'sonic-boom to fd 1', code: "import SonicBoom from 'sonic-boom';\nnew SonicBoom({ fd: process.stdout.fd });\nnew SonicBoom({ dest: 1 });" },
  { name: 'log4js stdout and console appenders', code: "const log4js = require('log4js');\nlog4js.configure({ appenders: { file: { type: 'stdout' }, out: { type: 'console' } }, categories: { default: { appenders: ['file'], level: 'info' } } });" },
  { name: "type: 'file' outside an appenders object", code: "const input = { type: 'file', accept: '.png' };\nconst log4js = require('log4js');" },
  { name: 'bunyan stdout stream and /dev/stdout path', code: "const bunyan = require('bunyan');\nbunyan.createLogger({ name: 'x', streams: [{ stream: process.stdout }, { path: '/dev/stdout' }] });" },
  { name: 'bunyan path from the environment', code: "const bunyan = require('bunyan');\nbunyan.createLogger({ name: 'x', streams: [{ path: process.env.LOG_PATH }] });" },
  { name: 'morgan stream forwarding to a logger', code: "const morgan = require('morgan');\nconst fs = require('fs');\napp.use(morgan('combined', { stream: { write: (m) => logger.info(m.trim()) } }));" },
  { name: "morgan stream of a logger's own", code: "import morgan from 'morgan';\nimport { createWriteStream } from 'fs';\napp.use(morgan('combined', { stream: logger.stream }));" },
  { name: 'morgan with a stream imported from another module', code: "import morgan from 'morgan';\nimport accessLogStream from './access-log';\nimport { appendFile } from 'fs';\napp.use(morgan('combined', { stream: accessLogStream }));" },
  { name: 'console.Console on process streams', code: "const fs = require('fs');\nconst c = new console.Console(process.stdout, process.stderr);\nconst d = new console.Console({ stdout: process.stdout });" },
  { name: 'appends to a data file', code: "const fs = require('fs');\nfs.appendFileSync('data.csv', row);\nfs.appendFileSync('catalog.txt', row);\nfs.appendFile(path.join(__dirname, 'blog', 'posts.json'), row, cb);" },
  { name: 'append to a path from the environment', code: "const fs = require('fs');\nfs.appendFileSync(process.env.GITHUB_OUTPUT, `x=1\\n`);" },
  { name: 'writeFileSync to a .log without an append flag', code: "const fs = require('fs');\nfs.writeFileSync('report.log', text, { flag: 'w' });" },
  { name: 'createWriteStream to a data file', code: "const fs = require('fs');\nconst out = fs.createWriteStream('export.csv');\nout.write(row);" },
  { name: 'createWriteStream on file descriptor 1', code: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('tiny', { stream: fs.createWriteStream(null, { fd: 1 }) }));" },
  { name: 'createWriteStream to /dev/stdout for morgan', code: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('tiny', { stream: fs.createWriteStream('/dev/stdout') }));" },
  { name: 'appendFile of an unrelated module', code: "import { appendFile } from './storage';\nappendFile('app.log', line);" },
];

describe('logs/file-logging: what is flagged', () => {
  for (const c of invalid) {
    test(`invalid: ${c.name}`, () => {
      const { findings } = lint(c.code, c.file);
      assert.equal(findings.length, 1, `expected one finding, got ${JSON.stringify(findings.map((f) => [f.messageId, covered(c.code, f)]))}`);
      const f = findings[0];
      assert.equal(f.ruleId, 'logs/file-logging');
      assert.equal(f.messageId, c.messageId);
      assert.equal(f.range.start.line + 1, c.line);
      assert.equal(covered(c.code, f), c.text);
      assert.equal(f.severity, 'warning');
      if (c.data) for (const [k, v] of Object.entries(c.data)) assert.equal(f.data[k], v, k);
      for (const [, key] of rule.meta.messages[c.messageId].matchAll(/\{(\w+)\}/g)) assert.ok(f.data[key] !== undefined, `placeholder ${key} is filled`);
    });
  }
  for (const c of valid) {
    test(`valid: ${c.name}`, () => {
      const { findings } = lint(c.code, c.file);
      assert.deepEqual(findings.map((f) => [f.messageId, covered(c.code, f)]), []);
    });
  }
});

describe('logs/file-logging: counting', () => {
  test('several file transports: one finding each, none for the Console', () => {
    const code = `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n    new winston.transports.File({ filename: 'error.log', level: 'error' }),\n    new winston.transports.File({ filename: 'combined.log' }),\n  ],\n});`;
    assert.deepEqual(lint(code).findings.map((f) => f.range.start.line + 1), [5, 6]);
  });
  test('a stream used by two consumers is reported once', () => {
    const code = "const fs = require('fs');\nconst morgan = require('morgan');\nconst s = fs.createWriteStream('access.log');\napp.use(morgan('combined', { stream: s }));\nconst c = new console.Console(s, s);";
    const { findings } = lint(code);
    assert.deepEqual(findings.map((f) => [f.messageId, f.range.start.line + 1]), [['morganFile', 3]]);
  });
  test('two Console streams: two findings', () => {
    const code = "const fs = require('fs');\nconst { Console } = require('console');\nconst output = fs.createWriteStream('./stdout.log');\nconst errorOutput = fs.createWriteStream('./stderr.log');\nconst logger = new Console({ stdout: output, stderr: errorOutput });";
    assert.deepEqual(lint(code).findings.map((f) => [f.messageId, covered(code, f)]), [
      ['consoleFile', "fs.createWriteStream('./stdout.log')"],
      ['consoleFile', "fs.createWriteStream('./stderr.log')"],
    ]);
  });
  test('log4js: every file appender, not the stdout one', () => {
    const code = "const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    console: { type: 'stdout' },\n    normal: { type: 'file', filename: './logs/normal.log', maxLogSize: 102400, backups: 20 },\n    dateFile: { type: 'dateFile', filename: './logs/', pattern: 'yyyyMMddhh.txt', alwaysIncludePattern: true },\n  },\n  categories: { default: { appenders: ['console', 'normal', 'dateFile'], level: 'trace' } },\n});";
    assert.deepEqual(lint(code).findings.map((f) => f.data.name), ['normal', 'dateFile']);
  });
  test('suppression comment', () => {
    const code = `${W}// twelve-factor-disable-next-line logs/file-logging -- the audit log must stay on disk\nconst t = new winston.transports.File({ filename: 'audit.log' });`;
    assert.equal(lint(code).findings.length, 0);
  });
  test('test code is not reported by default; testFiles.severity reports it at that level', () => {
    const code = `${W}const t = new winston.transports.File({ filename: 'x.log' });`;
    assert.deepEqual(lint(code, 'test/logger.test.ts').findings, []);
    const config = { ...defaultConfig(), testFiles: { severity: 'info' as const } };
    assert.equal(analyze(new FileContext('test/logger.test.ts', code), { rules: [rule], config }).findings[0].severity, 'info');
  });
});

describe('logs/file-logging: cost', () => {
  test('a file without logging keywords is not parsed', () => {
    const context = new FileContext('src/server.ts', "import express from 'express';\nconst app = express();\nconsole.log('listening');\napp.listen(3000);\n");
    assert.deepEqual(analyze(context, { rules: [rule] }).findings, []);
    assert.equal(context.hasSourceFile, false);
  });
  test('a keyword inside another word is not enough to parse (spinoff ⊃ pino)', () => {
    const context = new FileContext('src/jobs.ts', "export function spinoff(job: Job) { return job.spinOff(); }\n");
    analyze(context, { rules: [rule] });
    assert.equal(context.hasSourceFile, false);
  });
  test('writeFile without an append flag is not parsed', () => {
    const context = new FileContext('scripts/build.ts', "import { writeFileSync } from 'fs';\nwriteFileSync('dist/out.json', data);\n");
    analyze(context, { rules: [rule] });
    assert.equal(context.hasSourceFile, false);
    assert.equal(isCandidate("fs.writeFileSync('a.log', d, { flag: 'a' })"), true);
  });
  test('a file with a logger is parsed', () => {
    const context = new FileContext('src/log.ts', `${W}export default winston.createLogger({});\n`);
    analyze(context, { rules: [rule] });
    assert.equal(context.hasSourceFile, true);
  });
  test('every keyword is lower-case (the engine tests them on lower-cased text)', () => {
    for (const k of rule.meta.keywords) assert.equal(k, k.toLowerCase());
  });
});

/** Before → after of the first finding's fix (or of fix-all, when `all`). */
const fixes: Array<{ name: string; file?: string; before: string; after: string; all?: boolean; left?: string[] }> = [
  {
    name: 'winston File → Console, file options dropped, the rest kept',
    before: `${W}const logger = winston.createLogger({\n  transports: [\n    new winston.transports.File({\n      filename: 'combined.log', // everything\n      maxsize: 5242880,\n      maxFiles: 5,\n      level: 'info',\n      handleExceptions: true,\n    }),\n  ],\n});\n`,
    after: `${W}const logger = winston.createLogger({\n  transports: [\n    new winston.transports.Console({\n      level: 'info',\n      handleExceptions: true,\n    }),\n  ],\n});\n`,
  },
  {
    name: 'winston: only file options → no argument',
    before: `${W}logger.add(new winston.transports.File({ filename: 'app.log' }));\n`,
    after: `${W}logger.add(new winston.transports.Console());\n`,
  },
  {
    name: 'winston: inline options keep their order',
    before: "const { createLogger, transports, format } = require('winston');\ncreateLogger({ transports: [new transports.File({ filename: 'error.log', level: 'error', format: format.json() })] });\n",
    after: "const { createLogger, transports, format } = require('winston');\ncreateLogger({ transports: [new transports.Console({ level: 'error', format: format.json() })] });\n",
  },
  {
    name: 'winston: named import with alias keeps the alias',
    before: "import { transports as t } from 'winston';\nexport const file = new t.File({ level: 'warn', filename: 'warn.log' });\n",
    after: "import { transports as t } from 'winston';\nexport const file = new t.Console({ level: 'warn' });\n",
  },
  {
    name: 'winston: parenthesised class',
    before: `${W}const t = new (winston.transports.File)({ filename: 'somefile.log' });\n`,
    after: `${W}const t = new (winston.transports.Console)();\n`,
  },
  {
    name: 'winston: destructured File becomes transports.Console',
    before: "const { transports } = require('winston');\nconst { File } = transports;\nconst t = new File({ filename: 'a.log', level: 'debug' });\n",
    after: "const { transports } = require('winston');\nconst { File } = transports;\nconst t = new transports.Console({ level: 'debug' });\n",
  },
  {
    name: 'winston: file transport removed when the array already has a Console',
    before: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n    new winston.transports.File({ filename: 'error.log', level: 'error' }),\n  ],\n});\n`,
    after: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n  ],\n});\n`,
  },
  {
    name: 'winston: fix-all removes every file transport next to a Console',
    all: true,
    before: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.File({ filename: 'error.log', level: 'error' }),\n    new winston.transports.Console(),\n    new winston.transports.File({ filename: 'combined.log' })\n  ],\n});\n`,
    after: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n  ],\n});\n`,
  },
  {
    name: 'winston: a Console with a stricter level does not cover the file transport: converted, not removed',
    before: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'error' }), new winston.transports.File({ filename: 'all.log', level: 'info' })] });\n`,
    after: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'error' }), new winston.transports.Console({ level: 'info' })] });\n`,
  },
  {
    name: 'winston: a Console at least as verbose covers the file transport: removed',
    before: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'debug' }), new winston.transports.File({ filename: 'err.log', level: 'error' })] });\n`,
    after: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'debug' })] });\n`,
  },
  {
    name: 'winston: exceptionHandlers',
    before: "import { createLogger, transports } from 'winston';\ncreateLogger({ exceptionHandlers: [new transports.File({ filename: 'exceptions.log', handleExceptions: true })] });\n",
    after: "import { createLogger, transports } from 'winston';\ncreateLogger({ exceptionHandlers: [new transports.Console({ handleExceptions: true })] });\n",
  },
  {
    name: 'daily-rotate-file via winston.transports',
    before: `${W}require('winston-daily-rotate-file');\nconst transport = new winston.transports.DailyRotateFile({\n  filename: 'application-%DATE%.log',\n  datePattern: 'YYYY-MM-DD-HH',\n  zippedArchive: true,\n  maxSize: '20m',\n  maxFiles: '14d',\n  format: winston.format.json(),\n});\n`,
    after: `${W}require('winston-daily-rotate-file');\nconst transport = new winston.transports.Console({\n  format: winston.format.json(),\n});\n`,
  },
  {
    name: 'daily-rotate-file default import uses the winston binding in scope',
    before: "import { format, transports } from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\nconst list = [new DailyRotateFile({ dirname: 'logs', filename: '%DATE%.log', utc: true, level: 'info' })];\n",
    after: "import { format, transports } from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\nconst list = [new transports.Console({ level: 'info' })];\n",
  },
  {
    name: 'winston 2: winston.add(File, options)',
    before: `${W}winston.add(winston.transports.File, { filename: 'somefile.log', level: 'info' });\n`,
    after: `${W}winston.add(winston.transports.Console, { level: 'info' });\n`,
  },
  {
    name: 'winston Stream over a file stream → Console, the stream declaration removed',
    before: `${W}const fs = require('fs');\nconst out = fs.createWriteStream('app.log');\nconst logger = winston.createLogger({ transports: [new winston.transports.Stream({ stream: out, level: 'info' })] });\n`,
    after: `${W}const fs = require('fs');\nconst logger = winston.createLogger({ transports: [new winston.transports.Console({ level: 'info' })] });\n`,
  },
  {
    name: 'pino.destination(path) → pino.destination(1)',
    before: "const pino = require('pino');\nconst logger = pino(pino.destination('./app.log'));\n",
    after: "const pino = require('pino');\nconst logger = pino(pino.destination(1));\n",
  },
  {
    name: 'pino.destination({ dest }) → dest 1, sync kept, mkdir dropped',
    before: "import pino from 'pino';\nexport const logger = pino({ level: 'info' }, pino.destination({ dest: './app.log', mkdir: true, sync: false }));\n",
    after: "import pino from 'pino';\nexport const logger = pino({ level: 'info' }, pino.destination({ dest: 1, sync: false }));\n",
  },
  {
    name: 'pino.destination({ dest }) shorthand',
    before: "import { destination } from 'pino';\nconst dest = './app.log';\nconst d = destination({ dest, sync: true });\n",
    after: "import { destination } from 'pino';\nconst dest = './app.log';\nconst d = destination({ dest: 1, sync: true });\n",
  },
  {
    name: 'pino/file destination → 1',
    before: "import pino from 'pino';\nexport const logger = pino({\n  transport: {\n    target: 'pino/file',\n    options: {\n      destination: './logs/app.log',\n      mkdir: true,\n    },\n  },\n});\n",
    after: "import pino from 'pino';\nexport const logger = pino({\n  transport: {\n    target: 'pino/file',\n    options: {\n      destination: 1,\n    },\n  },\n});\n",
  },
  {
    name: 'pino-roll → pino/file on stdout',
    before: "import pino from 'pino';\nconst t = pino.transport({ target: 'pino-roll', level: 'info', options: { file: join('logs', 'log'), frequency: 'daily', mkdir: true } });\n",
    after: "import pino from 'pino';\nconst t = pino.transport({ target: 'pino/file', level: 'info', options: { destination: 1 } });\n",
  },
  {
    name: 'pino-roll next to a stdout target is removed, with its comment line',
    before: "import pino from 'pino';\nconst transport = pino.transport({\n  targets: [\n    { target: 'pino-pretty', level: 'info' },\n    // rotating file\n    { target: 'pino-roll', level: 'warn', options: { file: 'logs/app' } },\n  ],\n});\n",
    after: "import pino from 'pino';\nconst transport = pino.transport({\n  targets: [\n    { target: 'pino-pretty', level: 'info' },\n  ],\n});\n",
  },
  {
    name: 'pino/file next to pino/file on stdout is removed (one line)',
    before: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino/file', options: { destination: './app.log' } }, { target: 'pino/file', options: { destination: 1 } }] });\n",
    after: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino/file', options: { destination: 1 } }] });\n",
  },
  {
    name: 'two file transports and no Console: the first becomes a Console; the second, not covered by its level, too',
    all: true,
    before: "import { createLogger, transports } from 'winston';\ncreateLogger({ transports: [new transports.File({ filename: 'error.log', level: 'error' }), new transports.File({ filename: 'all.log' })] });\n",
    after: "import { createLogger, transports } from 'winston';\ncreateLogger({ transports: [new transports.Console({ level: 'error' }), new transports.Console()] });\n",
  },
  {
    name: 'pino-roll next to a less verbose stdout target is converted, not removed',
    before: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino-pretty', level: 'warn' }, { target: 'pino-roll', level: 'debug', options: { file: 'logs/app' } }] });\n",
    after: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino-pretty', level: 'warn' }, { target: 'pino/file', level: 'debug', options: { destination: 1 } }] });\n",
  },
  {
    name: 'pino(opts, fs stream) → pino(opts)',
    before: "const pino = require('pino');\nconst fs = require('fs');\nconst logger = pino({ level: 'info' }, fs.createWriteStream('./app.log', { flags: 'a' }));\n",
    after: "const pino = require('pino');\nconst fs = require('fs');\nconst logger = pino({ level: 'info' });\n",
  },
  {
    name: 'pino multistream entry → process.stdout',
    before: "import pino from 'pino';\nimport fs from 'fs';\nconst logger = pino({}, pino.multistream([{ level: 'error', stream: fs.createWriteStream('./error.log') }]));\n",
    after: "import pino from 'pino';\nimport fs from 'fs';\nconst logger = pino({}, pino.multistream([{ level: 'error', stream: process.stdout }]));\n",
  },
  {
    name: 'sonic-boom dest → 1',
    before: "const SonicBoom = require('sonic-boom');\nconst s = new SonicBoom({ dest: './app.log', append: true, sync: false });\n",
    after: "const SonicBoom = require('sonic-boom');\nconst s = new SonicBoom({ dest: 1, sync: false });\n",
  },
  {
    name: "log4js file appender → 'stdout', file options dropped, layout kept",
    before: "const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    file: {\n      type: 'file',\n      filename: 'server/logs/system.log',\n      maxLogSize: 10485760,\n      backups: 3,\n      compress: true,\n      layout: { type: 'pattern', pattern: '%d %p %m' },\n    },\n  },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n",
    after: "const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    file: {\n      type: 'stdout',\n      layout: { type: 'pattern', pattern: '%d %p %m' },\n    },\n  },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n",
  },
  {
    name: 'log4js dateFile inline, double quotes kept',
    before: 'const log4js = require("log4js");\nlog4js.configure({ appenders: { app: { type: "dateFile", filename: "app", pattern: "yyyy-MM-dd.log", keepFileExt: true } }, categories: { default: { appenders: ["app"], level: "info" } } });\n',
    after: 'const log4js = require("log4js");\nlog4js.configure({ appenders: { app: { type: "stdout" } }, categories: { default: { appenders: ["app"], level: "info" } } });\n',
  },
  {
    name: 'bunyan path → stream: process.stdout, level kept',
    before: "var bunyan = require('bunyan');\nbunyan.createLogger({\n  name: 'myapp',\n  streams: [\n    {\n      level: 'error',\n      path: './logs/myapp-error.log',\n    },\n  ],\n});\n",
    after: "var bunyan = require('bunyan');\nbunyan.createLogger({\n  name: 'myapp',\n  streams: [\n    {\n      level: 'error',\n      stream: process.stdout,\n    },\n  ],\n});\n",
  },
  {
    name: 'bunyan rotating-file → stream: process.stdout',
    before: "import bunyan from 'bunyan';\nbunyan.createLogger({ name: 'a', streams: [{ type: 'rotating-file', path: 'logger.log', period: '1d', count: 3, level: 'debug' }] });\n",
    after: "import bunyan from 'bunyan';\nbunyan.createLogger({ name: 'a', streams: [{ stream: process.stdout, level: 'debug' }] });\n",
  },
  {
    name: 'morgan: stream made in place → option dropped',
    before: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('combined', { stream: fs.createWriteStream('./access.log', { flags: 'a' }) }));\n",
    after: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('combined'));\n",
  },
  {
    name: 'morgan: stream variable and its comment removed with the option',
    before: "var fs = require('fs');\nvar morgan = require('morgan');\nvar path = require('path');\n\n// create a write stream (in append mode)\nvar accessLogStream = fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' });\n\napp.use(morgan('combined', { stream: accessLogStream }));\n",
    after: "var fs = require('fs');\nvar morgan = require('morgan');\nvar path = require('path');\n\n\napp.use(morgan('combined'));\n",
  },
  {
    name: 'morgan: other options kept, shorthand stream',
    before: "import morgan from 'morgan';\nimport rfs from 'rotating-file-stream';\nconst stream = rfs.createStream('access.log', { interval: '1d' });\napp.use(morgan('combined', { stream, skip: (req, res) => res.statusCode < 400 }));\n",
    after: "import morgan from 'morgan';\nimport rfs from 'rotating-file-stream';\napp.use(morgan('combined', { skip: (req, res) => res.statusCode < 400 }));\n",
  },
  {
    name: 'morgan: a stream used elsewhere too keeps its declaration',
    before: "const fs = require('fs');\nconst morgan = require('morgan');\nconst s = fs.createWriteStream('access.log');\napp.use(morgan('combined', { stream: s }));\ns.on('error', onError);\n",
    after: "const fs = require('fs');\nconst morgan = require('morgan');\nconst s = fs.createWriteStream('access.log');\napp.use(morgan('combined'));\ns.on('error', onError);\n",
    left: ['fsLogFile'],
  },
  {
    name: 'CRLF line endings are kept',
    before: "var fs = require('fs');\r\nvar morgan = require('morgan');\r\n// create a write stream\r\nvar accessLogStream = fs.createWriteStream('access.log', { flags: 'a' });\r\napp.use(morgan('combined', { stream: accessLogStream }));\r\n",
    after: "var fs = require('fs');\r\nvar morgan = require('morgan');\r\napp.use(morgan('combined'));\r\n",
  },
  {
    name: 'TSX file',
    file: 'src/server.tsx',
    before: "import pino from 'pino';\nexport const log = pino(pino.destination('./app.log'));\nexport const A = () => <div />;\n",
    after: "import pino from 'pino';\nexport const log = pino(pino.destination(1));\nexport const A = () => <div />;\n",
  },
  {
    name: 'console.Console(fileStream) → process.stdout',
    before: "const fs = require('fs');\nconst logger = new console.Console(fs.createWriteStream('./out.log'));\n",
    after: "const fs = require('fs');\nconst logger = new console.Console(process.stdout);\n",
  },
  {
    name: 'Console({ stdout, stderr }) → process streams, declarations removed (fix-all)',
    all: true,
    before: "const fs = require('fs');\nconst { Console } = require('console');\nconst output = fs.createWriteStream('./stdout.log');\nconst errorOutput = fs.createWriteStream('./stderr.log');\nconst logger = new Console({ stdout: output, stderr: errorOutput });\n",
    after: "const fs = require('fs');\nconst { Console } = require('console');\nconst logger = new Console({ stdout: process.stdout, stderr: process.stderr });\n",
  },
  {
    name: 'Console(out, err) positional → process streams (fix-all)',
    all: true,
    before: "const fs = require('fs');\nconst Console = console.Console;\nconst output = fs.createWriteStream('./stdout.log');\nconst errorOutput = fs.createWriteStream('./stderr.log');\nconst logger = new Console(output, errorOutput);\n",
    after: "const fs = require('fs');\nconst Console = console.Console;\nconst logger = new Console(process.stdout, process.stderr);\n",
  },
  {
    name: 'Console with a conditional stream',
    before: "import { Console } from 'console';\nimport { createWriteStream } from 'fs';\nconst c = new Console({ stdout: process.stdout, stderr: opts.stderr ? createWriteStream(opts.stderr, { flags: 'a' }) : undefined });\n",
    after: "import { Console } from 'console';\nimport { createWriteStream } from 'fs';\nconst c = new Console({ stdout: process.stdout, stderr: opts.stderr ? process.stderr : undefined });\n",
  },
];

describe('logs/file-logging: quick fix "Log to stdout"', () => {
  for (const c of fixes) {
    test(c.name, () => {
      const file = c.file ?? 'src/app.ts';
      let out: string;
      if (c.all) out = fixAll(c.before, file);
      else {
        const { findings, fixes: byFinding } = lint(c.before, file);
        assert.ok(findings.length > 0, 'a finding');
        const fix = byFinding.get(findings[0])?.[0];
        assert.ok(fix, 'a fix');
        assert.equal(fix.id, 'log-to-stdout');
        assert.equal(fix.preferred, true);
        assert.match(fix.title, /^Log to stdout/);
        out = apply(c.before, fix);
      }
      assert.equal(out, c.after);
      assert.deepEqual(syntaxErrors(file, out), []);
      assert.deepEqual(lint(out, file).findings.map((f) => f.messageId), c.left ?? [], 'nothing left to report');
    });
  }
});

describe('logs/file-logging: no fix where none is safe', () => {
  const cases: Array<{ name: string; code: string }> = [
    { name: 'fs appends to a log file', code: "const fs = require('fs');\nfs.appendFileSync('app.log', line);" },
    { name: 'winston File with options held in a variable', code: `${W}new winston.transports.File(options.file);` },
    { name: 'daily-rotate-file with no winston binding in scope', code: "import DailyRotateFile from 'winston-daily-rotate-file';\nexport const t = new DailyRotateFile({ filename: 'app-%DATE%.log' });" },
    { name: 'bunyan raw stream', code: "const bunyan = require('bunyan');\nconst fs = require('fs');\nbunyan.createLogger({ name: 'x', streams: [{ type: 'raw', stream: fs.createWriteStream('app.log') }] });" },
    { name: 'pino-roll called directly', code: "import roll from 'pino-roll';\nconst stream = await roll({ file: 'logs/app' });" },
    { name: 'log4js 0.6 appender function', code: "var log4js = require('log4js');\nlog4js.addAppender(log4js.appenders.file('logs/cheese.log'), 'cheese');" },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { findings, fixes: byFinding } = lint(c.code);
      assert.equal(findings.length, 1);
      assert.equal(byFinding.get(findings[0]), undefined);
    });
  }
});
