import ts = require('typescript');
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { FileContext } from '../../context';
import { unwrap } from '../../js/modules';
import type { LineLocalSearch } from '../../lineChunks';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'dev-prod-parity/database-engine-mismatch',
  defaultSeverity: 'warning',
  description: 'Development runs the same database engine as production.',
  messages: {
    mismatch: '`{env}` uses {engine} while `{prodEnv}` uses {prodEngine}: SQL, types and locking differ, so what works here can fail in production. Run {prodEngine} locally too (a container is enough).',
    conditional: 'Outside production this picks {engine}, in production {prodEngine}: SQL, types and locking differ, so what works here can fail in production. Run {prodEngine} everywhere.',
  },
  fixable: false,
  kinds: ['js', 'json', 'yaml'],
  keywords: ['prod', 'staging', 'node_env', 'dev'],
  // Two different engines must be named somewhere for a mismatch to exist (a name lies within one line: after a
  // keystroke only the lines it touched are searched again).
  gate: (_text, _kind, context) => context.lineLocal(ENGINES_NAMED),
};

const ENGINE_NAME = /(?<![\w-])(sqlite3?|better-sqlite3|sqljs|libsql|pg|postgres(?:ql)?|pg-native|cockroachdb|mysql2?|mariadb|mssql|tedious|sqlserver|oracledb|oracle|mongodb|mongo)(?![\w-])/gi;
/** The engines a run of lines names (SQLite's and PostgreSQL's drivers as one each); two or more in the file pass the gate. */
const ENGINES_NAMED: LineLocalSearch<readonly string[], boolean> = {
  per: (run) => {
    const named = new Set<string>();
    for (const m of run.matchAll(ENGINE_NAME)) named.add(m[1].toLowerCase().replace(/^(better-sqlite3|sqlite3?|sqljs|libsql)$/, 'sqlite').replace(/^(pg|postgres(?:ql)?|pg-native|cockroachdb)$/, 'pg'));
    return [...named];
  },
  merge: (values) => {
    const named = new Set<string>();
    for (const v of values) for (const engine of v) named.add(engine);
    return named.size > 1;
  },
};

/** Engine names as knex `client`, Sequelize `dialect`, TypeORM `type`, Rails `adapter` and Prisma `provider` spell them. */
const ENGINES: Array<[RegExp, string]> = [
  [/^(sqlite3?|better-sqlite3|sqljs|sql\.js|libsql|capacitor|expo|react-native|nativescript|cordova|sqlite-in-memory)$/i, 'SQLite'],
  [/^(pg|postgres|postgresql|pg-native|postgis|cockroachdb|aurora-postgres)$/i, 'PostgreSQL'],
  [/^(mysql2?|mariadb|aurora-mysql|trilogy)$/i, 'MySQL'],
  [/^(mssql|tedious|sqlserver)$/i, 'SQL Server'],
  [/^(oracledb|oracle|oracle-enhanced)$/i, 'Oracle'],
  [/^(mongodb|mongo)$/i, 'MongoDB'],
];
const ENGINE_KEYS = /^(client|dialect|adapter|type|provider|driver)$/;
const PROD = /^(production|prod|staging|stage)$/i;
const DEV = /^(development|dev|local)$/i;

/** A config tree, whatever it was written in: maps of keys, and string leaves with their offsets. */
type Tree = { kind: 'map'; entries: Array<[string, Tree]> } | { kind: 'scalar'; value: string; start: number; end: number } | { kind: 'other' };

function engineName(value: string): string | undefined {
  return ENGINES.find(([re]) => re.test(value.trim()))?.[1];
}

/** The first engine setting in a tree, breadth first, no deeper than three levels. */
function engineOf(tree: Tree): { engine: string; at: Extract<Tree, { kind: 'scalar' }> } | undefined {
  let level: Tree[] = [tree];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const next: Tree[] = [];
    for (const t of level) {
      if (t.kind !== 'map') continue;
      for (const [key, value] of t.entries) {
        if (ENGINE_KEYS.test(key) && value.kind === 'scalar') {
          const engine = engineName(value.value);
          if (engine) return { engine, at: value };
        }
      }
      for (const [, value] of t.entries) next.push(value);
    }
    level = next;
  }
  return undefined;
}

export function check(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile) return;
  const maps: Tree[] = [];
  if (context.kind === 'js') {
    const sf = context.sourceFile;
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node) && keyedByEnvironment(node)) maps.push(fromTs(node));
      if (ts.isConditionalExpression(node)) conditional(context, node, report);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  } else {
    for (const doc of context.yaml.docs) collectYaml(doc.contents, doc, maps, 0);
  }
  for (const map of maps) environments(map, report);
}

/** Cheap test before building a tree: a production key and a development key. */
function keyedByEnvironment(node: ts.ObjectLiteralExpression): boolean {
  let prod = false;
  let dev = false;
  for (const p of node.properties) {
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) ? p.name.text : '';
    if (PROD.test(name)) prod = true;
    else if (DEV.test(name)) dev = true;
  }
  return prod && dev;
}

type Engine = NonNullable<ReturnType<typeof engineOf>>;

/** Every engine setting of a tree by its key path (`main.client`), no deeper than three levels. */
function enginesOf(tree: Tree, prefix = '', depth = 0, out = new Map<string, Engine>()): Map<string, Engine> {
  if (tree.kind !== 'map' || depth > 3) return out;
  for (const [key, value] of tree.entries) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (ENGINE_KEYS.test(key) && value.kind === 'scalar') {
      const engine = engineName(value.value);
      if (engine) out.set(at, { engine, at: value });
    } else enginesOf(value, at, depth + 1, out);
  }
  return out;
}

/**
 * The development engine to compare with production's: the setting at the same key path when both have
 * several databases (`main`, `analytics`), else the first one of each.
 */
function pairs(dev: Tree, prod: Tree): Array<[Engine, Engine]> {
  const devEngines = enginesOf(dev);
  const prodEngines = enginesOf(prod);
  const shared = [...devEngines.keys()].filter((k) => prodEngines.has(k));
  if (shared.length > 0 && (devEngines.size > 1 || prodEngines.size > 1)) return shared.map((k) => [devEngines.get(k) as Engine, prodEngines.get(k) as Engine]);
  const first = [engineOf(dev), engineOf(prod)];
  return first[0] && first[1] ? [[first[0], first[1]]] : [];
}

/** A map keyed by environments (`development`, `production`…) whose engines differ from production's. */
function environments(map: Tree, report: (r: Report) => void): void {
  if (map.kind !== 'map') return;
  const envs = map.entries.filter(([key, value]) => (PROD.test(key) || DEV.test(key)) && value.kind === 'map');
  const prodEntry = envs.find(([k]) => /^(production|prod)$/i.test(k)) ?? envs.find(([k]) => PROD.test(k));
  if (!prodEntry || !envs.some(([k]) => DEV.test(k))) return;
  for (const [key, value] of envs) {
    if (!DEV.test(key)) continue;
    for (const [dev, prod] of pairs(value, prodEntry[1])) {
      if (dev.engine === prod.engine) continue;
      report({
        messageId: 'mismatch',
        data: { env: key, engine: dev.engine, prodEnv: prodEntry[0], prodEngine: prod.engine },
        start: dev.at.start,
        end: dev.at.end,
        identity: `mismatch:${key}:${dev.engine}`,
      });
    }
  }
}

/** `client: process.env.NODE_ENV === 'production' ? 'pg' : 'sqlite3'`, or whole configs chosen the same way. */
function conditional(context: FileContext, node: ts.ConditionalExpression, report: (r: Report) => void): void {
  const sf = context.sourceFile;
  let holder: ts.Node = node;
  while (holder.parent && ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
  const parent = holder.parent;
  const key = parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteralLike(parent.name)) ? parent.name.text : undefined;
  const yes = engineOfExpression(node.whenTrue, key);
  const no = engineOfExpression(node.whenFalse, key);
  if (!yes || !no || yes.engine === no.engine) return;
  const condition = node.condition.getText(sf);
  const negated = /!==?|!\s*\w/.test(condition);
  let prodIsTrue: boolean;
  if (/prod|Prod|PROD/.test(condition)) prodIsTrue = !negated;
  else if (/\bdev|Dev|DEV|[Dd]evelopment|DEVELOPMENT|[Ll]ocal|LOCAL/.test(condition)) prodIsTrue = negated;
  // `NODE_ENV === 'test' ? 'sqlite' : 'pg'` is a test database, a different question.
  else return;
  const [dev, prod] = prodIsTrue ? [no, yes] : [yes, no];
  report({
    messageId: 'conditional',
    data: { engine: dev.engine, prodEngine: prod.engine },
    start: dev.at.start,
    end: dev.at.end,
    identity: `conditional:${dev.engine}`,
  });
}

function engineOfExpression(expression: ts.Expression, key: string | undefined): ReturnType<typeof engineOf> {
  const e = unwrap(expression);
  if (ts.isStringLiteralLike(e)) {
    const engine = engineName(e.text);
    // A bare literal counts only as the value of an engine key (`client: cond ? 'pg' : 'sqlite3'`).
    return engine && key && ENGINE_KEYS.test(key) ? { engine, at: { kind: 'scalar', value: e.text, start: e.getStart(), end: e.getEnd() } } : undefined;
  }
  if (ts.isObjectLiteralExpression(e)) return engineOf(fromTs(e));
  return undefined;
}

function fromTs(node: ts.Expression, depth = 0): Tree {
  const e = unwrap(node);
  if (depth > 6) return { kind: 'other' };
  if (ts.isStringLiteralLike(e)) return { kind: 'scalar', value: e.text, start: e.getStart(), end: e.getEnd() };
  if (!ts.isObjectLiteralExpression(e)) return { kind: 'other' };
  const entries: Array<[string, Tree]> = [];
  for (const p of e.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) entries.push([p.name.text, fromTs(p.initializer, depth + 1)]);
  }
  return { kind: 'map', entries };
}

function fromYaml(node: unknown, doc: Document.Parsed, depth: number): Tree {
  if (depth > 8) return { kind: 'other' };
  if (isAlias(node)) return fromYaml(node.resolve(doc), doc, depth + 1);
  if (isScalar(node) && typeof node.value === 'string' && node.range) return { kind: 'scalar', value: node.value, start: node.range[0], end: node.range[1] };
  if (!isMap(node)) return { kind: 'other' };
  const own: Array<[string, Tree]> = [];
  const merged: Array<[string, Tree]> = [];
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    if (key === '<<') {
      // `<<: *default`: the anchor's keys, below the map's own.
      const base = fromYaml(pair.value, doc, depth + 1);
      if (base.kind === 'map') merged.push(...base.entries);
      continue;
    }
    own.push([key, fromYaml(pair.value, doc, depth + 1)]);
  }
  return { kind: 'map', entries: [...own, ...merged] };
}

function collectYaml(node: unknown, doc: Document.Parsed, out: Tree[], depth: number): void {
  if (depth > 4 || !node) return;
  if (isMap(node)) {
    out.push(fromYaml(node, doc, 0));
    for (const pair of node.items) collectYaml(pair.value as YamlNode, doc, out, depth + 1);
  } else if (isSeq(node)) {
    for (const item of node.items) collectYaml(item, doc, out, depth + 1);
  }
}

export const rule: Rule = { meta, check };
