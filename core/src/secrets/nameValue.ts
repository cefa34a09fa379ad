/**
 * Named secrets in the text formats that have no syntax tree here: Java/Kotlin/Groovy, C#, PHP, Ruby, XML
 * configuration (`web.config`, `NuGet.config`, Spring XML), Makefiles, Terraform, plain text. Each format is
 * a row of data: which files it reads and which `name … value` shapes it knows (gitleaks' samples per
 * language, `utils.GenerateSampleSecrets`). The name, the value and the place are judged as everywhere
 * else: `isSensitiveName`, `isSecretValue` (placeholders, stand-ins), `isCodeWord` for code, comments skipped.
 * Go is not read here: its facts come from its own parser.
 */
import * as path from 'node:path';
import { isMap, isScalar, type Document } from 'yaml';
import { isSensitiveName } from './names';
import { isStandIn } from './placeholder';
import { findProviderSecrets } from './scan';
import { KEYED_CANDIDATE } from './structured';
import { isCodeWord, isSecretValue, looksRandom } from './value';

export interface NamedValue {
  name: string;
  value: string;
  start: number;
  end: number;
}

interface Format {
  id: string;
  /** Code: lower-case words under a secret name are codes (`status = 'expired'`), as in JavaScript. */
  code: boolean;
  /** The shapes, each with the groups `name` and `value` (and `q`, the value's quote, when quoted). */
  shapes: RegExp[];
  /** How comments are written: C (line and block), `#`, both, or XML. */
  comment: 'c' | 'hash' | 'c-hash' | 'xml';
}

// A quoted value on one line without escapes (a range inside an escaped literal would not be the secret);
// not C#'s interpolated `$"…"`.
const Q = String.raw`(?<![$])(?<q>["'\x60])(?<value>(?:(?!\k<q>)[^\\\n])*)\k<q>`;
const NAME = String.raw`(?<name>[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)`;
// `=`, `:=`, `.=` (PHP), `||=` (Ruby), `??=`; never `==`, `=>`, `=~`.
const ASSIGN = String.raw`(?:\|\|=|\?\?=|\.=|:=|=)(?![=>~])`;

const shape = (source: string, flags = 'gdm'): RegExp => new RegExp(source, flags);

/** `String apiKey = "…";`, `val apiKey: String = "…"`, `$apiKey = '…';`, `api_key = '…'`, `api_key = "…"` (HCL). */
const ASSIGNMENT = shape(String.raw`(?<![\w$.])\$?${NAME}\s*(?::\s*[A-Za-z_][\w.<>?,\[\] ]*?\s*)?${ASSIGN}\s*${Q}`);
/** `System.setProperty("API_TOKEN", "…")`, `define('DB_PASSWORD', '…')`, `props.put("token", "…")`. */
const PAIR_CALL = shape(String.raw`\(\s*(?<q0>["'])(?<name>[\w.-]+)\k<q0>\s*,\s*${Q}\s*[,)]`);
/** `$config['api_key'] = '…'`, `ENV['API_TOKEN'] ||= '…'`. */
const INDEX_ASSIGN = shape(String.raw`\[\s*(?<q0>["'])(?<name>[\w.-]+)\k<q0>\s*\]\s*${ASSIGN}\s*${Q}`);
/** `'api_key' => '…'` (PHP arrays, Ruby hashes), `:api_key => "…"`. */
const ARROW = shape(String.raw`(?:(?<q0>["'])(?<name>[\w.-]+)\k<q0>|:(?<sym>\w+))\s*=>\s*${Q}`);
/** Ruby's and C#'s `api_key: '…'` (a symbol key, a named argument). */
const LABEL = shape(String.raw`(?<![\w:$])(?<name>[A-Za-z_]\w*):\s+${Q}`);
/** A C# auto-property with an initializer: `public string ApiKey { get; set; } = "…";`. */
const PROPERTY = shape(String.raw`(?<name>[A-Za-z_]\w*)\s*\{[^{}\n]*\}\s*=\s*${Q}`);
/** `"…;Password=…;"` inside a connection string that names no server first (the provider reads those). */
const CONNECTION_PART = shape(String.raw`(?<=["';][ \t]{0,8})(?<name>Password|Pwd|AccountKey|SharedAccessKey)=(?<value>[^;"'\s<>]{1,200})`, 'gdi');

/** A start tag with attributes (read one by one below, so no pattern backtracks over a long tag). */
const XML_TAG = /<[\w:.-]+(\s[^<>]*)>?/g;
const XML_ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(["'])([^"'<>]*)\2/g;
/** `<ApiToken>…</ApiToken>`, over lines too. */
const XML_ELEMENT = shape(String.raw`<(?<name>[A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>\s*(?<value>[^<>\s]+)\s*</\k<name>\s*>`);
/** A property list's `<key>ApiKey</key>` and the `<string>` after it. */
const PLIST_PAIR = shape(String.raw`<key>\s*(?<name>[^<>\s]+)\s*</key>\s*<string>\s*(?<value>[^<>\s]+)\s*</string>`);
/** Make's `NAME = …`, `:=`, `::=`, `:::=`, `?=`, `+=`, `!=` (and `export`/`override` before it), to the line's end. */
const MAKE_ASSIGN = shape(String.raw`^[ \t]*(?:(?:export|override|private)[ \t]+)*(?<name>[A-Za-z_][\w.-]*)[ \t]*(?::{1,3}=|[?+!]?=)[ \t]*(?<raw>[^\n#]*?)[ \t]*$`);
/** HCL: a `variable "db_password"` block's `default = "…"`. */
const TF_VARIABLE_DEFAULT = shape(String.raw`\bvariable\s+"(?<name>[^"\n]+)"\s*\{[^{}]*?\bdefault\s*=\s*(?<q>")(?<value>[^"\\\n]*)"`);
/** Plain text: a whole line that is a name and a value (`api_token = …`, `password: …`). */
const TEXT_LINE = shape(String.raw`^[ \t]*(?:export[ \t]+)?(?<name>[A-Za-z_][\w.-]*)[ \t]*[:=][ \t]*(?<raw>\S+)[ \t]*$`);

const C_LIKE: RegExp[] = [ASSIGNMENT, PAIR_CALL, INDEX_ASSIGN];
const FORMATS: Record<string, Format> = {
  jvm: { id: 'jvm', code: true, shapes: C_LIKE, comment: 'c' },
  csharp: { id: 'csharp', code: true, shapes: [...C_LIKE, PROPERTY, LABEL, CONNECTION_PART], comment: 'c' },
  php: { id: 'php', code: true, shapes: [...C_LIKE, ARROW], comment: 'c-hash' },
  ruby: { id: 'ruby', code: true, shapes: [ASSIGNMENT, INDEX_ASSIGN, ARROW, LABEL, PAIR_CALL], comment: 'hash' },
  xml: { id: 'xml', code: false, shapes: [PLIST_PAIR, XML_ELEMENT, CONNECTION_PART], comment: 'xml' },
  make: { id: 'make', code: false, shapes: [MAKE_ASSIGN], comment: 'hash' },
  terraform: { id: 'terraform', code: false, shapes: [ASSIGNMENT, TF_VARIABLE_DEFAULT], comment: 'c-hash' },
  text: { id: 'text', code: false, shapes: [TEXT_LINE], comment: 'hash' },
};

const BY_EXTENSION: Record<string, string> = {
  '.java': 'jvm', '.kt': 'jvm', '.kts': 'jvm', '.groovy': 'jvm', '.gradle': 'jvm', '.scala': 'jvm', '.swift': 'jvm', '.dart': 'jvm',
  '.cs': 'csharp', '.csx': 'csharp',
  '.php': 'php',
  '.rb': 'ruby', '.rake': 'ruby', '.gemspec': 'ruby',
  '.xml': 'xml', '.config': 'xml', '.csproj': 'xml', '.props': 'xml', '.targets': 'xml', '.xaml': 'xml', '.plist': 'xml',
  '.mk': 'make', '.mak': 'make',
  '.tf': 'terraform', '.tfvars': 'terraform', '.hcl': 'terraform',
  '.txt': 'text', '.text': 'text', '.creds': 'text', '.credentials': 'text', '.secret': 'text', '.secrets': 'text',
};
const BY_NAME: Record<string, string> = {
  makefile: 'make', gnumakefile: 'make', gemfile: 'ruby', rakefile: 'ruby', vagrantfile: 'ruby', podfile: 'ruby',
  fastfile: 'ruby', appfile: 'ruby', jenkinsfile: 'jvm',
};

/** The format of a file the other readers leave as plain text; `undefined` for one it does not read (Go, C, Markdown …). */
export function nameValueFormatOf(filePath: string): string | undefined {
  const base = path.basename(filePath.replace(/\\/g, '/')).toLowerCase();
  const named = BY_NAME[base];
  if (named) return named;
  const ext = path.extname(base);
  // A name with no extension (`credentials`, `secrets`) is read as plain text; a dotfile is its own name.
  return ext === '' && !base.startsWith('.') ? 'text' : BY_EXTENSION[ext];
}

interface Hit {
  name: string;
  raw: string;
  start: number;
  /** The quote around the value, when the shape had one. */
  q?: string;
  /** Quotes may still surround `raw` (Make, plain text). */
  unquote?: boolean;
}

/** Every value kept under a secret-sounding name in the file, judged as a secret; `[]` for a format not read here. */
export function findNameValueSecrets(text: string, filePath: string): NamedValue[] {
  const id = nameValueFormatOf(filePath);
  const format = id ? FORMATS[id] : undefined;
  if (!format) return [];
  const found = new Map<number, NamedValue>();
  const comments = new Comments(text, format.comment);
  const hits = format.id === 'xml' ? xmlAttributes(text) : [];
  for (const pattern of format.shapes) hits.push(...shapeHits(text, pattern));
  for (const hit of hits) {
    const { value, offset } = hit.unquote ? unquote(hit.raw) : { value: hit.raw, offset: 0 };
    const start = hit.start + offset;
    const name = lastSegment(hit.name);
    if (found.has(start) || !accept(format, name, value, hit.q) || comments.covers(start) || namesAccount(text, value)) continue;
    if (format.id === 'make' && encryptedForCi(text, hit.name)) continue;
    found.set(start, { name, value, start, end: start + value.length });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/**
 * A password spelled as an account the same file logs in with (`psql -U postgres` and `PGPASSWORD := postgres`
 * in a Makefile's test targets, `postgres://postgres:…@` beside them): the database image's default login, which a
 * chosen secret never is. A random-looking value still counts.
 */
function namesAccount(text: string, value: string): boolean {
  if (!/^\w{2,}$/.test(value) || looksRandom(value)) return false;
  return new RegExp(String.raw`(?:\s-U\s*|--user(?:name)?[= ]|\b\w*USER(?:NAME)?\s*[:?]?=\s*["']?|://)${value}(?![\w-])`).test(text);
}

/**
 * A Make variable the same file passes only as a Travis CI `secure` value (`"env": { "secure": "${TRAVIS_SECRET}" }` in
 * the body of a build request): Travis encrypts such values with the repository's public key so they can be
 * committed, and only Travis, with the private key, can read them (docs.travis-ci.com/user/encryption-keys/).
 * A variable also used elsewhere is judged as usual.
 */
function encryptedForCi(text: string, name: string): boolean {
  const ref = String.raw`\$[({]${name.replace(/[.]/g, '\\.')}[)}]`;
  const uses = text.match(new RegExp(ref, 'g'))?.length ?? 0;
  const secure = text.match(new RegExp(String.raw`["']?\bsecure["']?\s*:\s*\\?["']?${ref}`, 'g'))?.length ?? 0;
  return uses > 0 && uses === secure;
}

function shapeHits(text: string, pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const g = m.groups ?? {};
    const at = m.indices?.groups?.value ?? m.indices?.groups?.raw;
    const raw = g.value ?? g.raw;
    if (at && raw !== undefined) hits.push({ name: g.name ?? g.sym ?? '', raw, start: at[0], q: g.q, unquote: g.raw !== undefined });
  }
  return hits;
}

/**
 * XML attributes: `<smtp password="…"/>` by the attribute's name, and `<add key="ApiKey" value="…"/>` (also
 * `name=`, in either order) by the name the `key` attribute gives the `value`.
 */
function xmlAttributes(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const tag of text.matchAll(XML_TAG)) {
    const body = tag[1];
    const bodyStart = (tag.index ?? 0) + tag[0].length - body.length - (tag[0].endsWith('>') ? 1 : 0);
    let key: string | undefined;
    let value: Hit | undefined;
    for (const a of body.matchAll(XML_ATTR)) {
      const start = bodyStart + (a.index ?? 0) + a[0].length - 1 - a[3].length;
      const attr = a[1].toLowerCase();
      if (attr === 'key' || attr === 'name') key ??= a[3];
      else if (attr === 'value') value = { name: '', raw: a[3], start, q: a[2] };
      else hits.push({ name: a[1], raw: a[3], start, q: a[2] });
    }
    if (key !== undefined && value) hits.push({ ...value, name: key });
  }
  return hits;
}

/** Whether an offset sits in a comment: block comments found once, line comments by the text before it on its line. */
class Comments {
  private readonly blocks: Array<[number, number]> = [];
  private readonly line: RegExp | undefined;

  constructor(private readonly text: string, style: Format['comment']) {
    const [open, close] = style === 'xml' ? ['<!--', '-->'] : style === 'hash' ? ['', ''] : ['/*', '*/'];
    for (let at = open ? text.indexOf(open) : -1; at >= 0; at = text.indexOf(open, at + open.length)) {
      const end = text.indexOf(close, at + open.length);
      this.blocks.push([at, end < 0 ? text.length : end + close.length]);
      if (end < 0) break;
      at = end;
    }
    this.line = style === 'xml' ? undefined
      : style === 'c' ? /^\s*(?:\/\/|\*)|(?:^|[\s;,)}])\/\/[^'"`]*$/
      : style === 'hash' ? /^\s*#|\s#[^'"`]*$/
      : /^\s*(?:\/\/|\*|#)|(?:^|[\s;,)}])(?:\/\/|#)[^'"`]*$/;
  }

  covers(offset: number): boolean {
    if (this.line) {
      const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
      if (this.line.test(this.text.slice(lineStart, offset))) return true;
    }
    // Binary search: the last block opened at or before the offset.
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.blocks[mid][0] <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && offset < this.blocks[hi][1];
  }
}

function accept(format: Format, name: string, value: string, quote: string | undefined): boolean {
  // The cheap test first: most names in a file say nothing about secrets.
  if (!KEYED_CANDIDATE.test(name) || !isSensitiveName(name)) return false;
  // Interpolated strings (`"${user}"`, `"#{token}"`, `"$token"` in PHP, Kotlin, Groovy) are computed, not written.
  if (/\$\{|#\{|\\\(/.test(value) || (quote !== "'" && format.code && /\$[A-Za-z_]/.test(value))) return false;
  if (format.code && isCodeWord(value)) return false;
  return isSecretValue(value, name);
}

/** `config.api_key` → `api_key`: the object's path says whose, the last name says what. */
function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && dot < name.length - 1 && /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(name) ? name.slice(dot + 1) : name;
}

/** Make and plain text: quotes around the value are not part of it. */
function unquote(raw: string): { value: string; offset: number } {
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q)) return { value: raw.slice(1, -1), offset: 1 };
  return { value: raw, offset: 0 };
}

/**
 * A Kubernetes `Secret`'s `data:` values are base64: each is decoded and judged (a placeholder encoded is
 * still a placeholder; a connection string or a provider key encoded is still a secret). `covered` lists
 * every `data` value's range, so the plain YAML reading does not judge the base64 text as well.
 */
export function kubernetesSecretData(docs: readonly Document.Parsed[], text: string): { secrets: NamedValue[]; covered: Array<[number, number]> } {
  const secrets: NamedValue[] = [];
  const covered: Array<[number, number]> = [];
  for (const doc of docs) {
    if (!isMap(doc.contents) || doc.get('kind') !== 'Secret') continue;
    const data = doc.get('data');
    if (!isMap(data)) continue;
    for (const pair of data.items) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string' || !pair.value.range) continue;
      const [start, end] = pair.value.range;
      covered.push([start, end]);
      const decoded = decodeBase64(pair.value.value);
      if (decoded === undefined) continue;
      const name = String(pair.key.value);
      const known = findProviderSecrets(decoded).length > 0;
      const named = isSensitiveName(name) && isSecretValue(decoded, name);
      if (known || named || (!isStandIn(decoded) && looksRandom(decoded))) {
        // The base64 text is what the editor marks; the message redacts the decoded secret.
        const at = Math.max(0, text.slice(start, end).indexOf(pair.value.value));
        secrets.push({ name, value: decoded, start: start + at, end: Math.min(end, start + at + pair.value.value.length) });
      }
    }
  }
  return { secrets, covered };
}

/** Strict base64 of printable text (a value that is not base64, or decodes to bytes, is not judged). */
function decodeBase64(value: string): string | undefined {
  const v = value.replace(/\s+/g, '');
  if (v.length < 4 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return undefined;
  const decoded = Buffer.from(v, 'base64').toString('utf8');
  return /^[\x20-\x7e\t\r\n]+$/.test(decoded) ? decoded : undefined;
}
