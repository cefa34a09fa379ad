// A project for comparing the scan in worker threads with the scan in one thread (`--concurrency`): JS and TS,
// .env, YAML, Python and Go, with the program rules' cross-module cases (a SIGTERM handler in another module, a
// session store built in another module), files the scan skips, and enough files that every worker gets several
// batches. Made-up code in the shapes the rules read.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SESSION_APP = "import express from 'express';\nimport session from 'express-session';\nimport { store } from './store';\nconst app = express();\napp.use(session({ store, secret: process.env.SESSION_SECRET }));\napp.listen(process.env.PORT);\n";
const PY_WORKER = (imports: string) => `import redis\n${imports}\nr = redis.Redis()\nwhile True:\n    job = r.blpop("jobs")\n    handle(job)\n`;
const PY_SIGNALS = 'import signal\nimport sys\n\n\ndef _stop(signum, frame):\n    sys.exit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop)\n';

/** The project's files, relative paths to text; `fillers` small modules besides (every 7th holds a secret). */
export function parallelFixture(fillers = 90): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '4', 'express-session': '1', redis: '4' } }),
    'package-lock.json': '{}',
    '.env': 'PORT=3000\nSESSION_SECRET=k8Jd92hsQ0pLz7Xv4nB1mR6tY3wE5uI0\n',
    '.env.example': 'PORT=\nSESSION_SECRET=\n',
    'config/app.yaml': 'server:\n  port: 8080\ndatabase:\n  url: postgres://shop:Xy7pQ2rT9vLm4kW8@db.internal:5432/shop\n',
    // A SIGTERM handler in another module: the entry that imports it is fine, the other entry is not.
    'src/server.js': "const express = require('express');\nrequire('./shutdown');\nconst app = express();\napp.listen(process.env.PORT);\n",
    'src/shutdown.js': "process.on('SIGTERM', () => process.exit(0));\n",
    'src/admin.js': "const express = require('express');\nconst admin = express();\nadmin.listen(process.env.ADMIN_PORT);\n",
    // A session store built in another module.
    'src/store.ts': "import session from 'express-session';\nexport const store = new session.MemoryStore();\n",
    'src/app.ts': SESSION_APP,
    'src/db.ts': "export const dbPassword = 's3cr3t-Pa55-w0rd';\n",
    'src/vendor.min.js': `var a=${'1+'.repeat(3000)}1;`,
    // Python: a worker whose SIGTERM handler is in an imported module, and one without.
    'jobs/worker.py': PY_WORKER('import signals\n'),
    'jobs/signals.py': PY_SIGNALS,
    'jobs/cleanup.py': PY_WORKER(''),
    'jobs/settings.py': 'API_TOKEN = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"\n',
    // Go: a main package whose SIGTERM registration is in another file of the package.
    'svc/go.mod': 'module example.com/shop/svc\n\ngo 1.22\n',
    'svc/main.go': 'package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\t_ = http.ListenAndServe(os.Getenv("ADDR"), nil)\n}\n',
    'svc/signals.go': 'package main\n\nimport (\n\t"os"\n\t"os/signal"\n\t"syscall"\n)\n\nfunc init() {\n\tsignal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)\n}\n',
    'svc/config.go': 'package main\n\nvar dbPassword = "hK8s9dJ2mQ7xZ4pL"\n',
    'tool/go.mod': 'module example.com/shop/tool\n\ngo 1.22\n',
    'tool/main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\t_ = http.ListenAndServe(":8081", nil)\n}\n',
  };
  for (let i = 0; i < fillers; i++) {
    const name = `src/lib/part${String(i).padStart(3, '0')}.${i % 2 ? 'ts' : 'js'}`;
    files[name] = i % 7 === 3
      ? `export const apiKey${i} = 'sk_live_${String(i).padStart(4, '0')}aB3dE5fG7hJ9kL1mN3pQ';\n`
      : `export function part${i}(n) {\n  return n * ${i} + Number(process.env.FACTOR_${i} ?? 1);\n}\n`;
  }
  return files;
}

export function writeFixture(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}
