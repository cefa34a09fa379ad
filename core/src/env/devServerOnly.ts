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
  const visit = (node: ts.Node): void => {
    const key = ts.isPropertyAssignment(node) ? propertyNameText(node.name) : undefined;
    if (ts.isPropertyAssignment(node) && key !== undefined && row.keys.has(key) && inConfigObject(node, row.topLevel)) {
      const spread = guardedSpread(node, row.keys);
      ranges.push(spread ? [spread.getStart(), spread.getEnd()] : [node.initializer.getStart(), node.initializer.getEnd()]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile());
  return ranges;
}

/**
 * `...(cond && { key: … })` (or `cond ? { key } : {}`) where the object holds only development settings: the
 * spread, whose guard reads the same variable, is part of the setting.
 */
function guardedSpread(node: ts.PropertyAssignment, keys: ReadonlySet<string>): ts.SpreadAssignment | undefined {
  const owner = node.parent;
  if (!ts.isObjectLiteralExpression(owner) || !owner.properties.every((p) => p.name !== undefined && keys.has(propertyNameText(p.name) ?? ''))) return undefined;
  let n: ts.Node = owner;
  while (ts.isParenthesizedExpression(n.parent) || (ts.isBinaryExpression(n.parent) && n.parent.right === n && n.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) || (ts.isConditionalExpression(n.parent) && n.parent.condition !== n)) n = n.parent;
  return ts.isSpreadAssignment(n.parent) ? n.parent : undefined;
}

/** The property sits in the configuration object itself: one holding another of the tool's top-level keys. */
function inConfigObject(node: ts.PropertyAssignment, topLevel: ReadonlySet<string> | undefined): boolean {
  if (!topLevel) return true;
  const owner = node.parent;
  return ts.isObjectLiteralExpression(owner) && owner.properties.some((p) => p !== node && p.name !== undefined && topLevel.has(propertyNameText(p.name) ?? ''));
}
