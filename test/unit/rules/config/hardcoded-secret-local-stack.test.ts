import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { mapHost } from '../../../../core/src/host';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';

// Held-out 12 (oauth2-proxy's `contrib/local-environment`, grafana/oncall's `dev/`): a local development or demo stack
// (a folder named for one, holding a compose file of local services or a kind cluster) mounts configuration files
// with the logins of the throwaway containers it starts (dex, keycloak). Judged like test code; a provider's key
// format and a private key are still reported.

const RANDOM = fake('OQINaROshtE9', 'TcZkNAm5Zs2Pv3xaWytBkWeMM+SVp3A=');
const KEY_BODY = fake('kZ3EowIBAAKCAQEAx7Kq9mR2vL8pW4nT6yB3cF1hJ5dG0sAq8vN2xLp4Rt7Wy1Kd9FzQ3mZ6hJ0sB5c', '\nA8eG2iU4oW7yKx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7yZq8vN2xLp4Rt7Wy1Kd9FxQ');
const STRIPE = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');
const PROXY_CFG = (secret: string) => `http_address="0.0.0.0:4180"\ncookie_secret="${secret}"\nclient_secret="${secret}"\n`;
const LOCAL_COMPOSE = 'services:\n  proxy:\n    image: example/proxy\n    volumes:\n      - "./proxy.cfg:/proxy.cfg"\n  dex:\n    image: ghcr.io/dexidp/dex:v2.45.1\n';
const LOCALHOST_COMPOSE = 'services:\n  app:\n    image: example/app\n    environment:\n      APP_URL: http://localhost:8080\n';
const PROD_COMPOSE = 'services:\n  app:\n    image: example/app\n    environment:\n      APP_URL: https://app.example.com\n';
const KIND = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n';

function findings(file: string, text: string, files: Record<string, string>): string[] {
  const host = mapHost({ ...files, [file]: text }, '/ws');
  return analyze(new FileContext(file, text), { config: defaultConfig(), rules: [rule], host, relativePath: file.slice(4) }).findings.map((f) => f.messageId);
}

test('valid: the configuration a local stack\'s compose file mounts holds its containers\' logins', () => {
  const stack = { '/ws/contrib/local-environment/docker-compose.yaml': LOCAL_COMPOSE };
  assert.deepEqual(findings('/ws/contrib/local-environment/proxy.cfg', PROXY_CFG(RANDOM), stack), []);
  // Nested below the stack's folder (the users a local keycloak imports, a kind cluster's chart values).
  assert.deepEqual(findings('/ws/contrib/local-environment/keycloak/users.json', `{ "credentials": [{ "type": "password", "secret": "${RANDOM}" }] }\n`, stack), []);
  assert.deepEqual(findings('/ws/contrib/local-environment/proxy.cfg', PROXY_CFG(RANDOM), { '/ws/contrib/local-environment/compose.yml': LOCALHOST_COMPOSE }), [], 'a compose file that names localhost');
});

test('valid: a development folder with a kind cluster is a local stack', () => {
  assert.deepEqual(findings('/ws/dev/.env.dev.example', `SECRET_KEY=${RANDOM}\n`, { '/ws/dev/kind.yml': KIND }), []);
});

test('invalid: the same files outside a local stack are reported', () => {
  assert.deepEqual(findings('/ws/contrib/local-environment/proxy.cfg', PROXY_CFG(RANDOM), {}), ['named', 'named'], 'no compose file');
  assert.deepEqual(findings('/ws/contrib/environment/proxy.cfg', PROXY_CFG(RANDOM), { '/ws/contrib/environment/docker-compose.yaml': LOCAL_COMPOSE }), ['named', 'named'], 'a folder not named for a local stack');
  assert.deepEqual(findings('/ws/local/proxy.cfg', PROXY_CFG(RANDOM), { '/ws/local/docker-compose.yaml': PROD_COMPOSE }), ['named', 'named'], 'services that are not local');
  assert.deepEqual(findings('/ws/local/proxy.cfg', PROXY_CFG(RANDOM), { '/ws/local/docker-compose.prod.yaml': LOCALHOST_COMPOSE }), ['named', 'named'], 'a production compose file');
  assert.deepEqual(findings('/ws/deploy/local/proxy.cfg', PROXY_CFG(RANDOM), { '/ws/deploy/local/docker-compose.yaml': LOCAL_COMPOSE }), ['named', 'named'], 'under deploy/');
  assert.deepEqual(findings('/ws/dev/.env.dev.example', `SECRET_KEY=${RANDOM}\n`, { '/ws/dev/kind.yml': 'kind: Deployment\n' }), ['named'], 'no kind cluster');
});

test('invalid: a provider-format key or a private key in a local stack is still a leak', () => {
  const stack = { '/ws/contrib/local-environment/docker-compose.yaml': LOCAL_COMPOSE };
  assert.deepEqual(findings('/ws/contrib/local-environment/app.env', `STRIPE_KEY=${STRIPE}\n`, stack), ['provider']);
  const pem = `${fake('-----BEGIN RSA ', 'PRIVATE KEY-----')}\n${KEY_BODY}\n${fake('-----END RSA ', 'PRIVATE KEY-----')}`;
  assert.deepEqual(findings('/ws/contrib/local-environment/sign.js', `const pem = \`${pem}\`;\n`, stack), ['provider']);
});
