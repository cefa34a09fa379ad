import type { ScanHost } from './scanHost';
import * as fs from 'node:fs';
import { tmpdir } from '../lazyModules';
import * as path from 'node:path';
import type { FileHost } from '../host';
import type { ScanOutput } from '../scan';
import type { Finding } from '../types';
import { readBlobs, stagedEntries } from './git';

/**
 * `--staged`: what a commit is about to record, not what the working tree holds. The staged blobs are
 * written to a private temporary folder that mirrors the project's layout, the ordinary scan runs there, and
 * every path in its output is mapped back to the project. Rules that read other files (package.json, the
 * .env schema) see the staged version of a staged file and the working tree's version of any other file.
 */
export interface StagedSnapshot {
  /** The temporary folder standing for the project root during the scan. */
  root: string;
  projectRoot: string;
  /** Staged files, relative to the project root (and to `root`). */
  files: string[];
  /** Staged files too large to read, as skipped entries with project paths. */
  skipped: Array<{ file: string; reason: string }>;
  /** A host answering from the snapshot first, then from the project on disk. */
  host(base: ScanHost): ScanHost;
  /** The scan's output with every path pointing into the project again. */
  mapBack(output: ScanOutput): ScanOutput;
  dispose(): void;
}

export async function stagedSnapshot(projectRoot: string, paths: readonly string[], maxFileSize: number, env: NodeJS.ProcessEnv): Promise<StagedSnapshot> {
  const entries = stagedEntries(projectRoot, paths, env);
  const blobs = entries.length > 0 ? await readBlobs(projectRoot, [...new Set(entries.map((e) => e.blob))], maxFileSize, env) : new Map();
  // mkdtemp makes the folder 0700: staged secrets are readable by this user only, and only until dispose().
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), 'twelve-factor-staged-')));
  const files: string[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  try {
    for (const e of entries) {
      const target = path.resolve(root, e.path);
      // Git refuses `..` in index paths; checked again because the path is about to be written to.
      if (!target.startsWith(root + path.sep)) continue;
      const blob = blobs.get(e.blob);
      if (!blob) {
        skipped.push({ file: path.resolve(projectRoot, e.path), reason: 'staged content missing from the repository' });
        continue;
      }
      if (!blob.data) {
        skipped.push({ file: path.resolve(projectRoot, e.path), reason: `larger than ${Math.round(maxFileSize / 1024)} KiB` });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, blob.data, { mode: 0o600 });
      files.push(e.path);
    }
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return snapshot(projectRoot, root, files, skipped);
}

/** Maps a path in the snapshot back to the project; a path outside the snapshot stays as it is. */
function toProjectOf(projectRoot: string, root: string): (p: string) => string {
  return (p) => {
    const rel = path.relative(root, p);
    return rel.startsWith('..') || path.isAbsolute(rel) ? p : path.join(projectRoot, rel);
  };
}

/**
 * The host of a scan of the snapshot in `root`: a staged file as staged, any other file as the project holds
 * it. Plain arguments, so a scan worker builds the same host as the main thread.
 */
export function stagedHost(projectRoot: string, root: string, files: readonly string[], base: ScanHost): ScanHost {
  const toProject = toProjectOf(projectRoot, root);
  const staged = new Set(files.map((f) => path.join(root, f)));
  return {
    readFile: (p) => (staged.has(p) ? base.readFile(p) : base.readFile(toProject(p))),
    rootOf: () => root,
    list: (dir) => [...new Set([...base.list(dir), ...base.list(toProject(dir))])],
    entries: (dir) => {
      const [own, project] = [base.entries?.(dir), base.entries?.(toProject(dir))];
      return { files: [...new Set([...(own?.files ?? []), ...(project?.files ?? [])])], folders: [...new Set([...(own?.folders ?? []), ...(project?.folders ?? [])])] };
    },
    get version() {
      return base.version;
    },
  };
}

function snapshot(projectRoot: string, root: string, files: string[], skipped: Array<{ file: string; reason: string }>): StagedSnapshot {
  const toProject = toProjectOf(projectRoot, root);
  const mapFinding = <F extends Finding>(f: F): F => ({ ...f, file: toProject(f.file) });
  return {
    root,
    projectRoot,
    files,
    skipped,
    host: (base) => stagedHost(projectRoot, root, files, base),
    mapBack: (output) => ({
      ...output,
      files: output.files.map((f) => ({ ...f, file: toProject(f.file), findings: f.findings.map(mapFinding), suppressed: f.suppressed.map(mapFinding) })),
      skipped: [...skipped, ...output.skipped.map((s) => ({ ...s, file: toProject(s.file) }))],
    }),
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
