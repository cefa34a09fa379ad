import ts = require('typescript');
import { isAuthorizationName, isGenericName, isSensitiveName, isSigningSecretName, toEnvName, words } from './names';
import { ENV_OBJECT_PATTERN, envFallbackOf, envReadName } from '../js/envReads';
import { importedModules, outermost, unwrap } from '../js/modules';
import { StatementMemo } from '../js/statements';
import { calleeName, propertyNameText } from './ast';
import { callSink, propertySink } from './sinks';
import { isAssistantWidgetKey, isSearchOnlyKey, publicKeyOf } from './publicKeys';
import { echoesAccount, USER_KEYS } from './structured';
import { isCodeWord, isSecretValue, isSigningSecretValue, isSigningSinkValue, looksRandom, mayBeSecretDefault } from './value';


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
  /** A sink whose other options say it reaches only the developer's machine (`host: 'localhost'`). */
  local?: boolean;
  /** A fallback of a value the code was given (`ctx.apiKey ?? 'lit'`, a parameter's default), not of an environment read. */
  given?: boolean;
  /**
   * A named literal that is the key the app signs or encrypts with (`sessionSecret: '…'`, `SECRET_KEY = '…'`, or a
   * bare `secret` of an `auth`, `session`, `jwt` or `crypto` block or of the object a module exports as its
   * configuration): words describing the key are the key every installation runs with.
   */
  signing?: boolean;
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
    // An environment read choosing a literal (`process.env.X ? 'a' : 'b'`; a `?` of its own, not of `??`).
    // Its defaults (`||`, `??`) are FALLBACK_GATE's.
    ENV_OBJECT_PATTERN + String.raw`\b[^;\n]{0,120}?(?<!\?)\?\s*['"\x60]`,
    String.raw`\}\s*=\s*process\.env\b`,
    // Sinks that take a secret positionally, given a literal (`sign` and `verify`: SIGN_GATE).
    String.raw`(?:createHmac|create(?:De)?[cC]ipheriv|\.auth)\s*\([^()]{0,200}?,\s*['"\x60]`,
    String.raw`(?:cookieParser|setApiKey)\s*\(\s*['"\x60]`,
    // SDK constructors given a key: only those, since `new Error('…')` is in a fifth of all files.
    String.raw`new\s+(?:` + SDK_ALTERNATION + String.raw`|Sequelize)\s*\(\s*['"\x60]`,
    // Defaults read from configuration: `config.get('jwt.secret', '…')`.
    String.raw`\b(?:get|getOrThrow|env|getEnv)\s*\(\s*['"\x60][^'"\x60\n]{0,80}(?:pass|pwd|secret|token|key)[^'"\x60\n]{0,40}['"\x60]\s*,\s*['"\x60]`,
    // Signing keys given as a list: cookie-session `keys: […]`, koa `app.keys = […]`.
    String.raw`\b(?:keys|secret)\s*[:=]\s*\[[^\]]{0,200}?['"\x60]`,
  ].join('|'),
  'i',
);

// `sign(…, 'lit')` and `verify(…, 'lit')` are a sink only as jsonwebtoken's (sinks.ts): a callee whose chain names
// jwt, jsonwebtoken or jose, or a name imported from 'jsonwebtoken'. A file that names none of them anywhere cannot
// hold one: node-forge's `key.sign(md, 'RSASSA-PKCS1-V1_5')` and `publicKey.verify(v, sig, 'NONE')` in bundles.
const SIGN_GATE = /\b(?:sign|verify)\s*\([^()]{0,200}?,\s*['"\x60]/i;
const JWT_WORDS = /jwt|jsonwebtoken|jose/i;

// Defaults (`||`, `??`) of an environment read or of a secret the code was given (`opts.secret || '…'`): each
// match's literal is judged by `plausibleDefault`, as the tree's `fallback` finding would judge it.
const FALLBACK_GATE = new RegExp(
  String.raw`(?:` + ENV_OBJECT_PATTERN + String.raw`\b[^;\n]{0,120}?|(?:pass|pwd|secret|token|key)\w*['"\]]?\s*)(?:\|\||\?\?)\s*['"\x60]`,
  'gi',
);

function fallbackCandidate(text: string): boolean {
  FALLBACK_GATE.lastIndex = 0;
  for (let m = FALLBACK_GATE.exec(text); m !== null; m = FALLBACK_GATE.exec(text)) {
    // The value first: most defaults stop there, and the name is asked only of those the old test let in.
    if (!plausibleDefault(text, m.index + m[0].length)) continue;
    if (ENV_READ_START.test(m[0]) || mayBeNamedDefault(text, m.index, m.index + (/^[\w$]*/.exec(m[0])?.[0].length ?? 0))) return true;
  }
  return false;
}

const ENV_READ_START = new RegExp(`^${ENV_OBJECT_PATTERN}`, 'i');

/**
 * Whether a match of FALLBACK_GATE's name branch (`tokenType ?? ''`, the word ends right before the operator) may be
 * a default the tree reports. The tree judges the literal as the default of the name before the operator only when
 * isSensitiveName accepts it (`defaulted`: `nodeTypeKey || 'type'`, `$errorKeyword || '_limit'` are no secrets'
 * defaults, whatever the value), or as the default of an environment read earlier in the same chain
 * (`process.env.A ||\n  opts.tokenType || '…'`, envFallbackOf), which a line of text cannot delimit: any `.env`
 * in the 2,000 characters before the name leaves the decision to the value, as before.
 */
function mayBeNamedDefault(text: string, at: number, wordEnd: number): boolean {
  let from = at;
  while (from > 0 && /[\w$]/.test(text[from - 1])) from--;
  return isSensitiveName(text.slice(from, wordEnd)) || /\.\s*env\b/.test(text.slice(Math.max(0, from - 2000), from));
}

/**
 * Where a gate match's literal closes (the match ends with its opening quote), or undefined when only the tree can
 * tell its value: an escape, a `${…}` substitution, a line break in a quoted string, no closing quote, or over 4 KiB.
 */
function closingQuote(text: string, afterQuote: number): number | undefined {
  const quote = text[afterQuote - 1];
  for (let end = afterQuote; end < text.length; end++) {
    const c = text[end];
    if (c === '\\' || (quote === '`' && c === '$' && text[end + 1] === '{')) return undefined;
    if (c === quote) return end;
    if ((c === '\n' && quote !== '`') || end - afterQuote > 4096) return undefined;
  }
  return undefined;
}

/**
 * Whether a gate match's quote opens a template with substitutions: a backtick whose text reaches `${` before any
 * escape or closing backtick (valid code has no bare `${` after a closing one).
 */
function opensSubstitution(text: string, afterQuote: number): boolean {
  if (text[afterQuote - 1] !== '`') return false;
  for (let end = afterQuote; end < text.length && end - afterQuote <= 4096; end++) {
    const c = text[end];
    if (c === '\\' || c === '`') return false;
    if (c === '$' && text[end + 1] === '{') return true;
  }
  return false;
}

/**
 * Whether the literal after a default's `||` or `??` (the match ends with its opening quote) could be a finding.
 * The tree judges such a literal only as a default (`isSecretDefault`, under the name of the environment variable
 * or of the place defaulted), so a value no name makes a secret (`tokenType ?? ""`, `process.env.NODE_DEBUG || ''`)
 * stops here: that spares parsing the many library files whose only match it is. Escapes, substitutions, an
 * unclosed quote, and an expression going on after the literal (`|| '' || 'lit'`, `+`, a next line starting with
 * an operator) leave the decision to the tree.
 */
function plausibleDefault(text: string, afterQuote: number): boolean {
  const end = closingQuote(text, afterQuote);
  if (end === undefined) return true;
  const lineEnd = text.indexOf('\n', end + 1);
  const rest = text.slice(end + 1, lineEnd < 0 ? text.length : lineEnd);
  // A closing bracket or a separator right after the literal ends the default there (`(token || '')`, `f(key ?? ''
  // , …)`, `${tokenType ?? ""}`): the literal is the whole right operand, whatever the line holds after it.
  if (!/^\s*[)\]},;]/.test(rest)) {
    if (/['"\x60]|^\s*[-+*/%|&?:.[(]/.test(rest)) return true;
    if (lineEnd >= 0 && /^\s*[-+*/%|&?:.[(]/.test(text.slice(lineEnd + 1, lineEnd + 200))) return true;
  }
  return mayBeSecretDefault(text.slice(afterQuote, end));
}

/**
 * True when a match of NAMED_GATE names a place isSensitiveName accepts: the name the syntax tree will
 * see is the identifier around the word (`user.password` → `password`) or, in a quoted key, the whole key
 * (`'db.password'`). `tokenType: "Bearer"` and `TOKEN_CACHE_NAME = "…"` stop here, not in the parser.
 */
function namedCandidate(text: string): boolean {
  NAMED_GATE.lastIndex = 0;
  for (let m = NAMED_GATE.exec(text); m !== null; m = NAMED_GATE.exec(text)) {
    // A template with substitutions (`credential: \`${uid}.${tid}\``) is no literal: the tree judges by this name only
    // a string literal in this place, and the literals inside the substitutions by their own places (their own matches).
    if (opensSubstitution(text, m.index + m[0].length)) continue;
    const wordEnd = m.index + (/^[\w.-]*/.exec(m[0])?.[0].length ?? 0);
    let from = m.index;
    while (from > 0 && /[\w$-]/.test(text[from - 1])) from--;
    let keyFrom = from;
    while (keyFrom > 0 && /[\w$.-]/.test(text[keyFrom - 1])) keyFrom--;
    const segment = text.slice(from, m.index + (/^[\w-]*/.exec(m[0])?.[0].length ?? 0));
    const quotedKey = keyFrom > 0 && /['"\x60]/.test(text[keyFrom - 1]) ? text.slice(keyFrom, wordEnd) : undefined;
    // A declaration (`const TOKEN_MISSING = '…'`) or a property other than a sink's option can only be a named
    // finding; any other assignment may be a default (`password = 'admin'` as a parameter, after `if (!x)`).
    const declared = /\b(?:const|let|var|readonly|private|public|protected|static)\s+$/.test(text.slice(Math.max(0, from - 40), from));
    const byRole = SINK_KEYS.test(segment) || (!declared && !/:\s*['"\x60]$/.test(m[0]));
    for (const name of quotedKey ? [segment, quotedKey] : [segment]) {
      if (isSensitiveName(name) && plausibleValue(text, m.index + m[0].length, name, byRole)) return true;
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
function plausibleValue(text: string, afterQuote: number, name: string, byRole: boolean): boolean {
  const end = closingQuote(text, afterQuote);
  if (end === undefined || /^\s*\+/.test(text.slice(end + 1, end + 16))) return true;
  const value = text.slice(afterQuote, end);
  // Where the tree may find a sink or a default (`secret:` of express-session, `password:` of a database
  // client, a parameter's default), the value is judged by role, not strength, as the tree will judge it.
  // Any word may be the project's name here (the gate does not read the manifest): the tree decides.
  // A key's description is the key where the app signs with it (`session-secret`): the signing reading is the wider one.
  if (byRole) return isSigningSinkValue(value, name, ANY_PRODUCT);
  // A bare `secret` may sit in a block the tree reads as a signing key's (`auth: { secret: 'supersecret' }`).
  if (isSigningSecretName(name) || name === 'secret') return isSigningSecretValue(value, name, ANY_PRODUCT) || (!isCodeWord(value) && isSecretValue(value, name));
  return !isCodeWord(value) && isSecretValue(value, name);
}

// Every word starts with the empty string: each unknown word of a value counts as a product's name.
const ANY_PRODUCT = (): ReadonlySet<string> => new Set(['']);

// The options a sink reads by name (sinks.ts): `secret`, `keys`, `secretOrKey`, `pass`, `password`.
const SINK_KEYS = /^(?:secret|keys|secretOrKey|pass|password|passwd|pwd)$/i;

/**
 * Cheap text test made before the file is parsed: does anything in it look like a place the syntax tree
 * would find a secret in? Most files of a code base hold none of these and are never parsed. Every name
 * isSensitiveName accepts must pass here, or the tree is never asked.
 */
export const JS_CONTEXT_CANDIDATE = {
  // The searches that stop at their first plausible match go first: on a keystroke in a file that holds a candidate
  // near its top (the server asks this of the whole text on every edit), OTHER_GATE's scan of the rest is not paid.
  test: (text: string): boolean => fallbackCandidate(text) || namedCandidate(text) || OTHER_GATE.test(text) || (SIGN_GATE.test(text) && JWT_WORDS.test(text)),
};

// Names that say nothing about whose secret it is: `fetch(url, { headers: { Authorization } })`.
const ANONYMOUS_OWNERS = /^(auth|options|opts|config|settings|credentials|connection|headers|body|data|params|query|json|payload|fetch|axios|request|got|post|get|put|patch|delete|send|use|then|call|apply|bind|log|set|from|assign|merge|extend|create\w*|connect|config\w*|init\w*|default|exports|module)$/i;

/** The nearest name that says whose secret this is: the variable an object is assigned to, a class, a callee or an enclosing key. */
function ownerName(node: ts.Node): string | undefined {
  // Start above the literal's own slot: in `{ password: '…' }` the owner is not `password` itself.
  const slot = outermost(node).parent;
  const first = slot && (ts.isPropertyAssignment(slot) || ts.isVariableDeclaration(slot) || ts.isParameter(slot) || ts.isPropertyDeclaration(slot)) ? slot.parent : slot;
  for (let n: ts.Node | undefined = first, child: ts.Node | undefined, depth = 0; n && depth < 8; child = n, n = n.parent, depth++) {
    let candidate: string | undefined;
    if (ts.isJsxAttributes(n)) candidate = ts.isJsxSelfClosingElement(n.parent) || ts.isJsxOpeningElement(n.parent) ? n.parent.tagName.getText() : undefined;
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) candidate = n.name.text;
    // A call owns its arguments, not the chain it is called on: in `createHmac('sha256', key).update(body)` the
    // key belongs to `createHmac`, not to `update`.
    else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression !== child) candidate = calleeName(n.expression).split('.').pop();
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

/**
 * Every literal that sits where a secret is kept, used or defaulted. A literal is judged by its own statement
 * and the file's imports: on a keystroke only the statement the edit touched is walked again (StatementMemo).
 */
export function findJsSecrets(sourceFile: ts.SourceFile, imports = importedModules(sourceFile)): readonly JsSecret[] {
  const memo = (secretsMemo ??= new StatementMemo(secretsOf, moved));
  // Only the imports' names and modules matter to the judgement, not where they are written.
  memoImports = imports;
  let key = importKeys.get(imports);
  if (key === undefined) {
    key = [...imports].join('\n');
    importKeys.set(imports, key);
  }
  return memo.of(sourceFile, key);
}

let secretsMemo: StatementMemo<JsSecret> | undefined;
let memoImports: ReadonlyMap<string, string> = new Map<string, string>();
/** The memo key of an imports map (`importedModules` hands the same map to versions with the same bindings). */
const importKeys = new WeakMap<ReadonlyMap<string, string>, string>();

function secretsOf(statement: ts.Statement): JsSecret[] {
  const imports = memoImports;
  const found: JsSecret[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const secret = classify(node, imports);
      if (secret) found.push(secret);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

function moved(secret: JsSecret, delta: number): JsSecret {
  const drop = secret.dropFallback;
  const shifted = { ...secret, start: secret.start + delta, end: secret.end + delta };
  if (drop) shifted.dropFallback = { ...drop, start: drop.start + delta, end: drop.end + delta };
  return shifted;
}

/** The default a property's initializer gives: `'lit'`, or the `'lit'` of `x || 'lit'` / `x ?? 'lit'`. */
function defaultText(e: ts.Expression): string | undefined {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) return u.text;
  if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.BarBarToken || u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    const right = unwrap(u.right);
    return ts.isStringLiteralLike(right) ? right.text : undefined;
  }
  return undefined;
}

/**
 * The literal is the default (`x || 'lit'`, `x ?? 'lit'`) of an object literal's property, and another property of
 * that object, one naming an account or a database, defaults to the same text.
 */
function echoesDefaultAccount(literal: ts.StringLiteralLike, slot: ts.Node): boolean {
  const binary = slot.parent;
  if (!binary || !ts.isBinaryExpression(binary) || binary.right !== slot) return false;
  if (binary.operatorToken.kind !== ts.SyntaxKind.BarBarToken && binary.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken) return false;
  const owner = outermost(binary).parent;
  if (!owner) return false;
  const siblings: Array<[string, string]> = [];
  const add = (name: ts.PropertyName | ts.BindingName, initializer: ts.Expression | undefined) => {
    const key = propertyNameText(name);
    const value = initializer && defaultText(initializer);
    if (key !== undefined && value !== undefined) siblings.push([key, value]);
  };
  if (ts.isPropertyAssignment(owner) && ts.isObjectLiteralExpression(owner.parent)) {
    for (const p of owner.parent.properties) if (p !== owner && ts.isPropertyAssignment(p)) add(p.name, p.initializer);
  } else if (ts.isVariableDeclaration(owner) && ts.isVariableDeclarationList(owner.parent) && ts.isVariableStatement(owner.parent.parent)) {
    // `const user = argv.user || 'postgres'` and `const password = argv.password || 'postgres'` in one block.
    const block = owner.parent.parent.parent;
    const statements = ts.isBlock(block) || ts.isSourceFile(block) ? block.statements : [];
    for (const st of statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) if (d !== owner) add(d.name, d.initializer);
    }
  } else return false;
  return echoesAccount(literal.text, siblings);
}

const isDefaultOperator = (kind: ts.SyntaxKind) => kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;

// Calls whose argument is hashed: digest helpers and password hashers (`md5(x)`, `bcrypt.hash(x, 10)`,
// `crypto.pbkdf2Sync(x, salt, …)`), and the data a `createHash(…)` is updated with. Not `createHmac`'s key.
const HASHERS = /^(?:md5|sha1|sha224|sha256|sha384|sha512|hash|hashSync|hashPassword|pbkdf2|pbkdf2Sync|scrypt|scryptSync)$/;

/** Is the expression (through templates, concatenation and parentheses) the input of a hash? */
function isHashInput(node: ts.Expression): boolean {
  let child: ts.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (ts.isTemplateSpan(n) || ts.isTemplateExpression(n) || ts.isParenthesizedExpression(n)) continue;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) continue;
    if (!ts.isCallExpression(n) || n.arguments[0] !== child) return false;
    const callee = calleeName(n.expression);
    const last = callee.split('.').pop() ?? '';
    return HASHERS.test(last) || (last === 'update' && /(?:^|\.)createHash\.update$/.test(callee));
  }
  return false;
}

/** Does the expression read the variable (`process.env.X`, `decode(process.env.X)`)? */
function readsVariable(node: ts.Node, name: string): boolean {
  if (envReadName(node) === name) return true;
  return ts.forEachChild(node, (child) => (readsVariable(child, name) ? true : undefined)) === true;
}

// Blocks of configuration whose `secret` signs or encrypts: `auth: { secret }`, `session: { secret }`, `crypto: { secret }`.
const SIGNING_BLOCK_WORDS = new Set(['auth', 'authentication', 'session', 'sessions', 'jwt', 'cookie', 'cookies', 'crypto', 'security', 'token', 'tokens', 'signing']);

/**
 * Whether the property holding the literal sits in an `auth`, `session`, `jwt` or `crypto` block of an object, or
 * in the object a module exports whole (`module.exports = { secret: … }`, `export default { secret: … }`): its
 * `secret` is the key the app signs with, not a label.
 */
function isSigningBlock(slot: ts.Node): boolean {
  const property = slot.parent;
  if (!property || !ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.parent)) return false;
  const holder = outermost(property.parent).parent;
  if (!holder) return false;
  if (ts.isPropertyAssignment(holder)) return words(propertyNameText(holder.name) ?? '').some((w) => SIGNING_BLOCK_WORDS.has(w));
  if (ts.isExportAssignment(holder)) return true;
  return ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^(?:module\.)?exports$/.test(holder.left.getText());
}

function classify(literal: ts.StringLiteralLike, imports: ReadonlyMap<string, string>): JsSecret | undefined {
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
    if (!isSensitiveName(name)) return undefined;
    // What the code assigns when nothing supplied the key (`if (!http.jwtSecret) { warn(…); http.jwtSecret = 'supersecret' }`)
    // is the default of a missing value, judged as before (decision 3), not the key the app is meant to run with.
    const defaultsMissing = ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && isDefaultAssignment(parent, true);
    const signing = (!defaultsMissing && (isSigningSecretName(name) || (name === 'secret' && isSigningBlock(slot)))) || undefined;
    return { ...base, kind: 'named', name, envName: suggestEnvName(name, literal), signing };
  };
  // A default of a secret-named place: judged like a sink, since the app runs with it whenever nothing is set.
  const defaulted = (name: string | undefined, drop?: JsSecret['dropFallback']): JsSecret | undefined =>
    name && isSensitiveName(name) ? { ...base, kind: 'fallback', name, envName: suggestEnvName(name, literal), dropFallback: drop, given: true } : undefined;

  // An error reporter's notifier key (`Bugsnag.start({ apiKey })`) is public by design.
  if (publicKeyOf(literal, imports) || isSearchOnlyKey(literal) || isAssistantWidgetKey(literal)) return undefined;
  if (isVisibilityLabel(literal, slot)) return undefined;
  const sink = propertySink(literal, imports);
  if (sink) return { ...base, kind: 'sink', name: sink.row.label, envName: sink.row.env, local: sink.local };
  if (ts.isVariableDeclaration(parent) && parent.initializer === slot) return named(propertyNameText(parent.name));
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === slot) {
    return ts.isPropertyAssignment(parent) && isUserRecord(parent.parent) ? undefined : named(propertyNameText(parent.name));
  }
  if (ts.isParameter(parent) && parent.initializer === slot) return defaulted(propertyNameText(parent.name));
  if (ts.isJsxAttribute(parent)) return named(propertyNameText(parent.name));
  // A default password spelled as the default user or database beside it (`user: argv.user || 'postgres'`,
  // `password: argv.password || 'postgres'`): the database image's stock login, as in YAML.
  if (echoesDefaultAccount(literal, slot)) return undefined;
  // The default of an environment read, in any of its forms: the fix drops the default, keeping the read.
  const fallback = envFallbackOf(literal);
  if (fallback) {
    const { name, start, end, text } = fallback;
    return { ...base, kind: 'fallback', name, envName: name, dropFallback: { start, end, text } };
  }
  // `md5(`${password ?? '123456'}${salt}`)`: what is hashed is a user's password or data, never the app's
  // configuration (audit: nest-admin's account defaults). An environment read's default was judged above.
  if (ts.isBinaryExpression(parent) && parent.right === slot && isDefaultOperator(parent.operatorToken.kind) && isHashInput(parent)) return undefined;
  if (ts.isBinaryExpression(parent) && parent.right === slot) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      if (isMadeUpRecord(parent.left)) return undefined;
      const name = assignedName(parent.left);
      return isDefaultAssignment(parent) ? defaulted(name) : named(name);
    }
    // `options.secret || 'lit'`, `secret ?? 'lit'`: the default of a secret the code was given.
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return defaulted(assignedName(unwrap(parent.left)));
    return undefined;
  }
  // `process.env.DEBUG ? 'a' : 'b'`: a value the environment chooses, with nothing to drop.
  if (ts.isConditionalExpression(parent) && (parent.whenFalse === slot || parent.whenTrue === slot)) {
    const envName = envReadName(parent.condition);
    if (!envName) return undefined;
    // The variable's default is the branch taken when it is unset, beside a branch that uses it. A literal taken
    // when it is set, or beside another literal, is a label its presence picks (grist's boot probe
    // `process.env.GRIST_SESSION_SECRET ? 'set' : 'not set'`): only a random-looking value counts there.
    const picked = parent.whenTrue === slot || !readsVariable(parent.whenTrue, envName);
    if (picked && !looksRandom(literal.text)) return undefined;
    return { ...base, kind: 'fallback', name: envName, envName };
  }
  if (ts.isBindingElement(parent) && parent.initializer === slot) return defaulted(propertyNameText(parent.propertyName ?? parent.name));
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments) {
    const index = parent.arguments.indexOf(slot as ts.Expression);
    const callee = calleeName(parent.expression);
    if (index < 0 || !callee) return undefined;
    if (ts.isNewExpression(parent) && SDK_CONSTRUCTORS.test(callee) && index <= 1) {
      return { ...base, kind: 'sink', name: `new ${callee}()`, envName: toEnvName(`${callee}_${index === 0 ? 'api_key' : 'secret'}`) };
    }
    const found = callSink(callee, index, imports.get(callee.split('.')[0]));
    if (found) return { ...base, kind: 'sink', name: found.label, envName: found.env };
    if (index === 1) return defaulted(configKey(callee, parent.arguments[0]));
  }
  return undefined;
}

/** An object in a list that names a user (`[{ userName: 'admin', password: '…' }, …]`): seed data, not configuration. */
function isUserRecord(object: ts.ObjectLiteralExpression): boolean {
  if (!ts.isArrayLiteralExpression(outermost(object).parent)) return false;
  return object.properties.some((p) => p.name !== undefined && USER_KEYS.test(propertyNameText(p.name) ?? ''));
}

/**
 * A map of fields to how a form shows them (`{ user: 'public', host: 'public', password: 'secret' }`): `secret`
 * is the label of the masked field, beside `public` ones, not the password.
 */
function isVisibilityLabel(literal: ts.StringLiteralLike, slot: ts.Node): boolean {
  const parent = slot.parent;
  if (!ts.isPropertyAssignment(parent) || !/^(?:secret|private|sensitive|hidden|masked)$/.test(literal.text)) return false;
  return parent.parent.properties.some((p) => p !== parent && ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer) && p.initializer.text === 'public');
}

/** Words that say a generator makes up its data: `getDummyFieldsData()`, `buildSamplePayload()`, `fakeUser()`. */
const MADE_UP_WORDS = new Set(['dummy', 'sample', 'example', 'mock', 'fake', 'stub', 'placeholder']);

/**
 * `payload.password = '…'` where `payload` was made, in the same function, by a call named for made-up data
 * (`let payload = app.utils.getDummyFieldsData(collection)`): the sample request an API documentation page shows,
 * whose password is as made up as the rest (a built bundle keeps the call's name). Any other object's is judged.
 */
function isMadeUpRecord(left: ts.Expression): boolean {
  const object = ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left) ? left.expression : undefined;
  if (!object || !ts.isIdentifier(object)) return false;
  // Inside a function only: the memo judges a top-level statement alone, so the binding must be in it.
  for (let scope: ts.Node | undefined = left.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    if (!ts.isFunctionLike(scope)) continue;
    let made = false;
    const visit = (n: ts.Node): void => {
      if (made || (n !== scope && ts.isFunctionLike(n))) return;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === object.text && n.initializer) {
        const init = unwrap(n.initializer);
        const callee = ts.isCallExpression(init) ? calleeName(init.expression).split('.').pop() ?? '' : '';
        made = words(callee).some((w) => MADE_UP_WORDS.has(w));
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(scope, visit);
    return made;
  }
  return false;
}

/** The name an assignment writes: `secret`, `this.secret`, `headers['x-api-key']`. */
function assignedName(left: ts.Expression): string | undefined {
  if (ts.isIdentifier(left)) return left.text;
  if (ts.isPropertyAccessExpression(left)) return left.name.text;
  if (ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression)) return left.argumentExpression.text;
  return undefined;
}

/**
 * `if (!secret) secret = 'lit'`, `if (secret == null) …`, `secret = secret || 'lit'` is handled as `||`: an
 * assignment that only happens when the place is still empty is a default.
 */
function isDefaultAssignment(assignment: ts.BinaryExpression, anyBlock = false): boolean {
  let n: ts.Node = assignment.parent;
  if (ts.isExpressionStatement(n)) n = n.parent;
  if (ts.isBlock(n) && (anyBlock || n.statements.length === 1)) n = n.parent;
  if (!ts.isIfStatement(n)) return false;
  const target = assignment.left.getText();
  const cond = unwrap(n.expression);
  if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) return unwrap(cond.operand).getText() === target;
  if (ts.isBinaryExpression(cond) && /^(==|===)$/.test(cond.operatorToken.getText())) {
    const sides = [cond.left.getText(), cond.right.getText()];
    return sides.includes(target) && sides.some((x) => /^(null|undefined|''|"")$/.test(x));
  }
  return false;
}

/** `config.get('jwt.secret', 'lit')`, `configService.get('JWT_SECRET', 'lit')`, `env('API_KEY', 'lit')`: the key's last part. */
function configKey(callee: string, first: ts.Expression | undefined): string | undefined {
  if (!first || !ts.isStringLiteralLike(first) || !/(^|\.)(get|getOrThrow|env|getEnv)$/.test(callee)) return undefined;
  return first.text.split(/[.:/]/).pop();
}

export { isCheckedOnly } from './checkedOnly';
