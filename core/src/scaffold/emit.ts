import * as path from 'node:path';
import type { ProjectInfo } from './types';

type Style = Pick<ProjectInfo, 'typescript' | 'module' | 'importExtension' | 'srcDir'>;

/**
 * Writes one module in the project's own dialect: TypeScript (always `import`/`export`, whatever it compiles
 * to), JavaScript ESM, or JavaScript CommonJS (`require` and one `module.exports` at the end). Generators write
 * the TypeScript shape and mark what only TypeScript keeps with `t()`.
 */
export class ModuleWriter {
  private readonly exportedNames: string[] = [];

  constructor(readonly style: Style) {}

  get typescript(): boolean {
    return this.style.typescript;
  }

  /** JavaScript that Node loads as CommonJS. */
  get commonjs(): boolean {
    return !this.style.typescript && this.style.module === 'cjs';
  }

  /** Text only TypeScript keeps: an annotation (`': string'`), a generic, a type-only line. */
  t(text: string): string {
    return this.style.typescript ? text : '';
  }

  /** A JSDoc block for JavaScript only (TypeScript has the types inline); undefined for TypeScript. */
  jsdoc(...tags: string[]): string | undefined {
    if (this.style.typescript) return undefined;
    return tags.length === 1 ? `/** ${tags[0]} */` : ['/**', ...tags.map((t) => ` * ${t}`), ' */'].join('\n');
  }

  importValues(names: string[], from: string): string {
    const list = names.join(', ');
    return this.commonjs ? `const { ${list} } = require('${from}');` : `import { ${list} } from '${from}';`;
  }

  /** `import type` (TypeScript only); undefined for JavaScript. */
  importTypes(names: string[], from: string): string | undefined {
    return this.style.typescript ? `import type { ${names.join(', ')} } from '${from}';` : undefined;
  }

  /** `export const name` / `export function name` … or, in CommonJS, the bare declaration with the name kept for `module.exports`. */
  exported(keyword: 'const' | 'function' | 'async function' | 'class', name: string): string {
    if (this.commonjs) {
      this.exportedNames.push(name);
      return `${keyword} ${name}`;
    }
    return `export ${keyword} ${name}`;
  }

  /** The module's text: `'use strict'` and `module.exports` for CommonJS, lines without `undefined`s, one final newline. */
  render(lines: Array<string | undefined>): string {
    const body = lines.filter((l): l is string => l !== undefined);
    if (this.commonjs) body.unshift("'use strict';", '');
    if (this.commonjs && this.exportedNames.length > 0) body.push('', `module.exports = { ${this.exportedNames.join(', ')} };`);
    return `${body.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '')}\n`;
  }
}

const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Where a generated module goes and in which language. A module of that name that exists already (in any
 * of the script extensions) decides both: `src/config.ts` is never joined by a `src/config.js`, so the
 * scaffold proposes to replace or rename the file that is there instead of writing a second one beside it.
 */
export function moduleTarget<P extends Style & { files?: readonly string[] }>(project: P, base: string): { path: string; project: P } {
  const stem = `${project.srcDir ? `${project.srcDir}/` : ''}${base}`;
  const files = new Set(project.files ?? []);
  const preferred = project.typescript ? MODULE_EXTENSIONS : [...MODULE_EXTENSIONS.slice(3), ...MODULE_EXTENSIONS.slice(0, 3)];
  const existing = preferred.map((ext) => `${stem}${ext}`).find((f) => files.has(f));
  if (!existing) return { path: modulePath(project, base), project };
  const typescript = /\.[cm]?ts$/.test(existing);
  const module = /\.mjs$/.test(existing) ? 'esm' : /\.cjs$/.test(existing) ? 'cjs' : project.module;
  return { path: existing, project: { ...project, typescript, module } };
}

/** `src/config.ts` / `config.js`: where a generated module of this project goes. */
export function modulePath(style: Style, base: string): string {
  return `${style.srcDir ? `${style.srcDir}/` : ''}${base}${style.typescript ? '.ts' : '.js'}`;
}

/** The specifier `from` uses to import `to` (both relative to the root): `./config`, `./config.js`, `../lib/health`. */
export function importSpecifier(style: Style, from: string, to: string): string {
  let rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.[cm]?[jt]sx?$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return `${rel}${style.importExtension}`;
}

/** The import line a user adds to wire a generated module in. */
export function importLine(style: Style, from: string, to: string, names: string[]): string {
  const spec = importSpecifier(style, from, to);
  return !style.typescript && style.module === 'cjs' ? `const { ${names.join(', ')} } = require('${spec}');` : `import { ${names.join(', ')} } from '${spec}';`;
}

/** `DATABASE_URL` → `databaseUrl`. */
export function camelCase(name: string): string {
  const parts = name.toLowerCase().split(/_+/).filter(Boolean);
  const joined = parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join('');
  return /^[a-z_$]/i.test(joined) ? joined : `_${joined}`;
}

/** A JavaScript string literal in single quotes. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
