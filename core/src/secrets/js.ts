import ts = require('typescript');
import { isAuthorizationName, isGenericName, isSensitiveName, toEnvName } from './names';
import { isCodeWord, isSecretValue } from './value';

/** A string literal that the syntax tree says holds a secret. */
export interface JsSecret {
  kind: 'named' | 'fallback' | 'sink';
  /** Identifier, property, environment variable or sink the literal belongs to. */
  name: string;
  /** The secret and its offsets (inside the literal; may be part of it, after `Bearer `). */
  value: string;
  start: number;
  end: number;
  /** Suggested environment variable name. */
  envName: string;
  /** The literal node (for the fix). */
  literal: ts.StringLiteralLike;
  /**
   * For fallbacks, what the fix does instead of replacing the literal: `process.env.X || 'literal'` shrinks to
   * `process.env.X`, and `{ X = 'literal' } = process.env` loses its default.
   */
  dropFallback?: { start: number; end: number; text: string };
}

/** SDK classes whose first arguments are credentials: `new Stripe('sk_…')`. */
const SDK_CLASSES = ['Stripe', 'OpenAI', 'Anthropic', 'Twilio', 'Octokit', 'WebClient', 'Mailgun', 'Mux', 'Replicate', 'Groq', 'Resend',
  'Postmark.ServerClient', 'ServerClient', 'Pusher', 'Algoliasearch', 'algoliasearch'];
const SDK_ALTERNATION = SDK_CLASSES.map((c) => c.replace('.', '\\.')).join('|');
const SDK_CONSTRUCTORS = new RegExp(`^(?:${SDK_ALTERNATION})$`);

// A sensitive word, the rest of its name, then an assignment, property, default or typed declaration
// (`dbPassword: string = '…'`), then a quote. Each match is then judged by its name (namedCandidate).
const NAMED_GATE = new RegExp(
  String.raw`(?:pass|pwd|secret|token|credential|authorization|(?:api|private|access|auth|signing|encryption|master|session|license|app|client|webhook)[-_.]?key)\w*['"]?\]?\s*` +
    String.raw`(?:[:=]|[?!]?:\s*[\w$.]+(?:<[\w$.,\s]*>)?(?:\[\])?\s*=)\s*['"\x60]`,
  'gi',
);

const AUTHORIZATION_VALUE = /^(?:Bearer|Basic|Token|Bot)\s+(?!\$\{)(?:\\.|[^\s'"\x60\\]){8}/i;

const OTHER_GATE = new RegExp(
  [
    // An environment read with a literal fallback.
    String.raw`(?:process\.env|import\.meta\.env|Bun\.env)\b[^;\n]{0,120}?(?:\|\||\?\?|\?)\s*['"\x60]`,
    String.raw`\}\s*=\s*process\.env\b`,
    // Sinks that take a secret positionally, given a literal.
    String.raw`(?:createHmac|create(?:De)?[cC]ipheriv|\bsign|\bverify|\.auth)\s*\([^()]{0,200}?,\s*['"\x60]`,
    String.raw`(?:cookieParser|setApiKey)\s*\(\s*['"\x60]`,
    // SDK constructors given a key: only those, since `new Error('…')` is in a fifth of all files.
    String.raw`new\s+(?:` + SDK_ALTERNATION + String.raw`|Sequelize)\s*\(\s*['"\x60]`,
  ].join('|'),
  'i',
);

/**
 * True when a match of NAMED_GATE names a place isSensitiveName accepts: the name the syntax tree will
 * see is the identifier around the word (`user.password` → `password`) or, in a quoted key, the whole key
 * (`'db.password'`). `tokenType: "Bearer"` and `TOKEN_CACHE_NAME = "…"` stop here, not in the parser.
 */
function namedCandidate(text: string): boolean {
  NAMED_GATE.lastIndex = 0;
  for (let m = NAMED_GATE.exec(text); m !== null; m = NAMED_GATE.exec(text)) {
    const wordEnd = m.index + (/^[\w.-]*/.exec(m[0])?.[0].length ?? 0);
    let from = m.index;
    while (from > 0 && /[\w$-]/.test(text[from - 1])) from--;
    let keyFrom = from;
    while (keyFrom > 0 && /[\w$.-]/.test(text[keyFrom - 1])) keyFrom--;
    const segment = text.slice(from, m.index + (/^[\w-]*/.exec(m[0])?.[0].length ?? 0));
    const quotedKey = keyFrom > 0 && /['"\x60]/.test(text[keyFrom - 1]) ? text.slice(keyFrom, wordEnd) : undefined;
    for (const name of quotedKey ? [segment, quotedKey] : [segment]) {
      if (isSensitiveName(name) && plausibleValue(text, m.index + m[0].length, name)) return true;
      // A header is a secret only with eight characters of credential after its scheme, not `Bearer ${token}`.
      if (isAuthorizationName(name) && AUTHORIZATION_VALUE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 64))) return true;
    }
  }
  return false;
}

/**
 * Whether the literal after a gate match (the match ends with its opening quote) could be judged a secret by
 * the tree, judged as the tree's finding for that name would judge it. `tokenType: "Bearer"`,
 * `accessToken = ""`, `TOKEN_MISSING = "token_missing"` and `ID_TOKEN: "IdToken"` stop here, which spares
 * parsing the large library files that hold such tables. Escapes, substitutions,
 * concatenation and an unclosed quote leave the decision to the tree.
 */
function plausibleValue(text: string, afterQuote: number, name: string): boolean {
  const quote = text[afterQuote - 1];
  let end = afterQuote;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === '\\' || (quote === '`' && c === '$' && text[end + 1] === '{')) return true;
    if (c === quote) break;
    if ((c === '\n' && quote !== '`') || end - afterQuote > 4096) return true;
  }
  if (end >= text.length || /^\s*\+/.test(text.slice(end + 1, end + 16))) return true;
  const value = text.slice(afterQuote, end);
  // `secret:` may be express-session's option, a sink: judged without its name, phrases allowed. Any other
  // name is a named finding, judged as acceptJs does (the name the tree sees is this identifier or key).
  if (name === 'secret') return isSecretValue(value, undefined, { spaces: true });
  return !isCodeWord(value) && isSecretValue(value, name);
}

/**
 * Cheap text test made before the file is parsed: does anything in it look like a place the syntax tree
 * would find a secret in? Most files of a code base hold none of these and are never parsed. Every name
 * isSensitiveName accepts must pass here, or the tree is never asked.
 */
export const JS_CONTEXT_CANDIDATE = {
  test: (text: string): boolean => OTHER_GATE.test(text) || namedCandidate(text),
};

const SINKS: Array<{ test: (callee: string, imported?: string) => boolean; arg: number; label: string; env: string }> = [
  { test: (c, m) => /(^|\.)(sign|verify)$/.test(c) && (/jwt|jsonwebtoken|jose/i.test(c) || m === 'jsonwebtoken'), arg: 1, label: 'jsonwebtoken', env: 'JWT_SECRET' },
  { test: (c) => /(^|\.)createHmac$/.test(c), arg: 1, label: 'crypto.createHmac', env: 'HMAC_SECRET' },
  { test: (c) => /(^|\.)create(De)?[cC]ipheriv$/.test(c), arg: 1, label: 'crypto cipher key', env: 'ENCRYPTION_KEY' },
  { test: (c, m) => /^cookieParser$/i.test(c) || m === 'cookie-parser', arg: 0, label: 'cookie-parser', env: 'COOKIE_SECRET' },
  { test: (c) => /(^|\.)setApiKey$/.test(c), arg: 0, label: 'setApiKey', env: 'API_KEY' },
  { test: (c) => /\.auth$/.test(c), arg: 1, label: 'HTTP basic auth', env: 'BASIC_AUTH_PASSWORD' },
  // `new Sequelize(database, username, password, options)`.
  { test: (c) => /(^|\.)Sequelize$/.test(c), arg: 2, label: 'Sequelize', env: 'DB_PASSWORD' },
];

/** `session({ secret: 'keyboard cat' })`: express-session's (and cookie-session's) signing secret, a phrase or not. */
function isSessionSecret(prop: ts.PropertyAssignment, imports: Map<string, string>): boolean {
  if (propertyNameText(prop.name) !== 'secret') return false;
  const options = outermost(prop.parent);
  const call = options.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== options) return false;
  const callee = calleeName(call.expression);
  const module = imports.get(callee.split('.')[0]);
  return /^(session|expressSession|cookieSession)$/.test(callee) || module === 'express-session' || module === 'cookie-session';
}

function calleeName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeName(expression.expression)}.${expression.name.text}`;
  if (ts.isCallExpression(expression)) return calleeName(expression.expression);
  return '';
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`: the variable name, or undefined. */
export function envReadName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const target = calleeName(node.expression as ts.Expression);
    if (target === 'process.env' || target === 'import.meta.env' || target === 'Bun.env') {
      if (ts.isPropertyAccessExpression(node)) return node.name.text;
      const arg = node.argumentExpression;
      if (ts.isStringLiteralLike(arg)) return arg.text;
    }
    if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'env' &&
        ts.isMetaProperty(node.expression.expression) && ts.isPropertyAccessExpression(node)) return node.name.text;
  }
  return undefined;
}

/** Unwraps `(x)`, `x as T`, `x!`, `x satisfies T` upwards: the node that really sits in the parent's slot. */
function outermost(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent) ||
         ts.isSatisfiesExpression(n.parent) || ts.isTypeAssertionExpression(n.parent))) n = n.parent;
  return n;
}

function propertyNameText(name: ts.PropertyName | ts.BindingName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

// Names that say nothing about whose secret it is: `fetch(url, { headers: { Authorization } })`.
const ANONYMOUS_OWNERS = /^(auth|options|opts|config|settings|credentials|connection|headers|body|data|params|query|json|payload|fetch|axios|request|got|post|get|put|patch|delete|send|use|then|call|apply|bind|log|set|from|assign|merge|extend|create\w*|connect|config\w*|init\w*|default|exports|module)$/i;

/** The nearest name that says whose secret this is: the variable an object is assigned to, a class, a callee or an enclosing key. */
function ownerName(node: ts.Node): string | undefined {
  // Start above the literal's own slot: in `{ password: '…' }` the owner is not `password` itself.
  const slot = outermost(node).parent;
  const first = slot && (ts.isPropertyAssignment(slot) || ts.isVariableDeclaration(slot) || ts.isParameter(slot) || ts.isPropertyDeclaration(slot)) ? slot.parent : slot;
  for (let n: ts.Node | undefined = first, depth = 0; n && depth < 8; n = n.parent, depth++) {
    let candidate: string | undefined;
    if (ts.isJsxAttributes(n)) candidate = ts.isJsxSelfClosingElement(n.parent) || ts.isJsxOpeningElement(n.parent) ? n.parent.tagName.getText() : undefined;
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) candidate = n.name.text;
    else if (ts.isNewExpression(n) || ts.isCallExpression(n)) candidate = calleeName(n.expression).split('.').pop();
    else if (ts.isPropertyAssignment(n) && n.name !== node) candidate = propertyNameText(n.name);
    else if (ts.isClassDeclaration(n) && n.name) candidate = n.name.text;
    if (ts.isJsxAttributes(n) && !candidate) return undefined;
    if (candidate && !ANONYMOUS_OWNERS.test(candidate) && !isGenericName(candidate)) return candidate;
  }
  return undefined;
}

function suggestEnvName(name: string, literal: ts.Node): string {
  if (!isGenericName(name)) return toEnvName(name);
  const owner = ownerName(literal);
  return owner ? toEnvName(`${owner}_${name}`) : toEnvName(name);
}

/** Walks the tree once and returns every literal that sits where a secret is kept, used or defaulted. */
export function findJsSecrets(sourceFile: ts.SourceFile, imports = importedModules(sourceFile)): JsSecret[] {
  const found: JsSecret[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const secret = classify(node, imports);
      if (secret) found.push(secret);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function classify(literal: ts.StringLiteralLike, imports: Map<string, string>): JsSecret | undefined {
  const slot = outermost(literal);
  const parent = slot.parent;
  if (!parent) return undefined;
  // A half-typed literal has no closing quote yet: its text runs to the end of the node.
  const closed = !(literal as { isUnterminated?: boolean }).isUnterminated;
  const base = { literal, value: literal.text, start: literal.getStart() + 1, end: literal.getEnd() - (closed ? 1 : 0) };
  const named = (name: string | undefined): JsSecret | undefined => {
    if (!name) return undefined;
    if (isAuthorizationName(name)) {
      const m = /^((?:Bearer|Basic|Token|token|Bot)\s+)(\S{8,})$/.exec(literal.text);
      if (!m) return undefined;
      const owner = ownerName(literal);
      return { ...base, kind: 'named', name, value: m[2], start: base.start + m[1].length, envName: owner ? toEnvName(`${owner}_token`) : 'API_TOKEN' };
    }
    return isSensitiveName(name) ? { ...base, kind: 'named', name, envName: suggestEnvName(name, literal) } : undefined;
  };

  if (ts.isVariableDeclaration(parent) && parent.initializer === slot) return named(propertyNameText(parent.name));
  if (ts.isPropertyAssignment(parent) && parent.initializer === slot && isSessionSecret(parent, imports)) {
    return { ...base, kind: 'sink', name: 'express-session', envName: 'SESSION_SECRET' };
  }
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === slot) return named(propertyNameText(parent.name));
  if (ts.isParameter(parent) && parent.initializer === slot) return named(propertyNameText(parent.name));
  if (ts.isJsxAttribute(parent)) return named(propertyNameText(parent.name));
  if (ts.isBinaryExpression(parent) && parent.right === slot) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      const left = parent.left;
      const name = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text
        : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
      return named(name);
    }
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      const envName = envInChain(parent.left);
      if (envName) {
        const drop = { start: parent.getStart(), end: parent.getEnd(), text: parent.left.getText() };
        return { ...base, kind: 'fallback', name: envName, envName, dropFallback: drop };
      }
    }
    return undefined;
  }
  if (ts.isConditionalExpression(parent) && (parent.whenFalse === slot || parent.whenTrue === slot)) {
    const other = parent.whenFalse === slot ? parent.whenTrue : parent.whenFalse;
    const otherEnv = envReadName(unwrap(other));
    const envName = otherEnv ?? envReadName(unwrap(parent.condition));
    if (!envName) return undefined;
    // `process.env.X ? process.env.X : 'literal'` is `process.env.X` without its default.
    const drop = otherEnv ? { start: parent.getStart(), end: parent.getEnd(), text: other.getText() } : undefined;
    return { ...base, kind: 'fallback', name: envName, envName, dropFallback: drop };
  }
  if (ts.isBindingElement(parent) && parent.initializer === slot) {
    const key = propertyNameText(parent.propertyName ?? parent.name);
    const pattern = parent.parent;
    const decl = pattern.parent;
    if (key && ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = calleeName(unwrap(decl.initializer));
      if (init === 'process.env' || init === 'import.meta.env' || init === 'Bun.env') {
        const drop = { start: parent.name.getEnd(), end: parent.initializer.getEnd(), text: '' };
        return { ...base, kind: 'fallback', name: key, envName: key, dropFallback: drop };
      }
    }
    return named(key);
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments) {
    const index = parent.arguments.indexOf(slot as ts.Expression);
    const callee = calleeName(parent.expression);
    if (index < 0 || !callee) return undefined;
    if (ts.isNewExpression(parent) && SDK_CONSTRUCTORS.test(callee) && index <= 1) {
      return { ...base, kind: 'sink', name: `new ${callee}()`, envName: toEnvName(`${callee}_${index === 0 ? 'api_key' : 'secret'}`) };
    }
    const module = imports.get(callee.split('.')[0]);
    const sink = SINKS.find((s) => s.arg === index && s.test(callee, module));
    if (sink) return { ...base, kind: 'sink', name: sink.label, envName: sink.env };
  }
  return undefined;
}

/** The variable read last in `process.env.A || process.env.B`, the one the literal stands in for. */
function envInChain(node: ts.Expression): string | undefined {
  const n = unwrap(node);
  const direct = envReadName(n);
  if (direct) return direct;
  if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.BarBarToken || n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return envInChain(n.right) ?? envInChain(n.left);
  }
  return undefined;
}

function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  return n;
}

/** Local names bound to imported modules: `import jwt from 'jsonwebtoken'`, `const { sign } = require('jsonwebtoken')`. */
export function importedModules(sourceFile: ts.SourceFile): Map<string, string> {
  const map = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause?.name) map.set(clause.name.text, module);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) map.set(bindings.name.text, module);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) map.set(el.name.text, module);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer && unwrap(decl.initializer);
        if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
        const arg = init.arguments[0];
        if (!arg || !ts.isStringLiteralLike(arg)) continue;
        if (ts.isIdentifier(decl.name)) map.set(decl.name.text, arg.text);
        else if (ts.isObjectBindingPattern(decl.name)) for (const el of decl.name.elements) if (ts.isIdentifier(el.name)) map.set(el.name.text, arg.text);
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) &&
               ts.isStringLiteral(statement.moduleReference.expression)) {
      map.set(statement.name.text, statement.moduleReference.expression.text);
    }
  }
  return map;
}
