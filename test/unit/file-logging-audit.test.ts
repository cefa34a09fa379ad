import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { applyEdits } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { LineIndex } from '../../core/src/lineIndex';
import { rule } from '../../core/src/rules/logs/file-logging';
import type { Finding } from '../../core/src/types';
import { covered, syntaxErrors } from './helpers';

/** Shapes from the audit of real logging set-ups: Fastify's `logger.file`, configs held in variables, pino-pretty, destinations from configuration. */
function lint(code: string, file = 'src/app.ts'): { findings: Finding[]; fixes: Map<Finding, EditFix[]> } {
  const result = analyze(new FileContext(file, code), { rules: [rule] });
  return { findings: result.findings, fixes: result.fixes as Map<Finding, EditFix[]> };
}

function apply(code: string, fix: EditFix): string {
  const index = new LineIndex(code);
  return applyEdits(code, fix.edits.map((e) => ({ range: index.range(e.start, e.end), newText: e.text })));
}

const invalid: Array<{ name: string; file?: string; code: string; messageId: string; line: number; text: string; data?: Record<string, string> }> = [
  // Fastify's `logger.file` becomes pino.destination(file).
  { name: 'fastify: logger.file (ESM)', code: "import fastify from 'fastify';\nconst app = fastify({ logger: { level: 'info', file: './logs/app.log' } });", messageId: 'fastifyFile', line: 2, text: "'./logs/app.log'", data: { target: './logs/app.log' } },
  { name: 'fastify: logger.file (CJS, called in place)', file: 'src/app.js', code: "const app = require('fastify')({\n  logger: { file: '/var/log/app.log' },\n});", messageId: 'fastifyFile', line: 2, text: "'/var/log/app.log'" },
  { name: 'fastify: named import, logger options in a variable', code: "import { fastify } from 'fastify';\nconst logger = { level: 'warn', file: path.join(__dirname, 'app.log') };\nexport const app = fastify({ logger });", messageId: 'fastifyFile', line: 2, text: "path.join(__dirname, 'app.log')" },
  // log4js, winston, bunyan and pino: paths written in the code, or the environment with a file fallback.
  { name: 'log4js: environment with a file fallback', code: "const log4js = require('log4js');\nlog4js.configure({ appenders: { app: { type: 'file', filename: process.env.LOG_FILE || 'logs/app.log' } }, categories: { default: { appenders: ['app'], level: 'info' } } });", messageId: 'log4jsFile', line: 2, text: "'file'" },
  { name: 'pino: a path built on a configured directory', code: "import pino from 'pino';\npino(pino.destination(config.logDir + '/app.log'));", messageId: 'pinoFile', line: 2, text: "pino.destination(config.logDir + '/app.log')" },
  { name: 'pino: configuration with a file fallback', code: "import pino from 'pino';\npino(pino.destination(config.logFile || './app.log'));", messageId: 'pinoFile', line: 2, text: "pino.destination(config.logFile || './app.log')" },
  // Configurations held in variables.
  { name: 'log4js: appender object in a variable', code: "const log4js = require('log4js');\nconst fileAppender = { type: 'file', filename: 'logs/app.log' };\nlog4js.configure({ appenders: { out: { type: 'stdout' }, app: fileAppender }, categories: { default: { appenders: ['out', 'app'], level: 'info' } } });", messageId: 'log4jsFile', line: 2, text: "'file'", data: { name: 'app', type: 'file' } },
  { name: 'bunyan: stream object in a variable', code: "const bunyan = require('bunyan');\nconst fileStream = { type: 'rotating-file', path: './logs/app.log' };\nbunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }, fileStream] });", messageId: 'bunyanFile', line: 2, text: "'./logs/app.log'" },
  { name: 'bunyan: stream pushed onto the streams array', code: "const bunyan = require('bunyan');\nconst streams = [{ stream: process.stdout }];\nif (debug) streams.push({ path: './logs/debug.log' });\nconst log = bunyan.createLogger({ name, streams });", messageId: 'bunyanFile', line: 3, text: "'./logs/debug.log'" },
  { name: 'morgan: options in a variable', code: "const fs = require('fs');\nconst morgan = require('morgan');\nconst opts = { stream: fs.createWriteStream('./access.txt', { flags: 'a' }) };\napp.use(morgan('combined', opts));", messageId: 'morganFile', line: 3, text: "fs.createWriteStream('./access.txt', { flags: 'a' })" },
  // pino-pretty writing to a file.
  { name: 'pino-pretty transport with a file destination', code: "import pino from 'pino';\nexport const log = pino({ transport: { target: 'pino-pretty', options: { destination: './logs/pretty.log' } } });", messageId: 'pinoFile', line: 2, text: "'./logs/pretty.log'" },
  { name: 'pino-pretty stream with a file destination', file: 'src/app.js', code: "const pino = require('pino');\nconst log = pino(require('pino-pretty')({ destination: './logs/pretty2.log' }));", messageId: 'pinoFile', line: 2, text: "require('pino-pretty')({ destination: './logs/pretty2.log' })" },
];

const valid: Array<{ name: string; code: string }> = [
  { name: 'fastify: logger to stdout', code: "import fastify from 'fastify';\nfastify({ logger: true });\nfastify({ logger: { level: 'info' } });" },
  { name: 'fastify: logger.file from the environment or configuration', code: "import fastify from 'fastify';\nfastify({ logger: { file: process.env.LOG_FILE } });\nfastify({ logger: { file: config.logFile } });" },
  { name: "logger.file of something that is not fastify", code: "import pino from 'pino';\nimport { createApp } from './app';\ncreateApp({ logger: { file: './app.log' } });" },
  { name: 'log4js: file appender to /dev/stdout', code: "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'file', filename: '/dev/stdout' } }, categories: { default: { appenders: ['out'], level: 'info' } } });" },
  { name: 'log4js: file appender whose path the environment decides', code: "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'file', filename: process.env.LOG_FILE } }, categories: { default: { appenders: ['out'], level: 'info' } } });" },
  { name: 'log4js: file appender whose path configuration decides', code: "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'dateFile', filename: config.log.file } }, categories: { default: { appenders: ['out'], level: 'info' } } });" },
  { name: 'pino: destination from configuration', code: "import pino from 'pino';\nconst logger = pino(pino.destination(config.logDestination));" },
  { name: 'pino: destination({ dest }) from options', code: "import pino from 'pino';\nexport function make(options) { return pino(pino.destination({ dest: options.filePath, sync: false })); }" },
  { name: 'pino: configured destination through a constant', code: "import pino from 'pino';\nconst dest = config.logDestination;\npino(pino.destination(dest));" },
  { name: 'pino/file and sonic-boom with configured destinations', code: "import pino from 'pino';\nimport SonicBoom from 'sonic-boom';\npino.transport({ target: 'pino/file', options: { destination: opts.file } });\nnew SonicBoom({ dest: this.opts.file });" },
  { name: 'winston and bunyan with configured paths', code: "const winston = require('winston');\nconst bunyan = require('bunyan');\nnew winston.transports.File({ filename: config.logFile });\nbunyan.createLogger({ name: 'x', streams: [{ path: config['log-path'] }] });" },
  { name: 'pino-pretty to stdout', code: "import pino from 'pino';\nimport pretty from 'pino-pretty';\npino({ transport: { target: 'pino-pretty', options: { destination: 1 } } });\npino({ transport: { target: 'pino-pretty', options: { colorize: true } } });\npino(pretty({ destination: 2 }));\npino(pretty({ colorize: true }));" },
  { name: 'winston: half-typed filename', code: "import { transports } from 'winston';\nnew transports.File({ filename: });" },
  { name: 'bunyan: half-typed path', code: "const bunyan = require('bunyan');\nbunyan.createLogger({ name: 'x', streams: [{ path: }] });" },
];

describe('logs/file-logging audit: what is flagged', () => {
  for (const c of invalid) {
    test(`invalid: ${c.name}`, () => {
      const { findings } = lint(c.code, c.file);
      assert.deepEqual(findings.map((f) => [f.messageId, f.range.start.line + 1, covered(c.code, f)]), [[c.messageId, c.line, c.text]]);
      for (const [k, v] of Object.entries(c.data ?? {})) assert.equal(findings[0].data[k], v, k);
      for (const [, key] of rule.meta.messages[c.messageId].matchAll(/\{(\w+)\}/g)) assert.ok(findings[0].data[key], `placeholder ${key} is filled`);
    });
  }
  for (const c of valid) {
    test(`valid: ${c.name}`, () => {
      assert.deepEqual(lint(c.code).findings.map((f) => [f.messageId, covered(c.code, f)]), []);
    });
  }
  test('pino-pretty to a file is not a stdout target that would cover a pino/file target', () => {
    const code = "import pino from 'pino';\npino.transport({ targets: [{ target: 'pino-pretty', options: { destination: './p.log' } }, { target: 'pino/file', options: { destination: './app.log' } }] });";
    const { findings, fixes } = lint(code);
    assert.deepEqual(findings.map((f) => covered(code, f)), ["'./p.log'", "'./app.log'"]);
    assert.equal(fixes.get(findings[1])?.[0]?.title, 'Log to stdout: destination 1');
  });
});

const fixes: Array<{ name: string; file?: string; before: string; after: string }> = [
  {
    name: 'fastify: logger.file removed, the other logger options kept',
    before: "import fastify from 'fastify';\nconst app = fastify({ logger: { level: 'info', file: './logs/app.log' } });\n",
    after: "import fastify from 'fastify';\nconst app = fastify({ logger: { level: 'info' } });\n",
  },
  {
    name: 'fastify: a logger with only `file` becomes `logger: true`',
    file: 'src/app.js',
    before: "const app = require('fastify')({\n  logger: { file: '/var/log/app.log' },\n});\n",
    after: "const app = require('fastify')({\n  logger: true,\n});\n",
  },
  {
    name: 'log4js: appender in a variable → stdout',
    before: "const log4js = require('log4js');\nconst fileAppender = { type: 'file', filename: 'logs/app.log' };\nlog4js.configure({ appenders: { out: { type: 'stdout' }, app: fileAppender } });\n",
    after: "const log4js = require('log4js');\nconst fileAppender = { type: 'stdout' };\nlog4js.configure({ appenders: { out: { type: 'stdout' }, app: fileAppender } });\n",
  },
  {
    name: 'bunyan: stream object in a variable → process.stdout',
    before: "const bunyan = require('bunyan');\nconst fileStream = { type: 'rotating-file', path: './logs/app.log', level: 'warn' };\nbunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }, fileStream] });\n",
    after: "const bunyan = require('bunyan');\nconst fileStream = { stream: process.stdout, level: 'warn' };\nbunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }, fileStream] });\n",
  },
  {
    name: 'bunyan: pushed stream → process.stdout',
    before: "const bunyan = require('bunyan');\nconst streams = [];\nstreams.push({ path: './logs/debug.log', level: 'debug' });\nbunyan.createLogger({ name: 'x', streams });\n",
    after: "const bunyan = require('bunyan');\nconst streams = [];\nstreams.push({ stream: process.stdout, level: 'debug' });\nbunyan.createLogger({ name: 'x', streams });\n",
  },
  {
    name: 'morgan: stream dropped from options held in a variable',
    before: "const fs = require('fs');\nconst morgan = require('morgan');\nconst opts = { stream: fs.createWriteStream('./access.txt', { flags: 'a' }) };\napp.use(morgan('combined', opts));\n",
    after: "const fs = require('fs');\nconst morgan = require('morgan');\nconst opts = {};\napp.use(morgan('combined', opts));\n",
  },
  {
    name: 'pino-pretty transport destination → 1',
    before: "import pino from 'pino';\nexport const log = pino({ transport: { target: 'pino-pretty', options: { destination: './logs/pretty.log', mkdir: true, colorize: false } } });\n",
    after: "import pino from 'pino';\nexport const log = pino({ transport: { target: 'pino-pretty', options: { destination: 1, colorize: false } } });\n",
  },
  {
    name: 'pino-pretty stream destination → 1',
    file: 'src/app.js',
    before: "const pino = require('pino');\nconst log = pino(require('pino-pretty')({ destination: './logs/pretty2.log' }));\n",
    after: "const pino = require('pino');\nconst log = pino(require('pino-pretty')({ destination: 1 }));\n",
  },
];

describe('logs/file-logging audit: quick fix', () => {
  for (const c of fixes) {
    test(c.name, () => {
      const file = c.file ?? 'src/app.ts';
      const { findings, fixes: byFinding } = lint(c.before, file);
      assert.equal(findings.length, 1, 'one finding');
      const fix = byFinding.get(findings[0])?.[0];
      assert.ok(fix, 'a fix');
      assert.equal(fix.id, 'log-to-stdout');
      const out = apply(c.before, fix);
      assert.equal(out, c.after);
      assert.deepEqual(syntaxErrors(file, out), []);
      assert.deepEqual(lint(out, file).findings.map((f) => f.messageId), [], 'nothing left to report');
    });
  }
});
