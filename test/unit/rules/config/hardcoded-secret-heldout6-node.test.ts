import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksMinified } from '../../../../core/src/fileKinds';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Sixth held-out audit set (audit/README.md, "Held-out 6, Node"): values that are no credential under a
// secret's name, and files that hold none. Each valid case was a false positive on a real application; each
// invalid case is its near miss.
new RuleTester({ filename: '/ws/apps/web/lib/billing.ts' }).run(rule, {
  valid: [
    { name: 'a default that says no key is set, after the name of what is missing', code: 'const cacheKey = hashString(env.STRIPE_SECRET_KEY ?? "stripe-unconfigured");\n' },
    { name: 'the hex digits counted twice as a build-time key', code: 'const encryptionKey = "0123456789abcdef0123456789abcdef";\n' },
    {
      name: 'a node-config default that calls itself an insecure password',
      filename: '/ws/config/default.yaml',
      code: 'auth:\n  cookiePassword: WOW-ANOTHER-INSECURE-PASSWORD!!!\n  hashingPassword: WOW-ANOTHER-MORE-INSECURE-PASSWORD!!!\n',
    },
    { name: "the logins a test helper module creates", filename: '/ws/src/backend/testUtil.ts', code: "export const TEST_ADMIN = { username: 'admin', password: 'q8Zr2vLp4Kx9Tm3W' };\n" },
    { name: 'the users a fixtures module loads', filename: '/ws/packages/data/db/fixtures.ts', code: "await User.create({ email: 'admin@foo.com', password: 'AhGGr6rhu45' });\n" },
    { name: 'a vitest set-up file written in camel case', filename: '/ws/apps/web/vitestSetup.ts', code: "vi.mock('@/lib/constants', () => ({ GITHUB_SECRET: 'test-githubID', AZUREAD_CLIENT_SECRET: 'q8Zr2vLp4Kx9' }));\n" },
    {
      name: "the compose stack of a test suite, in a folder named for its tests",
      filename: '/ws/deploy/docker-compose-tests/pytest/docker-compose.yml',
      code: 'services:\n  app:\n    environment:\n      - APP_JWT_SECRET=2f75a9c1e8b34d6f90a7c5e2b1d8f4a6\n',
    },
    { name: 'an OAuth test server for the security scans', filename: '/ws/infosec-scan/oauth2-test-server/oauth/model.js', code: "const config = { clientId: 'application', clientSecret: '2e85f1a9c7b3d6e4f0a2b8c5' };\n" },
  ],
  invalid: [
    {
      name: 'an unconfigured default that is more than one word before it is still reported',
      code: 'const key = process.env.STRIPE_SECRET_KEY || "q8Zr2vLp4Kx9-unconfigured-key";\n',
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'const key = process.env.STRIPE_SECRET_KEY;\n',
    },
    {
      name: 'a counting run with a random tail is a key',
      code: 'const encryptionKey = "0123456789abq8Zr2vLp4Kx9Tm3Wb7Yc";\n',
      errors: [{ messageId: 'named', line: 1 }],
      output: 'const encryptionKey = process.env.ENCRYPTION_KEY;\n',
    },
    {
      name: 'a generated key that starts with the word insecure is a key',
      filename: '/ws/config/default.yaml',
      code: 'auth:\n  cookiePassword: insecure-q8Zr2vLp4Kx9Tm3Wb7Yc5Hn1\n',
      errors: [{ messageId: 'named', line: 2 }],
    },
    {
      name: 'the same logins in a module not named for tests',
      filename: '/ws/src/backend/users.ts',
      code: "export const ADMIN = { username: 'admin', password: 'q8Zr2vLp4Kx9Tm3W' };\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: "export const ADMIN = { username: 'admin', password: process.env.ADMIN_PASSWORD };\n",
    },
    {
      name: 'a folder whose name only contains the letters of test is code',
      filename: '/ws/services/contest-server/config.js',
      code: "const config = { clientSecret: '2e85f1a9c7b3d6e4f0a2b8c5' };\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: 'const config = { clientSecret: process.env.CLIENT_SECRET };\n',
    },
  ],
});

// A bundler's small chunk (Monaco's Monarch grammars, `bat-C397hTD6.js`: one line of 1.8 KiB) is as minified as a
// large bundle: its `token:` values are scope names (`keyword.$0`), and names in a bundle are not judged.
const MONARCH = `define("vs/bat-C397hTD6",["exports"],(function(e){"use strict";const o={tokenizer:{root:[${'[/\\\\b(call|echo|goto)\\\\b/,{token:"keyword.$0"}],'.repeat(24)}[/@\\\\w+/,{token:"@rematch"}]]}};e.language=o}));`;
describe('config/hardcoded-secret: small minified chunks', () => {
  test('a one-line script over 1 KiB is minified', () => {
    assert.ok(MONARCH.length > 1024 && MONARCH.length < 4096);
    assert.equal(looksMinified('/ws/public/monaco/bat-C397hTD6.js', MONARCH), true);
  });
  test('a small script of short lines, or a one-line file that is not a script, is not', () => {
    assert.equal(looksMinified('/ws/src/config.js', MONARCH.replace(/\],\[/g, '],\n[')), false);
    assert.equal(looksMinified('/ws/config/credentials.json', `{"private_key_id":"${'a'.repeat(1500)}"}`), false);
    assert.equal(looksMinified('/ws/src/short.js', 'const token = "q8Zr2vLp4Kx9Tm3W";'), false);
  });
});
new RuleTester({ filename: '/ws/packages/server/public/monaco/bat-C397hTD6.js' }).run(rule, {
  valid: [{ name: "a Monarch grammar chunk's token scopes", code: MONARCH }],
  invalid: [
    {
      name: 'the same token in a short script is judged',
      filename: '/ws/src/tokens.js',
      code: 'const cfg = { token: "q8Zr2vLp4Kx9Tm3Wb7Yc" };\n',
      errors: [{ messageId: 'named', line: 1 }],
      output: 'const cfg = { token: process.env.CFG_TOKEN };\n',
    },
  ],
});
