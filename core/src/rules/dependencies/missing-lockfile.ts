import * as path from 'node:path';
import picomatch from 'picomatch';
import { isMap, isScalar, parse as parseYaml } from 'yaml';
import type { FileContext } from '../../context';
import { projectPath } from '../../js/commands';
import type { Report, Rule, RuleMeta } from '../types';
import { roleOfPath } from '../../workspace/roles';
import { foldersUp, lockfileFor, parseManifest } from '../../workspace/manifest';

export const meta: RuleMeta = {
  id: 'dependencies/missing-lockfile',
  defaultSeverity: 'warning',
  description: 'A package with dependencies commits a lockfile, so every build installs the same dependency tree.',
  messages: {
    missing: 'No lockfile beside this package.json or at the workspace root: each install resolves the version ranges again. Commit the lockfile your package manager writes.',
    helper: 'No lockfile beside this package.json or at the workspace root. The project\'s application is Python or Go and this package starts nothing (no `start` script): an asset or tooling helper, so this is mild; commit the lockfile if a build installs it.',
  },
  fixable: false,
  kinds: ['json'],
  keywords: ['dependencies'],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  const host = context.host;
  const file = projectPath(context);
  if (!host || path.basename(file) !== 'package.json' || /(^|\/)(node_modules|examples?|templates?)\//.test(file) || context.isTestFile) return;
  // A vendored copy of another project (`static/css/vendor/bulma/package.json`): its manifest came with the copy and
  // nothing installs it.
  if (roleOfPath(file).role === 'vendored') return;
  if (!path.isAbsolute(context.path)) return;
  const manifest = parseManifest(context.path, context.text);
  // Nothing to lock: no dependencies at all.
  if (!manifest || manifest.declared.size === 0) return;
  if (lockfileFor(host, context.path)) return;
  // `package-lock=false` in .npmrc is a decision, not an oversight.
  for (const dir of foldersUp(host, context.path)) {
    const npmrc = host.readFile(path.join(dir, '.npmrc'));
    if (npmrc && /^[ \t]*package-lock[ \t]*=[ \t]*false\b/m.test(npmrc)) return;
  }
  // A workspace keeps one lockfile, at its root: a member is reported there, once, not in each of its packages.
  if (rootReportedFor(host, context.path)) return;
  const range = nameKeyRange(context) ?? { start: Math.max(0, context.text.indexOf('{')), end: Math.max(0, context.text.indexOf('{')) + 1 };
  if (isNonNodeHelper(host, context.path, manifest)) report({ messageId: 'helper', ...range, identity: 'missing', demote: 1 });
  else report({ messageId: 'missing', ...range, identity: 'missing' });
}

// What declares a Python or Go application in a folder: its dependency manifests.
const NON_NODE_PROJECT = ['pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile', 'go.mod'];

/**
 * A package.json that starts nothing (no `start` script) in a project whose application is Python or Go (a folder
 * at or above it, up to the repository root, declares one): the Sass build of the stylesheets, the docs page's
 * builder, a dev container's linters, the source of vendored browser libraries whose copies are committed. The
 * deployed app is installed by pip or go; the lockfile still pins the helper's tools, so it is information.
 */
function isNonNodeHelper(host: NonNullable<FileContext['host']>, manifestFile: string, manifest: { scripts: Record<string, string> }): boolean {
  if (manifest.scripts.start !== undefined) return false;
  return foldersUp(host, manifestFile).some((dir) => NON_NODE_PROJECT.some((name) => host.readFile(path.join(dir, name)) !== undefined));
}

/**
 * The package is a member of a workspace (the root's `workspaces`, or its `pnpm-workspace.yaml`, matches its
 * folder) whose root manifest has dependencies of its own: the missing lockfile is the root's, reported there.
 */
function rootReportedFor(host: NonNullable<FileContext['host']>, manifestFile: string): boolean {
  const dir = path.dirname(manifestFile);
  for (const up of foldersUp(host, manifestFile).slice(1)) {
    const text = host.readFile(path.join(up, 'package.json'));
    const root = text === undefined ? undefined : parseManifest(path.join(up, 'package.json'), text);
    if (!root) continue;
    const globs = root.workspaces.length > 0 ? root.workspaces : pnpmWorkspaceGlobs(host.readFile(path.join(up, 'pnpm-workspace.yaml')));
    if (globs.length === 0) continue;
    const rel = path.relative(up, dir).split(path.sep).join('/');
    return root.declared.size > 0 && picomatch(globs.map((g) => g.replace(/\/$/, '')))(rel);
  }
  return false;
}

/** The `packages:` globs of a pnpm-workspace.yaml (negated ones left out). */
function pnpmWorkspaceGlobs(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const doc: unknown = parseYaml(text);
    const packages = typeof doc === 'object' && doc !== null ? (doc as { packages?: unknown }).packages : undefined;
    return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === 'string' && !p.startsWith('!')) : [];
  } catch {
    return [];
  }
}

/** The top-level `"name"` key, where a package is named. */
function nameKeyRange(context: FileContext): { start: number; end: number } | undefined {
  const contents = context.yaml.docs[0]?.contents;
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    if (isScalar(pair.key) && pair.key.value === 'name' && pair.key.range) return { start: pair.key.range[0], end: pair.key.range[1] };
  }
  return undefined;
}

export const rule: Rule = { meta, check };
