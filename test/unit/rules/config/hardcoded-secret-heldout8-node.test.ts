import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

// Eighth held-out audit set (Node applications, audit/README.md "Held-out 8, Node"): each valid case was a false
// positive on a real application, as the smallest code that shows it; made-up values throughout.

const SECRET = fake('Vq3nR8kT2w', 'Lp5xZ9mB4c');

// A Helm chart's values name Kubernetes Secrets by their object names: the registry login a pod pulls its image
// with, and the certificate an Ingress serves.
new RuleTester({ filename: '/ws/values-prod.yaml' }).run(rule, {
  valid: [
    { name: 'imagePullSecrets names a Secret', code: 'deployment:\n  image:\n    repository: example/app\n  imagePullSecrets: acme-registry\n' },
    { name: 'ingress tls.secret names a Secret', code: 'ingress:\n  domain: app.example.com\n  tls:\n    enabled: true\n    secret: acme-app-sandbox\n' },
    { name: 'a list of tls entries names Secrets', code: 'ingress:\n  tls:\n    - hosts: [app.example.com]\n      secret: acme-app-certificate\n' },
  ],
  invalid: [
    {
      name: 'a secret outside a tls map is a value',
      code: `turn:\n  enabled: true\n  secret: ${SECRET}\n`,
      errors: [{ messageId: 'named', line: 3 }],
      output: null,
    },
    {
      name: 'under tls, a value that is no object name is still a secret',
      code: `ingress:\n  tls:\n    secret: ${SECRET}X/+=\n`,
      errors: [{ messageId: 'named', line: 3 }],
      output: null,
    },
    {
      name: 'a pull secret written in full is a secret',
      code: `registry:\n  pullSecretPassword: ${SECRET}\n`,
      errors: [{ messageId: 'named', line: 2 }],
      output: null,
    },
  ],
});
