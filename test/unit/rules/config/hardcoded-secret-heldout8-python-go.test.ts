import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Eighth held-out audit set (Python and Go applications, audit/README.md "Held-out 8, Python and Go"): each valid
// case was a false positive on a real application, as the smallest code that shows it; made-up values throughout.

// A compose snippet's admin login defaults to "password" in leetspeak: as weak as the word, a sample to replace.
const COMPOSE = (value: string) => `services:\n  server:\n    environment:\n      ADMIN_PASSWORD: \${ADMIN_PASSWORD:-${value}}\n`;
new RuleTester({ filename: '/ws/deployment/compose/server/base.yml' }).run(rule, {
  valid: [
    { name: 'a leetspeak "password" as a default', code: COMPOSE('p455w0rd') },
    { name: 'another spelling of it', code: COMPOSE('P@ssw0rd') },
  ],
  invalid: [
    { name: 'a leetspeak word with more after it is judged as a password', code: COMPOSE('p455w0rdQ8zK2mVx'), errors: [{ messageId: 'fallback', line: 4 }] },
    { name: 'a random default', code: COMPOSE('kJ8sQ2vX9mZ4pL7w'), errors: [{ messageId: 'fallback', line: 4 }] },
    { name: 'a leetspeak word that is not "password"', code: COMPOSE('dr4g0nfly77'), errors: [{ messageId: 'fallback', line: 4 }] },
  ],
});
