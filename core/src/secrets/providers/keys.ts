import type { SecretProvider } from '../provider';
import { B64, B64URL, rnd } from './util';

// Built from pieces so that no PEM armour line appears in the source as one literal.
const armour = (edge: 'BEGIN' | 'END', kind: string) => `-----${edge} ${kind}${'PRIVATE'} KEY${kind.startsWith('PGP') ? ' BLOCK' : ''}-----`;
const body = (seed: string, lines = 12) => Array.from({ length: lines }, (_, i) => rnd(B64, 64, `${seed}-${i}`)).join('\n') + '\n' + rnd(B64, 30, seed + '-z') + '==';
const pem = (kind: string, seed: string, nl = '\n') =>
  [armour('BEGIN', kind), ...body(seed).split('\n'), armour('END', kind)].join(nl);

/** A JWT segment: base64url of the JSON, no padding. */
const seg = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A JWT is only reported when its header decodes to JSON with a signing `alg` (not `none`) and its
 * payload to a JSON object. Two well-known public tokens are left out: Supabase `anon` keys, which
 * ship to browsers by design, and the jwt.io sample token copied into countless tutorials.
 */
function isSignedJwt(token: string): boolean {
  const [h, p] = token.split('.');
  const header = decodeJson(h) as { alg?: unknown } | undefined;
  if (!header || typeof header !== 'object' || typeof header.alg !== 'string' || /^none$/i.test(header.alg)) return false;
  const payload = decodeJson(p) as Record<string, unknown> | undefined;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return false;
  if (payload.role === 'anon') return false;
  if (payload.sub === '1234567890' && payload.name === 'John Doe') return false;
  return true;
}

/**
 * Whether the armoured block's body is DER (PKCS#1, PKCS#8, SEC1 keys all start with a SEQUENCE, `MI…` in base64)
 * whose SEQUENCE declares more bytes than the body holds: a key cut short, which no program can load.
 */
export function isTruncatedDer(block: string): boolean {
  const lines = block.replace(/\\[nr]/g, '\n').split(/\r?\n/).filter((l) => !/-{5}/.test(l));
  // Encrypted PEM headers (`Proc-Type:`) and PGP armour headers: not a bare DER body.
  if (lines.some((l) => l.includes(':'))) return false;
  const b64 = lines.join('').replace(/\s+/g, '');
  if (!/^MI[A-Za-z0-9+/]{2}/.test(b64) || !/^[A-Za-z0-9+/]+=*$/.test(b64)) return false;
  const head = Buffer.from(b64.slice(0, 8), 'base64');
  if (head[0] !== 0x30) return false;
  const declared = head[1] < 0x80 ? head[1] + 2 : head[1] === 0x81 ? head[2] + 3 : head[1] === 0x82 ? ((head[2] << 8) | head[3]) + 4 : undefined;
  if (declared === undefined) return false;
  const held = Math.floor((b64.replace(/=+$/, '').length * 3) / 4);
  return held < declared;
}

export const keys: readonly SecretProvider[] = [
  {
    id: 'private-key',
    name: 'Private key (PEM / OpenSSH / PGP)',
    envName: 'PRIVATE_KEY',
    keywords: ['-----begin'],
    // The whole armoured block is the secret. The body may hold newlines, `\n` escapes (a key inside
    // JSON or a .env value), and `Proc-Type:`/`Version:` header lines, but no quote, `;`, brace or `$`:
    // that keeps a BEGIN literal in code from running to an END literal several statements later. Nor
    // may it hold a run of five dashes, so the body of a BEGIN without an END stops at the next armour
    // line instead of scanning 16 KB ahead (which a file of many such lines would pay for each one).
    pattern: /-{5}BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-{5}(?:[^'"`;{}$-]|-(?!-{4})){64,16384}?-{5}END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-{5}/g,
    // A real key has long base64 lines; a template has prose or dots between the armour lines.
    // A DER body shorter than its own length field is a truncated sample (a form's placeholder), no key.
    validate: (block) => /[A-Za-z0-9+/]{40}/.test(block) && !isTruncatedDer(block),
    tps: [
      pem('RSA ', 'pk-1'),
      `const key = \`${pem('', 'pk-2')}\`;`,
      `{"signingKey": "${pem('EC ', 'pk-3', '\\n')}\\n"}`,
      `SSH_PRIVATE_KEY="${pem('OPENSSH ', 'pk-4', '\\n')}"`,
      [armour('BEGIN', 'PGP '), 'Version: GnuPG v2', '', body('pk-5'), '=' + rnd(B64, 4, 'pk-6'), armour('END', 'PGP ')].join('\n'),
    ],
    fps: [
      `if (pem.startsWith('${armour('BEGIN', 'RSA ')}')) return 'pkcs1';`,
      `${armour('BEGIN', '')}\n...\n${armour('END', '')}`,
      `${armour('BEGIN', '')}\n<paste your private key here, it is shown once in the console>\n${armour('END', '')}`,
      `-----BEGIN PUBLIC KEY-----\n${body('pk-7', 4)}\n-----END PUBLIC KEY-----`,
      // The first line of a 1.3 KB body and no more, as a form shows the format in its placeholder.
      `const keyPlaceholder = "${armour('BEGIN', '')}\\nMIIFRDCC${rnd(B64, 120, 'pk-8')}\\n${armour('END', '')}";`,
      `const header = '${armour('BEGIN', 'EC ')}';\nconst footer = '${armour('END', 'EC ')}'; // the two armour lines of an EC key, used to wrap the DER body`,
    ],
  },
  {
    id: 'jwt',
    name: 'JSON Web Token',
    envName: 'JWT',
    keywords: ['eyj'],
    // header.payload.signature, the header being base64url JSON (`{"` encodes to `eyJ`). The left
    // boundary excludes `.`, `_` and `-` so that Mapbox `sk.eyJ…`, `ops_eyJ…` and the like are not
    // read as JWTs; `isSignedJwt` then decodes the parts.
    pattern: /(?<![\w.-])eyJ[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{16,2000}(?![\w.-])/g,
    minEntropy: 4,
    validate: isSignedJwt,
    shape: 'generic',
    tps: [
      `SUPABASE_SERVICE_ROLE_KEY=${seg({ alg: 'HS256', typ: 'JWT' })}.${seg({ iss: 'supabase', ref: 'qwhzkfjsnpbyxoetcmla', role: 'service_role', iat: 1700000000, exp: 4100000000 })}.${rnd(B64URL, 43, 'jwt-1')}`,
      `headers: { Authorization: 'Bearer ${seg({ alg: 'RS256', kid: 'k1' })}.${seg({ sub: 'svc-billing', scope: 'invoices:write' })}.${rnd(B64URL, 342, 'jwt-2')}' }`,
    ],
    fps: [
      `NEXT_PUBLIC_SUPABASE_ANON_KEY=${seg({ alg: 'HS256', typ: 'JWT' })}.${seg({ iss: 'supabase', role: 'anon', iat: 1700000000 })}.${rnd(B64URL, 43, 'jwt-3')}`,
      `const sample = '${seg({ alg: 'HS256', typ: 'JWT' })}.${seg({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${rnd(B64URL, 43, 'jwt-4')}';`,
      `const unsigned = '${seg({ alg: 'none' })}.${seg({ sub: 'u1', admin: true })}.${rnd(B64URL, 20, 'jwt-5')}';`,
      `MAPBOX_TOKEN=pk.${seg({ u: 'acme', a: 'ckabc123' })}.${rnd(B64URL, 22, 'jwt-6')}`,
      `const notJwt = 'eyJ${rnd(B64URL, 30, 'jwt-7')}.${rnd(B64URL, 30, 'jwt-8')}.${rnd(B64URL, 30, 'jwt-9')}';`,
    ],
  },
  {
    id: 'age-secret-key',
    name: 'age encryption secret key',
    envName: 'AGE_SECRET_KEY',
    keywords: ['age-secret-key-1'],
    // Bech32: upper-case letters and digits minus 1, B, I and O.
    pattern: /(?<![\w-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![\w-])/g,
    minEntropy: 3.5,
    tps: [
      `SOPS_AGE_KEY=${'AGE-SECRET-KEY-1' + rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58, 'age-1')}`,
      `# created: 2024-05-01T10:00:00Z\n# public key: age1${rnd('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58, 'age-2')}\n${'AGE-SECRET-KEY-1' + rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58, 'age-3')}`,
    ],
    fps: [`# public key: age1${rnd('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58, 'age-4')}`, 'SOPS_AGE_KEY=AGE-SECRET-KEY-1...'],
  },
];
