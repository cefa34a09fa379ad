import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Ninth held-out audit set (Python and Go applications, audit/README.md "Held-out 9, Python and Go"): each valid
// case was a false positive on a real application, as the smallest code that shows it; made-up values throughout.

// PowerShell's `${env:Name}` reads an environment variable whose name may hold parentheses; it writes no default.
const PS1 = (line: string) => `$paths = @(\n    "${line}\\beszel-agent\\beszel-agent.exe"\n)\n`;
new RuleTester({ filename: '/ws/supplemental/scripts/install-agent.ps1' }).run(rule, {
  valid: [
    { name: '${env:ProgramFiles(x86)}', code: PS1('${env:ProgramFiles(x86)}') },
    { name: 'the scope in another case, ${Env:…}', code: PS1('${Env:ProgramFiles(x86)}') },
  ],
  invalid: [
    { name: "Spring's default after a property name is still one", filename: '/ws/src/main/resources/application.properties', code: 'jwt.secret=${JWT_SECRET:kJ8sQ2vX9mZ4pL7wR3nT}\n', errors: [{ messageId: 'fallback', line: 1 }] },
  ],
});

// The settings of a token type named for a password (`daypassword.hashlib`, `daypassword.timeStep`) fall back to an
// algorithm's name and a duration: neither is a secret.
const DEFAULTS = (value: string) => `export const hashlib = process.env.DAYPASSWORD_HASHLIB || '${value}';\n`;
const FIXED = 'export const hashlib = process.env.DAYPASSWORD_HASHLIB;\n';
new RuleTester({ filename: '/ws/app/static/components/directives.js' }).run(rule, {
  valid: [
    { name: 'a hash algorithm', code: DEFAULTS('sha1') },
    { name: 'another one', code: DEFAULTS('sha512') },
    { name: 'a duration', code: DEFAULTS('24h') },
  ],
  invalid: [
    { name: 'a word that only starts like an algorithm', code: DEFAULTS('sha1Xk9Qz7Lm'), errors: [{ messageId: 'fallback', line: 1 }], output: FIXED },
    { name: 'a number with a unit and more', code: DEFAULTS('24hQz7LmX9'), errors: [{ messageId: 'fallback', line: 1 }], output: FIXED },
  ],
});

// setup.cfg's entry points name a plugin and where its class is (`pkg.module:Class`): the plugin's name may hold "token".
const ENTRY = (value: string) => `[options.entry_points]\nckan.plugins =\n    expire_api_token = ${value}\n`;
new RuleTester({ filename: '/ws/setup.cfg' }).run(rule, {
  valid: [
    { name: 'an entry point object reference', code: ENTRY('ext.expire_api_token.plugin:ExpireApiTokenPlugin') },
  ],
  invalid: [
    { name: 'a random value under the same name', code: ENTRY('kJ8sQ2vX9mZ4pL7wR3nT'), errors: [{ messageId: 'named', line: 3 }] },
  ],
});

// Held-out 9 (privacyidea's tools/privacyidea-migrate-linotp.py): the example configuration a tool prints for its
// user, kept under a name that says so, shows database logins the user replaces: information. The same string under
// another name, or a provider's own key format under the sample's name, is judged as usual.
const EXAMPLE_CONFIG = (name: string) => `${name} = """{\n    "SQL": {\n        "LINOTP_URI": "mysql+pymysql://linotp:Zr8qT2vX6mK4@db.internal/linotp2"\n    }\n}"""\n`;
new RuleTester({ filename: '/ws/tools/migrate.py' }).run(rule, {
  valid: [],
  invalid: [
    { name: 'a connection string in an EXAMPLE_ constant is information', code: EXAMPLE_CONFIG('EXAMPLE_CONFIG_FILE'), errors: [{ messageId: 'provider', line: 3, severity: 'info' }], output: null },
    { name: 'the same string under another name is an error', code: EXAMPLE_CONFIG('CONFIG_FILE'), errors: [{ messageId: 'provider', line: 3, severity: 'error' }], output: null },
    { name: 'JavaScript: a sample URL constant is information', filename: '/ws/tools/migrate.js', code: "const sampleUrl = 'postgres://app:Zr8qT2vX6mK4@db.internal/app';\n", errors: [{ messageId: 'provider', line: 1, severity: 'info' }], output: "const sampleUrl = process.env.SAMPLE_URL;\n" },
  ],
});
