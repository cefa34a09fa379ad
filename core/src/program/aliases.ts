import * as path from 'node:path';
import { folderKeyOf, type FileHost } from '../host';
import { foldersUp, isRecord, readJsonc } from '../workspace/manifest';

/** One `paths` entry of a tsconfig (`"@/*": ["src/*"]`), its targets made absolute. */
interface PathRule {
  prefix: string;
  /** Undefined for a key without `*`: the specifier must equal the prefix. */
  suffix: string | undefined;
  targets: string[];
}

interface Aliases {
  paths: PathRule[];
  /** `compilerOptions.baseUrl`: bare specifiers also resolve under it. */
  baseUrl?: string;
  /** package.json `imports` (`"#db": "./src/db.js"`), targets absolute. */
  imports: PathRule[];
}

const NONE: Aliases = { paths: [], imports: [] };

/**
 * The non-relative specifiers that name modules of the same package: tsconfig/jsconfig `paths` and `baseUrl`
 * (following relative `extends`) and package.json `imports`. A program whose shutdown handler lives in
 * `@/lib/shutdown` is one program; without these the index would see two. Read through the host, once per
 * folder, until `clear()` (a tsconfig or package.json changed).
 */
export class AliasResolver {
  private readonly byDir = new Map<string, Aliases>();

  constructor(private readonly host: FileHost) {}

  clear(): void {
    this.byDir.clear();
  }

  /** Paths (without extension) the specifier may name, most specific rule first; empty when none applies. */
  candidates(from: string, specifier: string): string[] {
    const aliases = this.aliasesOf(folderKeyOf(from));
    if (specifier.startsWith('#')) return expand(aliases.imports, specifier);
    const out = expand(aliases.paths, specifier);
    if (aliases.baseUrl) out.push(path.join(aliases.baseUrl, specifier));
    return out;
  }

  private aliasesOf(dir: string): Aliases {
    let found = this.byDir.get(dir);
    if (found) return found;
    found = { paths: [], imports: [] };
    const folders = foldersUp(this.host, path.join(dir, 'x'));
    for (const d of folders) {
      const config = ['tsconfig.json', 'jsconfig.json'].map((n) => path.join(d, n)).find((p) => this.host.readFile(p) !== undefined);
      if (config) {
        readTsconfig(this.host, config, found, 0);
        break;
      }
    }
    for (const d of folders) {
      const manifest = readJsonc(this.host, path.join(d, 'package.json'));
      if (!manifest) continue;
      if (isRecord(manifest.imports)) found.imports = rulesOf(manifest.imports, d, (t) => importTarget(t));
      break;
    }
    if (found.paths.length === 0 && found.imports.length === 0 && !found.baseUrl) found = NONE;
    this.byDir.set(dir, found);
    return found;
  }
}

function readTsconfig(host: FileHost, file: string, into: Aliases, depth: number): void {
  const json = readJsonc(host, file);
  if (!json || depth > 5) return;
  // The file that extends wins: read what it extends first, then let its own options replace them.
  const ext = json.extends;
  for (const e of Array.isArray(ext) ? ext : [ext]) {
    if (typeof e === 'string' && e.startsWith('.')) readTsconfig(host, path.resolve(path.dirname(file), e.endsWith('.json') ? e : `${e}.json`), into, depth + 1);
  }
  const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
  const dir = path.dirname(file);
  if (typeof options.baseUrl === 'string') into.baseUrl = path.resolve(dir, options.baseUrl);
  // `paths` resolve against baseUrl when there is one, else against the config's own folder.
  if (isRecord(options.paths)) into.paths = rulesOf(options.paths, into.baseUrl ?? dir, (t) => (Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : []));
}

function rulesOf(map: Record<string, unknown>, base: string, targetsOf: (value: unknown) => string[]): PathRule[] {
  const rules: PathRule[] = [];
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    const targets = targetsOf(value).map((t) => path.resolve(base, t));
    if (targets.length === 0) continue;
    rules.push(star < 0 ? { prefix: key, suffix: undefined, targets } : { prefix: key.slice(0, star), suffix: key.slice(star + 1), targets });
  }
  // As TypeScript does: the longest prefix wins.
  return rules.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** A package.json `imports` target: a path, or conditions (`{ "node": "./x.js", "default": "./y.js" }`). */
function importTarget(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('.') ? [value] : [];
  if (!isRecord(value)) return [];
  return Object.values(value).flatMap(importTarget);
}

function expand(rules: PathRule[], specifier: string): string[] {
  for (const rule of rules) {
    if (rule.suffix === undefined) {
      if (specifier === rule.prefix) return [...rule.targets];
      continue;
    }
    if (specifier.length < rule.prefix.length + rule.suffix.length || !specifier.startsWith(rule.prefix) || !specifier.endsWith(rule.suffix)) continue;
    const star = specifier.slice(rule.prefix.length, specifier.length - rule.suffix.length);
    return rule.targets.map((t) => t.replace('*', star));
  }
  return [];
}
