import ts = require('typescript');
import type { FileContext } from '../../context';
import { unlessRetired } from '../../workspace/roles';
import type { Report, Rule, RuleMeta } from '../types';
import { textGatesOn } from '../../keywords';
import { findBunyan, findLog4js } from './file-logging-config';
import { nearestManifest } from '../../workspace/manifest';
import { findFastify } from './file-logging-fastify';
import { FRAMEWORK_LOGS, findFrameworkLogs, frameworkRows, type FrameworkLogRow } from './file-logging-frameworks';
import { checkFileLoggingGo, GO_FILE_LOGGING_KEYWORDS, GO_FILE_LOGGING_MESSAGES } from './file-logging-go';
import { checkFileLoggingPython, checkFileLoggingYaml, PYTHON_FILE_LOGGING_KEYWORDS, PYTHON_FILE_LOGGING_MESSAGES } from './file-logging-python';
import { findPino } from './file-logging-pino';
import { Scope, type LogFinding } from './file-logging-scope';
import { isTemporaryCapture } from './file-logging-temporary';
import { isOptInFileLog } from './file-logging-optin';
import { findFsWrites, findStreams } from './file-logging-streams';
import { findWinston } from './file-logging-winston';
import { iniKeywords, iniSettings } from '../../workspace/iniSettings';

const STDOUT = 'Log to stdout and let the environment route the stream.';

export const meta: RuleMeta = {
  id: 'logs/file-logging',
  defaultSeverity: 'warning',
  description: 'An app writes its logs to stdout as an event stream; it never routes them to files itself.',
  messages: {
    winstonFile: `winston's {transport} transport writes logs to a file ({target}). ${STDOUT}`,
    pinoFile: `pino writes logs to a file ({target}). ${STDOUT}`,
    fastifyFile: `Fastify's \`logger.file\` makes pino write logs to a file ({target}). Drop \`file\`: the logger then writes to stdout, and the environment routes the stream.`,
    log4jsFile: `log4js appender \`{name}\` writes logs to a file (type \`{type}\`). Use a \`stdout\` appender and let the environment route the stream.`,
    bunyanFile: `bunyan writes logs to a file ({target}). Use \`stream: process.stdout\` and let the environment route the stream.`,
    morganFile: `morgan writes access logs to a file ({target}). Drop the \`stream\` option: morgan writes to stdout by default.`,
    consoleFile: `A console.Console writes to a file ({target}). Give it process.stdout and process.stderr.`,
    fsLogFile: `Logs are written to a local file ({target}) with \`{api}\`. Write them to stdout and let the environment route the stream.`,
    frameworkFile: `{framework}'s logger writes logs to files ({target}). Configure it to write to stdout and let the environment route the stream.`,
    stdoutFile: `\`{stream}.write\` is replaced by a file stream's ({target}): everything the process prints goes to a file. Leave the process's streams alone and let the environment route them.`,
    ...PYTHON_FILE_LOGGING_MESSAGES,
    ...GO_FILE_LOGGING_MESSAGES,
    iniLogMode: `The configuration's \`[{section}]\` \`{setting}\` writes logs to files. Log to the console (stdout) only and let the environment route the stream.`,
    iniLogHandler: `The logging configuration's handler \`{name}\` is a \`{handler}\`, which writes to a file ({target}). Use \`StreamHandler\` with \`(sys.stdout,)\`.`,
  },
  fixable: true,
  // JSON for log4js configuration files (`log4js.json`, a `log4js` section of config/default.json), which
  // `log4js.configure('./log4js.json')` or a config library hands to log4js from another module.
  // YAML for Python logging configurations in dictConfig's schema (`handlers:` with a `class:`), see checkFileLoggingYaml.
  // INI for the settings of INI_SETTINGS: an `app.ini`'s `[log] MODE = console, file`, a fileConfig file handler.
  kinds: ['js', 'json', 'python', 'go', 'yaml', 'properties'],
  // Every finding needs one of these in the text: a logging library's name, log4js's `appenders`, or a call that
  // opens or appends to a file (morgan and console.Console only matter with a file stream made in the same file,
  // so the much commoner words "morgan" and "console" are not needed to find them), or fastify for its `logger.file`.
  keywords: ['winston', 'pino', 'log4js', 'appenders', 'bunyan', 'createwritestream', 'appendfile', 'writefile', 'sonic-boom',
    'rotating-file-stream', 'file-stream-rotator', 'logrotate-stream', 'fastify', 'simple-node-logger', 'mini-logger', "'tracer'", '"tracer"', 'streams',
    '"log_dir"', 'file: true', 'file:true',
    ...PYTHON_FILE_LOGGING_KEYWORDS, ...GO_FILE_LOGGING_KEYWORDS, ...iniKeywords('logs/file-logging')],
};

/**
 * A finer test than the keywords before the file is parsed: whole library names (`pino`, not `spinoff`), and
 * `writeFile` only with an append flag somewhere in the file.
 */
const LIBRARY_CANDIDATE = /\b(winston|pino|log4js|bunyan)\b|appenders|sonic-boom|rotating-file-stream|file-stream-rotator|logrotate-stream|simple-node-logger|mini-logger|['"]tracer['"]|\bstreams['"]?\s*:\s*\[/i;
const FS_CALL = /createWriteStream|appendFile/i;
const APPEND_FLAG = /\bflag\s*:\s*['"`]a/;
/** A `file` option (`file: …` or shorthand `{ file }`): Fastify matters only with one. */
const FILE_OPTION = /\bfile\s*[:,}]/;

/** The settings of the frameworks in FRAMEWORK_LOGS: pixl-server's `"log_dir"`, lin-mizar's `file: true`. */
const FRAMEWORK_KEYWORDS = new RegExp(FRAMEWORK_LOGS.map((row) => row.keyword.source).join('|'));

export function isCandidate(text: string): boolean {
  return LIBRARY_CANDIDATE.test(text) || fsCandidate(text) || (/\bfastify\b/i.test(text) && FILE_OPTION.test(text));
}

function fsCandidate(text: string): boolean {
  return FS_CALL.test(text) || (/writeFile/i.test(text) && APPEND_FLAG.test(text));
}

/**
 * `fs` under any name the detectors resolve to it (`node:fs`, `fs/promises`, fs-extra, graceful-fs), as a module
 * specifier: a stream `fs.createWriteStream` opens, or an `fs.appendFile`, is found only through an import or a
 * `require` of one. A code file whose only candidate is such a call and that loads no `fs` (a bundle's
 * `fs.createWriteStream` on a polyfill object: mocha.js) cannot yield a finding, and is not parsed.
 */
const FS_MODULE = /['"`](?:node:)?(?:fs(?:\/promises)?|fs-extra|graceful-fs)['"`]/;

/** isCandidate, for a JavaScript or TypeScript file: a call of `fs` counts only with `fs` loaded. */
function isCodeCandidate(text: string): boolean {
  return LIBRARY_CANDIDATE.test(text) || (fsCandidate(text) && FS_MODULE.test(text)) || (/\bfastify\b/i.test(text) && FILE_OPTION.test(text));
}

/** Retired code (`roles.ts`: a root `old/`, `legacy/`… that no deployment reaches) runs as no process: nothing reported there. */
export function check(context: FileContext, report: (r: Report) => void): void {
  checkFile(context, unlessRetired(context, report));
}

function checkFile(context: FileContext, report: (r: Report) => void): void {
  if (context.kind === 'python') return checkFileLoggingPython(context, report);
  if (context.kind === 'go') return checkFileLoggingGo(context, report);
  if (context.kind === 'yaml') return checkFileLoggingYaml(context, report);
  if (context.kind === 'properties') return iniSettings(context, 'logs/file-logging').forEach((f) => report(f));
  // Frameworks that log to files by default are judged only in a project that declares them (one manifest read).
  const frameworks = context.host && FRAMEWORK_KEYWORDS.test(context.text) ? frameworkRows(context.text, nearestManifest(context.host, context.path)?.declared) : [];
  // For code the text test is a prefilter like the engine's: `withoutTextGates` (the tests' full path) runs every detector.
  const candidate = context.kind === 'js' ? !textGatesOn() || isCodeCandidate(context.text) : isCandidate(context.text);
  if (!candidate && frameworks.length === 0) return;
  if (context.kind === 'json') {
    reportAll(jsonConfig(context, candidate, frameworks), report);
    return;
  }
  const scope = new Scope(context.sourceFile, context.text, context.program);
  const findings: LogFinding[] = [
    ...(candidate ? [...findWinston(scope), ...findPino(scope), ...findFastify(scope), ...findLog4js(scope), ...findBunyan(scope), ...findStreams(scope), ...findFsWrites(scope)] : []),
    ...findFrameworkLogs(scope, frameworks, false),
  ].filter((f) => {
    const node = nodeAt(context.sourceFile, f.start, f.end);
    return !isTemporaryCapture(scope, node) && !isOptInFileLog(node);
  });
  reportAll(findings, report);
}

/** log4js appenders and bunyan streams in a JSON file, read with TypeScript's JSON parser (the file context parses JavaScript). */
function jsonConfig(context: FileContext, candidate: boolean, frameworks: readonly FrameworkLogRow[]): LogFinding[] {
  const libraries = candidate && /"(appenders|streams)"\s*:/.test(context.text);
  if (!libraries && frameworks.length === 0) return [];
  // With parent pointers, which the detectors climb (`ts.parseJsonText` leaves them unset).
  const json = ts.createSourceFile(context.path, context.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JSON);
  const scope = new Scope(json, context.text);
  // bunyan's fix writes `stream: process.stdout`, which JSON cannot hold: there the finding has no fix.
  return [
    ...(libraries ? [...findLog4js(scope), ...findBunyan(scope).map((f) => ({ ...f, fix: undefined }))] : []),
    ...findFrameworkLogs(scope, frameworks, true),
  ];
}

/** One report per place, even when two shapes describe the same code. */
function reportAll(findings: LogFinding[], report: (r: Report) => void): void {
  const seen = new Set<string>();
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const f of findings) {
    const key = `${f.start}:${f.end}`;
    // A half-typed option (`filename: ` with nothing after it yet) has no target to name: wait until it has one.
    if (seen.has(key) || f.data.target === '') continue;
    seen.add(key);
    report({ messageId: f.messageId, data: f.data, start: f.start, end: f.end, identity: f.identity, fixes: f.fix ? [f.fix] : undefined });
  }
}

/** The innermost node that spans exactly a finding's range (or the file, if none does). */
function nodeAt(sf: ts.SourceFile, start: number, end: number): ts.Node {
  let found: ts.Node = sf;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) <= start && n.getEnd() >= end) {
      found = n;
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(sf, visit);
  return found;
}

export const rule: Rule = { meta, check };
