import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { RuleTester } from '../ruleTester';

// Retired code (audit, held-out 6 and 9: maxun's legacy/server/worker.ts, ArchiveBox's old/ gist): a root folder
// named for code kept after it stopped running, named by no deployment file, starts no process of the app's.
const SERVER = "const express = require('express');\nconst app = express();\n\napp.listen(process.env.PORT);\n";
const SHUTDOWN = "const server = app.listen(process.env.PORT);\n\n// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.\nconst shutdown = (signal) => {\n  console.info(`${signal} received: closing the server`);\n  server.close((error) => {\n    if (error) console.error(error);\n    process.exitCode = error ? 1 : 0;\n  });\n  // Keep-alive connections must not hold the process past the grace period.\n  setTimeout(() => process.exit(1), 10_000).unref();\n};\nprocess.once('SIGTERM', shutdown);\nprocess.once('SIGINT', shutdown);";

new RuleTester({ filename: '/ws/legacy/server/worker.js' }).run(rule, {
  valid: [
    { name: 'a server under legacy/ at the root', code: SERVER },
    { name: 'a server under old/ at the root', filename: '/ws/old/app.js', code: SERVER },
  ],
  invalid: [
    {
      name: 'a server under legacy/ that the Procfile starts',
      filename: '/ws/legacy/server.js',
      files: { '/ws/Procfile': 'web: node legacy/server.js\n' },
      code: SERVER,
      errors: [{ messageId: 'missing', line: 4 }],
      output: SERVER.replace('app.listen(process.env.PORT);', SHUTDOWN),
    },
    {
      name: 'a legacy/ folder inside the app is its code',
      filename: '/ws/src/legacy/server.js',
      code: SERVER,
      errors: [{ messageId: 'missing', line: 4 }],
      output: SERVER.replace('app.listen(process.env.PORT);', SHUTDOWN),
    },
  ],
});

// Held-out 11 (leon's `old-server.js` beside the `http-server.ts` that replaced it): a copy kept aside under a name that
// marks it old, which no module imports and no manifest or deployment file names.
const ENTRY = "import { HttpServer } from './http-server';\nprocess.on('SIGTERM', () => process.exit(0));\nnew HttpServer().init();\n";
new RuleTester({ filename: '/ws/server/src/http-server/old-server.js' }).run(rule, {
  valid: [
    { name: 'an old copy nothing imports', code: SERVER, files: { '/ws/server/src/index.ts': ENTRY, '/ws/package.json': '{"main":"server/dist/index.js"}' } },
    { name: 'a .old suffix', filename: '/ws/src/server.old.js', code: SERVER, files: { '/ws/src/index.js': "require('./server');\n" } },
  ],
  invalid: [
    {
      name: 'an old copy a module still imports',
      code: SERVER,
      files: { '/ws/server/src/index.ts': "import './http-server/old-server';\n" },
      errors: [{ messageId: 'missing', line: 4 }],
      output: SERVER.replace('app.listen(process.env.PORT);', SHUTDOWN),
    },
    {
      name: "an old copy the package's scripts start",
      code: SERVER,
      files: { '/ws/package.json': '{"scripts":{"start":"node server/src/http-server/old-server.js"}}' },
      errors: [{ messageId: 'missing', line: 4 }],
      output: SERVER.replace('app.listen(process.env.PORT);', SHUTDOWN),
    },
    {
      name: 'a name with old inside a word',
      filename: '/ws/src/holder.js',
      code: SERVER,
      errors: [{ messageId: 'missing', line: 4 }],
      output: SERVER.replace('app.listen(process.env.PORT);', SHUTDOWN),
    },
  ],
});
