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
import { inComment } from './documents';
import { isSensitiveName } from './names';
import { isStandIn } from './placeholder';
import { findProviderSecrets } from './scan';
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
const CONNECTION_PART = shape(String.raw`(?<=["';]\s*)(?<name>Password|Pwd|AccountKey|SharedAccessKey)=(?<value>[^;"'\s<>]{1,200})`, 'gdi');

/** `<add key="ApiKey" value="…" />`, `<entry name="…" value="…"/>`, `<property name="password" value="…"/>`. */
const XML_KEY_VALUE = shape(String.raw`<[\w:.-]+\s[^<>]*?\b(?:key|name)\s*=\s*(?<q0>["'])(?<name>[^"'<>]+)\k<q0>[^<>]*?\bvalue\s*=\s*(?<q>["'])(?<value>[^"'<>]*)\k<q>`);
const XML_VALUE_KEY = shape(String.raw`<[\w:.-]+\s[^<>]*?\bvalue\s*=\s*(?<q>["'])(?<value>[^"'<>]*)\k<q>[^<>]*?\b(?:key|name)\s*=\s*(?<q0>["'])(?<name>[^"'<>]+)\k<q0>`);
/** `<ApiToken>…</ApiToken>`, over lines too. */
const XML_ELEMENT = shape(String.raw`<(?<name>[A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>\s*(?<value>[^<>\s]+)\s*</\k<name>\s*>`);
/** A property list's `<key>ApiKey</key>` and the `<string>` after it. */
const PLIST_PAIR = shape(String.raw`<key>\s*(?<name>[^<>\s]+)\s*</key>\s*<string>\s*(?<value>[^<>\s]+)\s*</string>`);
/** `<smtp password="…" />`: an attribute of a tag. */
const XML_ATTRIBUTE = shape(String.raw`(?<=<[\w:.-]+\s(?:[^<>]*\s)?)(?<name>[A-Za-z_][\w.:-]*)\s*=\s*(?<q>["'])(?<value>[^"'<>]*)\k<q>`);

/** Make's `NAME = …`, `:=`, `::=`, `:::=`, `?=`, `+=`, `!=` (and `export`/`override` before it), to the line's end. */
const MAKE_ASSIGN = shape(String.raw`^[ \t]*(?:(?:export|override|private)[ \t]+)*(?<name>[A-Za-z_][\w.-]*)[ \t]*(?::{1,3}=|[?+!]?=)[ \t]*(?<raw>[^\n#]*?)[ \t]*$`);
/** HCL: a `variable "db_password"` block's `default = "…"`. */
const TF_VARIABLE_DEFAULT = shape(String.raw`\bvariable\s+"(?<name>[^"\n]+)"\s*\{[^{}]*?\bdefault\s*=\s*(?<q>")(?<value>[^"\\\n]*)"`);
/** Plain text: a whole line that is a name and a value (`api_token = …`, `password: …`). */
const TEXT_LINE = shape(String.raw`^[ \t]*(?:export[ \t]+)?(?<name>[A-Za-z_][\w.-]*)[ \t]*[:=][ \t]*(?<raw>\S+)[ \t]*$`);

const C_LIKE: RegExp[] = [ASSIGNMENT, PAIR_CALL, INDEX_ASSIGN];
const FORMATS: Record<string, Format> = {
  jvm: { id: 'jvm', code: true, shapes: C_LIKE },
  csharp: { id: 'csharp', code: true, shapes: [...C_LIKE, PROPERTY, LABEL, CONNECTION_PART] },
  php: { id: 'php', code: true, shapes: [...C_LIKE, ARROW] },
  ruby: { id: 'ruby', code: true, shapes: [ASSIGNMENT, INDEX_ASSIGN, ARROW, LABEL, PAIR_CALL] },
  xml: { id: 'xml', code: false, shapes: [XML_KEY_VALUE, XML_VALUE_KEY, PLIST_PAIR, XML_ELEMENT, XML_ATTRIBUTE, CONNECTION_PART] },
  make: { id: 'make', code: false, shapes: [MAKE_ASSIGN] },
  terraform: { id: 'terraform', code: false, shapes: [ASSIGNMENT, TF_VARIABLE_DEFAULT] },
  text: { id: 'text', code: false, shapes: [TEXT_LINE] },
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

/** Every value kept under a secret-sounding name in the file, judged as a secret; `[]` for a format not read here. */
export function findNameValueSecrets(text: string, filePath: string): NamedValue[] {
  const id = nameValueFormatOf(filePath);
  const format = id ? FORMATS[id] : undefined;
  if (!format) return [];
  const found = new Map<number, NamedValue>();
  const xmlComments = format.id === 'xml' ? commentRanges(text) : [];
  for (const pattern of format.shapes) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const g = m.groups ?? {};
      const at = m.indices?.groups?.value ?? m.indices?.groups?.raw;
      const raw = g.value ?? g.raw;
      if (!at || raw === undefined) continue;
      const { value, offset } = g.raw !== undefined ? unquote(raw) : { value: raw, offset: 0 };
      const start = at[0] + offset;
      const name = lastSegment(g.name ?? g.sym ?? '');
      if (found.has(start) || !accept(format, name, value, g.q)) continue;
      if (format.id === 'xml' ? xmlComments.some(([s, e]) => s <= start && start < e) : inComment(text, start)) continue;
      found.set(start, { name, value, start, end: start + value.length });
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

function accept(format: Format, name: string, value: string, quote: string | undefined): boolean {
  if (!isSensitiveName(name)) return false;
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

function commentRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', open + 4)) {
    const close = text.indexOf('-->', open + 4);
    ranges.push([open, close < 0 ? text.length : close + 3]);
    if (close < 0) break;
  }
  return ranges;
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
