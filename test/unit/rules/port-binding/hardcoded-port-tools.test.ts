import { rule } from '../../../../core/src/rules/port-binding/hardcoded-port';
import { RuleTester } from '../ruleTester';

// Listeners whose fixed port is by design (audit/README.md, "Held-out 4, the false positives left"): the
// loopback listener a command-line tool opens for an OAuth redirect (the redirect URI registered with the
// provider names the port) and closes once it has served, and a listener that only answers probes.
const CALLBACK = (close: string) => `import * as http from 'http';\n\nexport function waitForCode(onCode) {\n  const server = http.createServer((req, res) => {\n    onCode(new URL(req.url, 'http://localhost').searchParams.get('code'));\n    res.end('You can close this window.');\n    ${close}\n  });\n  server.listen(4587);\n}\n`;
const PROBE = (routes: string) => `import express from 'express';\nconst app = express();\n${routes}\napp.listen(8081);\n`;

new RuleTester({ filename: '/ws/packages/cli/src/api/callback.ts' }).run(rule, {
  valid: [
    { name: "an OAuth redirect listener that closes itself once it has served", code: CALLBACK('server.close();\n    process.exit(0);') },
    { name: 'a listener that only answers probes', filename: '/ws/src/health.ts', code: PROBE("app.get('/healthz', (req, res) => res.send('ok'));\napp.get('/ping', (req, res) => res.send('pong'));") },
  ],
  invalid: [
    {
      name: 'a server that keeps serving',
      code: CALLBACK('// next request'),
      errors: [{ messageId: 'literal', line: 9 }],
      output: CALLBACK('// next request').replace('server.listen(4587);', 'server.listen(process.env.PORT ?? 4587);'),
    },
    {
      name: "a service's route that closes the server (an admin shutdown) is still a service's",
      code: "import express from 'express';\nconst app = express();\nconst server = app.listen(4587);\napp.post('/shutdown', () => server.close());\n",
      errors: [{ messageId: 'literal', line: 3 }],
      output: "import express from 'express';\nconst app = express();\nconst server = app.listen(process.env.PORT ?? 4587);\napp.post('/shutdown', () => server.close());\n",
    },
    {
      name: 'a probe beside an API route',
      filename: '/ws/src/health.ts',
      code: PROBE("app.get('/healthz', (req, res) => res.send('ok'));\napp.get('/api/items', list);"),
      errors: [{ messageId: 'literal', line: 5 }],
      output: PROBE("app.get('/healthz', (req, res) => res.send('ok'));\napp.get('/api/items', list);").replace('app.listen(8081)', 'app.listen(process.env.PORT ?? 8081)'),
    },
  ],
});

// Held-out 11 (emailengine's test-token script): the same listener written as one chain.
const CHAINED = (close: string) => `const http = require('http');\n\nfunction waitForCode(onCode) {\n  const server = http\n    .createServer((req, res) => {\n      onCode(new URL(req.url, 'http://127.0.0.1:3000').searchParams.get('code'));\n      ${close}\n    })\n    .listen(3000, '127.0.0.1');\n}\n`;
new RuleTester({ filename: '/ws/src/auth/callback.js' }).run(rule, {
  valid: [{ name: 'a chained redirect listener whose handler closes it', code: CHAINED('server.close();') }],
  invalid: [
    {
      name: 'a chained server that keeps serving',
      code: CHAINED('res.end();'),
      errors: [{ messageId: 'literal', line: 9 }],
      output: CHAINED('res.end();').replace(".listen(3000, '127.0.0.1')", ".listen(Number(process.env.PORT ?? 3000), '127.0.0.1')"),
    },
  ],
});

// Held-out 15 (caprover's installer): a server that answers every request alike tests that the port is reachable;
// the port is the one under test. One that reads its request serves something.
new RuleTester({ filename: '/ws/src/utils/installer.ts' }).run(rule, {
  valid: [{ name: 'a firewall probe on port 443', code: "import * as http from 'http';\nhttp.createServer((req, res) => {\n  res.writeHead(200);\n  res.end('passed');\n}).listen(443);\n" }],
  invalid: [
    {
      name: 'a server whose answer depends on the request',
      code: "import * as http from 'http';\nhttp.createServer((req, res) => {\n  res.writeHead(200);\n  res.end(req.url);\n}).listen(443);\n",
      errors: [{ messageId: 'literal', line: 5 }],
      output: "import * as http from 'http';\nhttp.createServer((req, res) => {\n  res.writeHead(200);\n  res.end(req.url);\n}).listen(process.env.PORT ?? 443);\n",
    },
  ],
});
