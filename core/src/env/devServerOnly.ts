import * as path from 'node:path';
import ts = require('typescript');
import { propertyNameText } from '../secrets/ast';

/**
 * Settings of a framework's configuration that only its development server reads, each with its documentation:
 * - Next.js `allowedDevOrigins` ("additional origins that can request the dev server",
 *   https://nextjs.org/docs/app/api-reference/config/next-config-js/allowedDevOrigins) and `devIndicators` ("the
 *   on-screen indicator that gives context about the current route you're viewing during development",
 *   https://nextjs.org/docs/app/api-reference/config/next-config-js/devIndicators).
 * `next build` and `next start` never read them, so a variable whose value goes only there is set by a developer
 * at their desk, not by whoever deploys.
 */
const DEV_SERVER_SETTINGS: ReadonlyArray<{ config: RegExp; keys: ReadonlySet<string> }> = [
  { config: /^next\.config\.[cm]?[jt]s$/, keys: new Set(['allowedDevOrigins', 'devIndicators']) },
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
    if (ts.isPropertyAssignment(node) && key !== undefined && row.keys.has(key)) {
      ranges.push([node.initializer.getStart(), node.initializer.getEnd()]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile());
  return ranges;
}
