/**
 * Just enough TOML to read a project's manifest (pyproject.toml, Pipfile): tables, array-of-tables headers,
 * dotted and quoted keys, strings of all four kinds, arrays, inline tables, and other values as their raw
 * text. The file comes from the repository, so it is untrusted: the text is cut at `MAX_TEXT`, nesting stops
 * at `MAX_DEPTH`, tables have no prototype (a `__proto__` key is just a key), and a line that does not parse
 * is skipped — the reader never throws and always returns what it could read.
 */

export type TomlValue = string | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

const MAX_TEXT = 1 << 20;
const MAX_DEPTH = 16;

class ParseError extends Error {}

const table = (): TomlTable => Object.create(null) as TomlTable;
const isTable = (v: TomlValue | undefined): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseToml(input: string): TomlTable {
  const root = table();
  try {
    new Reader(input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input, root).document();
  } catch {
    // Anything unforeseen: what was read so far is the answer.
  }
  return root;
}

/** The table at a dotted path (`tool.poetry.dependencies`), if every step is a table. */
export function tomlTable(root: TomlTable, ...keys: string[]): TomlTable | undefined {
  let at: TomlValue | undefined = root;
  for (const k of keys) at = isTable(at) ? at[k] : undefined;
  return isTable(at) ? at : undefined;
}

/** The strings of an array value (other items left out). */
export function tomlStrings(v: TomlValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

class Reader {
  private i = 0;
  private current: TomlTable;

  constructor(private readonly s: string, private readonly root: TomlTable) {
    this.current = root;
  }

  document(): void {
    while (this.i < this.s.length) {
      const start = this.i;
      try {
        this.skipBlank(true);
        if (this.i >= this.s.length) break;
        if (this.s[this.i] === '[') this.header();
        else this.keyValue(this.current);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.skipLine();
      }
      if (this.i === start) this.skipLine();
    }
  }

  private header(): void {
    const many = this.s.startsWith('[[', this.i);
    this.i += many ? 2 : 1;
    const keys = this.keys();
    this.skipSpaces();
    if (!this.s.startsWith(many ? ']]' : ']', this.i)) throw new ParseError();
    this.i += many ? 2 : 1;
    let at = this.root;
    keys.forEach((k, n) => {
      const last = n === keys.length - 1;
      let next = at[k];
      if (many && last) {
        const list = Array.isArray(next) ? next : (at[k] = []);
        list.push((next = table()));
      } else if (Array.isArray(next) && isTable(next[next.length - 1])) next = next[next.length - 1];
      else if (!isTable(next)) next = at[k] = table();
      at = next as TomlTable;
    });
    this.current = at;
  }

  private keyValue(into: TomlTable, depth = 0): void {
    const keys = this.keys();
    this.skipSpaces();
    if (this.s[this.i] !== '=') throw new ParseError();
    this.i++;
    this.skipSpaces();
    const value = this.value(depth);
    let at = into;
    for (const k of keys.slice(0, -1)) {
      const next = at[k];
      at = isTable(next) ? next : (at[k] = table());
    }
    at[keys[keys.length - 1]] = value;
  }

  private keys(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.s[this.i];
      if (c === '"' || c === "'") keys.push(this.singleLineString(c));
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.s.slice(this.i, this.i + 256));
        if (!m) throw new ParseError();
        keys.push(m[0]);
        this.i += m[0].length;
      }
      this.skipSpaces();
      if (this.s[this.i] !== '.') return keys;
      this.i++;
    }
  }

  private value(depth: number): TomlValue {
    if (depth > MAX_DEPTH) throw new ParseError();
    const c = this.s[this.i];
    if (this.s.startsWith('"""', this.i) || this.s.startsWith("'''", this.i)) return this.multiLineString();
    if (c === '"' || c === "'") return this.singleLineString(c);
    if (c === '[') return this.array(depth);
    if (c === '{') return this.inlineTable(depth);
    const m = /^[^\s,\]}#]+/.exec(this.s.slice(this.i, this.i + 256));
    if (!m) throw new ParseError();
    this.i += m[0].length;
    return m[0];
  }

  private array(depth: number): TomlValue[] {
    this.i++;
    const out: TomlValue[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.i >= this.s.length) throw new ParseError();
      if (this.s[this.i] === ']') break;
      out.push(this.value(depth + 1));
      this.skipBlank(true);
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new ParseError();
    }
    this.i++;
    return out;
  }

  private inlineTable(depth: number): TomlTable {
    this.i++;
    const out = table();
    for (;;) {
      this.skipBlank(false);
      if (this.i >= this.s.length || this.s[this.i] === '\n') throw new ParseError();
      if (this.s[this.i] === '}') break;
      this.keyValue(out, depth + 1);
      this.skipBlank(false);
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new ParseError();
    }
    this.i++;
    return out;
  }

  private singleLineString(quote: string): string {
    let out = '';
    for (this.i++; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '\n') throw new ParseError();
      if (c === quote) {
        this.i++;
        return out;
      }
      if (c === '\\' && quote === '"') {
        const e = this.s[++this.i];
        if (e === 'u' || e === 'U') {
          const hex = this.s.slice(this.i + 1, this.i + (e === 'u' ? 5 : 9));
          const code = /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
          out += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
          this.i += hex.length;
        } else out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
      } else out += c;
    }
    throw new ParseError();
  }

  private multiLineString(): string {
    const quote = this.s.slice(this.i, this.i + 3);
    let end = this.s.indexOf(quote, this.i + 3);
    // A backslash before the closing quotes escapes the first of them (basic strings only).
    while (end > 0 && quote === '"""' && this.s[end - 1] === '\\') end = this.s.indexOf(quote, end + 1);
    if (end < 0) throw new ParseError();
    const text = this.s.slice(this.i + 3, end).replace(/^\r?\n/, '');
    this.i = end + 3;
    while (this.s[this.i] === quote[0]) this.i++;
    return text;
  }

  private skipSpaces(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  /** Spaces, comments and (when `newlines`) line breaks. */
  private skipBlank(newlines: boolean): void {
    for (;;) {
      this.skipSpaces();
      const c = this.s[this.i];
      if (c === '#') {
        const nl = this.s.indexOf('\n', this.i);
        this.i = nl < 0 ? this.s.length : nl;
      } else if (newlines && (c === '\n' || c === '\r')) this.i++;
      else return;
    }
  }

  private skipLine(): void {
    const nl = this.s.indexOf('\n', this.i);
    this.i = nl < 0 ? this.s.length : nl + 1;
  }
}
