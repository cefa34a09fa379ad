import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

/** A fallback the rule must still report, and the read its fix leaves. */
const stillCounts = (name: string, env: string, value: string) => ({
  name: `${name} still counts`,
  code: `export const v = process.env.${env} || '${value}';\n`,
  errors: [{ messageId: 'fallback', line: 1 }],
  output: `export const v = process.env.${env};\n`,
});

// Third held-out audit set (audit/README.md, "Held-out 3 (Node)"): defaults of settings that hold no secret, and a
// value saying the server checks no key. Each valid case was a false positive on a real application.
new RuleTester({ filename: '/ws/server/utils/providers.js' }).run(rule, {
  valid: [
    { name: "the model chosen, after the kind of setting (anything-llm's *_MODEL_PREF)", code: "export const m = process.env.ANTHROPIC_MODEL_PREF || 'claude-sonnet-4-6';\n" },
    { name: 'a default model', code: "export const m = process.env.EMBEDDING_MODEL_DEFAULT || 'text-embedding-3-small';\n" },
    { name: 'an address is where a bus is reached', code: "export const a = process.env.DBUS_SESSION_BUS_ADDRESS || 'unix:path=/run/user/1000/bus';\n" },
    { name: 'a key the local server does not check', code: "export const c = { apiKey: settings.OPENAI_API_KEY || 'sk-local-no-key-required' };\n" },
    { name: 'a key that is not needed', code: "export const k = process.env.LMSTUDIO_API_KEY || 'lm-studio-not-needed';\n" },
    {
      name: "an OpenAPI description's request samples (anything-llm's swagger/openapi.json)",
      filename: '/ws/server/swagger/openapi.json',
      code: '{\n  "openapi": "3.0.0",\n  "paths": { "/login": { "example": { "password": "hunter2", "token": "1234567890" } } }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a random-looking password in an OpenAPI description still counts',
      filename: '/ws/server/swagger/openapi.json',
      code: '{\n  "openapi": "3.0.0",\n  "x-db": { "password": "q8Zr2vLp4Kx9Tm3Wb7Yc" }\n}\n',
      errors: [{ messageId: 'named', line: 3 }],
      output: null,
    },
    stillCounts('a random value under a preference that names no kind of setting', 'VENDOR_PREF', 'q8Zr2vLp4Kx9Tm3Wb7Yc'),
    stillCounts('a real-looking key with "required" inside', 'OPENAI_API_KEY', 'sk-required-Q7vT2mX9pL4wR8zN'),
  ],
});

// Held-out 3 (Node), the last false positives with a general rule: an instruction on the value's own line, a
// seeding script's user password, test data and test machines.
new RuleTester({ filename: '/ws/k8s/manifest.yaml' }).run(rule, {
  valid: [
    { name: 'a value its line says to replace (anything-llm)', code: 'env:\n  - name: JWT_SECRET\n    value: "my-random-string-for-seeding" # Please generate random string at least 12 chars long.\n' },
    { name: "a seeding script's user password (cypress-realworld-app)", filename: '/ws/.env', code: 'SEED_DEFAULT_USER_PASSWORD=s3cret\n' },
    { name: "a NixOS test VM's database password (spacebarchat)", filename: '/ws/nix/testVm/postgres.nix', code: 'services.postgresql.initialScript = "CREATE ROLE spacebar WITH LOGIN PASSWORD \'q8Zr2vLp4\';";\n' },
    { name: "Go's testdata folder", filename: '/ws/internal/auth/testdata/config.yaml', code: 'api_token: q8Zr2vLp4Kx9Wm3T\n' },
  ],
  invalid: [
    { name: 'a comment that says something else keeps the finding', code: 'env:\n  - name: JWT_SECRET\n    value: "q8Zr2vLp4Kx9Wm3T" # rotated monthly\n', errors: [{ messageId: 'named', line: 3 }] },
    { name: 'a folder that only contains the word keeps the finding', filename: '/ws/src/latestdata/config.yaml', code: 'api_token: q8Zr2vLp4Kx9Wm3T\n', errors: [{ messageId: 'named', line: 1 }] },
  ],
});
