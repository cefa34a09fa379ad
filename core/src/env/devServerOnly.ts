import * as path from 'node:path';
import ts = require('typescript');
import { propertyNameText } from '../secrets/ast';

/**
 * Settings of a framework's configuration that only its development server reads, each with its documentation:
 * - Next.js `allowedDevOrigins` ("additional origins that can request the dev server",
 *   https://nextjs.org/docs/app/api-reference/config/next-config-js/allowedDevOrigins) and `devIndicators` ("the
 *   on-screen indicator that gives context about the current route you're viewing during development",
 *   https://nextjs.org/docs/app/api-reference/config/next-config-js/devIndicators).
 * - Vite's `server` options ("Server Options": the dev server's host, port, https, proxy,
 *   https://vite.dev/config/server-options). `vite build` never reads them; `vite preview` falls back to a few of
 *   them, and Vite documents preview as "not designed to be a production server".
 * - Prisma's `shadowDatabaseUrl` in `prisma.config.*`: the scratch database only `prisma migrate dev` uses to
 *   detect schema drift ("the shadow database is ... only used by development commands",
 *   https://www.prisma.io/docs/orm/prisma-migrate/understanding-prisma-migrate/shadow-database); `migrate deploy`
 *   never reads it. A spread that adds it only when set (`...(process.env.X && { shadowDatabaseUrl: … })`) is the
 *   same setting, its guard included.
 * `next build` and `next start` never read them, so a variable whose value goes only there is set by a developer
 * at their desk, not by whoever deploys. A key counts in the configuration object itself (`server` beside
 * `plugins` or `build`), not in a plugin's options of the same name.
 */
const DEV_SERVER_SETTINGS: ReadonlyArray<{ config: RegExp; keys: ReadonlySet<string>; topLevel?: ReadonlySet<string> }> = [
  { config: /^next\.config\.[cm]?[jt]s$/, keys: new Set(['allowedDevOrigins', 'devIndicators']) },
  {
    config: /^vite\.config\.[cm]?[jt]s$/,
    keys: new Set(['server']),
    topLevel: new Set(['plugins', 'build', 'resolve', 'root', 'base', 'define', 'css', 'optimizeDeps', 'preview', 'publicDir', 'envDir', 'envPrefix', 'appType', 'mode', 'cacheDir', 'esbuild', 'worker', 'ssr']),
  },
  { config: /^prisma\.config\.[cm]?[jt]s$/, keys: new Set(['shadowDatabaseUrl']) },
];

/**
 * The ranges of a configuration file's values that only the framework's development server reads (the value of
 * `allowedDevOrigins: [...]` in `next.config.ts`), or none for any other file. A read inside one is a developer's
 * setting; a read outside (a `SENTRY_ORG` beside it) is judged as usual.
 */
export function devServerOnlyRanges(file: string, sourceFile: () => ts.SourceFile, text: string): Array<[number, number]> {
  const row = DEV_SERVER_SETTINGS.find((r) => r.config.test(path.basename(file)));
  if (!row || ![...row.keys].some((k) => text.includes(k))) return [];
  const ranges: Array<[number, number]> = [];
  const source = sourceFile();
  const visit = (node: ts.Node): void => {
    const key = ts.isPropertyAssignment(node) ? propertyNameText(node.name) : undefined;
    if (ts.isPropertyAssignment(node) && key !== undefined && row.keys.has(key) && inConfigObject(node, row.topLevel)) {
      const spread = guardedSpread(node, row.keys);
      ranges.push(spread ? [spread.getStart(), spread.getEnd()] : [node.initializer.getStart(), node.initializer.getEnd()]);
      if (ts.isIdentifier(node.initializer)) ranges.push(...onlyValueOf(source, node.initializer, spread ?? node));
      return;
    }
    // `allowedDevOrigins,` with the value computed above it.
    if (ts.isShorthandPropertyAssignment(node) && row.keys.has(node.name.text) && inConfigObject(node, row.topLevel)) {
      const spread = guardedSpread(node, row.keys);
      if (spread) ranges.push([spread.getStart(), spread.getEnd()]);
      ranges.push(...onlyValueOf(source, node.name, spread ?? node));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return ranges;
}

/**
 * The initializer of the `const` a development setting takes its value from (`const allowedDevOrigins =
 * process.env.X ? … : undefined;` above `{ allowedDevOrigins }`), when the file uses that constant nowhere else: its
 * reads go to the development server only. Uses inside the setting itself count as that use (the guard of
 * `...(origins.length > 0 ? { allowedDevOrigins: origins } : {})`); used elsewhere too (the built app's
 * `images.domains`), it is not.
 */
function onlyValueOf(source: ts.SourceFile, use: ts.Identifier, setting: ts.Node): Array<[number, number]> {
  const [from, to] = [setting.getStart(), setting.getEnd()];
  const name = use.text;
  let declaration: ts.VariableDeclaration | undefined;
  let others = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) {
      if (declaration || !node.initializer || !(ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) || node.parent.parent.parent !== source) others++;
      else declaration = node;
      if (node.initializer) visit(node.initializer);
      return;
    }
    if (ts.isIdentifier(node) && node.text === name && (node.getStart() < from || node.getEnd() > to) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) others++;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return declaration?.initializer && others === 0 ? [[declaration.initializer.getStart(), declaration.initializer.getEnd()]] : [];
}

/**
 * `...(cond && { key: … })` (or `cond ? { key } : {}`) where the object holds only development settings: the
 * spread, whose guard reads the same variable, is part of the setting.
 */
function guardedSpread(node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, keys: ReadonlySet<string>): ts.SpreadAssignment | undefined {
  const owner = node.parent;
  if (!ts.isObjectLiteralExpression(owner) || !owner.properties.every((p) => p.name !== undefined && keys.has(propertyNameText(p.name) ?? ''))) return undefined;
  let n: ts.Node = owner;
  while (ts.isParenthesizedExpression(n.parent) || (ts.isBinaryExpression(n.parent) && n.parent.right === n && n.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) || (ts.isConditionalExpression(n.parent) && n.parent.condition !== n)) n = n.parent;
  return ts.isSpreadAssignment(n.parent) ? n.parent : undefined;
}

/** The property sits in the configuration object itself: one holding another of the tool's top-level keys. */
function inConfigObject(node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, topLevel: ReadonlySet<string> | undefined): boolean {
  if (!topLevel) return true;
  const owner = node.parent;
  return ts.isObjectLiteralExpression(owner) && owner.properties.some((p) => p !== node && p.name !== undefined && topLevel.has(propertyNameText(p.name) ?? ''));
}
