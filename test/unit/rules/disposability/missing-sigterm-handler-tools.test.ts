import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Listeners that are no service of the app's (audit/README.md, "Held-out 4, the false positives left"): one
// that only answers the platform's probes beside a worker, and one a command-line tool opens for an OAuth
// redirect and closes once it has served. Neither has requests in flight for a deploy to cut.
const PROBE = "const express = require('express');\nconst app = express();\nconst port = process.env.WORKER_PORT || 5566;\n\napp.get('/healthz', (req, res) => {\n  res.status(200).send('OK');\n});\n\napp.listen(port);\n";
const CALLBACK = (close: string) => `import * as http from 'http';\n\nexport function waitForCode(onCode) {\n  const server = http.createServer((req, res) => {\n    onCode(new URL(req.url, 'http://localhost').searchParams.get('code'));\n    res.end('You can close this window.');\n    ${close}\n  });\n  server.listen(4587);\n}\n`;

new RuleTester({ filename: '/ws/docker/worker/healthcheck/healthcheck.js' }).run(rule, {
  valid: [
    { name: 'a listener that only answers a health probe', code: PROBE },
    { name: 'probes on several paths', code: PROBE.replace("app.get('/healthz'", "app.get('/readyz', ok);\napp.get('/livez'") },
    { name: "a command-line tool's OAuth redirect listener that closes itself", filename: '/ws/packages/cli/src/callback.ts', code: CALLBACK('server.close();') },
  ],
  invalid: [
    {
      name: 'a probe beside a route of the app is a service',
      code: PROBE.replace('\napp.listen(port);', "app.post('/jobs', enqueue);\n\napp.listen(port);"),
      errors: [{ messageId: 'missing', line: 10 }],
      output: PROBE.replace('\napp.listen(port);', "app.post('/jobs', enqueue);\n\nconst server = app.listen(port);\n\n// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.\nconst shutdown = (signal) => {\n  console.info(`${signal} received: closing the server`);\n  server.close((error) => {\n    if (error) console.error(error);\n    process.exitCode = error ? 1 : 0;\n  });\n  // Keep-alive connections must not hold the process past the grace period.\n  setTimeout(() => process.exit(1), 10_000).unref();\n};\nprocess.once('SIGTERM', shutdown);\nprocess.once('SIGINT', shutdown);"),
    },
    {
      name: 'an app handed to another module may serve anything',
      code: PROBE.replace('\napp.listen(port);', "require('./routes')(app);\n\napp.listen(port);"),
      errors: [{ messageId: 'missing', line: 10 }],
      output: PROBE.replace('\napp.listen(port);', "require('./routes')(app);\n\nconst server = app.listen(port);\n\n// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.\nconst shutdown = (signal) => {\n  console.info(`${signal} received: closing the server`);\n  server.close((error) => {\n    if (error) console.error(error);\n    process.exitCode = error ? 1 : 0;\n  });\n  // Keep-alive connections must not hold the process past the grace period.\n  setTimeout(() => process.exit(1), 10_000).unref();\n};\nprocess.once('SIGTERM', shutdown);\nprocess.once('SIGINT', shutdown);"),
    },
    {
      name: 'a server whose handler never closes it',
      filename: '/ws/packages/cli/src/callback.ts',
      code: CALLBACK('// keeps serving'),
      errors: [{ messageId: 'missing', line: 9 }],
      output: CALLBACK('// keeps serving').replace('server.listen(4587);', "server.listen(4587);\n\n  // Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.\n  const shutdown = (signal: NodeJS.Signals) => {\n    console.info(`${signal} received: closing the server`);\n    server.close((error?: Error) => {\n      if (error) console.error(error);\n      process.exitCode = error ? 1 : 0;\n    });\n    // Keep-alive connections must not hold the process past the grace period.\n    setTimeout(() => process.exit(1), 10_000).unref();\n  };\n  process.once('SIGTERM', shutdown);\n  process.once('SIGINT', shutdown);"),
    },
  ],
});

// Python: a loop that polls one operation until its result says it is done (a psycopg2 asynchronous
// connection's `poll()`, as a subprocess's) is a wait inside a call, not a worker's main loop.
const WAIT = (test: string) => `import select\nimport psycopg2\n\n\ndef _wait(conn, timeout=None):\n    while 1:\n        state = conn.poll()\n        ${test}\n            break\n        elif state == psycopg2.extensions.POLL_WRITE:\n            select.select([], [conn.fileno()], [], timeout)\n`;
new RuleTester({ filename: '/ws/app/query_runner/pg.py' }).run(rule, {
  valid: [
    { name: "a loop that breaks when the connection's poll says done", code: WAIT('if state == psycopg2.extensions.POLL_OK:') },
    { name: 'a loop that breaks when the poll returns nothing', code: WAIT('if not state:') },
  ],
  invalid: [
    {
      name: "a consumer that breaks on a stop flag, not on the poll's result",
      code: WAIT('if stopping:'),
      errors: [{ messageId: 'pyMissing', line: 6 }],
      output: 'import select\nimport psycopg2\nimport signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\ndef _wait(conn, timeout=None):\n    while 1:\n        state = conn.poll()\n        if stopping:\n            break\n        elif state == psycopg2.extensions.POLL_WRITE:\n            select.select([], [conn.fileno()], [], timeout)\n',
    },
  ],
});

// Held-out 11 (inbox-zero's setup wizard, mirotalksfu's bindable check): a port probe listens and closes at once.
const PROBE_SHUTDOWN = "\n\n    // Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.\n    const shutdown = (signal: NodeJS.Signals) => {\n      console.info(`${signal} received: closing the server`);\n      server.close((error?: Error) => {\n        if (error) console.error(error);\n        process.exitCode = error ? 1 : 0;\n      });\n      // Keep-alive connections must not hold the process past the grace period.\n      setTimeout(() => process.exit(1), 10_000).unref();\n    };\n    process.once('SIGTERM', shutdown);\n    process.once('SIGINT', shutdown);";
const PORT_PROBE = (listen: string) => `import net from 'node:net';\n\nexport function isPortFree(port: number): Promise<boolean> {\n  return new Promise((resolve) => {\n    const server = net.createServer();\n    server.once('error', () => resolve(false));\n${listen}\n  });\n}\n`;
new RuleTester({ filename: '/ws/packages/cli/src/setup-ports.ts' }).run(rule, {
  valid: [
    { name: 'the listen callback closes the server', code: PORT_PROBE("    server.listen({ host: '127.0.0.1', port }, () => {\n      server.close(() => resolve(true));\n    });") },
    { name: "a 'listening' handler closes the server", code: PORT_PROBE("    server.once('listening', () => {\n      server.close();\n      resolve(true);\n    });\n    server.listen(port);") },
  ],
  invalid: [
    {
      name: 'a listen callback that only logs keeps serving',
      code: PORT_PROBE("    server.listen(port, () => console.log('listening'));"),
      errors: [{ messageId: 'missing', line: 7 }],
      output: PORT_PROBE(`    server.listen(port, () => console.log('listening'));${PROBE_SHUTDOWN}`),
    },
    {
      name: "a 'listening' handler of another server does not count",
      code: PORT_PROBE("    other.once('listening', () => other.close());\n    server.listen(port);"),
      errors: [{ messageId: 'missing', line: 8 }],
      output: PORT_PROBE(`    other.once('listening', () => other.close());\n    server.listen(port);${PROBE_SHUTDOWN}`),
    },
  ],
});

// Held-out 11 (emailengine's test-token script): the OAuth redirect listener written as one chain, the name bound to
// what `listen` returns and closed by the handler the server was made with.
const CHAINED = (close: string) => `const http = require('http');\n\nfunction waitForCode(onCode) {\n  const server = http\n    .createServer((req, res) => {\n      onCode(new URL(req.url, 'http://127.0.0.1:3000').searchParams.get('code'));\n      res.end('You can close this window.');\n      ${close}\n    })\n    .listen(3000, '127.0.0.1');\n}\n`;
new RuleTester({ filename: '/ws/src/auth/callback.js' }).run(rule, {
  valid: [
    { name: 'a chained redirect listener whose handler closes it', code: CHAINED('server.close();') },
  ],
  invalid: [
    {
      name: 'a chained server whose handler closes another server',
      code: CHAINED('other.close();'),
      errors: [{ messageId: 'missing', line: 10 }],
      output: CHAINED('other.close();').replace(".listen(3000, '127.0.0.1');", ".listen(3000, '127.0.0.1');\n\n  // Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.\n  const shutdown = (signal) => {\n    console.info(`${signal} received: closing the server`);\n    server.close((error) => {\n      if (error) console.error(error);\n      process.exitCode = error ? 1 : 0;\n    });\n    // Keep-alive connections must not hold the process past the grace period.\n    setTimeout(() => process.exit(1), 10_000).unref();\n  };\n  process.once('SIGTERM', shutdown);\n  process.once('SIGINT', shutdown);"),
    },
  ],
});

// Held-out 15 (caprover's installer): bare servers whose handler gives every request the same answer, started to
// test that the firewall lets ports 80 and 443 through. Nothing reads the request: no service runs there.
const ALIKE = (body: string) => `const http = require('http');\n\nhttp.createServer(function (req, res) {\n${body}\n}).listen(80);\n`;
const ANSWER = "  res.writeHead(200, { 'Content-Type': 'text/plain' });\n  res.write(PASSED);\n  res.end();";
new RuleTester({ filename: '/ws/src/utils/installer.js' }).run(rule, {
  valid: [
    { name: 'a server that answers every request alike', code: ALIKE(ANSWER) },
    { name: 'the same as an arrow with an expression body', code: "const http = require('http');\nhttp.createServer((req, res) => res.end('ok')).listen(80);\n" },
  ],
  invalid: [
    ...[
      ['that reads the request', "  res.writeHead(200);\n  res.end(req.url);"],
      ['that hands the request on', "  res.statusCode = 200;\n  route(req, res);"],
    ].map(([what, body]) => ({
      name: `a server ${what}`,
      code: ALIKE(body),
      errors: [{ messageId: 'missing', line: 6 }],
      output: `${ALIKE(body).replace('http.createServer', 'const server = http.createServer')}\n// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.\nconst shutdown = (signal) => {\n  console.info(\`\${signal} received: closing the server\`);\n  server.close((error) => {\n    if (error) console.error(error);\n    process.exitCode = error ? 1 : 0;\n  });\n  // Keep-alive connections must not hold the process past the grace period.\n  setTimeout(() => process.exit(1), 10_000).unref();\n};\nprocess.once('SIGTERM', shutdown);\nprocess.once('SIGINT', shutdown);\n`,
    })),
  ],
});
