import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/concurrency/pid-file';
import { summary } from '../fixtures/workspace/harness';

const RULE = 'concurrency/pid-file';
const FILE = '/ws/src/server.js';

const invalid: Array<[string, string, Array<[string, number, string]>]> = [
  ['writeFileSync .pid', "const fs = require('fs');\nfs.writeFileSync('/var/run/app.pid', String(process.pid));\n", [['pidFile', 2, 'writeFileSync']]],
  ['pid path from a constant name', "import { writeFileSync } from 'node:fs';\nwriteFileSync(PID_FILE, `${process.pid}`);\n", [['pidFile', 2, 'writeFileSync']]],
  ['process.pid written anywhere', "import fs from 'node:fs/promises';\nawait fs.writeFile(path.join(runDir, 'server.lock'), process.pid.toString());\n", [['pidFile', 2, 'writeFile']]],
  ['npid', "const npid = require('npid');\nnpid.create('/var/run/app.pid');\n", [['pidFile', 2, 'create']]],
  ['daemon package', "require('daemon')();\napp.listen(3000);\n", [['daemonize', 1, "require('daemon')"]]],
  ['daemonize2', "const daemon = require('daemonize2').setup({ main: 'app.js', name: 'app', pidfile: 'app.pid' });\ndaemon.start();\n", [['daemonize', 1, 'setup']]],
  ['re-spawning itself detached', "import { spawn } from 'child_process';\nif (!process.env.DAEMON) {\n  const child = spawn(process.execPath, process.argv.slice(1), { detached: true, stdio: 'ignore', env: { ...process.env, DAEMON: '1' } });\n  child.unref();\n  process.exit(0);\n}\n",
    [['daemonize', 3, 'spawn']]],
];

const valid: Array<[string, string]> = [
  ['a log line that mentions the pid', "fs.appendFileSync('app.log', `started ${process.pid}\\n`);\nconsole.log(`pid ${process.pid}`);\n"],
  ['a file named after the process', "fs.writeFileSync(`/tmp/worker-${process.pid}.log`, data);\nfs.writeFileSync(rapidFile, data);\n"],
  ['reading a pid file (a supervisor script)', "const pid = Number(fs.readFileSync('app.pid', 'utf8'));\n"],
  ['detached child that is not itself', "import { spawn } from 'child_process';\nconst child = spawn('ffmpeg', args, { detached: true });\nchild.unref();\nprocess.exit(0);\n"],
  ['spawning itself without detaching (cluster-like)', "import { spawn } from 'child_process';\nspawn(process.execPath, [__filename, 'worker'], { stdio: 'inherit' });\nprocess.exit(0);\n"],
];

describe(`${RULE}`, () => {
  for (const [name, code, expected] of invalid) test(`invalid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), expected));
  for (const [name, code] of valid) test(`valid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), []));
});
