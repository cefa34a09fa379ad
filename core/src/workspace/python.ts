import type { Workspace } from './files';
import { parseToml, tomlStrings, tomlTable, type TomlTable } from './toml';

/**
 * A Python project at a workspace root, as its own files declare it: requirements files (pip), pyproject.toml
 * (PEP 621, Poetry, PDM, uv), Pipfile, setup.cfg / setup.py, and the lockfiles of each tool. Read through the
 * workspace's host, bounded, never throwing: these files come with the repository.
 */
export interface PythonProject {
  /** Root-relative names of the files that declare dependencies, most authoritative first. */
  manifests: string[];
  /** Normalized distribution names (PEP 503: lower case, runs of `-_.` as `-`). */
  declared: Set<string>;
  /** The lockfile a tool wrote (poetry.lock, uv.lock, pdm.lock, Pipfile.lock, pylock.toml), if any. */
  lockfile?: string;
  /** The requirements file deployed from (requirements.txt, or requirements/prod.txt…), with its pins. */
  requirements?: { file: string; pinned: string[]; unpinned: string[]; hashes: boolean };
  /** Which tool the pyproject.toml is written for, when it says. */
  tool?: 'poetry' | 'pdm' | 'uv' | 'pipenv';
  /** Console scripts (pyproject.toml) and Pipfile `[scripts]`, by name, with the file that declares each. */
  scripts: Record<string, { command: string; file: string }>;
  /** A uv workspace (`[tool.uv.workspace]`): several packages in one repository. */
  workspace: boolean;
  /** A manage.py at the root (Django's, or a Flask CLI's). */
  manage: boolean;
  /** Django: declared, or named by the manage.py. */
  django: boolean;
}

export const PYTHON_LOCKFILES = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'pylock.toml'];
const PRIMARY_REQUIREMENTS = ['requirements.txt', 'requirements/prod.txt', 'requirements/production.txt', 'requirements/base.txt', 'requirements/main.txt', 'requirements/common.txt'];
const MAX_INCLUDES = 16;

export const normalizeDist = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The distribution a PEP 508 requirement names (`Flask[async]>=2; python_version>"3.8"` → flask). */
export function requirementName(spec: string): string | undefined {
  const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(spec);
  return m ? normalizeDist(m[1]) : undefined;
}

export function pythonProject(ws: Workspace): PythonProject | undefined {
  const listed = ws.list('') ?? [];
  const reqFiles = [...new Set([
    ...listed.filter((f) => /^requirements([-_.][\w.-]*)?\.txt$/i.test(f)),
    ...(ws.list('requirements') ?? []).filter((f) => /\.txt$/i.test(f)).map((f) => `requirements/${f}`),
    ...PRIMARY_REQUIREMENTS.filter((f) => ws.hasFile(f)),
  ])].sort();
  const pyproject = ws.read('pyproject.toml');
  const pipfile = ws.read('Pipfile');
  const setupCfg = ws.read('setup.cfg');
  const setupPy = ws.read('setup.py');
  const manage = ws.hasFile('manage.py');
  if (reqFiles.length === 0 && pyproject === undefined && pipfile === undefined && setupCfg === undefined && setupPy === undefined && !manage) return undefined;

  const project: PythonProject = { manifests: [], declared: new Set(), scripts: {}, workspace: false, manage, django: false };
  if (pyproject !== undefined) readPyproject(project, parseToml(pyproject));
  if (pipfile !== undefined) {
    project.manifests.push('Pipfile');
    project.tool ??= 'pipenv';
    const toml = parseToml(pipfile);
    for (const section of ['packages', 'dev-packages']) for (const k of Object.keys(tomlTable(toml, section) ?? {})) project.declared.add(normalizeDist(k));
    for (const [k, v] of Object.entries(tomlTable(toml, 'scripts') ?? {})) if (typeof v === 'string') project.scripts[k] = { command: v, file: 'Pipfile' };
  }
  const primary = PRIMARY_REQUIREMENTS.find((f) => reqFiles.includes(f)) ?? reqFiles.find((f) => !/dev|test|lint|doc/i.test(f));
  // The deployed requirements first: messages name the most authoritative file.
  for (const file of primary ? [primary, ...reqFiles.filter((f) => f !== primary)] : reqFiles) {
    const read = readRequirements(ws, file);
    project.manifests.push(file);
    for (const n of [...read.pinned, ...read.unpinned]) project.declared.add(n);
  }
  if (primary) project.requirements = { file: primary, ...readRequirements(ws, primary) };
  if (setupCfg !== undefined) {
    project.manifests.push('setup.cfg');
    const block = /^install_requires[ \t]*=([^\n]*(?:\n[ \t]+[^\n]*)*)/m.exec(setupCfg.slice(0, 1 << 18))?.[1] ?? '';
    for (const line of block.split(/[\n;]/)) addName(project.declared, line);
  }
  if (setupPy !== undefined) {
    project.manifests.push('setup.py');
    const at = setupPy.indexOf('install_requires');
    const list = at < 0 ? '' : /^install_requires\s*=\s*\[([^\]]*)\]/.exec(setupPy.slice(at, at + 20_000))?.[1] ?? '';
    for (const m of list.matchAll(/['"]([^'"\n]+)['"]/g)) addName(project.declared, m[1]);
  }
  if (pyproject !== undefined && !project.manifests.includes('pyproject.toml')) project.manifests.push('pyproject.toml');
  project.django = project.declared.has('django') || /django/i.test(ws.read('manage.py')?.slice(0, 1 << 16) ?? '');
  project.lockfile = PYTHON_LOCKFILES.find((f) => ws.hasFile(f)) ?? listed.find((f) => /^pylock\.[\w-]+\.toml$/.test(f));
  return project;
}

function addName(into: Set<string>, spec: string): void {
  const name = requirementName(spec);
  if (name) into.add(name);
}

function readPyproject(project: PythonProject, toml: TomlTable): void {
  // A pyproject.toml that only configures tools (black, ruff, pytest) is named after the files that declare the app.
  const declares = ['project', 'tool.poetry', 'tool.pdm', 'tool.uv', 'build-system'].some((k) => tomlTable(toml, ...k.split('.')) !== undefined);
  if (declares) project.manifests.push('pyproject.toml');
  const declared = project.declared;
  for (const spec of tomlStrings(tomlTable(toml, 'project')?.dependencies)) addName(declared, spec);
  for (const group of [tomlTable(toml, 'project', 'optional-dependencies'), tomlTable(toml, 'dependency-groups'), tomlTable(toml, 'tool', 'pdm', 'dev-dependencies')]) {
    for (const list of Object.values(group ?? {})) for (const spec of tomlStrings(list)) addName(declared, spec);
  }
  for (const spec of tomlStrings(tomlTable(toml, 'tool', 'uv')?.['dev-dependencies'])) addName(declared, spec);
  const poetry = tomlTable(toml, 'tool', 'poetry');
  const poetryTables = [poetry?.dependencies, poetry?.['dev-dependencies'], ...Object.values(tomlTable(toml, 'tool', 'poetry', 'group') ?? {}).map((g) => (typeof g === 'object' && !Array.isArray(g) ? g.dependencies : undefined))];
  for (const t of poetryTables) {
    if (typeof t !== 'object' || Array.isArray(t)) continue;
    for (const k of Object.keys(t)) if (k.toLowerCase() !== 'python') declared.add(normalizeDist(k));
  }
  for (const table of [tomlTable(toml, 'project', 'scripts'), tomlTable(toml, 'tool', 'poetry', 'scripts'), tomlTable(toml, 'tool', 'pdm', 'scripts')]) {
    for (const [k, v] of Object.entries(table ?? {})) if (typeof v === 'string') project.scripts[k] = { command: v, file: 'pyproject.toml' };
  }
  const backend = String(tomlTable(toml, 'build-system')?.['build-backend'] ?? '');
  project.tool = poetry ? 'poetry' : tomlTable(toml, 'tool', 'pdm') || /pdm/.test(backend) ? 'pdm' : tomlTable(toml, 'tool', 'uv') ? 'uv' : undefined;
  project.workspace = tomlTable(toml, 'tool', 'uv', 'workspace') !== undefined;
}

/**
 * The requirements of a pip requirements file and the ones it includes (`-r`) or constrains (`-c`): a
 * requirement is pinned by `==`/`===` to one version, by a constraints file that pins it, or by `--hash`
 * (pip's hash-checking mode pins every line).
 */
export function readRequirements(ws: Workspace, file: string): { pinned: string[]; unpinned: string[]; hashes: boolean } {
  const pins = new Set<string>();
  const loose = new Set<string>();
  const constrained = new Set<string>();
  let hashes = false;
  const seen = new Set<string>();
  const visit = (rel: string, constraints: boolean) => {
    if (seen.has(rel) || seen.size >= MAX_INCLUDES) return;
    seen.add(rel);
    const text = ws.read(rel)?.slice(0, 1 << 19) ?? '';
    for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
      const body = line.replace(/(^|\s)#.*$/, '').trim();
      const include = /^(-r|--requirement|-c|--constraint)[\s=]+(\S+)/.exec(body);
      if (include) {
        const target = include[2].startsWith('/') ? include[2] : joinRel(rel, include[2]);
        if (target) visit(target, constraints || include[1].startsWith('-c') || include[1] === '--constraint');
        continue;
      }
      if (body === '' || body.startsWith('-')) continue;
      const name = requirementName(body);
      if (!name || /^[a-z][\w+.-]*:\/\//i.test(body)) continue;
      const hashed = /--hash[=\s]/.test(body);
      hashes ||= hashed;
      const spec = body.split(';')[0].replace(/\s--\S+/g, '').trim();
      // Written so that no two parts can take the same characters: a long line of blanks or `@` stays linear.
      const pinned = hashed || /^[A-Za-z0-9][\w.-]*(\s*\[[^\]]*\])?\s*===?\s*[^\s,*<>=!~]+$/.test(spec) || /@\s*[^\s@]+@[0-9a-f]{40}\b/.test(spec);
      if (constraints) {
        if (pinned) constrained.add(name);
      } else (pinned ? pins : loose).add(name);
    }
  };
  visit(file, false);
  // A constraints file's pin covers a loose requirement of the same name.
  for (const n of loose) if (constrained.has(n)) {
    loose.delete(n);
    pins.add(n);
  }
  return { pinned: [...pins].sort(), unpinned: [...loose].sort(), hashes };
}

function joinRel(from: string, target: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}
