import type { InvalidCase } from '../../ruleTester';
import { W } from './detection';

// The quick fix "Log to stdout" (fix-all applies it): before and after, and the findings no edit can fix safely.

export const FIXES: InvalidCase[] = [
  {
    name: 'fix: winston File → Console, file options dropped, the rest kept',
    errors: [['winstonFile', 4, 'new winston.transports.File']],
    code: `${W}const logger = winston.createLogger({\n  transports: [\n    new winston.transports.File({\n      filename: 'combined.log', // everything\n      maxsize: 5242880,\n      maxFiles: 5,\n      level: 'info',\n      handleExceptions: true,\n    }),\n  ],\n});\n`,
    output: `${W}const logger = winston.createLogger({\n  transports: [\n    new winston.transports.Console({\n      level: 'info',\n      handleExceptions: true,\n    }),\n  ],\n});\n`,
  },
  {
    name: 'fix: winston: only file options → no argument',
    errors: [['winstonFile', 2, 'new winston.transports.File']],
    code: `${W}logger.add(new winston.transports.File({ filename: 'app.log' }));\n`,
    output: `${W}logger.add(new winston.transports.Console());\n`,
  },
  {
    name: 'fix: winston: inline options keep their order',
    errors: [['winstonFile', 2, 'new transports.File']],
    code: "const { createLogger, transports, format } = require('winston');\ncreateLogger({ transports: [new transports.File({ filename: 'error.log', level: 'error', format: format.json() })] });\n",
    output: "const { createLogger, transports, format } = require('winston');\ncreateLogger({ transports: [new transports.Console({ level: 'error', format: format.json() })] });\n",
  },
  {
    name: 'fix: winston: named import with alias keeps the alias',
    errors: [['winstonFile', 2, 'new t.File']],
    code: "import { transports as t } from 'winston';\nexport const file = new t.File({ level: 'warn', filename: 'warn.log' });\n",
    output: "import { transports as t } from 'winston';\nexport const file = new t.Console({ level: 'warn' });\n",
  },
  {
    name: 'fix: winston: parenthesised class',
    errors: [['winstonFile', 2, 'new (winston.transports.File)']],
    code: `${W}const t = new (winston.transports.File)({ filename: 'somefile.log' });\n`,
    output: `${W}const t = new (winston.transports.Console)();\n`,
  },
  {
    name: 'fix: winston: destructured File becomes transports.Console',
    errors: [['winstonFile', 3, 'new File']],
    code: "const { transports } = require('winston');\nconst { File } = transports;\nconst t = new File({ filename: 'a.log', level: 'debug' });\n",
    output: "const { transports } = require('winston');\nconst { File } = transports;\nconst t = new transports.Console({ level: 'debug' });\n",
  },
  {
    name: 'fix: winston: file transport removed when the array already has a Console',
    errors: [['winstonFile', 5, 'new winston.transports.File']],
    code: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n    new winston.transports.File({ filename: 'error.log', level: 'error' }),\n  ],\n});\n`,
    output: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n  ],\n});\n`,
  },
  {
    name: 'fix: winston: fix-all removes every file transport next to a Console',
    errors: [['winstonFile', 4, 'new winston.transports.File'], ['winstonFile', 6, 'new winston.transports.File']],
    code: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.File({ filename: 'error.log', level: 'error' }),\n    new winston.transports.Console(),\n    new winston.transports.File({ filename: 'combined.log' })\n  ],\n});\n`,
    output: `${W}winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n  ],\n});\n`,
  },
  {
    name: 'fix: winston: a Console with a stricter level does not cover the file transport: converted, not removed',
    errors: [['winstonFile', 2, 'new winston.transports.File']],
    code: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'error' }), new winston.transports.File({ filename: 'all.log', level: 'info' })] });\n`,
    output: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'error' }), new winston.transports.Console({ level: 'info' })] });\n`,
  },
  {
    name: 'fix: winston: a Console at least as verbose covers the file transport: removed',
    errors: [['winstonFile', 2, 'new winston.transports.File']],
    code: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'debug' }), new winston.transports.File({ filename: 'err.log', level: 'error' })] });\n`,
    output: `${W}winston.createLogger({ transports: [new winston.transports.Console({ level: 'debug' })] });\n`,
  },
  {
    name: 'fix: winston: exceptionHandlers',
    errors: [['winstonFile', 2, 'new transports.File']],
    code: "import { createLogger, transports } from 'winston';\ncreateLogger({ exceptionHandlers: [new transports.File({ filename: 'exceptions.log', handleExceptions: true })] });\n",
    output: "import { createLogger, transports } from 'winston';\ncreateLogger({ exceptionHandlers: [new transports.Console({ handleExceptions: true })] });\n",
  },
  {
    name: 'fix: daily-rotate-file via winston.transports',
    errors: [['winstonFile', 3, 'new winston.transports.DailyRotateFile']],
    code: `${W}require('winston-daily-rotate-file');\nconst transport = new winston.transports.DailyRotateFile({\n  filename: 'application-%DATE%.log',\n  datePattern: 'YYYY-MM-DD-HH',\n  zippedArchive: true,\n  maxSize: '20m',\n  maxFiles: '14d',\n  format: winston.format.json(),\n});\n`,
    output: `${W}require('winston-daily-rotate-file');\nconst transport = new winston.transports.Console({\n  format: winston.format.json(),\n});\n`,
  },
  {
    name: 'fix: daily-rotate-file default import uses the winston binding in scope',
    errors: [['winstonFile', 3, 'new DailyRotateFile']],
    code: "import { format, transports } from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\nconst list = [new DailyRotateFile({ dirname: 'logs', filename: '%DATE%.log', utc: true, level: 'info' })];\n",
    output: "import { format, transports } from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\nconst list = [new transports.Console({ level: 'info' })];\n",
  },
  {
    name: 'fix: winston 2: winston.add(File, options)',
    errors: [['winstonFile', 2, 'winston.transports.File']],
    code: `${W}winston.add(winston.transports.File, { filename: 'somefile.log', level: 'info' });\n`,
    output: `${W}winston.add(winston.transports.Console, { level: 'info' });\n`,
  },
  {
    name: 'fix: winston Stream over a file stream → Console, the stream declaration removed',
    errors: [['winstonFile', 3, "fs.createWriteStream('app.log')"]],
    code: `${W}const fs = require('fs');\nconst out = fs.createWriteStream('app.log');\nconst logger = winston.createLogger({ transports: [new winston.transports.Stream({ stream: out, level: 'info' })] });\n`,
    output: `${W}const fs = require('fs');\nconst logger = winston.createLogger({ transports: [new winston.transports.Console({ level: 'info' })] });\n`,
  },
  {
    name: 'fix: pino.destination(path) → pino.destination(1)',
    errors: [['pinoFile', 2, "pino.destination('./app.log')"]],
    code: "const pino = require('pino');\nconst logger = pino(pino.destination('./app.log'));\n",
    output: "const pino = require('pino');\nconst logger = pino(pino.destination(1));\n",
  },
  {
    name: 'fix: pino.destination({ dest }) → dest 1, sync kept, mkdir dropped',
    errors: [['pinoFile', 2, "pino.destination({ dest: './app.log', mkdir: true, sync: false })"]],
    code: "import pino from 'pino';\nexport const logger = pino({ level: 'info' }, pino.destination({ dest: './app.log', mkdir: true, sync: false }));\n",
    output: "import pino from 'pino';\nexport const logger = pino({ level: 'info' }, pino.destination({ dest: 1, sync: false }));\n",
  },
  {
    name: 'fix: pino.destination({ dest }) shorthand',
    errors: [['pinoFile', 3, 'destination({ dest, sync: true })']],
    code: "import { destination } from 'pino';\nconst dest = './app.log';\nconst d = destination({ dest, sync: true });\n",
    output: "import { destination } from 'pino';\nconst dest = './app.log';\nconst d = destination({ dest: 1, sync: true });\n",
  },
  {
    name: 'fix: pino/file destination → 1',
    errors: [['pinoFile', 6, "'./logs/app.log'"]],
    code: "import pino from 'pino';\nexport const logger = pino({\n  transport: {\n    target: 'pino/file',\n    options: {\n      destination: './logs/app.log',\n      mkdir: true,\n    },\n  },\n});\n",
    output: "import pino from 'pino';\nexport const logger = pino({\n  transport: {\n    target: 'pino/file',\n    options: {\n      destination: 1,\n    },\n  },\n});\n",
  },
  {
    name: 'fix: pino-roll → pino/file on stdout',
    errors: [['pinoFile', 2, "'pino-roll'"]],
    code: "import pino from 'pino';\nconst t = pino.transport({ target: 'pino-roll', level: 'info', options: { file: join('logs', 'log'), frequency: 'daily', mkdir: true } });\n",
    output: "import pino from 'pino';\nconst t = pino.transport({ target: 'pino/file', level: 'info', options: { destination: 1 } });\n",
  },
  {
    name: 'fix: pino-roll next to a stdout target is removed, with its comment line',
    errors: [['pinoFile', 6, "'pino-roll'"]],
    code: "import pino from 'pino';\nconst transport = pino.transport({\n  targets: [\n    { target: 'pino-pretty', level: 'info' },\n    // rotating file\n    { target: 'pino-roll', level: 'warn', options: { file: 'logs/app' } },\n  ],\n});\n",
    output: "import pino from 'pino';\nconst transport = pino.transport({\n  targets: [\n    { target: 'pino-pretty', level: 'info' },\n  ],\n});\n",
  },
  {
    name: 'fix: pino/file next to pino/file on stdout is removed (one line)',
    errors: [['pinoFile', 2, "'./app.log'"]],
    code: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino/file', options: { destination: './app.log' } }, { target: 'pino/file', options: { destination: 1 } }] });\n",
    output: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino/file', options: { destination: 1 } }] });\n",
  },
  {
    name: 'fix: two file transports and no Console: the first becomes a Console; the second, not covered by its level, too',
    errors: [['winstonFile', 2, 'new transports.File'], ['winstonFile', 2, 'new transports.File']],
    code: "import { createLogger, transports } from 'winston';\ncreateLogger({ transports: [new transports.File({ filename: 'error.log', level: 'error' }), new transports.File({ filename: 'all.log' })] });\n",
    output: "import { createLogger, transports } from 'winston';\ncreateLogger({ transports: [new transports.Console({ level: 'error' }), new transports.Console()] });\n",
  },
  {
    name: 'fix: pino-roll next to a less verbose stdout target is converted, not removed',
    errors: [['pinoFile', 2, "'pino-roll'"]],
    code: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino-pretty', level: 'warn' }, { target: 'pino-roll', level: 'debug', options: { file: 'logs/app' } }] });\n",
    output: "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino-pretty', level: 'warn' }, { target: 'pino/file', level: 'debug', options: { destination: 1 } }] });\n",
  },
  {
    name: 'fix: pino(opts, fs stream) → pino(opts)',
    errors: [['pinoFile', 3, "fs.createWriteStream('./app.log', { flags: 'a' })"]],
    code: "const pino = require('pino');\nconst fs = require('fs');\nconst logger = pino({ level: 'info' }, fs.createWriteStream('./app.log', { flags: 'a' }));\n",
    output: "const pino = require('pino');\nconst fs = require('fs');\nconst logger = pino({ level: 'info' });\n",
  },
  {
    name: 'fix: pino multistream entry → process.stdout',
    errors: [['pinoFile', 3, "fs.createWriteStream('./error.log')"]],
    code: "import pino from 'pino';\nimport fs from 'fs';\nconst logger = pino({}, pino.multistream([{ level: 'error', stream: fs.createWriteStream('./error.log') }]));\n",
    output: "import pino from 'pino';\nimport fs from 'fs';\nconst logger = pino({}, pino.multistream([{ level: 'error', stream: process.stdout }]));\n",
  },
  {
    name: 'fix: sonic-boom dest → 1',
    errors: [['pinoFile', 2, "new SonicBoom({ dest: './app.log', append: true, sync: false })"]],
    code: "const SonicBoom = require('sonic-boom');\nconst s = new SonicBoom({ dest: './app.log', append: true, sync: false });\n",
    output: "const SonicBoom = require('sonic-boom');\nconst s = new SonicBoom({ dest: 1, sync: false });\n",
  },
  {
    name: "fix: log4js file appender → 'stdout', file options dropped, layout kept",
    errors: [['log4jsFile', 5, "'file'"]],
    code: "const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    file: {\n      type: 'file',\n      filename: 'server/logs/system.log',\n      maxLogSize: 10485760,\n      backups: 3,\n      compress: true,\n      layout: { type: 'pattern', pattern: '%d %p %m' },\n    },\n  },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n",
    output: "const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    file: {\n      type: 'stdout',\n      layout: { type: 'pattern', pattern: '%d %p %m' },\n    },\n  },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n",
  },
  {
    name: 'fix: log4js dateFile inline, double quotes kept',
    errors: [['log4jsFile', 2, '"dateFile"']],
    code: 'const log4js = require("log4js");\nlog4js.configure({ appenders: { app: { type: "dateFile", filename: "app", pattern: "yyyy-MM-dd.log", keepFileExt: true } }, categories: { default: { appenders: ["app"], level: "info" } } });\n',
    output: 'const log4js = require("log4js");\nlog4js.configure({ appenders: { app: { type: "stdout" } }, categories: { default: { appenders: ["app"], level: "info" } } });\n',
  },
  {
    name: 'fix: bunyan path → stream: process.stdout, level kept',
    errors: [['bunyanFile', 7, "'./logs/myapp-error.log'"]],
    code: "var bunyan = require('bunyan');\nbunyan.createLogger({\n  name: 'myapp',\n  streams: [\n    {\n      level: 'error',\n      path: './logs/myapp-error.log',\n    },\n  ],\n});\n",
    output: "var bunyan = require('bunyan');\nbunyan.createLogger({\n  name: 'myapp',\n  streams: [\n    {\n      level: 'error',\n      stream: process.stdout,\n    },\n  ],\n});\n",
  },
  {
    name: 'fix: bunyan rotating-file → stream: process.stdout',
    errors: [['bunyanFile', 2, "'logger.log'"]],
    code: "import bunyan from 'bunyan';\nbunyan.createLogger({ name: 'a', streams: [{ type: 'rotating-file', path: 'logger.log', period: '1d', count: 3, level: 'debug' }] });\n",
    output: "import bunyan from 'bunyan';\nbunyan.createLogger({ name: 'a', streams: [{ stream: process.stdout, level: 'debug' }] });\n",
  },
  {
    name: 'fix: morgan: stream made in place → option dropped',
    errors: [['morganFile', 3, "fs.createWriteStream('./access.log', { flags: 'a' })"]],
    code: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('combined', { stream: fs.createWriteStream('./access.log', { flags: 'a' }) }));\n",
    output: "const fs = require('fs');\nconst morgan = require('morgan');\napp.use(morgan('combined'));\n",
  },
  {
    name: 'fix: morgan: stream variable and its comment removed with the option',
    errors: [['morganFile', 6, "fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' })"]],
    code: "var fs = require('fs');\nvar morgan = require('morgan');\nvar path = require('path');\n\n// create a write stream (in append mode)\nvar accessLogStream = fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' });\n\napp.use(morgan('combined', { stream: accessLogStream }));\n",
    output: "var fs = require('fs');\nvar morgan = require('morgan');\nvar path = require('path');\n\n\napp.use(morgan('combined'));\n",
  },
  {
    name: 'fix: morgan: other options kept, shorthand stream',
    errors: [['morganFile', 3, "rfs.createStream('access.log', { interval: '1d' })"]],
    code: "import morgan from 'morgan';\nimport rfs from 'rotating-file-stream';\nconst stream = rfs.createStream('access.log', { interval: '1d' });\napp.use(morgan('combined', { stream, skip: (req, res) => res.statusCode < 400 }));\n",
    output: "import morgan from 'morgan';\nimport rfs from 'rotating-file-stream';\napp.use(morgan('combined', { skip: (req, res) => res.statusCode < 400 }));\n",
  },
  {
    name: 'fix: morgan: a stream used elsewhere too keeps its declaration',
    errors: [['morganFile', 3, "fs.createWriteStream('access.log')"]],
    code: "const fs = require('fs');\nconst morgan = require('morgan');\nconst s = fs.createWriteStream('access.log');\napp.use(morgan('combined', { stream: s }));\ns.on('error', onError);\n",
    output: "const fs = require('fs');\nconst morgan = require('morgan');\nconst s = fs.createWriteStream('access.log');\napp.use(morgan('combined'));\ns.on('error', onError);\n",
    // Fix-all leaves the fs append (fsLogFile): no edit is safe for it.
  },
  {
    name: 'fix: CRLF line endings are kept',
    errors: [['morganFile', 4, "fs.createWriteStream('access.log', { flags: 'a' })"]],
    code: "var fs = require('fs');\r\nvar morgan = require('morgan');\r\n// create a write stream\r\nvar accessLogStream = fs.createWriteStream('access.log', { flags: 'a' });\r\napp.use(morgan('combined', { stream: accessLogStream }));\r\n",
    output: "var fs = require('fs');\r\nvar morgan = require('morgan');\r\napp.use(morgan('combined'));\r\n",
  },
  {
    name: 'fix: TSX file',
    errors: [['pinoFile', 2, "pino.destination('./app.log')"]],
    filename: '/ws/src/server.tsx',
    code: "import pino from 'pino';\nexport const log = pino(pino.destination('./app.log'));\nexport const A = () => <div />;\n",
    output: "import pino from 'pino';\nexport const log = pino(pino.destination(1));\nexport const A = () => <div />;\n",
  },
  {
    name: 'fix: console.Console(fileStream) → process.stdout',
    errors: [['consoleFile', 2, "fs.createWriteStream('./out.log')"]],
    code: "const fs = require('fs');\nconst logger = new console.Console(fs.createWriteStream('./out.log'));\n",
    output: "const fs = require('fs');\nconst logger = new console.Console(process.stdout);\n",
  },
  {
    name: 'fix: Console({ stdout, stderr }) → process streams, declarations removed (two fix-all passes: the edits overlap)',
    passes: 2,
    errors: [['consoleFile', 3, "fs.createWriteStream('./stdout.log')"], ['consoleFile', 4, "fs.createWriteStream('./stderr.log')"]],
    code: "const fs = require('fs');\nconst { Console } = require('console');\nconst output = fs.createWriteStream('./stdout.log');\nconst errorOutput = fs.createWriteStream('./stderr.log');\nconst logger = new Console({ stdout: output, stderr: errorOutput });\n",
    output: "const fs = require('fs');\nconst { Console } = require('console');\nconst logger = new Console({ stdout: process.stdout, stderr: process.stderr });\n",
  },
  {
    name: 'fix: Console(out, err) positional → process streams (two fix-all passes: the edits overlap)',
    passes: 2,
    errors: [['consoleFile', 3, "fs.createWriteStream('./stdout.log')"], ['consoleFile', 4, "fs.createWriteStream('./stderr.log')"]],
    code: "const fs = require('fs');\nconst Console = console.Console;\nconst output = fs.createWriteStream('./stdout.log');\nconst errorOutput = fs.createWriteStream('./stderr.log');\nconst logger = new Console(output, errorOutput);\n",
    output: "const fs = require('fs');\nconst Console = console.Console;\nconst logger = new Console(process.stdout, process.stderr);\n",
  },
  {
    name: 'fix: Console with a conditional stream',
    errors: [['consoleFile', 3, "createWriteStream(opts.stderr, { flags: 'a' })"]],
    code: "import { Console } from 'console';\nimport { createWriteStream } from 'fs';\nconst c = new Console({ stdout: process.stdout, stderr: opts.stderr ? createWriteStream(opts.stderr, { flags: 'a' }) : undefined });\n",
    output: "import { Console } from 'console';\nimport { createWriteStream } from 'fs';\nconst c = new Console({ stdout: process.stdout, stderr: opts.stderr ? process.stderr : undefined });\n",
  },
];

export const AUDIT_FIXES: InvalidCase[] = [
  {
    name: 'fix: fastify: logger.file removed, the other logger options kept',
    errors: [['fastifyFile', 2, "'./logs/app.log'"]],
    code: "import fastify from 'fastify';\nconst app = fastify({ logger: { level: 'info', file: './logs/app.log' } });\n",
    output: "import fastify from 'fastify';\nconst app = fastify({ logger: { level: 'info' } });\n",
  },
  {
    name: 'fix: fastify: a logger with only `file` becomes `logger: true`',
    errors: [['fastifyFile', 2, "'/var/log/app.log'"]],
    filename: '/ws/src/app.js',
    code: "const app = require('fastify')({\n  logger: { file: '/var/log/app.log' },\n});\n",
    output: "const app = require('fastify')({\n  logger: true,\n});\n",
  },
  {
    name: 'fix: log4js: appender in a variable → stdout',
    errors: [['log4jsFile', 2, "'file'"]],
    code: "const log4js = require('log4js');\nconst fileAppender = { type: 'file', filename: 'logs/app.log' };\nlog4js.configure({ appenders: { out: { type: 'stdout' }, app: fileAppender } });\n",
    output: "const log4js = require('log4js');\nconst fileAppender = { type: 'stdout' };\nlog4js.configure({ appenders: { out: { type: 'stdout' }, app: fileAppender } });\n",
  },
  {
    name: 'fix: bunyan: stream object in a variable → process.stdout',
    errors: [['bunyanFile', 2, "'./logs/app.log'"]],
    code: "const bunyan = require('bunyan');\nconst fileStream = { type: 'rotating-file', path: './logs/app.log', level: 'warn' };\nbunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }, fileStream] });\n",
    output: "const bunyan = require('bunyan');\nconst fileStream = { stream: process.stdout, level: 'warn' };\nbunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }, fileStream] });\n",
  },
  {
    name: 'fix: bunyan: pushed stream → process.stdout',
    errors: [['bunyanFile', 3, "'./logs/debug.log'"]],
    code: "const bunyan = require('bunyan');\nconst streams = [];\nstreams.push({ path: './logs/debug.log', level: 'debug' });\nbunyan.createLogger({ name: 'x', streams });\n",
    output: "const bunyan = require('bunyan');\nconst streams = [];\nstreams.push({ stream: process.stdout, level: 'debug' });\nbunyan.createLogger({ name: 'x', streams });\n",
  },
  {
    name: 'fix: morgan: stream dropped from options held in a variable',
    errors: [['morganFile', 3, "fs.createWriteStream('./access.txt', { flags: 'a' })"]],
    code: "const fs = require('fs');\nconst morgan = require('morgan');\nconst opts = { stream: fs.createWriteStream('./access.txt', { flags: 'a' }) };\napp.use(morgan('combined', opts));\n",
    output: "const fs = require('fs');\nconst morgan = require('morgan');\nconst opts = {};\napp.use(morgan('combined', opts));\n",
  },
  {
    name: 'fix: pino-pretty transport destination → 1',
    errors: [['pinoFile', 2, "'./logs/pretty.log'"]],
    code: "import pino from 'pino';\nexport const log = pino({ transport: { target: 'pino-pretty', options: { destination: './logs/pretty.log', mkdir: true, colorize: false } } });\n",
    output: "import pino from 'pino';\nexport const log = pino({ transport: { target: 'pino-pretty', options: { destination: 1, colorize: false } } });\n",
  },
  {
    name: 'fix: pino-pretty stream destination → 1',
    errors: [['pinoFile', 2, "require('pino-pretty')({ destination: './logs/pretty2.log' })"]],
    filename: '/ws/src/app.js',
    code: "const pino = require('pino');\nconst log = pino(require('pino-pretty')({ destination: './logs/pretty2.log' }));\n",
    output: "const pino = require('pino');\nconst log = pino(require('pino-pretty')({ destination: 1 }));\n",
  },
];

/** No fix where none is safe. */
export const NO_FIX: InvalidCase[] = [
  { name: 'no fix: fs appends to a log file', code: "const fs = require('fs');\nfs.appendFileSync('app.log', line);", errors: [['fsLogFile', 2, "'app.log'"]], output: null },
  { name: 'no fix: winston File with options held in a variable', code: `${W}new winston.transports.File(options.file);`, errors: [['winstonFile', 2, 'new winston.transports.File']], output: null },
  { name: 'no fix: daily-rotate-file with no winston binding in scope', code: "import DailyRotateFile from 'winston-daily-rotate-file';\nexport const t = new DailyRotateFile({ filename: 'app-%DATE%.log' });", errors: [['winstonFile', 2, 'new DailyRotateFile']], output: null },
  { name: 'no fix: bunyan raw stream', code: "const bunyan = require('bunyan');\nconst fs = require('fs');\nbunyan.createLogger({ name: 'x', streams: [{ type: 'raw', stream: fs.createWriteStream('app.log') }] });", errors: [['bunyanFile', 3, "fs.createWriteStream('app.log')"]], output: null },
  { name: 'no fix: pino-roll called directly', code: "import roll from 'pino-roll';\nconst stream = await roll({ file: 'logs/app' });", errors: [['pinoFile', 2, "roll({ file: 'logs/app' })"]], output: null },
];
