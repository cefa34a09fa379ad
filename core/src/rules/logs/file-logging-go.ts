import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { enclosingBlockHeaders, isFileLogOption, isFileLogSwitch, isPathGivenSwitch } from '../../go/blocks';
import { goImportEdits } from '../../go/edits';
import type { GoExpr, GoFacts } from '../../go/types';
import type { Report } from '../types';

const STDOUT = 'Log to stdout and let the environment route the stream.';

export const GO_FILE_LOGGING_MESSAGES: Record<string, string> = {
  goSetOutputFile: `\`{call}\` sends logs to a file ({target}). ${STDOUT}`,
  goLumberjack: `lumberjack writes logs to a rotating file ({target}). ${STDOUT}`,
  goZapPaths: `zap's \`{key}\` writes logs to a file ({target}). Use "stdout" or "stderr".`,
  goZerologFile: `zerolog writes logs to a file ({target}). ${STDOUT}`,
};

/** Keywords the engine tests before the rule runs on a Go file (lower case). */
export const GO_FILE_LOGGING_KEYWORDS = ['setoutput', 'lumberjack', 'outputpaths', 'zerolog', 'log.new(', 'slog.new', '.out ='];

const LUMBERJACK = /^gopkg\.in\/natefinch\/lumberjack(?:\.v\d)?\.Logger$|^github\.com\/natefinch\/lumberjack(?:\/v\d)?\.Logger$/;
const ZEROLOG = /^github\.com\/rs\/zerolog(?:\/log)?$/;
const LOGRUS = /^github\.com\/[Ss]irupsen\/logrus$/;
/** Constructors whose first argument is the writer the logger writes to: the standard `log.New`, `slog`'s handlers. */
const WRITER_CONSTRUCTORS = /^(?:log\.New|log\/slog\.New(?:JSON|Text)Handler)$/;
/**
 * Writers over several writers: a file among them is a file. Besides io's and zerolog's, a function of the
 * module's own named `MultiWriter` (pufferpanel's `logging.MultiWriter`, which skips nil writers), called unqualified.
 */
const MULTI_WRITERS = /^(?:io\.MultiWriter|github\.com\/rs\/zerolog\.MultiLevelWriter|MultiWriter)$/;
/** The process's own streams. */
const STD_STREAM = /^os\.(?:Stdout|Stderr|Stdin)$/;
/** Paths that are the process's own streams, not files. */
const STREAM_PATH = /^(?:stdout|stderr|\/dev\/(?:stdout|stderr|null)|\/proc\/self\/fd\/[12])$/;

/**
 * The Go shapes that write logs to files. Each row: a true and a false example (checked by the tests; each
 * example is a function body, with the imports the test adds).
 */
export const GO_LOG_SHAPES: Array<{ shape: string; messageId: string; tp: string; fp: string }> = [
  { shape: 'log.SetOutput over os.OpenFile', messageId: 'goSetOutputFile', tp: 'f, _ := os.OpenFile("app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n\tlog.SetOutput(f)', fp: 'log.SetOutput(os.Stdout)' },
  { shape: 'logrus SetOutput over os.Create', messageId: 'goSetOutputFile', tp: 'f, _ := os.Create("/var/log/app.log")\n\tlogrus.SetOutput(f)', fp: 'logrus.SetOutput(os.Stderr)' },
  { shape: 'SetOutput over io.MultiWriter with a file', messageId: 'goSetOutputFile', tp: 'f, _ := os.Create("app.log")\n\tlog.SetOutput(io.MultiWriter(os.Stdout, f))', fp: 'log.SetOutput(io.MultiWriter(os.Stdout, os.Stderr))' },
  { shape: 'lumberjack.Logger handed to SetOutput', messageId: 'goSetOutputFile', tp: 'log.SetOutput(&lumberjack.Logger{Filename: "/var/log/app.log", MaxSize: 100})', fp: 'log.SetOutput(os.Stdout)' },
  { shape: 'lumberjack.Logger built for another logger', messageId: 'goLumberjack', tp: 'w := &lumberjack.Logger{Filename: "/var/log/app.log", MaxSize: 100}\n\t_ = w', fp: 'w := os.Stdout\n\t_ = w' },
  { shape: 'zap OutputPaths', messageId: 'goZapPaths', tp: 'cfg := zap.Config{OutputPaths: []string{"stdout", "/var/log/app.log"}}\n\t_ = cfg', fp: 'cfg := zap.Config{OutputPaths: []string{"stdout"}, ErrorOutputPaths: []string{"stderr"}}\n\t_ = cfg' },
  { shape: 'zerolog over a file', messageId: 'goZerologFile', tp: 'f, _ := os.Create("app.log")\n\tlogger := zerolog.New(f)\n\t_ = logger', fp: 'logger := zerolog.New(os.Stdout)\n\t_ = logger' },
  { shape: 'zerolog over a MultiLevelWriter with a file', messageId: 'goZerologFile', tp: 'f, _ := os.Create("app.log")\n\tlogger := zerolog.New(zerolog.MultiLevelWriter(os.Stdout, f))\n\t_ = logger', fp: 'logger := zerolog.New(zerolog.MultiLevelWriter(os.Stdout))\n\t_ = logger' },
  { shape: 'log.New over a file', messageId: 'goSetOutputFile', tp: 'f, _ := os.OpenFile("app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n\tlogger := log.New(f, "", log.LstdFlags)\n\t_ = logger', fp: 'logger := log.New(os.Stdout, "", log.LstdFlags)\n\t_ = logger' },
  { shape: 'slog handler over a file', messageId: 'goSetOutputFile', tp: 'f, _ := os.Create("app.log")\n\tlogger := slog.New(slog.NewJSONHandler(f, nil))\n\t_ = logger', fp: 'logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))\n\t_ = logger' },
  { shape: "a module's writer with an opened file in a field, through its own MultiWriter", messageId: 'goSetOutputFile', tp: 'f, _ := os.OpenFile("app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n\tw := &Rotator{backer: f}\n\tlogger := log.New(MultiWriter(w, os.Stdout), "", log.LstdFlags)\n\t_ = logger', fp: 'w := &Rotator{backer: os.Stdout}\n\tlogger := log.New(MultiWriter(w, os.Stderr), "", log.LstdFlags)\n\t_ = logger' },
  { shape: 'logrus Out field over a file', messageId: 'goSetOutputFile', tp: 'logger := logrus.New()\n\tf, _ := os.Create("app.log")\n\tlogger.Out = io.MultiWriter(os.Stderr, f)', fp: 'logger := logrus.New()\n\tlogger.Out = os.Stdout' },
];

export function checkFileLoggingGo(context: FileContext, report: (r: Report) => void): void {
  const facts = context.go;
  if (!facts) return;
  const reported = new Set<number>();
  const zerolog = [...facts.imports.values()].some((p) => ZEROLOG.test(p));
  for (const call of facts.calls) {
    const arg = call.args[0];
    if (!arg) continue;
    // `if logFile != "" { … log.SetOutput(f) }`: a file only when the operator asks for one (ntfy, navidrome).
    let file = fileOf(facts, arg);
    // So is a functional option named for file logging (`func LogFile(logger *log.Logger, s string) OptionFn`, transfer.sh).
    // And a block entered only when the path the file opens is given (`if len(o.File.Filename) > 0 {`, oauth2-proxy).
    // The lumberjack literal the writer is built from is the operator's choice as well, not reported on its own.
    const target = file?.target;
    if (file && enclosingBlockHeaders(context.text, call.start).some((h) => isFileLogSwitch(h) || isFileLogOption(h) || (target !== undefined && isPathGivenSwitch(h, target)))) {
      if (file.lumberjack && (call.method === 'SetOutput' || WRITER_CONSTRUCTORS.test(call.callee))) reported.add(file.lumberjack);
      file = undefined;
    }
    if ((call.method === 'SetOutput' || WRITER_CONSTRUCTORS.test(call.callee)) && file) {
      // A lumberjack logger handed to SetOutput is reported once, at the call the fix rewrites.
      if (file.lumberjack) reported.add(file.lumberjack);
      report({ messageId: 'goSetOutputFile', data: { call: `${call.written}(…)`, target: file.target }, start: call.start, end: call.end, identity: `goSetOutputFile:${call.written}`, fixes: stdoutFix(facts, arg, context.text) });
    } else if (zerolog && file && !file.lumberjack && (/^github\.com\/rs\/zerolog\.New$/.test(call.callee) || call.method === 'Output')) {
      report({ messageId: 'goZerologFile', data: { target: file.target }, start: call.start, end: call.end, identity: 'goZerologFile', fixes: stdoutFix(facts, arg, context.text) });
    }
  }
  // logrus: `logger.Out = f` (or `&logrus.Logger{Out: f}`, below) is SetOutput by another name.
  const logrus = [...facts.imports.values()].some((p) => LOGRUS.test(p));
  for (const b of logrus ? facts.bindings : []) {
    const file = b.path.length > 1 && b.path[b.path.length - 1] === 'Out' ? fileOf(facts, b.value) : undefined;
    if (!file) continue;
    const target = b.path.join('.');
    report({ messageId: 'goSetOutputFile', data: { call: `${target} = …`, target: file.target }, start: b.start, end: b.end, identity: `goSetOutputFile:${target}`, fixes: stdoutFix(facts, b.value, context.text) });
  }
  for (const k of facts.keyed) {
    if (k.key === 'Out' && LOGRUS.test(k.owner.replace(/\.Logger$/, ''))) {
      const file = fileOf(facts, k.value);
      if (file) report({ messageId: 'goSetOutputFile', data: { call: 'logrus.Logger{Out: …}', target: file.target }, start: k.keyStart, end: k.value.end, identity: 'goSetOutputFile:Out', fixes: stdoutFix(facts, k.value, context.text) });
      continue;
    }
    if (k.key === 'Filename' && LUMBERJACK.test(k.owner) && !reported.has(k.keyStart)) {
      report({ messageId: 'goLumberjack', data: { target: targetOf(k.value) }, start: k.keyStart, end: k.value.end, identity: 'goLumberjack' });
    } else if ((k.key === 'OutputPaths' || k.key === 'ErrorOutputPaths') && /(?:^|\/)zap\.Config$|^Config$/.test(k.owner)) {
      const files = (k.value.elements ?? []).filter((e) => e.string && !STREAM_PATH.test(e.string.value.trim()));
      if (files.length === 0) continue;
      report({ messageId: 'goZapPaths', data: { key: k.key, target: targetOf(files[0]) }, start: k.keyStart, end: k.value.end, identity: `goZapPaths:${k.key}` });
    }
  }
}

interface FileTarget {
  target: string;
  /** The offset of a lumberjack literal's `Filename` key, when the file is a lumberjack logger. */
  lumberjack?: number;
}

/** Whether an expression is a file: `os.OpenFile`/`os.Create` (directly or through a variable), lumberjack, or a MultiWriter over one. */
function fileOf(facts: GoFacts, e: GoExpr, depth = 0): FileTarget | undefined {
  if (depth > 8) return undefined;
  const call = e.call !== undefined ? facts.calls[e.call] : undefined;
  if (call && (call.callee === 'os.OpenFile' || call.callee === 'os.Create')) return { target: call.args[0] ? targetOf(call.args[0]) : 'a file' };
  // A writer over several, or a list of writers grown with `append(list, f)`: a file among them is a file.
  if (call && (MULTI_WRITERS.test(call.callee) || call.callee === 'append')) {
    for (const a of call.callee === 'append' ? call.args.slice(1) : call.args) {
      const f = fileOf(facts, a, depth + 1);
      if (f) return f;
    }
  }
  if (e.literalType && LUMBERJACK.test(e.literalType)) {
    const name = e.keyed?.find((k) => k.key === 'Filename');
    return { target: name ? targetOf(name.value) : 'a file', lumberjack: name?.keyStart };
  }
  // A writer of the module's own that wraps an opened file in a field (`&Rotator{backer: logFile}`, a rotating
  // writer): what it writes goes to that file.
  for (const k of e.literalType ? e.keyed ?? [] : []) {
    const f = fileOf(facts, k.value, depth + 1);
    if (f) return f;
  }
  if (e.type === 'identifier') {
    // Every value the name held before this use: a writer that is a file on one branch is a file there.
    const bindings = facts.bindings.filter((b) => b.path.length === 1 && b.path[0] === e.text && b.value.start < e.start).reverse();
    for (const b of bindings) {
      const f = b.value.start !== e.start ? fileOf(facts, b.value, depth + 1) : undefined;
      if (f) return f;
    }
    // `var F *os.File` set by a helper of the module (`F, err = file.MustOpen(…)`): an opened file unless it is a standard stream.
    if (facts.declared.get(e.text) === '*os.File' && !bindings.some((b) => STD_STREAM.test(b.value.text))) {
      return { target: bindings[0] ? targetOf(bindings[0].value) : e.text };
    }
  }
  return undefined;
}

function targetOf(e: GoExpr): string {
  const t = e.string ? e.string.value : e.text;
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/**
 * The writer becomes `os.Stdout` (importing os where the file lacks it). A file variable nothing else reads
 * (`f, err := os.OpenFile(…)` then only `log.SetOutput(f)`) would be left declared and unused, which Go does
 * not compile: its name becomes `_`.
 */
function stdoutFix(facts: GoFacts, arg: GoExpr, text: string): EditFix[] {
  const edits = [{ start: arg.start, end: arg.end, text: 'os.Stdout' }];
  edits.unshift(...goImportEdits(facts, ['os']));
  for (const name of new Set(fileVariables(facts, arg))) {
    const blank = blankUnused(facts, text, arg, name);
    if (blank) edits.push(blank);
  }
  return [{ kind: 'edit', id: 'log-to-stdout', title: 'Log to stdout (os.Stdout)', edits: edits.sort((a, b) => a.start - b.start), preferred: true }];
}

/** The variables holding an opened file that the writer expression names (itself, or inside io.MultiWriter). */
function fileVariables(facts: GoFacts, e: GoExpr): string[] {
  if (e.type === 'identifier') return fileOf(facts, e) ? [e.text] : [];
  const call = e.call !== undefined ? facts.calls[e.call] : undefined;
  return call && MULTI_WRITERS.test(call.callee) ? call.args.flatMap((a) => fileVariables(facts, a)) : [];
}

/** A Go identifier as a whole word (identifiers are letters, digits and `_`: nothing to escape). */
const word = (name: string) => new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g');

/** The edit that blanks `name` in its declaration when the writer was its only other use; undefined otherwise. */
function blankUnused(facts: GoFacts, text: string, arg: GoExpr, name: string): { start: number; end: number; text: string } | undefined {
  const binding = [...facts.bindings].reverse().find((b) => b.path.length === 1 && b.path[0] === name && b.start < arg.start
    && (b.kind === 'short' || b.kind === 'var') && b.inFunction);
  if (!binding) return undefined;
  const uses = [...text.matchAll(word(name))].map((m) => m.index).filter((i) => i < arg.start || i >= arg.end);
  const statement = text.slice(binding.start, binding.end);
  const operator = binding.kind === 'short' ? statement.indexOf(':=') : statement.indexOf('=');
  if (operator < 0) return undefined;
  const declared = [...statement.slice(0, operator).matchAll(word(name))];
  // Read anywhere but its own declaration (a `defer f.Close()`, a second writer): it stays.
  if (declared.length !== 1 || uses.length !== 1 || uses[0] !== binding.start + declared[0].index) return undefined;
  const at = binding.start + declared[0].index;
  const others = statement.slice(0, operator).replace(/^\s*var\s+/, '').split(',').map((n) => n.trim()).filter((n) => n !== name);
  // `f, _ := …` with `f` blank declares nothing new: `_, _ = …`.
  if (binding.kind === 'short' && others.every((n) => n === '_')) {
    return { start: at, end: binding.start + operator + 2, text: statement.slice(declared[0].index, operator).replace(word(name), '_') + '=' };
  }
  return { start: at, end: at + name.length, text: '_' };
}
