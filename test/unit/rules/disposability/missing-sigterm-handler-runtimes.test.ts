import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { RuleTester } from '../ruleTester';

// Held-out 9 (openstatus, stop 28): the Deno and Bun runtimes start servers through globals no import names
// (`Deno.serve(…)`, `Bun.serve(…)`). Each is a server a deploy's SIGTERM cuts, unless the program listens for the
// signal (`process.on`, or Deno's own `Deno.addSignalListener`). A local object of the same name is not the runtime.
const SHUTDOWN = (close: string, typed: boolean) => [
  '',
  '',
  '// Graceful shutdown: stop taking work, finish what is in flight, then exit.',
  `const shutdown = (${typed ? 'signal: NodeJS.Signals' : 'signal'}) => {`,
  '  console.info(`${signal} received: shutting down`);',
  `  ${close}.then(`,
  '    () => { process.exitCode = 0; },',
  `    (${typed ? 'error: unknown' : 'error'}) => { console.error(error); process.exitCode = 1; },`,
  '  );',
  '  setTimeout(() => process.exit(1), 10_000).unref();',
  '};',
  "process.once('SIGTERM', shutdown);",
  "process.once('SIGINT', shutdown);",
].join('\n');

new RuleTester({ filename: '/ws/apps/server/src/serve.ts' }).run(rule, {
  valid: [
    { name: 'Deno.serve with a Deno signal listener', code: "const server = Deno.serve({ port }, app.fetch);\nDeno.addSignalListener('SIGTERM', () => server.shutdown());\n" },
    { name: 'Bun.serve with process.on', code: "const server = Bun.serve({ port, fetch: app.fetch });\nprocess.on('SIGTERM', () => server.stop());\n" },
    { name: 'a local object named Deno is not the runtime', code: "import { Deno } from './fake-runtime';\nDeno.serve({ port }, app.fetch);\n" },
    { name: 'a serve method of another object', code: 'const files = serveStatic(root);\nfiles.serve(request);\n' },
    { name: 'test code starts servers to test them', filename: '/ws/apps/server/src/serve.test.ts', code: 'Deno.serve({ port: 0 }, app.fetch);\n' },
  ],
  invalid: [
    {
      name: 'Deno.serve, value thrown away: the fix binds it as server and shuts it down',
      code: 'Deno.serve({ port }, app.fetch);\n',
      errors: [{ messageId: 'missing', line: 1, data: { label: 'Deno.serve', what: 'Deno server' } }],
      output: `const server = Deno.serve({ port }, app.fetch);${SHUTDOWN('server.shutdown()', true)}\n`,
    },
    {
      name: 'Bun.serve bound: the fix stops it by its name',
      filename: '/ws/src/index.js',
      code: 'const app = Bun.serve({ port: 3000, fetch: handle });\n',
      errors: [{ messageId: 'missing', line: 1, data: { label: 'Bun.serve', what: 'Bun server' } }],
      output: `const app = Bun.serve({ port: 3000, fetch: handle });${SHUTDOWN('Promise.resolve(app.stop())', false)}\n`,
    },
    {
      name: 'a SIGINT listener alone does not answer SIGTERM',
      code: "Deno.addSignalListener('SIGINT', () => Deno.exit());\nDeno.serve({ port }, app.fetch);\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: `Deno.addSignalListener('SIGINT', () => Deno.exit());\nconst server = Deno.serve({ port }, app.fetch);${SHUTDOWN('server.shutdown()', true)}\n`,
    },
  ],
});
