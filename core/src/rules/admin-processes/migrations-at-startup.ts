import * as path from 'node:path';
import ts = require('typescript');
import { isMap, isScalar } from 'yaml';
import type { FileContext } from '../../context';
import { dottedName, ModuleBindings, unwrap } from '../../js/modules';
import { commandCalls } from '../../js/commands';
import { envReadName } from '../../js/envReads';
import { deployedEnvValue } from '../../workspace/deployedEnv';
import { listenSites } from '../../js/servers';
import type { Report, Rule, RuleMeta } from '../types';
import { roleOfContext, runsAsProgram } from '../../workspace/roles';

export const meta: RuleMeta = {
  id: 'admin-processes/migrations-at-startup',
  defaultSeverity: 'warning',
  description: 'Database migrations run as a one-off admin process, not every time the app starts.',
  messages: {
    startup: '`{label}` changes the database schema every time the server starts: instances starting together race, and a failing migration takes every restart down with it. Run migrations once per release, as a one-off process.',
    synchronize: '`{key}: true` lets TypeORM change the schema whenever the app connects: instances race and a schema change ships without review. Generate migrations and run them once per release, as a one-off process.',
    synchronizeDeployed: '`{key}` follows `{env}`, which {file} sets to true: the deployed app lets TypeORM change the schema whenever it connects, so instances race and a schema change ships without review. Generate migrations and run them once per release, as a one-off process.',
  },
  fixable: false,
  kinds: ['js', 'json', 'yaml'],
  keywords: ['.sync(', 'migrat', 'umzug', 'synchronize', 'updateschema'],
  // Migrations and a server started in the same file: both must be in the text.
  // A data source that synchronises on connect is judged alone; other migrations only beside a server start.
  gate: (text) => /synchroni[sz]e|migrationsRun/i.test(text) ||
    (/\.sync\s*\(|migrat|umzug|updateSchema/i.test(text) && /\.listen\s*\(|\.start\s*\(|createServer|NestFactory/.test(text)),
};

/** Migration commands run through a shell from the server process. */
const MIGRATE_COMMAND = /\bprisma\s+(migrate\s+(deploy|dev|reset)|db\s+push)|\bsequelize(-cli)?\s+db:migrate|\bknex\s+migrate:(latest|up)|\btypeorm(-ts-node-\w+)?\s+migration:run|\b(npm|yarn|pnpm|bun)\s+(run\s+)?(db:)?migrat|\bnode-pg-migrate\s+up|\bdb-migrate\s+up|\bdrizzle-kit\s+(push|migrate)|\bmikro-orm\s+migration:up/;

export function check(context: FileContext, reportFinding: (r: Report) => void): void {
  if (context.isTestFile) return;
  // A snippet shown to users, a vendored copy or build output (reported at its source) starts no server of ours.
  let runs: boolean | undefined;
  const report = (r: Report): void => {
    if ((runs ??= runsAsProgram(roleOfContext(context).role))) reportFinding(r);
  };
  if (context.kind !== 'js') {
    ormconfig(context, report);
    return;
  }
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  const emit = (messageId: string, node: ts.Node, data: Record<string, string>): void =>
    report({ messageId, data, start: node.getStart(sf), end: node.getEnd(), identity: `${messageId}:${data.label ?? data.key}` });

  // TypeORM's own start-up schema changes, wherever the data source is configured.
  if (bindings.imports('typeorm') || bindings.imports('@nestjs/typeorm')) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteralLike(node.name)) &&
          /^(synchronize|migrationsRun)$/.test(node.name.text) && unwrap(node.initializer).kind === ts.SyntaxKind.TrueKeyword &&
          !inDevelopmentOptions(node)) {
        emit('synchronize', node, { key: node.name.text });
      } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteralLike(node.name)) &&
          /^(synchronize|migrationsRun)$/.test(node.name.text) && !inDevelopmentOptions(node)) {
        const env = envFlag(node.initializer);
        const root = env && context.host?.rootOf(context.path);
        const deployed = env && root !== undefined ? deployedEnvValue(context.host as NonNullable<typeof context.host>, root, env) : undefined;
        if (env && deployed && /^(?:true|1)$/i.test(deployed.value)) emit('synchronizeDeployed', node, { key: node.name.text, env, file: deployed.file });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  // The rest is judged only where the server starts: a migration script calling the same APIs is the right way.
  if (listenSites(sf, bindings).length === 0) return;
  const created = constructedFrom(sf, bindings);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const label = migrationCall(node, bindings, created);
      if (label) {
        const callee = unwrap(node.expression);
        emit('startup', ts.isPropertyAccessExpression(callee) ? callee.name : callee, { label });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const call of commandCalls(sf, bindings)) {
    const command = call.command.replace(/\s+/g, ' ');
    const m = MIGRATE_COMMAND.exec(command);
    if (m) emit('startup', call.anchor, { label: `${call.label}('${m[0].trim()}')` });
  }
}

/** Local names made by `new Sequelize(…)` / `new Umzug(…)`: `name → module`. */
function constructedFrom(sf: ts.SourceFile, bindings: ModuleBindings): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isNewExpression(init)) {
        const resolved = bindings.resolve(init.expression);
        if (resolved) out.set(node.name.text, resolved.module);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function migrationCall(call: ts.CallExpression, bindings: ModuleBindings, created: Map<string, string>): string | undefined {
  const callee = unwrap(call.expression);
  const name = dottedName(callee);
  const resolved = bindings.resolve(callee);
  if (resolved && /^drizzle-orm\/(.+\/)?migrator$/.test(resolved.module) && resolved.path[resolved.path.length - 1] === 'migrate') return name ?? 'migrate';
  if (resolved && resolved.module === 'node-pg-migrate' && (resolved.path.length === 0 || /^(runner|default)$/.test(resolved.path[0]))) return name ?? 'runner';
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = unwrap(callee.expression);
  const receiverName = dottedName(receiver) ?? receiver.getText();
  const label = `${receiverName.replace(/\s+/g, '')}.${method}`;
  const made = ts.isIdentifier(receiver) ? created.get(receiver.text) : undefined;
  if (method === 'sync') {
    const forced = call.arguments[0] && /\b(force|alter)\s*:\s*true\b/.test(call.arguments[0].getText());
    if (made === 'sequelize' || /sequelize$/i.test(receiverName) || forced) return label;
  }
  if (/\.migrate$/.test(receiverName) && /^(latest|up)$/.test(method)) return label;
  if (method === 'up' && (made === 'umzug' || /^(umzug|migrator)$/i.test(receiverName.split('.').pop() ?? ''))) return label;
  if (method === 'up' && /getMigrator\(\)$/.test(receiver.getText())) return label;
  if (method === 'updateSchema' && /getSchemaGenerator\(\)$/.test(receiver.getText())) return label;
  if (method === 'runMigrations') return label;
  return undefined;
}

/** `process.env.SYNCHRONIZE === 'true'` (or `==`, `'1'`): the option is on when the variable is; its name. */
function envFlag(initializer: ts.Expression): string | undefined {
  const e = unwrap(initializer);
  if (!ts.isBinaryExpression(e) || ![ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(e.operatorToken.kind)) return undefined;
  const [read, literal] = ts.isStringLiteralLike(unwrap(e.right)) ? [e.left, unwrap(e.right)] : [e.right, unwrap(e.left)];
  if (!ts.isStringLiteralLike(literal) || !/^(?:true|1)$/i.test(literal.text)) return undefined;
  return envReadName(unwrap(read));
}

/**
 * Options a name calls development's: `const devConfig: DataSourceOptions = { synchronize: true }` beside a
 * `prodConfig` the app picks in production (`NODE_ENV !== 'production' ? devConfig : prodConfig`), or a
 * `development: { … }` section. The schema then follows the entities only on the developer's machine.
 */
function inDevelopmentOptions(property: ts.PropertyAssignment): boolean {
  for (let n: ts.Node = property.parent; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return false;
    const name = (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) ? p.name.text : undefined;
    if (name !== undefined && DEVELOPMENT_NAME.test(name)) return true;
    if (ts.isVariableDeclaration(p)) return false;
  }
  return false;
}
// `dev`, `development`, `devConfig`, `developmentOptions`, `DEV_DB_CONFIG`, `localDataSourceOptions`.
// Not `deviceConfig`, `localeOptions`: the word ends where the name does or the next word starts.
const DEVELOPMENT_NAME = /^(?:[dD]ev|[dD]evelopment|[lL]ocal|DEV|DEVELOPMENT|LOCAL)(?:$|[A-Z_0-9])/;

/** `ormconfig.json` / `ormconfig.yml` with `synchronize: true` or `migrationsRun: true`. */
function ormconfig(context: FileContext, report: (r: Report) => void): void {
  if (!/^ormconfig\.(json|ya?ml)$/i.test(path.basename(context.path))) return;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 3) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && /^(synchronize|migrationsRun)$/.test(String(pair.key.value)) && isScalar(pair.value) && pair.value.value === true && pair.key.range && pair.value.range) {
          report({ messageId: 'synchronize', data: { key: String(pair.key.value) }, start: pair.key.range[0], end: pair.value.range[1], identity: `synchronize:${String(pair.key.value)}` });
        } else visit(pair.value, depth + 1);
      }
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      for (const item of (node as { items: unknown[] }).items) visit(item, depth + 1);
    }
  };
  for (const doc of context.yaml.docs) visit(doc.contents, 0);
}

export const rule: Rule = { meta, check };
