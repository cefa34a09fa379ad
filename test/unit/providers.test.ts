import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SecretProvider } from '../../core/src/secrets/provider';
import { providers } from '../../core/src/secrets/providers';
import { ALNUM, B64, HEX, rnd } from '../../core/src/secrets/providers/util';
import { findProviderSecrets } from '../../core/src/secrets/scan';

// Split so that the source holds no PEM armour line.
const PEM_BEGIN = '-----BEGIN ' + 'PRIVATE KEY-----';
const describe = (text: string) => JSON.stringify(text.length > 160 ? text.slice(0, 160) + '…' : text);
const found = (text: string) => findProviderSecrets(text).map((m) => `${m.provider.id}: ${describe(m.secret)}`);

test('there are at least 60 providers', () => {
  assert.ok(providers.length >= 60, `only ${providers.length} providers`);
});

test('provider ids are unique and kebab-case', () => {
  const seen = new Set<string>();
  for (const p of providers) {
    assert.match(p.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `id ${p.id} is not kebab-case`);
    assert.ok(!seen.has(p.id), `duplicate id ${p.id}`);
    seen.add(p.id);
    assert.ok(p.name.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.envName), `${p.id}: name/envName`);
  }
});

test('every provider has at least two true and two false positives', () => {
  for (const p of providers) {
    assert.ok(p.tps.length >= 2, `${p.id} has ${p.tps.length} tps`);
    assert.ok(p.fps.length >= 2, `${p.id} has ${p.fps.length} fps`);
  }
});

test('patterns are global; keywords are lower-case, selective literals', () => {
  // Words present in most source files: as keywords they would send every file to the pattern.
  const tooCommon = new Set(['key', 'token', 'secret', 'password', 'pass', 'api', 'auth', 'sk', 'pk', 'bot', 'pat', 'http', 'https']);
  for (const p of providers) {
    assert.ok(p.pattern.flags.includes('g'), `${p.id}: pattern lacks the g flag`);
    assert.ok(p.keywords.length > 0, `${p.id}: no keywords`);
    for (const k of p.keywords) {
      assert.equal(k, k.toLowerCase(), `${p.id}: keyword ${k} is not lower-case`);
      assert.ok(k.length >= 2, `${p.id}: keyword ${k} is too short to be selective`);
      assert.ok(!tooCommon.has(k), `${p.id}: keyword ${k} is too common`);
    }
  }
});

test('each provider matches its own true positives with a keyword inside the match', () => {
  for (const p of providers) {
    for (const tp of p.tps) {
      const pattern = new RegExp(p.pattern.source, p.pattern.flags);
      const matches = [...tp.matchAll(pattern)];
      assert.ok(matches.length > 0, `${p.id}: pattern does not match tp ${describe(tp)}`);
      for (const m of matches) {
        const text = m[0].toLowerCase();
        assert.ok(
          p.keywords.some((k) => text.includes(k)),
          `${p.id}: no keyword of [${p.keywords.join(', ')}] occurs in the match ${describe(m[0])}`,
        );
      }
    }
  }
});

test('no keyword is part of another provider’s keyword (the keyword scan would hide it)', () => {
  // The scan's keyword pass finds non-overlapping, longest-first occurrences, so `xoxb-` inside an
  // occurrence of `xoxe.xoxb-` would never be seen; keep the keyword sets free of such pairs.
  const owners = new Map<string, Set<string>>();
  for (const p of providers) for (const k of p.keywords) owners.set(k, (owners.get(k) ?? new Set()).add(p.id));
  for (const [short, shortOwners] of owners) {
    for (const [long, longOwners] of owners) {
      if (short === long || !long.includes(short)) continue;
      const foreign = [...shortOwners].filter((id) => !longOwners.has(id));
      assert.deepEqual(foreign, [], `keyword "${short}" (${foreign.join(', ')}) is inside "${long}" (${[...longOwners].join(', ')})`);
    }
  }
});

for (const provider of providers) {
  test(`${provider.id}: every true positive is found`, () => {
    for (const tp of provider.tps) {
      const matches = findProviderSecrets(tp);
      assert.ok(
        matches.some((m) => m.provider.id === provider.id),
        `${provider.id} missed ${describe(tp)}; found: [${found(tp).join('; ')}]`,
      );
    }
  });

  test(`${provider.id}: no false positive is found by any provider`, () => {
    for (const fp of provider.fps) {
      assert.deepEqual(found(fp), [], `false positive in ${describe(fp)}`);
    }
  });
}

test('the secret is the credential itself, not the surrounding assignment', () => {
  const byId = new Map<string, SecretProvider>(providers.map((p) => [p.id, p]));
  const line = `TWILIO_AUTH_TOKEN=${rnd(HEX, 32, 'shape-1')}`;
  const [m] = findProviderSecrets(line).filter((x) => x.provider === byId.get('twilio-auth-token'));
  assert.equal(m.secret, line.slice(line.indexOf('=') + 1));
  assert.equal(line.slice(m.start, m.end), m.secret);
  const url = `DATABASE_URL=postgres://billing:${rnd(ALNUM, 20, 'shape-2')}@db.internal:5432/billing`;
  const [c] = findProviderSecrets(url);
  assert.equal(c.provider.id, 'postgres-connection-string');
  assert.equal(url.slice(c.start, c.end), url.slice(url.indexOf('billing:') + 8, url.indexOf('@')));
});

test('the provider sources hold nothing the providers would report', () => {
  // The examples are generated at run time; a complete key literal in these files would be caught
  // here before a hosting platform's push protection catches it.
  const root = resolve(__dirname, '../../..');
  const dir = join(root, 'core/src/secrets/providers');
  const files = [...readdirSync(dir).map((f) => join(dir, f)), join(root, 'test/unit/providers.test.ts')];
  for (const file of files) {
    assert.deepEqual(found(readFileSync(file, 'utf8')), [], `${file} contains a key-shaped literal`);
  }
});

test('no pattern backtracks catastrophically on 2 MB of adversarial text', () => {
  const allKeywords = [...new Set(providers.flatMap((p) => p.keywords))].join(' ');
  const segment = 64 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(segment / unit.length)).slice(0, segment);
  const parts = [
    fill('a'),
    fill('A'),
    fill('='),
    fill('-'),
    fill('0'),
    fill('_'),
    fill('eyJ'),
    fill('eyJhbGciOiJIUzI1NiJ9.'),
    rnd(B64, segment, 'redos-b64'),
    rnd(HEX, segment, 'redos-hex'),
    fill(PEM_BEGIN + '\n' + rnd(B64, 64, 'redos-pem') + '\n'),
    fill('\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC'),
    fill('postgres://a:'),
    fill('https://user:pa'),
    fill('mongodb+srv://u:p@'),
    fill('Server=a;Port=1;'),
    fill('sv=2022-11-02&sp=r&'),
    fill('twilio_token='),
    fill('TELEGRAM_BOT_TOKEN=123456789:AA'),
    fill('xoxb-1234567890-'),
    fill('xoxa-1-2-3-4-'),
    fill('sk_live_' + 'a1'.repeat(10)),
    fill('ghp_' + 'Ab1'.repeat(11)),
    fill('glpat-' + 'x1_'.repeat(12) + '.'),
    fill('"type": "service_account", "private_key": "'),
    fill('discord_token=MTAx.'),
    fill('"private_key": "' + PEM_BEGIN + '\\n'),
    fill(allKeywords + ' '),
  ];
  const adversarial = parts.join('\n').slice(0, 2 * 1024 * 1024);
  const timings: Array<[string, number]> = [];
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  for (const p of providers) {
    const pattern = new RegExp(p.pattern.source, p.pattern.flags);
    const t0 = performance.now();
    for (let m = pattern.exec(adversarial); m !== null; m = pattern.exec(adversarial)) {
      if (m[0].length === 0) pattern.lastIndex++;
    }
    timings.push([p.id, performance.now() - t0]);
  }
  findProviderSecrets(adversarial);
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const wallMs = performance.now() - started;
  const slowest = timings.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`);
  // Every pattern once, then the full scan, take about half a second of CPU; catastrophic backtracking
  // takes minutes. So this is a hang guard, not a budget (that is bench/budgets.mjs): CPU time, not wall
  // time, and a minute of it, far beyond any load.
  assert.ok(cpuMs < 60_000, `patterns took ${cpuMs.toFixed(0)} ms of CPU (${wallMs.toFixed(0)} ms wall); slowest: ${slowest.join(', ')}`);
});
