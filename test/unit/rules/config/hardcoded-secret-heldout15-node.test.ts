import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Held-out 15, Node (audit/README.md). rap2-delos' production config falls back to the mailbox it sends from
// (`MAIL_USER ?? '…@service.…'`): an email address, whose digits and length made it look random, is no secret.
// A random default under the same name is still one.
new RuleTester({ filename: '/ws/src/config/config.prod.ts' }).run(rule, {
  valid: [
    { name: 'a mailbox as the mail account default', code: "export const mail = { user: process.env.MAIL_USER ?? 'notify2org@mail.zentrix-corp.com' };\n" },
    { name: 'a mailbox as the sender default', code: "export const sender = process.env.MAIL_SENDER || 'rap4team+alerts@notify.acme-corp.io';\n" },
  ],
  invalid: [
    {
      name: 'a random default under the same name',
      code: "export const mail = { user: process.env.MAIL_USER ?? 'q7Rz2Kp9XwL4mVb8Nc3T' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: "export const mail = { user: process.env.MAIL_USER };\n",
    },
  ],
});
