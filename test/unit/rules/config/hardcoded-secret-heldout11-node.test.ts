import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Held-out 11, Node (audit/README.md). A test runner's configuration starts the app for the tests and hands it
// stand-in secrets (inbox-zero's playwright.config.mjs): the test run's values, judged like test code.
const RUNNER = "export default { webServer: { env: { AUTH_SECRET: process.env.AUTH_SECRET ?? 'q8Zr2vLp4Kx9Tn', EMAIL_ENCRYPT_SECRET: process.env.EMAIL_ENCRYPT_SECRET ?? 'pl4ywr1ght-t0ken' } } };\n";

new RuleTester({ filename: '/ws/apps/web/playwright.config.mjs' }).run(rule, {
  valid: [
    { name: 'playwright.config.mjs', code: RUNNER },
    { name: 'a second Playwright project config', filename: '/ws/apps/web/playwright.smoke.config.ts', code: RUNNER },
    { name: 'vitest.config.ts', filename: '/ws/vitest.config.ts', code: RUNNER },
    { name: 'jest.config.js', filename: '/ws/packages/api/jest.config.js', code: RUNNER },
    { name: "karma's karma.conf.js", filename: '/ws/karma.conf.js', code: RUNNER },
  ],
  invalid: [
    {
      name: 'the app configuration beside it still counts',
      filename: '/ws/apps/web/app.config.mjs',
      code: RUNNER,
      errors: [{ messageId: 'fallback', line: 1 }, { messageId: 'fallback', line: 1 }],
      output: "export default { webServer: { env: { AUTH_SECRET: process.env.AUTH_SECRET, EMAIL_ENCRYPT_SECRET: process.env.EMAIL_ENCRYPT_SECRET } } };\n",
    },
    {
      name: 'a module merely named after the runner is not its configuration',
      filename: '/ws/src/playwright-runner.ts',
      code: RUNNER,
      errors: [{ messageId: 'fallback', line: 1 }, { messageId: 'fallback', line: 1 }],
      output: "export default { webServer: { env: { AUTH_SECRET: process.env.AUTH_SECRET, EMAIL_ENCRYPT_SECRET: process.env.EMAIL_ENCRYPT_SECRET } } };\n",
    },
  ],
});
