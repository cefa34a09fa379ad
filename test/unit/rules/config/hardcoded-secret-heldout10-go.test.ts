import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Tenth held-out audit set (Go applications, audit/README.md "Held-out 10, Go"): each valid case was a false
// positive on a real application, as the smallest code that shows it; made-up values throughout.

// An INI file shipped as the default configuration: a language model's output limit under a provider's prefix
// (`anthropic_max_tokens`) and how long a token lives (`token_expired_time`) are a count and a duration.
const INI = (section: string, line: string) => `[${section}]\n# a comment\n${line}\n`;
new RuleTester({ filename: '/ws/conf/app.ini' }).run(rule, {
  valid: [
    { name: "a provider's maximum output tokens", code: INI('llm', 'anthropic_max_tokens = 1024') },
    { name: 'a compatible provider the same', code: INI('llm', 'anthropic_compatible_max_tokens = 1024') },
    { name: 'a minimum the same', code: INI('llm', 'openai_min_tokens = 1024') },
    { name: "a token's lifetime", code: INI('security', 'token_expired_time = 2592000') },
    { name: "a reset token's lifetime", code: INI('security', 'password_reset_token_expired_time = 3600') },
  ],
  invalid: [
    { name: 'the signing key beside them', code: INI('security', 'secret_key = kJ8sQ2vX9mZ4pL7wR3nT'), errors: [{ messageId: 'named', line: 3 }] },
    { name: "a provider's key", code: INI('llm', 'anthropic_api_key = kJ8sQ2vX9mZ4pL7wR3nT'), errors: [{ messageId: 'named', line: 3 }] },
    { name: 'an API token list stays a secret', code: INI('llm', 'anthropic_tokens = kJ8sQ2vX9mZ4pL7wR3nT'), errors: [{ messageId: 'named', line: 3 }] },
  ],
});
