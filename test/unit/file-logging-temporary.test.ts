import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { rule } from '../../core/src/rules/logs/file-logging';

/**
 * Issue 10: a debug capture written to a temporary file for the user to download (the program reads it back and
 * deletes it) is not the app's log stream; a log file the program only writes, rotates or truncates still is.
 */
const code = (...lines: string[]): string => `${lines.join('\n')}\n`;
const ids = (text: string): string[] => analyze(new FileContext('src/debug.ts', text), { rules: [rule] }).findings.map((f) => f.messageId);

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

describe('logs/file-logging: temporary captures', () => {
  test('valid: captured to a temporary file, zipped for download, then the folder removed', () => {
    const text = code(...CAPTURE, 'export async function stop(session) {', '  archive.file(session.logFile, { name: "ui.log" });', '  await archive.finalize();', '  await rm(captureDir, { recursive: true, force: true });', '}');
    assert.deepEqual(ids(text), []);
  });
  test('valid: the file itself deleted after it is read back', () => {
    const text = code(...CAPTURE, 'export async function stop() {', '  const data = await readFile(logFile);', '  await rm(logFile);', '  return data;', '}');
    assert.deepEqual(ids(text), []);
  });
  test('invalid: a log file truncated at start-up (deleted, never read back)', () => {
    assert.deepEqual(ids(code(...CAPTURE, 'export async function reset(logFile) { await rm(logFile); }')), ['winstonFile']);
  });
  test('invalid: a log file read back but never deleted (a "view logs" page)', () => {
    assert.deepEqual(ids(code(...CAPTURE, "app.get('/logs', (req, res) => res.sendFile(logFile));")), ['winstonFile']);
  });
  test('invalid: rotation deletes old files listed in the folder, not the path it writes', () => {
    const text = code(...CAPTURE, 'export async function prune() {', '  for (const f of await readdir(captureDir)) await rm(join(captureDir, f));', "  res.download('x.zip');", '}');
    assert.deepEqual(ids(text), ['winstonFile']);
  });
});
