import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import jwt from 'jsonwebtoken';
import { signWebhookBody } from '../auth';

// Key used only by these tests.
const TEST_SIGNING_KEY = 'unit-Tw3lve-jwt-s1gning-k3y-5e0f';

test('a token signed with the test key verifies and keeps its subject', () => {
  const token = jwt.sign({ sub: 'user-1', role: 'user' }, TEST_SIGNING_KEY, { expiresIn: '1m' });
  const decoded = jwt.verify(token, TEST_SIGNING_KEY) as jwt.JwtPayload;
  assert.equal(decoded.sub, 'user-1');
  assert.equal(decoded.role, 'user');
});

test('a token signed with another key is rejected', () => {
  const token = jwt.sign({ sub: 'user-1' }, randomBytes(32).toString('hex'));
  assert.throws(() => jwt.verify(token, TEST_SIGNING_KEY), jwt.JsonWebTokenError);
});

test('webhook signatures are hex-encoded SHA-256', () => {
  assert.match(signWebhookBody('{"orderId":"o-1"}'), /^[0-9a-f]{64}$/);
});

test('webhook signatures depend on the body', () => {
  assert.notEqual(signWebhookBody('{"orderId":"o-1"}'), signWebhookBody('{"orderId":"o-2"}'));
});
