import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Audit, applications in other formats (audit/README.md): a service deployed to Kubernetes sets its variables
// on the container in its manifests (GoogleCloudPlatform/kubernetes-engine-samples' agent sandbox), not in
// .env.example. Those are declared, like a compose file's `environment:`.
const EXAMPLE = { '/ws/.env.example': 'PROJECT_ID=\n' };
const READ = 'import os\nns = os.environ.get("SANDBOX_NAMESPACE", "agent-sandbox")\nmetric = os.environ["METRIC_TYPE"]\n';
const DEPLOYMENT = [
  'apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '        - name: dispatcher',
  '          env:', '            - name: SANDBOX_NAMESPACE', '              value: agent-sandbox', '            - name: METRIC_TYPE',
  '              valueFrom:', '                configMapKeyRef: {name: settings, key: metric}', '',
].join('\n');

new RuleTester({ filename: '/ws/src/dispatcher/main.py' }).run(rule, {
  valid: [
    { name: 'set by a Deployment\'s env list', code: READ, files: { ...EXAMPLE, '/ws/deploy/base/dispatcher.yaml': DEPLOYMENT } },
    {
      name: 'set by a kustomize patch (flow form) and a ConfigMap\'s data',
      code: READ,
      files: {
        ...EXAMPLE,
        '/ws/k8s/overlays/prod/kustomization.yaml': 'patches:\n  - patch: |-\n      - op: add\n        value: {name: SANDBOX_NAMESPACE, value: prod}\n',
        '/ws/k8s/base/config.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata:\n  METRIC_TYPE: depth\n  # LOG_LEVEL: debug\n',
      },
    },
    { name: 'set by a Helm chart\'s env map', code: READ, files: { ...EXAMPLE, '/ws/charts/app/values.yaml': 'image: app\nenv:\n  SANDBOX_NAMESPACE: agent-sandbox\n  METRIC_TYPE: depth\n' } },
  ],
  invalid: [
    {
      name: 'a container name or a port name is no variable; a manifest outside the deployment folders declares nothing',
      code: READ,
      files: { ...EXAMPLE, '/ws/deploy/base/dispatcher.yaml': DEPLOYMENT.replace('SANDBOX_NAMESPACE', 'sandbox-namespace'), '/ws/src/fixtures/metric.yaml': 'env:\n  - name: METRIC_TYPE\n' },
      errors: [['undeclared', 2, 'SANDBOX_NAMESPACE']],
      output: null,
    },
  ],
});
