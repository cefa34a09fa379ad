import { isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { isAuthorizationName, isSensitiveName, toEnvName } from './names';

/** A value that a key-value file keeps under a sensitive key. */
export interface KeyedSecret {
  name: string;
  value: string;
  start: number;
  end: number;
  envName: string;
  /** For YAML scalars, the whole scalar (with quotes): what `"${NAME}"` replaces in a compose file. */
  scalar?: { start: number; end: number };
  /** A `KEY=value` item of a block list whose value is written plainly: `${NAME}` can take its place as is. */
  plainItem?: boolean;
}

function keyed(name: string, value: string, start: number, scalar?: { start: number; end: number }): KeyedSecret | undefined {
  if (isAuthorizationName(name)) {
    const m = /^((?:Bearer|Basic|Token|token|Bot)\s+)(\S{8,})$/.exec(value);
    return m ? { name, value: m[2], start: start + m[1].length, end: start + value.length, envName: 'API_TOKEN' } : undefined;
  }
  if (!isSensitiveName(name)) return undefined;
  return { name, value, start, end: start + value.length, envName: toEnvName(name), scalar };
}

/**
 * YAML and JSON: every scalar kept under a sensitive key, and `KEY=value` items of lists (compose's list
 * form of `environment`).
 */
export function findYamlSecrets(docs: Document.Parsed[], text: string): KeyedSecret[] {
  const found: KeyedSecret[] = [];
  for (const doc of docs) {
    visit(doc, {
      Pair(_, pair, path) {
        if (!isScalar(pair.key) || !isScalar(pair.value)) return;
        if (namesNotSecrets(path)) return;
        const name = String(pair.key.value);
        const value = pair.value.value;
        if (typeof value !== 'string' && typeof value !== 'number') return;
        const found1 = scalarSecret(name, pair.value as Node, text);
        if (found1) found.push(found1);
      },
      Seq(_, seq) {
        const flow = (seq as { flow?: boolean }).flow === true;
        for (const item of seq.items) {
          if (!isScalar(item) || typeof item.value !== 'string') continue;
          const m = /^([A-Za-z_][\w.-]*)=(.+)$/.exec(item.value);
          if (!m || !item.range) continue;
          const raw = text.slice(item.range[0], item.range[1]);
          const at = raw.indexOf(m[2]);
          if (at < 0) continue;
          const secret = keyed(m[1], m[2], item.range[0] + at);
          // Only a plain item of a block list can take `${NAME}` in place: quotes, escapes or a flow list cannot.
          if (secret) found.push({ ...secret, plainItem: !flow && raw === item.value });
        }
      },
    });
  }
  return found;
}

// Maps whose keys are names of packages or scopes, never of secrets: `"js-tokens": "^4.0.0"` in package.json,
// `id-token: write` in a GitHub Actions workflow's `permissions`.
const NAME_MAPS = new Set([
  'dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies',
  'bundledDependencies', 'peerDependenciesMeta', 'dependenciesMeta', 'overrides', 'resolutions', 'engines',
  'permissions',
]);

/** True when the pair being visited sits directly in a map kept under one of NAME_MAPS. */
function namesNotSecrets(path: readonly unknown[]): boolean {
  // The visitor's path ends …, Pair(parent key), Map, [this Pair]: the map's own pair is two steps up.
  const owner = path[path.length - 2];
  if (!isPair(owner) || !isScalar(owner.key)) return false;
  return NAME_MAPS.has(String(owner.key.value));
}

function scalarSecret(name: string, node: Node, text: string): KeyedSecret | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const raw = text.slice(start, end);
  const value = String((node as { value: unknown }).value);
  // The secret's offsets: inside the quotes when quoted; block scalars (|, >) and escapes keep the whole node.
  const at = raw.indexOf(value);
  const valueStart = at >= 0 ? start + at : start;
  const valueEnd = at >= 0 ? valueStart + value.length : end;
  const secret = keyed(name, value, valueStart, { start, end });
  if (secret) secret.end = valueEnd;
  return secret;
}

interface Line {
  text: string;
  start: number;
}

function* linesOf(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    yield { text: line, start };
    start = end + 1;
  }
}

/** Strips matching quotes and, for unquoted values, a trailing ` # comment`; returns the value and its offset in the raw text. */
function unquote(raw: string): { value: string; offset: number } {
  const trimmed = raw.replace(/\s+$/, '');
  const lead = raw.length - raw.replace(/^\s+/, '').length;
  const body = trimmed.slice(lead);
  const q = body[0];
  if ((q === '"' || q === "'" || q === '`') && body.length >= 2) {
    const close = body.indexOf(q, 1);
    if (close > 0) return { value: body.slice(1, close), offset: lead + 1 };
  }
  const hash = body.search(/\s#/);
  return { value: hash >= 0 ? body.slice(0, hash).trimEnd() : body, offset: lead };
}

const ENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=(.*)$/;
const PROPERTIES_LINE = /^\s*([\w.-]+(?:\[[\w.-]+\])?)\s*[=:](.*)$/;
const SHELL_ASSIGN = /^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_]\w*)=(.*)$/;
const SHELL_FLAG = /--((?:[a-z]+-)*(?:password|passwd|token|secret|api-key|apikey|private-key|access-key))[= ]("[^"]*"|'[^']*'|[^\s'"]+)/gi;

/** `.env`, `.properties`, `.ini`: one `KEY=value` per line. */
export function findLineSecrets(text: string, kind: 'env' | 'properties' | 'shell' | 'dockerfile'): KeyedSecret[] {
  const found: KeyedSecret[] = [];
  const push = (name: string, raw: string, rawStart: number) => {
    const { value, offset } = unquote(raw);
    const secret = keyed(name, value, rawStart + offset);
    if (secret) found.push(secret);
  };
  for (const line of linesOf(text)) {
    const t = line.text;
    if (/^\s*[#;!]/.test(t) || t.trim() === '') continue;
    if (kind === 'dockerfile') {
      const m = /^\s*(ENV|ARG)\s+(.*)$/i.exec(t);
      if (!m) continue;
      const argsStart = t.length - m[2].length;
      const pairs = [...m[2].matchAll(/([A-Za-z_][\w.-]*)=("[^"]*"|'[^']*'|\S*)/g)];
      if (pairs.length === 0) {
        const legacy = /^([A-Za-z_][\w.-]*)\s+(.+)$/.exec(m[2]);
        if (legacy) push(legacy[1], legacy[2], line.start + argsStart + legacy[0].length - legacy[2].length);
      }
      for (const p of pairs) push(p[1], p[2], line.start + argsStart + (p.index ?? 0) + p[1].length + 1);
      continue;
    }
    const m = (kind === 'env' ? ENV_LINE : kind === 'properties' ? PROPERTIES_LINE : SHELL_ASSIGN).exec(t);
    if (m) push(m[1], m[2], line.start + t.length - m[2].length);
    if (kind === 'shell') {
      for (const f of t.matchAll(SHELL_FLAG)) push(f[1], f[2], line.start + (f.index ?? 0) + f[0].length - f[2].length);
    }
  }
  return found;
}

/** The cheap test made before YAML or JSON is parsed. */
export const KEYED_CANDIDATE = /pass|pwd|secret|token|api[-_]?key|apikey|private[-_]?key|credential|access[-_]?key|auth/i;
