import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { WELL_KNOWN_CREDENTIALS } from '../../../../core/src/secrets/wellKnown';
import { loadGo } from '../../go-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);

// Thirteenth held-out audit set (Python and Go applications, audit/README.md "Held-out 13, Python and Go"): each
// valid case was a false positive on a real application, as the smallest code that shows it; made-up values throughout.

// OAuth's registered URNs (RFC 8693 token types, RFC 8628's grant type) as constants of an identity provider: names of
// kinds of tokens, not tokens.
const URNS = (value: string) => `package oauth2\n\nconst (\n\tTokenTypeAccess = "${value}"\n\tGrantTypeTokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange"\n)\n`;
new RuleTester({ filename: '/ws/server/oauth2/oauth2.go' }).run(rule, {
  valid: [
    { name: 'an RFC 8693 token type', code: URNS('urn:ietf:params:oauth:token-type:access_token') },
    { name: 'a JWT token type', code: URNS('urn:ietf:params:oauth:token-type:jwt') },
  ],
  invalid: [
    { name: 'a token under the same name', code: URNS('kJ8sQ2vX9mZ4pL7wR3nTq5Yb'), errors: [{ messageId: 'named', line: 4 }] },
  ],
});

// An identity provider's development config: a static client's secret is base64 of a stand-in (`example-app-secret`).
const CLIENTS = (secret: string) => `issuer: http://127.0.0.1:5556/dex\nstaticClients:\n  - id: example-app\n    name: 'Example App'\n    secret: ${secret}\n`;
new RuleTester({ filename: '/ws/config.dev.yaml' }).run(rule, {
  valid: [
    { name: 'base64 of example-app-secret', code: CLIENTS(Buffer.from('example-app-secret').toString('base64')) },
  ],
  invalid: [
    { name: 'base64 of random bytes', code: CLIENTS('kJ8sQ2vX9mZ4pL7wR3nTq5Yb'), errors: [{ messageId: 'named', line: 5 }] },
    { name: 'base64 of a real-looking passphrase', code: CLIENTS(Buffer.from('Tr0ub4dor&3horse').toString('base64')), errors: [{ messageId: 'named', line: 5 }] },
  ],
});

// MinIO's public playground login (play.min.io), which minio-go's README gives every reader (plik's vendored copy of
// it): a published constant, never reported; the same shape with another value still is.
const [PLAY] = WELL_KNOWN_CREDENTIALS.filter((c) => c.what.includes('play.min.io')).map((c) => c.value);
const MINIO = (secret: string) => `func main() {\n\tendpoint := "play.min.io"\n\taccessKeyID := "Q3AM3UQ867SPQQA43P2F"\n\tsecretAccessKey := "${secret}"\n\t_ = endpoint\n}\n`;
new RuleTester({ filename: '/ws/vendor/github.com/minio/minio-go/v7/README.md' }).run(rule, {
  valid: [
    { name: "MinIO's playground secret in a vendored README", code: '```go\n' + MINIO(PLAY) + '```\n' },
    { name: "MinIO's playground secret in Go code", filename: '/ws/storage/minio.go', code: 'package storage\n\n' + MINIO(PLAY) },
  ],
  invalid: [
    {
      name: 'another secret of the same shape',
      code: '```go\n' + MINIO(PLAY.slice(0, -6) + 'Qx7Rk2') + '```\n',
      errors: [{ messageId: 'provider', line: 5 }],
      output: null,
    },
  ],
});
