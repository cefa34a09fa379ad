import ts = require('typescript');
import type { FileContext } from '../../context';
import { unlessRetired } from '../../workspace/roles';
import { ModuleBindings, propertyValue, unwrap, type ModulePath } from '../../js/modules';
import type { Report, Rule, RuleMeta } from '../types';
import { iniKeywords, iniSettings } from '../../workspace/iniSettings';
import { envFallbackOf } from '../../js/envReads';
import { lineLocalTest } from '../../lineChunks';
import { deployedEnvValue } from '../../workspace/deployedEnv';
import type { GoFacts } from '../../go/types';

const LIBRARY_KEYWORDS = ['multer', 'formidable', 'multiparty', 'fileupload', 'express-form-data', '.mv('];
const LIBRARY_GATE = lineLocalTest(/multer|formidable|multiparty|fileupload|express-form-data|\.mv\(/i);
/** A name `STORAGE_SETTING` (below) accepts, anywhere in a line. */
const STORAGE_GATE = lineLocalTest(/(?:storage|uploads?|files?|filesystem|fs|attachments?|media|assets?|blobs?)[._-]?(?:type|driver|provider|backend|adapter|engine|disk|storage)\b/i);

export const meta: RuleMeta = {
  id: 'processes/local-uploads',
  defaultSeverity: 'warning',
  description: 'Uploaded files go to a backing store (object storage, a database), not to the disk of one process.',
  messages: {
    disk: '{library} keeps uploads in `{dir}` on this machine\'s disk: other instances never see them and a container\'s disk is thrown away on deploy. Store them in object storage (S3, GCS, Azure Blob…).',
    diskStorage: '`multer.diskStorage` keeps uploads on this machine\'s disk: other instances never see them and a container\'s disk is thrown away on deploy. Use a storage engine for object storage (multer-s3…) or `memoryStorage` and upload from there.',
    iniLocalStorage: 'The configuration\'s `[{section}]` `{setting}` keeps uploads on this machine\'s disk: other instances never see them and a container\'s disk is thrown away on deploy. Use an object storage type (S3, MinIO…).',
    localDefault: '`{setting}` defaults to `{value}`: unless it is set, uploads stay on this machine\'s disk, which other instances never see and a container throws away on deploy. Default to object storage, or require the setting.',
    moved: '`{label}` saves the upload to this machine\'s disk: other instances never see it and a container\'s disk is thrown away on deploy. Upload it to object storage (S3, GCS, Azure Blob…).',
  },
  fixable: false,
  // INI for an `app.ini`'s `[storage] STORAGE_TYPE = local` (INI_SETTINGS); Go and Python for a storage setting's default.
  kinds: ['js', 'properties', 'go', 'python'],
  keywords: [...LIBRARY_KEYWORDS, ...iniKeywords('processes/local-uploads'), 'storage', 'upload', 'file', 'attachment', 'media', 'asset', 'blob', 'fs_'],
  // The storage nouns are common words: only a line that names a storage setting (`BACKEND_STORAGE_PROVIDER`,
  // `files.type`) or an upload library lets the tree be walked, tested per run of lines across keystrokes.
  gate: (_text, kind, context) => kind === 'properties' || context.lineLocal(LIBRARY_GATE) || context.lineLocal(STORAGE_GATE),
};

/**
 * A setting that picks where uploads go (`BACKEND_STORAGE_PROVIDER`, `FILE_DRIVER`, `UPLOAD_STORAGE`, viper's
 * `files.type`, zou's `FS_BACKEND`): a storage noun, then what kind of store. Settings of logs, caches, sessions or queues are not uploads.
 */
const STORAGE_SETTING = /(?:^|[._-])(?:storage|uploads?|files?|filesystem|fs|attachments?|media|assets?|blobs?)[._-]?(?:type|driver|provider|backend|adapter|engine|disk|storage)$/i;
const NOT_UPLOADS = /log|cache|session|queue|lock|temp|tmp/i;
/** The values that name the instance's own disk. */
const LOCAL_STORE = /^(?:local|disk|local[_-]?disk|filesystem|file|fs|local[_-]?(?:fs|filesystem|file))$/i;

function isStorageSetting(name: string): boolean {
  return STORAGE_SETTING.test(name) && !NOT_UPLOADS.test(name);
}

/**
 * A storage setting whose default is the local disk (`process.env.BACKEND_STORAGE_PROVIDER ?? 'local'`, viper's
 * `SetDefault("files.type", "local")`): an instance started without it keeps uploads on its own disk. Left alone when
 * the project's deployment manifests (render.yaml, app.json, the root compose file) set another store.
 */
function localDefault(context: FileContext, setting: string, value: string, envName?: string): boolean {
  if (!isStorageSetting(setting) || !LOCAL_STORE.test(value)) return false;
  if (!envName) return true;
  const root = context.host?.rootOf(context.path);
  const deployed = root !== undefined && context.host ? deployedEnvValue(context.host, root, envName) : undefined;
  return !deployed || LOCAL_STORE.test(deployed.value.trim());
}

type Library = 'multer' | 'formidable' | 'multiparty' | 'express-fileupload';

function libraryOf(p: ModulePath | undefined): Library | undefined {
  if (!p) return undefined;
  if (p.module === 'multer' && (p.path.length === 0 || p.path[0] === 'default')) return 'multer';
  if (p.module === 'formidable' && (p.path.length === 0 || /^(formidable|IncomingForm|Formidable|default)$/.test(p.path[p.path.length - 1]))) return 'formidable';
  if (/^(multiparty|connect-multiparty|express-form-data)$/.test(p.module)) return 'multiparty';
  if (p.module === 'express-fileupload' && p.path.length === 0) return 'express-fileupload';
  return undefined;
}

/**
 * The temporary directory is scratch space for one request, which the factor allows: `os.tmpdir()`,
 * `/tmp`, a name saying temp. Uploads left there are the handler's to move on, not state.
 */
function isTemporary(dir: ts.Expression): boolean {
  return /tmp|temp/i.test(dir.getText());
}

/** Retired code (`roles.ts`: a root `old/`, `legacy/`… that no deployment reaches) runs as no process: nothing reported there. */
export function check(context: FileContext, report: (r: Report) => void): void {
  checkFile(context, unlessRetired(context, report));
}

function checkFile(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile) return;
  if (context.kind === 'properties') return iniSettings(context, 'processes/local-uploads').forEach((f) => report(f));
  if (context.kind === 'go') return checkGo(context, report);
  if (context.kind === 'python') return checkPython(context, report);
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  const objectOf = (arg: ts.Expression | undefined) => {
    const e = arg && unwrap(arg);
    return e && ts.isObjectLiteralExpression(e) ? e : undefined;
  };
  const emit = (messageId: string, node: ts.Node, data: Record<string, string>): void =>
    report({ messageId, data, start: node.getStart(sf), end: node.getEnd(), identity: `${messageId}:${data.library ?? data.label ?? ''}` });
  const disk = (library: string, dir: ts.Expression | undefined): void => {
    if (dir && !isTemporary(dir)) emit('disk', dir, { library, dir: shorten(dir.getText()) });
  };
  const formidableFiles = bindings.imports('formidable') || bindings.imports('multiparty');

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const resolved = bindings.resolve(node.expression);
      const library = libraryOf(resolved);
      const options = objectOf(node.arguments?.[0]);
      if (library === 'multer' && options) disk('multer', propertyValue(options, 'dest'));
      if ((library === 'formidable' || library === 'multiparty') && options) disk(resolved?.module ?? library, propertyValue(options, 'uploadDir'));
      if (library === 'express-fileupload' && options) {
        const temp = propertyValue(options, 'useTempFiles');
        if (temp && temp.kind === ts.SyntaxKind.TrueKeyword) disk('express-fileupload', propertyValue(options, 'tempFileDir'));
      }
      if (resolved?.module === 'multer' && resolved.path[resolved.path.length - 1] === 'diskStorage' && ts.isCallExpression(node)) {
        const destination = objectOf(node.arguments[0]) && propertyValue(objectOf(node.arguments[0]) as ts.ObjectLiteralExpression, 'destination');
        // No destination means os.tmpdir(); a function or a temp path is judged as temporary only when it says so.
        if (destination && !isTemporary(destination)) emit('diskStorage', anchorOf(node.expression), { library: 'multer' });
      }
      if (ts.isCallExpression(node) && isFileUploadMove(node)) {
        const target = node.arguments[0];
        if (target && !isTemporary(target) && !removedLater(node, target)) emit('moved', anchorOf(node.expression), { label: shorten(node.expression.getText()) });
      }
    }
    if (ts.isStringLiteralLike(node) && LOCAL_STORE.test(node.text)) {
      const fallback = envFallbackOf(node, sf);
      if (fallback && localDefault(context, fallback.name, node.text, fallback.name)) {
        emit('localDefault', node, { setting: fallback.name, value: `'${node.text}'` });
      }
    }
    // formidable v1 and multiparty: `form.uploadDir = './uploads'`.
    if (formidableFiles && ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(node.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'uploadDir') disk(bindings.imports('formidable') ? 'formidable' : 'multiparty', node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/**
 * Go: viper's `viper.SetDefault("files.type", "local")`, a typed key's `FilesType.setDefault("local")` (the key a
 * constant of this file: `FilesType Key = \`files.type\``), and `if v == "" { v = "local" }` after `os.Getenv`.
 */
function checkGo(context: FileContext, report: (r: Report) => void): void {
  const facts = context.go;
  if (!facts) return;
  const emit = (setting: string, value: { value: string; start: number; end: number }, envName?: string): void => {
    if (!localDefault(context, setting, value.value, envName)) return;
    report({ messageId: 'localDefault', data: { setting, value: `"${value.value}"` }, start: value.start, end: value.end, identity: `localDefault:${setting}` });
  };
  for (const call of facts.calls) {
    if (!/^(?:SetDefault|setDefault)$/.test(call.method)) continue;
    const [first, second] = call.args;
    if (second?.string && first?.string) emit(first.string.value, second.string);
    else if (first?.string && call.args.length === 1) {
      const key = keyConstant(facts, call.receiver);
      if (key) emit(key, first.string);
    }
  }
  for (const read of facts.envReads) {
    if (read.name && read.fallback) emit(read.name, read.fallback.string, read.name);
  }
}

/**
 * Python: a storage setting read from the environment with the local disk as its default
 * (`os.environ.get('DATA_FILES_STORAGE_BACKEND', 'local')`, mathesar's Django settings), as Go's `os.Getenv` fallback.
 */
function checkPython(context: FileContext, report: (r: Report) => void): void {
  const facts = context.python;
  if (!facts) return;
  for (const read of facts.envReads) {
    const value = read.fallback?.string;
    if (!read.name || !value || value.interpolated || !localDefault(context, read.name, value.value, read.name)) continue;
    report({ messageId: 'localDefault', data: { setting: read.name, value: `'${value.value}'` }, start: value.start, end: value.end, identity: `localDefault:${read.name}` });
  }
}

/** The string a name is bound to as a constant of this file (`FilesType Key = \`files.type\``). */
function keyConstant(facts: GoFacts, name: string): string | undefined {
  if (!/^\w+$/.test(name)) return undefined;
  return facts.bindings.find((b) => b.kind === 'const' && b.path.length === 1 && b.path[0] === name)?.value.string?.value;
}

const REQUEST_FILES = /\b(req|request|ctx\.request|context\.request)\.files\b/;

/** express-fileupload's `req.files.avatar.mv(path)` (or a variable taken from `req.files`). */
function isFileUploadMove(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'mv' || call.arguments.length === 0) return false;
  const receiver = unwrap(callee.expression);
  if (REQUEST_FILES.test(receiver.getText())) return true;
  if (!ts.isIdentifier(receiver)) return false;
  const init = initializerOf(receiver);
  return init !== undefined && REQUEST_FILES.test(init.getText());
}

/** The initializer of the nearest declaration of a name, searching the enclosing scopes. */
function initializerOf(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer) return d.initializer;
        if (ts.isObjectBindingPattern(d.name) && d.initializer && d.name.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === id.text)) {
          return REQUEST_FILES.test(d.initializer.getText()) ? d.initializer : undefined;
        }
      }
    }
  }
  return undefined;
}

const REMOVERS = /^(unlink|unlinkSync|rm|rmSync|remove|removeSync|rimraf)$/;

/**
 * The same function removes the file it moved the upload to (`await req.files.file.mv(newPath); … fs.unlink(newPath)`):
 * a scratch file for this request, read and deleted before the answer, as a temporary folder is.
 */
function removedLater(move: ts.CallExpression, target: ts.Expression): boolean {
  const path = unwrap(target);
  if (!ts.isIdentifier(path)) return false;
  let body: ts.Node | undefined = move.parent;
  while (body && !ts.isFunctionLike(body) && !ts.isSourceFile(body)) body = body.parent;
  if (!body) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && n.pos > move.end) {
      const callee = unwrap(n.expression);
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const first = n.arguments[0] && unwrap(n.arguments[0]);
      if (REMOVERS.test(name) && first && ts.isIdentifier(first) && first.text === path.text) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

function anchorOf(callee: ts.Expression): ts.Node {
  const e = unwrap(callee);
  return ts.isPropertyAccessExpression(e) ? e.name : e;
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 50 ? `${t.slice(0, 47)}…` : t;
}

export const rule: Rule = { meta, check };
