import ts = require('typescript');

/**
 * The usage a hand-run script documents in its own header comment: whoever runs it reads that comment, not the
 * app's `.env.example`. Dokploy's `scripts/migrate-auth-secret.ts` opens with
 * `Usage: OLD_SECRET=<old> NEW_SECRET=<new> npx tsx …`, swetrix's `scripts/translate.js` lists
 * `GEMINI_API_KEY      Required. …` under "Environment". A script is a file in a `scripts/` or `script/` folder
 * (a package's `bin/` is a command its users install, who read its `--help`, not its source); its header is the comments before its first statement that is not an
 * import (a doc comment after the imports counts). The variable is documented there when the header:
 * - assigns it (`NAME=value`, a usage command line);
 * - starts a line with it, followed by a colon, a dash, a parenthesis or a column gap (an options list:
 *   `NAME   Required. …`, `- NAME: …`);
 * - says to set it as a variable of the environment (`set CLIENT_ID env var`, "the `NAME` environment variable").
 * A name mentioned otherwise ("reads DATABASE_URL"), a comment further down, and an app module's comments declare nothing.
 */
export function scriptHeader(sf: ts.SourceFile, relativePath: string): string | undefined {
  if (!SCRIPT_FOLDER.test(relativePath.replace(/\\/g, '/'))) return undefined;
  const parts: string[] = [];
  for (const statement of sf.statements) {
    for (const range of ts.getLeadingCommentRanges(sf.text, statement.getFullStart()) ?? []) parts.push(sf.text.slice(range.pos, range.end));
    if (!isImport(statement)) break;
  }
  const header = parts.join('\n');
  return header.length > 0 ? header : undefined;
}

/** Whether the script's header (from `scriptHeader`) documents the variable, by the forms above. */
export function documentedInHeader(header: string, name: string): boolean {
  const n = name.replace(/[$]/g, '\\$&');
  const q = '[`\'"*]*';
  return (
    new RegExp(`(?<![\\w$])${n}=`).test(header) ||
    new RegExp(`^[ \\t]*(?:(?:/\\*+|\\*|//+|#|-)[ \\t]*)*${q}${n}${q}(?:[ \\t]*[:(]|[ \\t]+[-–—][ \\t]|[ \\t]{2,}\\S)`, 'm').test(header) ||
    new RegExp(`\\bset(?:ting)?\\s+(?:the\\s+)?${q}${n}${q}\\s+(?:env\\b|environment)`, 'i').test(header) ||
    new RegExp(`(?<![\\w$])${q}${n}${q}\\s+(?:env(?:ironment)?\\s+var(?:iable)?)`, 'i').test(header)
  );
}

const SCRIPT_FOLDER = /(?:^|\/)scripts?\//;

/** `import …`, `import x = require(…)`, `const x = require(…)`, `require('dotenv/config')`. */
function isImport(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true;
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.every((d) => d.initializer !== undefined && isRequire(d.initializer));
  return ts.isExpressionStatement(statement) && isRequire(statement.expression);
}

function isRequire(node: ts.Expression): boolean {
  let e = node;
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require';
}
