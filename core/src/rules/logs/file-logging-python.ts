import * as path from 'node:path';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { enclosingHeaders } from '../../python/blocks';
import { pythonImportEdit } from '../../python/edits';
import { importedSwitchOnByDefault } from '../../python/settingDefaults';
import type { PyCall, PyExpr, PythonFacts } from '../../python/types';
import type { Report } from '../types';

const STDOUT = 'Log to stdout and let the environment route the stream.';

export const PYTHON_FILE_LOGGING_MESSAGES: Record<string, string> = {
  pyFileHandler: `\`{handler}\` writes logs to a file ({target}). ${STDOUT}`,
  pyBasicConfigFile: `\`logging.basicConfig(filename=…)\` writes logs to a file ({target}). Drop \`filename\`: basicConfig then logs to stderr.`,
  pyDictConfigFile: `The logging configuration's handler \`{name}\` is a \`{handler}\`, which writes to a file ({target}). Use \`logging.StreamHandler\` with \`ext://sys.stdout\`.`,
  pyLoguruFile: `loguru's \`logger.add\` writes logs to a file ({target}). Add \`sys.stdout\` as the sink instead.`,
  pyGunicornLog: `gunicorn's \`{setting}\` writes to a file ({target}). Set it to "-" so gunicorn logs to stdout.`,
};

/** Keywords the engine tests before the rule runs on a Python file (lower case). */
export const PYTHON_FILE_LOGGING_KEYWORDS = ['filehandler', 'basicconfig', 'loguru', 'accesslog', 'errorlog'];

/**
 * logging's handlers that write files, by qualified name. Each row: what a file that uses it looks like, and
 * one that does not (checked by the tests).
 */
export const FILE_HANDLERS: Array<{ name: string; tp: string; fp: string }> = [
  { name: 'logging.FileHandler', tp: "h = logging.FileHandler('app.log')", fp: 'h = logging.StreamHandler(sys.stdout)' },
  { name: 'logging.handlers.RotatingFileHandler', tp: "RotatingFileHandler('app.log', maxBytes=1000)", fp: 'SysLogHandler()' },
  { name: 'logging.handlers.TimedRotatingFileHandler', tp: "TimedRotatingFileHandler('app.log', when='d')", fp: 'QueueHandler(q)' },
  { name: 'logging.handlers.WatchedFileHandler', tp: "WatchedFileHandler('/var/log/app.log')", fp: 'logging.NullHandler()' },
  { name: 'concurrent_log_handler.ConcurrentRotatingFileHandler', tp: "ConcurrentRotatingFileHandler('app.log')", fp: 'StreamHandler()' },
];

const HANDLER_NAMES = new Map(FILE_HANDLERS.map((h) => [h.name, h.name.split('.').pop() as string]));
/** The same classes named in a dictConfig / Django LOGGING dict: `'logging.handlers.RotatingFileHandler'`. */
const HANDLER_CLASS = /^(?:logging\.(?:handlers\.)?)?(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler)$|^concurrent_log_handler\.\w*FileHandler$/;
/**
 * A project's own handler class named as a file handler (`jumpserver.rewriting.logging.DailyTimedRotatingFileHandler`,
 * a `TimedRotatingFileHandler` subclass that rotates daily), given a `filename`: it writes that file. Without a
 * `filename` the name alone is not enough to say where it writes.
 */
const NAMED_FILE_HANDLER = /^(?:[A-Za-z_]\w*\.)*\w*FileHandler$/;
/** Whether a handler block writes a file: a file class of logging's, or a class named as one with a `filename`. */
const writesFile = (handler: string, hasFilename: boolean): boolean => HANDLER_CLASS.test(handler) || (hasFilename && NAMED_FILE_HANDLER.test(handler));
// `if Logging.file_logs:`, `if settings.LOG_TO_FILE:`, `if config.log_file:`: the file handler is created only
// when a setting named for file logging is switched on, so the default is the stream (`if not …` is not).
const FILE_LOG_SWITCH = /^(?:el)?if\s+(?!not\b)[^:#]*?(?:file_?logs?|file_?logging|log_?files?|log_?to_?files?)\b[^:#]*:/i;
// `if 'file' in app.config['LOG_HANDLERS']:`, `if "file" in settings.log_outputs:`: a list of log destinations
// that holds the file only when the operator adds it.
const FILE_IN_LOG_SETTING = /^(?:el)?if\s+(['"])file\1\s+in\s+[^:#]*log[^:#]*:/i;
const isFileLogSwitch = (header: string): boolean => FILE_LOG_SWITCH.test(header) || FILE_IN_LOG_SETTING.test(header);

/**
 * `if filename:` around `FileHandler(filename)`: the handler is made only when the caller gave a path (a
 * `--log-file` option, whose default is none), so the default is the stream. The same for a path read from the
 * configuration and tested first (`if conf.get("general", "log-file"): FileHandler(conf.get("general", "log-file"))`,
 * `if args.log_file:`): the handler exists only when the operator set the path.
 */
function testsName(header: string, target: PyExpr | undefined): boolean {
  if (!target || !/^(?:identifier|attribute|call|subscript)$/.test(target.type) || target.text.length >= 200) return false;
  const m = /^(?:el)?if\s+(.+?)\s*(?:is\s+not\s+None\s*)?:\s*(?:#.*)?$/.exec(header);
  return m !== null && squeeze(m[1]) === squeeze(target.text);
}

const squeeze = (code: string): string => code.replace(/\s+/g, '').replace(/'/g, '"');

/**
 * A file-logging switch around the handler makes it opt-in, unless the setting it reads defaults to on in the
 * module it is imported from (`enable_log_to_file: bool = Field(default=True)`): then files are written by default.
 */
function optInSwitch(context: FileContext, facts: PythonFacts, header: string): boolean {
  return FILE_IN_LOG_SETTING.test(header) || (FILE_LOG_SWITCH.test(header) && !importedSwitchOnByDefault(context.host, context.path, facts.imports, header));
}

/**
 * loguru takes a `pathlib.Path` sink, or a path joined with `os.path.join`, as a file to write
 * (https://loguru.readthedocs.io/en/stable/api/logger.html#sink: "an object in the form of a str or pathlib.Path").
 */
function isPathCall(facts: PythonFacts, e: PyExpr): boolean {
  const call = e.call !== undefined ? facts.calls[e.call] : undefined;
  return !!call && /^(?:pathlib\.(?:Pure)?Path|os\.path\.join)$/.test(call.callee);
}

/** Paths that are the process's own streams, not files. */
const STREAM_PATH = /^(?:-|\/dev\/(?:stdout|stderr|null)|\/proc\/self\/fd\/[12])$/;

export function checkFileLoggingPython(context: FileContext, report: (r: Report) => void): void {
  const facts = context.python;
  if (!facts) return;
  for (const call of facts.calls) {
    const handler = HANDLER_NAMES.get(call.callee);
    if (handler) {
      const target = call.args[0] ?? call.kwargs.filename;
      if ((target && isStream(target, facts)) || enclosingHeaders(context.text, call.start).some((h) => optInSwitch(context, facts, h) || testsName(h, target))) continue;
      report({ messageId: 'pyFileHandler', data: { handler, target: targetOf(target) }, start: call.start, end: call.end, identity: `pyFileHandler:${handler}`, fixes: stdoutFix(facts, call) });
    } else if (call.callee === 'logging.basicConfig' && call.kwargs.filename && !isStream(call.kwargs.filename, facts)) {
      const f = call.kwargs.filename;
      report({ messageId: 'pyBasicConfigFile', data: { target: targetOf(f) }, start: call.start, end: call.end, identity: 'pyBasicConfigFile' });
    } else if (call.callee === 'loguru.logger.add') {
      const sink = call.args[0] ?? call.kwargs.sink;
      if (!sink || !(sink.string || isPathCall(facts, sink)) || isStream(sink, facts)) continue;
      if (enclosingHeaders(context.text, call.start).some((h) => optInSwitch(context, facts, h))) continue;
      report({ messageId: 'pyLoguruFile', data: { target: targetOf(sink) }, start: call.start, end: call.end, identity: 'pyLoguruFile', fixes: loguruFix(facts, context.text, call, sink) });
    }
  }
  for (const entry of facts.dictEntries) {
    const handler = entry.key === 'class' ? entry.value.string?.value : undefined;
    if (!handler || !NAMED_FILE_HANDLER.test(handler)) continue;
    const siblings = facts.dictEntries.find((e) => e.value.entries?.some((x) => x.keyStart === entry.keyStart));
    const own = siblings?.value.entries;
    const filename = own?.find((e) => e.key === 'filename')?.value;
    if (!writesFile(handler, filename !== undefined)) continue;
    if (filename && (isStream(filename, facts) || optInPath(context.text, facts, filename))) continue;
    report({
      messageId: 'pyDictConfigFile', data: { name: siblings?.key ?? 'handler', handler: handler.split('.').pop() ?? handler, target: filename ? targetOf(filename) : 'a file' },
      start: entry.value.start, end: entry.value.end, identity: `pyDictConfigFile:${siblings?.key ?? ''}`,
    });
  }
  if (isGunicornConfig(context.path)) gunicornLogs(facts, report);
}

// A handler's stream named where a file would be: dictConfig's `ext://sys.stdout`, or the process's own streams.
const STREAM_TARGET = /^(?:ext:\/\/sys\.std(?:out|err)|\/dev\/std(?:out|err)|\/proc\/self\/fd\/[12])$/;
const YAML_CONFIG_DEPTH = 3;

/**
 * A logging configuration in YAML, in `logging.config.dictConfig`'s schema
 * (https://docs.python.org/3/library/logging.config.html#logging-config-dictschema): a mapping with `version:` and
 * `handlers:`, at the top of the file or under a key (`logging:` in an app's `config.yaml`, which the app hands to
 * dictConfig; a bot manager's example config that every install copies). A handler whose `class` writes files is
 * reported as in a Python `LOGGING` dict; a mapping without `version` is not dictConfig's.
 */
export function checkFileLoggingYaml(context: FileContext, report: (r: Report) => void): void {
  const visit = (node: unknown, depth: number): void => {
    if (!isMap(node) || depth > YAML_CONFIG_DEPTH) return;
    const handlers = node.get('handlers', true);
    if (node.has('version') && isMap(handlers)) yamlHandlers(handlers, report);
    else for (const pair of node.items) visit(pair.value, depth + 1);
  };
  for (const doc of context.yaml.docs) visit(doc.contents, 0);
}

function yamlHandlers(handlers: YAMLMap, report: (r: Report) => void): void {
  for (const pair of handlers.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const cls = pair.value.get('class', true);
    const handler = isScalar(cls) && typeof cls.value === 'string' ? cls.value : undefined;
    const filename = pair.value.get('filename', true);
    if (!handler || !writesFile(handler, pair.value.has('filename')) || !cls?.range) continue;
    const target = isScalar(filename) && filename.value !== null ? String(filename.value) : undefined;
    if (target !== undefined && STREAM_TARGET.test(target)) continue;
    const name = String(pair.key.value);
    report({
      messageId: 'pyDictConfigFile', data: { name, handler: handler.split('.').pop() ?? handler, target: target ?? 'a file' },
      start: cls.range[0], end: cls.range[1], identity: `pyDictConfigFile:${name}`,
    });
  }
}

/**
 * A dictConfig handler's `filename` held by a variable that names a file only under a file-logging switch and a
 * stream otherwise: `if 'file' in LOG_HANDLERS: log_file = …` / `else: log_file = '/dev/null'`. The default
 * writes nowhere; the operator who switches file logging on asks for the file.
 */
function optInPath(text: string, facts: PythonFacts, filename: PyExpr): boolean {
  if (filename.type !== 'identifier') return false;
  const set = facts.assignments.filter((a) => a.path.length === 1 && a.path[0] === filename.text);
  return set.length > 0 && set.every((a) => isStream(a.value, facts) || enclosingHeaders(text, a.start).some(isFileLogSwitch));
}

/** gunicorn's settings file: `gunicorn.conf.py` (its default name), `gunicorn_config.py`, `gunicorn.py`, `conf/gunicorn_*.py`. */
function isGunicornConfig(filePath: string): boolean {
  return /gunicorn/i.test(path.basename(filePath));
}

function gunicornLogs(facts: PythonFacts, report: (r: Report) => void): void {
  for (const a of facts.assignments) {
    const setting = a.path.length === 1 ? a.path[0] : undefined;
    if ((setting !== 'accesslog' && setting !== 'errorlog') || a.scope !== 'module') continue;
    const s = a.value.string;
    if (!s || isStream(a.value, facts)) continue;
    const fix: EditFix = { kind: 'edit', id: 'log-to-stdout', title: `Set ${setting} to "-" (stdout)`, edits: [{ start: s.start, end: s.end, text: '"-"' }], preferred: true };
    report({ messageId: 'pyGunicornLog', data: { setting, target: targetOf(a.value) }, start: a.value.start, end: a.value.end, identity: `pyGunicornLog:${setting}`, fixes: [fix] });
  }
}

/**
 * A stream, or an env read whose default is one (`os.environ.get('LOG_FILE', '/dev/null')`): the file is written
 * only when the operator sets the variable, as with a file-logging switch that defaults to off.
 */
function isStream(e: PyExpr, facts?: PythonFacts): boolean {
  if (e.string) return STREAM_PATH.test(e.string.value.trim()) || e.string.value.trim() === '';
  const fallback = e.envRead !== undefined ? facts?.envReads[e.envRead]?.fallback : undefined;
  if (fallback) return isStream(fallback);
  return /^sys\.(?:stdout|stderr)$|^os\.devnull$/.test(e.text);
}

function targetOf(e: PyExpr | undefined): string {
  if (!e) return 'a file';
  const t = e.string && !e.string.interpolated ? e.string.value : e.text;
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** `logging.FileHandler('app.log')` → `logging.StreamHandler(sys.stdout)`: the same handler API, on stdout. */
function stdoutFix(facts: PythonFacts, call: PyCall): EditFix[] {
  const logging = facts.imports.get('logging') === 'logging';
  const edits = [{ start: call.start, end: call.end, text: `${logging ? 'logging.' : ''}StreamHandler(sys.stdout)` }];
  const sys = pythonImportEdit(facts, 'sys');
  if (sys) edits.push(sys);
  if (!logging && facts.imports.get('StreamHandler') !== 'logging.StreamHandler') {
    const at = sys ? sys.start : facts.importInsertAt;
    edits.push({ start: at, end: at, text: at === 0 ? 'from logging import StreamHandler\n' : '\nfrom logging import StreamHandler' });
  }
  return [{ kind: 'edit', id: 'log-to-stdout', title: 'Log to stdout (StreamHandler(sys.stdout))', edits: merge(edits), preferred: true }];
}

/**
 * The keywords loguru takes "if and only if the sink is a file path" (https://loguru.readthedocs.io/en/stable/api/logger.html#file):
 * given with a stream sink, `add` raises TypeError, so the fix drops them.
 */
const FILE_SINK_KEYWORDS = new Set(['rotation', 'retention', 'compression', 'delay', 'watch', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener']);

/** `logger.add('app.log', rotation='1 day', level='INFO')` → `logger.add(sys.stdout, level='INFO')`. */
function loguruFix(facts: PythonFacts, text: string, call: PyCall, sink: PyExpr): EditFix[] {
  const edits = [{ start: sink.start, end: sink.end, text: 'sys.stdout' }];
  const parts = [...call.args, ...Object.values(call.kwargs)].sort((a, b) => a.start - b.start);
  for (const [name, value] of Object.entries(call.kwargs)) {
    if (!FILE_SINK_KEYWORDS.has(name)) continue;
    // From the end of the argument before it (its comma and the line break go too) to the end of its value.
    const before = parts.filter((p) => p.end <= value.start && p !== value).pop();
    const keyAt = text.lastIndexOf(name, value.start);
    if (!before || keyAt < before.end) continue;
    edits.push({ start: before.end, end: value.end, text: '' });
  }
  const sys = pythonImportEdit(facts, 'sys');
  if (sys) edits.push(sys);
  return [{ kind: 'edit', id: 'log-to-stdout', title: 'Log to stdout (sys.stdout)', edits, preferred: true }];
}

/** Two insertions at the same place become one edit, in order: editors refuse overlapping edits. */
function merge(edits: Array<{ start: number; end: number; text: string }>): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const e of edits) {
    const same = out.find((o) => o.start === e.start && o.end === e.end && o.start === o.end);
    if (same) same.text += e.text;
    else out.push({ ...e });
  }
  return out;
}
