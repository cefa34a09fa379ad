import ts = require('typescript');
import { propertyValue, unwrap } from '../../js/modules';
import { holder, propertyName, shortText, type LogFinding, type Scope } from './file-logging-scope';

/**
 * Frameworks whose own logger writes files by default, configured by the app's settings: the setting that sends
 * the logs there is the finding. Each row: the package the project must declare, the settings' shape (a key of a
 * JSON configuration, or an object of a configuration module), a true and a false example (checked by the tests in
 * test/unit/rules/logs/file-logging/others.ts).
 */
export interface FrameworkLogRow {
  /** The framework's package, which the nearest package.json declares. */
  package: string;
  /** The option that names the folder or turns the files on; reported there. */
  find: (scope: Scope, json: boolean) => ts.Node | undefined;
  /** A cheap text test before the scope is read. */
  keyword: RegExp;
  tp: string;
  fp: string;
}

export const FRAMEWORK_LOGS: readonly FrameworkLogRow[] = [
  {
    // pixl-server's logger (pixl-logger) writes every component's log to `log_dir`/`log_filename`; `echo` only
    // adds a copy on the console (https://github.com/jhuckaby/pixl-server#log_dir). Its configuration is JSON.
    package: 'pixl-server',
    keyword: /"log_dir"\s*:/,
    find: (scope, json) => (json ? topLevel(scope, 'log_dir') : undefined),
    tp: '{\n  "base_app_url": "http://localhost:3012",\n  "log_dir": "logs",\n  "log_filename": "[component].log"\n}\n',
    fp: '{\n  "base_app_url": "http://localhost:3012",\n  "debug_level": 5\n}\n',
  },
  {
    // lin-mizar (the Lin CMS Koa core) writes its log to daily files under `log.dir` when `log.file` is true
    // (lin-cms-koa's app/config/log.js ships `file: true`).
    package: 'lin-mizar',
    keyword: /\bfile\s*:\s*true\b/,
    find: (scope, json) => {
      if (json) return undefined;
      for (const object of scope.objects) {
        const file = propertyValue(object, 'file');
        const h = holder(object);
        if (file && unwrap(file).kind === ts.SyntaxKind.TrueKeyword && propertyValue(object, 'dir') && ts.isPropertyAssignment(h) && propertyName(h) === 'log') return file.parent;
      }
      return undefined;
    },
    tp: "module.exports = {\n  log: { level: 'DEBUG', dir: 'logs', file: true }\n};\n",
    fp: "module.exports = {\n  log: { level: 'DEBUG', dir: 'logs', file: false }\n};\n",
  },
];

/** A key of the JSON document's top-level object. */
function topLevel(scope: Scope, key: string): ts.Node | undefined {
  const statement = scope.sourceFile.statements[0];
  const root = statement && ts.isExpressionStatement(statement) ? unwrap(statement.expression) : undefined;
  if (!root || !ts.isObjectLiteralExpression(root)) return undefined;
  const value = propertyValue(root, key);
  return value?.parent;
}

/** The framework rows whose package the project declares and whose keyword the text holds. */
export function frameworkRows(text: string, declared: ReadonlySet<string> | undefined): FrameworkLogRow[] {
  return declared ? FRAMEWORK_LOGS.filter((row) => declared.has(row.package) && row.keyword.test(text)) : [];
}

export function findFrameworkLogs(scope: Scope, rows: readonly FrameworkLogRow[], json: boolean): LogFinding[] {
  const found: LogFinding[] = [];
  for (const row of rows) {
    const node = row.find(scope, json);
    if (!node) continue;
    const value = ts.isPropertyAssignment(node) ? node.initializer : node;
    // The folder the files go to names them best (`dir: 'logs'` beside `file: true`).
    const dir = ts.isObjectLiteralExpression(node.parent) ? propertyValue(node.parent, 'dir') : undefined;
    const target = shortText(scope, dir ?? value);
    found.push({ messageId: 'frameworkFile', data: { framework: row.package, target }, start: node.getStart(scope.sourceFile), end: node.getEnd(), identity: `frameworkFile:${row.package}` });
  }
  return found;
}
