// A generated, realistic TypeScript module of an exact line count for the keystroke measurement: imports,
// interfaces, enums, classes with methods, object literals, template strings, environment reads and a
// few secret-looking names (one of them really holds a secret, so the rule reports and builds a fix).

/** Small deterministic PRNG (mulberry32), so every run edits the same file at the same places. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = `import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Settings read once at start-up; every value comes from the environment. */
export const settings = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL || 'redis://localhost:6379',
  apiKey: process.env.PAYMENTS_API_KEY,
  region: process.env.AWS_REGION ?? 'eu-west-1',
  logLevel: process.env.LOG_LEVEL ?? 'info',
};

const sessionSecret = 'q8ZrT3vLx2WmN7cKp4YhB9sFd6GjA1eU';

export enum Status {
  Active = 'active',
  Suspended = 'suspended',
  Deleted = 'deleted',
}

export interface Credentials {
  username: string;
  password: string;
  tokenHeader: 'Authorization';
}
`;

function block(i, rnd) {
  const entity = ['Invoice', 'Customer', 'Order', 'Shipment', 'Account', 'Product', 'Refund', 'Coupon'][i % 8];
  const n = `${entity}${i}`;
  const field = ['amount', 'quantity', 'weight', 'score', 'balance'][i % 5];
  const limit = 10 + Math.floor(rnd() * 90);
  return `
export interface ${n}Record {
  id: string;
  status: Status;
  ${field}: number;
  tags: string[];
  createdAt: Date;
  owner?: { id: string; email: string };
}

/** Keeps ${entity.toLowerCase()} records in memory for the request that loaded them. */
export class ${n}Repository {
  private readonly items = new Map<string, ${n}Record>();
  private readonly tokenHeader = 'x-request-id';

  constructor(private readonly tableName = '${entity.toLowerCase()}s_${i}') {}

  add(record: Omit<${n}Record, 'id' | 'createdAt'>): ${n}Record {
    const created: ${n}Record = { ...record, id: randomUUID(), createdAt: new Date() };
    this.items.set(created.id, created);
    return created;
  }

  find(predicate: (r: ${n}Record) => boolean, limit = ${limit}): ${n}Record[] {
    const out: ${n}Record[] = [];
    for (const record of this.items.values()) {
      if (out.length >= limit) break;
      if (record.status !== Status.Deleted && predicate(record)) out.push(record);
    }
    return out.sort((a, b) => b.${field} - a.${field} || a.id.localeCompare(b.id));
  }

  total(): number {
    return [...this.items.values()].reduce((sum, r) => sum + r.${field}, 0);
  }

  describe(record: ${n}Record): string {
    switch (record.status) {
      case Status.Active:
        return \`\${this.tableName}/\${record.id} (\${record.tags.join(', ') || 'untagged'})\`;
      case Status.Suspended:
        return \`\${this.tableName}/\${record.id} is suspended\`;
      default:
        return 'deleted';
    }
  }
}

export async function handle${n}(req: IncomingMessage, res: ServerResponse, repo: ${n}Repository): Promise<void> {
  const started = Date.now();
  const digest = createHash('sha256').update(req.url ?? '').digest('hex').slice(0, ${8 + (i % 8)});
  const body = { count: repo.find(() => true).length, total: repo.total(), digest, region: settings.region };
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
  if (settings.logLevel === 'debug') console.log('${n}', Date.now() - started, 'ms');
}
`;
}

/** The module, exactly `lines` lines long (blocks while they fit, then one-line constants). */
export function generateModule(lines = 2000, seed = 12) {
  const rnd = prng(seed);
  const parts = [HEADER];
  let count = HEADER.split('\n').length - 1;
  for (let i = 0; ; i++) {
    const b = block(i, rnd);
    const n = b.split('\n').length - 1;
    if (count + n > lines) break;
    parts.push(b);
    count += n;
  }
  for (let k = 0; count < lines; k++, count++) parts.push(`export const retryDelay${k} = ${100 + k * 7};\n`);
  return parts.join('');
}

const KEYWORDS = new Set(('abstract any as async await boolean break case catch class const constructor continue debugger declare default ' +
  'delete do else enum export extends false finally for from function get if implements import in instanceof interface keyof let ' +
  'namespace never new null number object of private protected public readonly return set static string super switch this throw ' +
  'true try type typeof undefined unknown var void while yield').split(' '));

/**
 * `count` one-character edits: each replaces a lower-case letter inside an identifier or string (never a
 * keyword, so the file keeps parsing as it does while someone types a name) with another letter.
 */
export function editsFor(text, count, seed = 7) {
  const candidates = [];
  for (const m of text.matchAll(/[A-Za-z_]\w{3,}/g)) {
    if (KEYWORDS.has(m[0])) continue;
    for (let j = 1; j < m[0].length; j++) if (/[a-z]/.test(m[0][j])) candidates.push(m.index + j);
  }
  const rnd = prng(seed);
  const edits = [];
  for (let i = 0; i < count; i++) {
    const at = candidates[Math.floor(rnd() * candidates.length)];
    edits.push({ at, shift: 1 + Math.floor(rnd() * 25) });
  }
  return edits;
}

/** Applies one edit to `text`: the letter at `at` moves `shift` places along the alphabet. */
export function applyEdit(text, edit) {
  const c = text.charCodeAt(edit.at) - 97;
  const replacement = String.fromCharCode(97 + ((c + edit.shift) % 26));
  return text.slice(0, edit.at) + replacement + text.slice(edit.at + 1);
}

const JS_HEADER = `'use strict';
const { createHash, randomUUID } = require('node:crypto');
const express = require('express');

/** Settings read once at start-up; every value comes from the environment. */
const settings = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL || 'redis://localhost:6379',
  apiKey: process.env.PAYMENTS_API_KEY,
  region: process.env.AWS_REGION ?? 'eu-west-1',
  logLevel: process.env.LOG_LEVEL ?? 'info',
};

const sessionSecret = 'q8ZrT3vLx2WmN7cKp4YhB9sFd6GjA1eU';
const app = express();

const Status = Object.freeze({ Active: 'active', Suspended: 'suspended', Deleted: 'deleted' });
`;

function jsBlock(i, rnd) {
  const entity = ['Invoice', 'Customer', 'Order', 'Shipment', 'Account', 'Product', 'Refund', 'Coupon'][i % 8];
  const n = `${entity}${i}`;
  const field = ['amount', 'quantity', 'weight', 'score', 'balance'][i % 5];
  const limit = 10 + Math.floor(rnd() * 90);
  return `
/** Keeps ${entity.toLowerCase()} records in memory for the request that loaded them. */
class ${n}Repository {
  constructor(tableName = '${entity.toLowerCase()}s_${i}') {
    this.items = new Map();
    this.tokenHeader = 'x-request-id';
    this.tableName = tableName;
  }

  add(record) {
    const created = { ...record, id: randomUUID(), createdAt: new Date() };
    this.items.set(created.id, created);
    return created;
  }

  find(predicate, limit = ${limit}) {
    const out = [];
    for (const record of this.items.values()) {
      if (out.length >= limit) break;
      if (record.status !== Status.Deleted && predicate(record)) out.push(record);
    }
    return out.sort((a, b) => b.${field} - a.${field} || a.id.localeCompare(b.id));
  }

  total() {
    return [...this.items.values()].reduce((sum, r) => sum + r.${field}, 0);
  }

  describe(record) {
    switch (record.status) {
      case Status.Active:
        return \`\${this.tableName}/\${record.id} (\${record.tags.join(', ') || 'untagged'})\`;
      case Status.Suspended:
        return \`\${this.tableName}/\${record.id} is suspended\`;
      default:
        return 'deleted';
    }
  }
}

app.get('/${entity.toLowerCase()}s/${i}', async (req, res) => {
  const repo = new ${n}Repository();
  const started = Date.now();
  const digest = createHash('sha256').update(req.url ?? '').digest('hex').slice(0, ${8 + (i % 8)});
  const body = { count: repo.find(() => true).length, total: repo.total(), digest, region: settings.region };
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
  if (settings.logLevel === 'debug') console.log('${n}', Date.now() - started, 'ms');
});
`;
}

/** A CommonJS Express module, exactly `lines` lines long: what the LSP keystroke row types into. */
export function generateJsModule(lines = 2000, seed = 12) {
  const rnd = prng(seed);
  const footer = `\napp.listen(settings.port);\nmodule.exports = { app, settings, sessionSecret };\n`;
  const parts = [JS_HEADER];
  let count = JS_HEADER.split('\n').length - 1 + footer.split('\n').length - 1;
  for (let i = 0; ; i++) {
    const b = jsBlock(i, rnd);
    const n = b.split('\n').length - 1;
    if (count + n > lines) break;
    parts.push(b);
    count += n;
  }
  for (let k = 0; count < lines; k++, count++) parts.push(`const retryDelay${k} = ${100 + k * 7};\n`);
  parts.push(footer);
  return parts.join('');
}

/**
 * `count` typed letters: someone typing at `places` spots of the file in turn, each letter inserted where the
 * previous one at that spot ended (extending an identifier), so the file parses as it did. Offsets are in the
 * text as it is when the edit is made.
 */
export function typingEdits(text, count, places = 5, seed = 9) {
  const candidates = [...text.matchAll(/\b[a-z][A-Za-z]{3,}\b/g)].filter((m) => !KEYWORDS.has(m[0])).map((m) => m.index + m[0].length);
  const rnd = prng(seed);
  const spots = Array.from({ length: places }, (_, k) => candidates[Math.floor(((k + rnd()) / places) * candidates.length)]).sort((a, b) => a - b);
  const edits = [];
  for (let i = 0; i < count; i++) {
    const k = i % places;
    const at = spots[k];
    edits.push({ at, letter: String.fromCharCode(97 + Math.floor(rnd() * 26)) });
    // This spot's next letter goes after this one; the spots after it moved one place right.
    for (let j = k; j < places; j++) spots[j] += 1;
  }
  return edits;
}
