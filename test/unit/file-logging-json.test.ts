import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { applyEdits } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { LineIndex } from '../../core/src/lineIndex';
import { rule } from '../../core/src/rules/logs/file-logging';
import { covered } from './helpers';

/**
 * Issue 10, decision 6: a log4js configuration written as JSON (`log4js.json`, a config file's `log4js`
 * section) is what `log4js.configure('./log4js.json')` or a config library hands to log4js from elsewhere.
 */
const LOG4JS_JSON = `{
  "appenders": {
    "out": { "type": "stdout" },
    "app": { "type": "dateFile", "filename": "logs/app.log", "pattern": ".yyyy-MM-dd", "compress": true }
  },
  "categories": { "default": { "appenders": ["out", "app"], "level": "info" } }
}
`;

function lint(file: string, text: string) {
  return analyze(new FileContext(file, text), { rules: [rule] });
}

describe('logs/file-logging: log4js configuration in JSON', () => {
  test('invalid: a dateFile appender in log4js.json', () => {
    const { findings } = lint('config/log4js.json', LOG4JS_JSON);
    assert.deepEqual(findings.map((f) => [f.messageId, f.range.start.line + 1, covered(LOG4JS_JSON, f)]), [['log4jsFile', 4, '"dateFile"']]);
  });
  test('invalid: a log4js section of a config file', () => {
    const text = '{ "port": 3000, "log4js": { "appenders": [{ "type": "file", "filename": "server.log" }] } }\n';
    assert.deepEqual(lint('config/default.json', text).findings.map((f) => f.messageId), ['log4jsFile']);
  });
  test('fix: the appender writes to stdout and the file stays valid JSON', () => {
    const { findings, fixes } = lint('config/log4js.json', LOG4JS_JSON);
    const fix = (fixes as Map<unknown, EditFix[]>).get(findings[0])?.[0];
    assert.ok(fix);
    const index = new LineIndex(LOG4JS_JSON);
    const after = applyEdits(LOG4JS_JSON, fix.edits.map((e) => ({ range: index.range(e.start, e.end), newText: e.text })));
    const parsed = JSON.parse(after) as { appenders: { app: Record<string, unknown> } };
    assert.deepEqual(parsed.appenders.app, { type: 'stdout' });
    assert.deepEqual(lint('config/log4js.json', after).findings, []);
  });
  test('valid: appenders to stdout, JSON that is not log4js, and JSON that does not parse', () => {
    assert.deepEqual(lint('config/log4js.json', '{ "appenders": { "out": { "type": "stdout" } }, "categories": {} }').findings, []);
    assert.deepEqual(lint('package.json', '{ "name": "x", "appenders": 3 }').findings, []);
    assert.deepEqual(lint('config/bad.json', '{ "appenders": { "a": { "type": "file", "filename": "a.log" ').findings.length <= 1, true);
  });
});

describe('logs/file-logging: bunyan options held for another module', () => {
  test('invalid: a configuration module that does not name bunyan', () => {
    const text = "module.exports = { port: 3000, logger: { name: 'app', streams: [{ level: 'info', path: './logs/app.log' }] } };\n";
    assert.deepEqual(lint('src/config.js', text).findings.map((f) => [f.messageId, covered(text, f)]), [['bunyanFile', "'./logs/app.log'"]]);
  });
  test('invalid: a JSON config file, reported without a fix (JSON cannot hold process.stdout)', () => {
    const text = '{ "logger": { "name": "app", "streams": [{ "type": "rotating-file", "path": "/var/log/app.log", "period": "1d" }] } }\n';
    const { findings, fixes } = lint('config/default.json', text);
    assert.deepEqual(findings.map((f) => [f.messageId, covered(text, f)]), [['bunyanFile', '"/var/log/app.log"']]);
    assert.equal((fixes as Map<unknown, EditFix[]>).get(findings[0]), undefined);
  });
  test('valid: streams whose path names no log, streams with no logger name, stdout streams', () => {
    assert.deepEqual(lint('src/a.js', "module.exports = { name: 'x', streams: [{ path: './data/users.json' }] };\n").findings, []);
    assert.deepEqual(lint('src/b.js', "module.exports = { streams: [{ path: './logs/app.log' }] };\n").findings, []);
    assert.deepEqual(lint('config/c.json', '{ "name": "x", "streams": [{ "stream": "stdout" }] }\n').findings, []);
  });
});
