import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { declarationsFor } from '../../core/src/env/complete';
import { analyze } from '../../core/src/engine';
import type { EditFix } from '../../core/src/fixes/types';
import { mapHost } from '../../core/src/host';
import { formatReport } from '../../core/src/report';
import { rules } from '../../core/src/rules';
import { rule as invalidValue } from '../../core/src/rules/env/invalid-value';
import type { Finding } from '../../core/src/types';
import { fake } from './helpers';

// Findings of the audit of the env checks: secrets echoed in messages, URL passwords shown by
// env/invalid-value (values cut by an unquoted `#` and URLs without a scheme: test/unit/rules/env/).

const ENV_RULES = rules.filter((r) => r.meta.id.startsWith('env/'));

function analyzeEnv(text: string, files: Record<string, string> = {}, file = '/p/.env', only = ENV_RULES) {
  const config = defaultConfig();
  // Opt-in rules too: every env message template is exercised.
  for (const r of only) config.rules[r.meta.id] = 'warning';
  const result = analyze(new FileContext(file, text, { gitIgnored: true }), { config, rules: only, host: mapHost(files, '/p'), relativePath: '.env' });
  return { findings: result.findings, fixes: result.fixes as Map<Finding, EditFix[]> };
}

// Fake credentials, assembled at run time (helpers.fake) so the repository holds no key literal.
const RANDOM = 'Zq8xK2pLm4Vb7Nc1Rt5Wy9Ha3Jd6Fg0Ks2Lp';
const SECRETS = {
  github: fake('gh', 'p_', RANDOM),
  github2: fake('gh', 'p_', [...RANDOM].reverse().join('')),
  stripe: fake('sk', '_live_', RANDOM.slice(0, 24)),
  stripe2: fake('sk', '_live_', RANDOM.slice(8, 32)),
  aws: fake('AK', 'IA', 'Q7XZ4M2KP9RT3VWB'),
  slack: fake('xo', 'xb-', '1234567890-', RANDOM.slice(0, 24)),
  base64: fake('w9Jal', 'rXUtnF7EMI/K7MD+ENG/bPxRf2iCYq8xK2pLm4'),
  password: fake('Zq8x', '/K2pLm'),
  lowerToken: fake('a94a8fe5ccb1', '9ba61c4c0873d391e987982fbbd3'),
};

/** A .env file of pasted secrets in the shapes a hurried paste leaves. */
const PASTED = [
  SECRETS.github,
  `STRIPE_KEY ${SECRETS.stripe}`,
  `STRIPE_KEY2:${SECRETS.stripe2}`,
  `${SECRETS.aws}=1`,
  `${SECRETS.aws}=2`,
  `export ${SECRETS.slack}`,
  `  ${SECRETS.base64}`,
  `${SECRETS.password}=x y`,
  `"${SECRETS.password}"`,
  `${SECRETS.lowerToken}="quoted"`,
  `A=\${${SECRETS.github2}`,
  `${SECRETS.github2}=\${B}`,
  `B=\${${SECRETS.github2}}`,
  `*${SECRETS.stripe}=1`,
  `${SECRETS.lowerToken} # a comment`,
  'Z=1',
  '',
  '',
  `token.${SECRETS.github} `,
].join('\n');

const SCHEMA = `allowUnknown: false
variables:
  STRIPE_KEY: { type: string, required: true }
  ${SECRETS.aws}: { type: integer, max: 0 }
`;

/** Every window of 12 characters of each secret, lower-cased: a partial or re-cased echo is a leak too. */
function leaksIn(shown: string): string[] {
  const lower = shown.toLowerCase();
  const found: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    const s = secret.toLowerCase();
    const window = Math.min(12, s.length);
    for (let i = 0; i + window <= s.length; i++) {
      if (lower.includes(s.slice(i, i + window))) {
        found.push(`${name} (${s.slice(i, i + window)})`);
        break;
      }
    }
  }
  return found;
}

describe('env rules never echo a secret', () => {
  const files = { '/p/.env.schema.yaml': SCHEMA };
  const { findings, fixes } = analyzeEnv(`${PASTED}\n`, files);

  test('the pasted file is reported by the checks that echo keys', () => {
    const ids = new Set(findings.map((f) => `${f.ruleId}:${f.messageId}`));
    for (const id of ['env/syntax:LowercaseKey', 'env/syntax:KeyWithoutValue', 'env/syntax:IncorrectDelimiter', 'env/syntax:LeadingCharacter',
      'env/syntax:SubstitutionKey', 'env/syntax:SubstitutionCycle', 'env/duplicate-key:DuplicatedKey', 'env/unknown-key:unknown',
      'env/unordered-key:UnorderedKey', 'env/invalid-value:range']) {
      assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
    }
  });

  test('no message, data field or fix title holds a secret', () => {
    for (const f of findings) {
      const shown = [f.message, JSON.stringify(f.data), ...(fixes.get(f) ?? []).map((x) => x.title)].join('\n');
      assert.deepEqual(leaksIn(shown), [], `${f.ruleId}/${f.messageId}: ${shown}`);
    }
  });

  test('no JSON, SARIF or text report holds a secret', () => {
    const result = { root: '/p', findings, filesScanned: 1, skipped: [], rules: ENV_RULES.map((r) => r.meta), version: '0.0.0' };
    for (const format of ['json', 'sarif', 'text'] as const) assert.deepEqual(leaksIn(formatReport(result, format)), [], format);
  });

  test('a key that is a secret is offered no rename (its edit would write the secret again)', () => {
    const renames = findings.filter((f) => ['LowercaseKey', 'IncorrectDelimiter', 'LeadingCharacter'].includes(f.messageId) && (fixes.get(f) ?? []).length > 0);
    assert.deepEqual(renames.map((f) => [f.messageId, f.range.start.line + 1]), [['LeadingCharacter', 7]]);
  });

  test('a pasted token on a line of its own is offered no `=` (it would become a variable name)', () => {
    const line1 = findings.find((f) => f.messageId === 'KeyWithoutValue' && f.range.start.line === 0);
    assert.ok(line1);
    assert.deepEqual(fixes.get(line1) ?? [], []);
    const { findings: plain, fixes: plainFixes } = analyzeEnv('LOG_LEVEL\n');
    const ok = plain.find((f) => f.messageId === 'KeyWithoutValue');
    assert.equal(ok && plainFixes.get(ok)?.[0]?.id, 'env-add-equals');
  });

  test('a name before a pasted value is still shown, the value redacted', () => {
    const line2 = findings.find((f) => f.messageId === 'KeyWithoutValue' && f.range.start.line === 1);
    assert.ok(line2?.data.key.startsWith('STRIPE_KEY '), line2?.data.key);
    const line3 = findings.find((f) => f.messageId === 'KeyWithoutValue' && f.range.start.line === 2);
    assert.ok(line3?.data.key.startsWith('STRIPE_KEY2:'), line3?.data.key);
  });

  test('ordinary keys, short and long, are shown as written', () => {
    const { findings: plain } = analyzeEnv('database_url=x\nNEXT_PUBLIC_SUPABASE_ANON_KEY=1\nNEXT_PUBLIC_SUPABASE_ANON_KEY=2\nhttp2-port=1\n');
    const keys = plain.filter((f) => f.data.key !== undefined).map((f) => f.data.key);
    assert.ok(keys.includes('database_url'));
    assert.ok(keys.includes('NEXT_PUBLIC_SUPABASE_ANON_KEY'));
    assert.ok(keys.includes('http2-port'));
  });
});

describe('env/invalid-value hides URL credentials', () => {
  const run = (schema: string, text: string) => analyzeEnv(text, { '/p/.env.schema.yaml': `variables:\n${schema}` }, '/p/.env', [invalidValue]).findings;

  test('a password with `/` in a redis URL', () => {
    const found = run('  REDIS_URL: { type: url }\n', 'REDIS_URL=redis://default:Zq8x/K2pLm@cache.prod:6379\n');
    assert.deepEqual(found.map((f) => f.messageId), ['type']);
    assert.ok(!found[0].message.includes('Zq8x') && !JSON.stringify(found[0].data).includes('Zq8x'), found[0].message);
    assert.ok(found[0].data.found.includes('cache.prod'), found[0].data.found);
  });

  test('a password cut at `#` by dotenv', () => {
    const found = run('  DATABASE_URL: { type: url, protocols: [postgres] }\n', 'DATABASE_URL=postgres://app:Zq8x#K2pLm@db.prod:5432/app\n');
    assert.equal(found.length, 1);
    assert.ok(!found[0].message.includes('Zq8x') && !JSON.stringify(found[0].data).includes('Zq8x'), found[0].message);
  });

  test('a value of a sensitive name is redacted whole, even when it is a plain URL', () => {
    const found = run('  API_TOKEN: { type: url }\n', 'API_TOKEN=cache.prod/some/path\n');
    assert.deepEqual(found.map((f) => f.messageId), ['type']);
    assert.ok(!found[0].message.includes('cache.prod'), found[0].message);
  });

  test('a random token in a value under a harmless name is redacted', () => {
    const found = run('  SETTINGS: { type: json }\n', `SETTINGS={"key": "${SECRETS.stripe}"\n`);
    assert.deepEqual(found.map((f) => f.messageId), ['type']);
    assert.deepEqual(leaksIn(found[0].message), []);
  });

  test('the editor\'s hover hides a URL password with `/` too', () => {
    const host = mapHost({ '/p/.env.schema.yaml': 'variables:\n  REDIS_URL: { type: url }\n', '/p/.env': 'REDIS_URL=redis://default:Zq8x/K2pLm@cache.prod:6379\n' }, '/p');
    const d = declarationsFor('/p/src/a.ts', host).get('REDIS_URL');
    assert.ok(d?.value);
    assert.ok(!d.value.display.includes('Zq8x'), d.value.display);
  });
});
