import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

// A false positive the held-out 4 triage left (audit/README.md, "Held-out 4, the false positives left"): each
// valid case is the shape of one, in made-up code; each invalid case is its near miss, still reported.

const RANDOM = fake('Zq8xK2pL', 'm4nBv7Rt1Wy9');
const HEX = fake('4f0c9a1e7b2d58c3', 'a6e9f1b0d4c7a2e58');
const WEBHOOK_SECRET = fake('whsec_', '6c1f0e9d8b7a65432', '10fedcba98765432a');

// Component demos (`demos/` beside a component, as documentation tools keep them) and a developer environment's
// definition (devenv's `devenv.nix`, `shell.nix`) show or set up the developer's machine: only real-looking values count.
new RuleTester({ filename: '/ws/src/components/form/demos/edit-user.tsx' }).run(rule, {
  valid: [
    { name: "a demo's mocked user record", code: "mock.onGet('/users:get').reply(200, { data: { id: 1, nickname: 'Ann', password: '123456' } });\n" },
    { name: "devenv's database URL to localhost", filename: '/ws/devenv.nix', code: '{ pkgs, ... }: {\n  env = {\n    DATABASE_URL = "postgresql://postgres:localpw@localhost:5432/app";\n  };\n}\n' },
    { name: "nix-shell's database URL", filename: '/ws/shell.nix', code: 'pkgs.mkShell {\n  DATABASE_URL = "postgres://dev:localpw@localhost/app";\n}\n' },
  ],
  invalid: [
    {
      name: 'a random-looking key in a demo still counts',
      code: `const client = { apiKey: '${RANDOM}' };\n`,
      errors: [{ messageId: 'named', line: 1 }],
      output: 'const client = { apiKey: process.env.CLIENT_API_KEY };\n',
    },
    {
      name: 'a nix file that is no developer environment',
      filename: '/ws/nix/module.nix',
      code: 'services.app.environment = {\n  DATABASE_URL = "postgresql://app:localpw@db.internal:5432/app";\n};\n',
      errors: [{ messageId: 'provider', line: 2 }],
      output: null,
    },
  ],
});

// Development scripts (`scripts/dev/`, `dev-scripts/`) fill sample payloads with made-up tokens: judged as test code.
new RuleTester({ filename: '/ws/apps/web/scripts/dev/send-sample-order.ts' }).run(rule, {
  valid: [
    { name: "a sample order's checkout token", code: `const order = { confirmation_number: 'WQ0Y32', checkout_token: '${HEX}' };\n` },
    { name: 'a dev-scripts folder', filename: '/ws/dev-scripts/seed.js', code: `const admin = { email: 'a@example.test', password: '${RANDOM}' };\n` },
  ],
  invalid: [
    {
      name: 'a provider key in a development script is still a leak',
      code: `const hook = { secret: "${WEBHOOK_SECRET}" };\n`,
      errors: [{ messageId: 'provider', line: 1, severity: 'error' }],
      output: 'const hook = { secret: process.env.HOOK_SECRET };\n',
    },
    {
      name: 'a script named dev beside the app is not the folder',
      filename: '/ws/apps/web/scripts/devices.ts',
      code: `const cfg = { checkout_token: '${HEX}' };\n`,
      errors: [{ messageId: 'named', line: 1 }],
      output: 'const cfg = { checkout_token: process.env.CHECKOUT_TOKEN };\n',
    },
  ],
});
