import ts = require('typescript');
import { outermost, unwrap } from '../js/modules';
import { calleeName, propertyNameText } from './ast';

/**
 * Places that are a secret by their role: whatever literal is given there, the app signs, encrypts or logs
 * in with it, so its strength does not matter (`session({ secret: 'keyboard cat' })`). Library knowledge
 * as data, gitleaks-style: every row carries a true and a false example, which the tests run.
 */
export interface SinkRow {
  id: string;
  /** Shown in the message: "Hardcoded secret passed to {label}". */
  label: string;
  /** The environment variable the fix suggests. */
  env: string;
  tps: readonly string[];
  fps: readonly string[];
}

interface CallSink extends SinkRow {
  test: (callee: string, imported?: string) => boolean;
  arg: number;
}

/** Sinks that take the secret as an argument. */
export const CALL_SINKS: readonly CallSink[] = [
  {
    id: 'jsonwebtoken', label: 'jsonwebtoken', env: 'JWT_SECRET', arg: 1,
    test: (c, m) => /(^|\.)(sign|verify)$/.test(c) && (/jwt|jsonwebtoken|jose/i.test(c) || m === 'jsonwebtoken'),
    tps: ["import jwt from 'jsonwebtoken';\njwt.sign(payload, 'secret');"],
    fps: ["import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET);"],
  },
  {
    id: 'hmac', label: 'crypto.createHmac', env: 'HMAC_SECRET', arg: 1, test: (c) => /(^|\.)createHmac$/.test(c),
    tps: ["crypto.createHmac('sha256', 'keyboard cat').update(body);"],
    fps: ["crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(body);"],
  },
  {
    id: 'cipher', label: 'crypto cipher key', env: 'ENCRYPTION_KEY', arg: 1, test: (c) => /(^|\.)create(De)?[cC]ipheriv$/.test(c),
    tps: ["crypto.createCipheriv('aes-256-cbc', 'abcdefghabcdefghabcdefghabcdefgh', iv);"],
    fps: ["crypto.createCipheriv('aes-256-cbc', key, iv);"],
  },
  {
    id: 'cookie-parser', label: 'cookie-parser', env: 'COOKIE_SECRET', arg: 0, test: (c, m) => /^cookieParser$/i.test(c) || m === 'cookie-parser',
    tps: ["import cookieParser from 'cookie-parser';\napp.use(cookieParser('secret'));"],
    fps: ["import cookieParser from 'cookie-parser';\napp.use(cookieParser(config.cookieSecret));"],
  },
  {
    id: 'set-api-key', label: 'setApiKey', env: 'API_KEY', arg: 0, test: (c) => /(^|\.)setApiKey$/.test(c),
    tps: ["sgMail.setApiKey('SG-k3y-00112233');"], fps: ['sgMail.setApiKey(process.env.SENDGRID_API_KEY);'],
  },
  {
    id: 'basic-auth', label: 'HTTP basic auth', env: 'BASIC_AUTH_PASSWORD', arg: 1, test: (c) => /\.auth$/.test(c),
    tps: ["request.get(url).auth('admin', 'hunter2');"], fps: ["request.get(url).auth('admin', process.env.API_PASSWORD);"],
  },
  {
    // `new Sequelize(database, username, password, options)`.
    id: 'sequelize', label: 'Sequelize', env: 'DB_PASSWORD', arg: 2, test: (c) => /(^|\.)Sequelize$/.test(c),
    tps: ["const db = new Sequelize('shop', 'root', 'admin', { dialect: 'mysql' });"],
    fps: ["const db = new Sequelize('shop', 'root', '', { dialect: 'mysql' });"],
  },
];

export function callSink(callee: string, index: number, imported: string | undefined): CallSink | undefined {
  return CALL_SINKS.find((s) => s.arg === index && s.test(callee, imported));
}

/** What a property sink says about one literal: which row, and how much graver or milder than usual. */
export interface SinkHit {
  row: SinkRow;
  /** A database on the developer's own machine: one level below the rule's severity. */
  local?: boolean;
}

const SESSION: SinkRow = {
  id: 'session', label: 'express-session', env: 'SESSION_SECRET',
  tps: [
    "import session from 'express-session';\napp.use(session({ secret: 'keyboard cat', resave: false }));",
    "const cookieSession = require('cookie-session');\napp.use(cookieSession({ name: 'session', keys: ['sess-signing-a', 'sess-signing-b'] }));",
  ],
  fps: ["import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET }));", "app.use(session({ secret: 'Your Session Secret goes here' }));"],
};
const KOA_KEYS: SinkRow = {
  id: 'koa-keys', label: 'koa app.keys', env: 'APP_KEYS',
  tps: ["import Koa from 'koa';\nconst app = new Koa();\napp.keys = ['im a newer secret', 'i like turtle'];"],
  fps: ["import Koa from 'koa';\nconst app = new Koa();\napp.keys = process.env.APP_KEYS.split(',');"],
};
const PASSPORT: SinkRow = {
  id: 'passport-jwt', label: 'passport-jwt secretOrKey', env: 'JWT_SECRET',
  tps: ["passport.use(new JwtStrategy({ jwtFromRequest: fromHeader, secretOrKey: 'secret' }, verify));"],
  fps: ["passport.use(new JwtStrategy({ jwtFromRequest: fromHeader, secretOrKey: process.env.JWT_SECRET }, verify));"],
};
const AUTH_PASS: SinkRow = {
  id: 'auth-pass', label: 'auth.pass', env: 'SMTP_PASSWORD',
  tps: ["nodemailer.createTransport({ service: 'gmail', auth: { user: 'me@acme.io', pass: 'hunter2' } });"],
  fps: ["nodemailer.createTransport({ service: 'gmail', auth: { user: 'me@acme.io', pass: 'email-server-password' } });"],
};
const DATABASE: SinkRow = {
  id: 'database-options', label: 'a database client', env: 'DB_PASSWORD',
  tps: ["const pool = new Pool({ host: 'db.internal', user: 'app', password: 'admin', database: 'shop' });",
    "knex({ client: 'pg', connection: { host: '127.0.0.1', user: 'app', password: 'secret' } });"],
  fps: ["const login = { username: 'alice', password: 'hunter2' };", "const pool = new Pool({ host: 'db', user: 'app', password: process.env.DB_PASSWORD });"],
};

export const PROPERTY_SINKS: readonly SinkRow[] = [SESSION, KOA_KEYS, PASSPORT, AUTH_PASS, DATABASE];

// Keys that make an object a database client's connection options.
const CONNECTION_KEYS = /^(host|hostname|server|database|db|dbname|port|dialect|connectString|socketPath)$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|::1|\[::1\])$/;

/**
 * The sink a literal sits in as (or inside an array that is) the value of a property: `secret`/`keys` of
 * express-session and cookie-session, passport-jwt's `secretOrKey`, `auth: { pass }`, a database client's
 * `password` beside its `host` or `database`.
 */
export function propertySink(literal: ts.StringLiteralLike, imports: ReadonlyMap<string, string>): SinkHit | undefined {
  let slot = outermost(literal);
  if (ts.isArrayLiteralExpression(slot.parent)) {
    const array = outermost(slot.parent);
    if (ts.isBinaryExpression(array.parent) && array.parent.right === array && isKoaKeys(array.parent.left, imports)) return { row: KOA_KEYS };
    slot = array;
    if (!ts.isPropertyAssignment(slot.parent) || !/^(secret|keys)$/.test(propertyNameText(slot.parent.name) ?? '')) return undefined;
  }
  const prop = slot.parent;
  if (!ts.isPropertyAssignment(prop) || prop.initializer !== slot) return undefined;
  const key = propertyNameText(prop.name) ?? '';
  const object = prop.parent;
  if (/^(secret|keys)$/.test(key) && isSessionOptions(object, imports)) return { row: SESSION };
  if (key === 'secretOrKey') return { row: PASSPORT };
  if (!/^(pass|password|passwd|pwd)$/i.test(key)) return undefined;
  const holder = outermost(object).parent;
  if (holder && ts.isPropertyAssignment(holder) && propertyNameText(holder.name) === 'auth') return { row: AUTH_PASS };
  const inConnection = holder && ts.isPropertyAssignment(holder) && propertyNameText(holder.name) === 'connection';
  const keys = object.properties.map((p) => (p.name ? propertyNameText(p.name) : undefined) ?? '');
  if (!inConnection && !keys.some((k) => CONNECTION_KEYS.test(k))) return undefined;
  // The stock login of a local container (`user: 'root', password: 'root'`) is no chosen password.
  if (stringProperty(object, /^(user|username)$/) === literal.text) return undefined;
  const host = stringProperty(object, /^(host|hostname|server)$/);
  return { row: DATABASE, local: host !== undefined && LOCAL_HOST.test(host) };
}

function stringProperty(object: ts.ObjectLiteralExpression, key: RegExp): string | undefined {
  for (const p of object.properties) {
    if (!ts.isPropertyAssignment(p) || !key.test(propertyNameText(p.name) ?? '')) continue;
    const value = unwrap(p.initializer);
    return ts.isStringLiteralLike(value) ? value.text : undefined;
  }
  return undefined;
}

/** The options object of `session({…})`, `cookieSession({…})` (or an import of express-session / cookie-session). */
function isSessionOptions(object: ts.ObjectLiteralExpression, imports: ReadonlyMap<string, string>): boolean {
  const options = outermost(object);
  const call = options.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== options) return false;
  const callee = calleeName(call.expression);
  const module = imports.get(callee.split('.')[0]);
  return /^(session|expressSession|cookieSession)$/.test(callee) || module === 'express-session' || module === 'cookie-session';
}

/** `app.keys = […]` in a file that uses koa (or on an `app`). */
function isKoaKeys(left: ts.Expression, imports: ReadonlyMap<string, string>): boolean {
  if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'keys') return false;
  return [...imports.values()].includes('koa') || (ts.isIdentifier(left.expression) && left.expression.text === 'app');
}
