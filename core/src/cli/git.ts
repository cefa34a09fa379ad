import { childProcess } from '../lazyModules';

/**
 * Git, run safely inside a repository we do not trust: `--staged` runs in whatever repository a
 * pre-commit hook or a CI job hands us, and a repository's own config can name programs to run. The
 * commands below read the index and the object store only; the options switch off everything that could
 * start another program or write to the repository:
 * - `core.fsmonitor=false`: the fsmonitor hook is a program named in config, run by index reads;
 * - `--no-ext-diff --no-textconv` (on diff) and no `--filters` (on cat-file): no diff driver, textconv or
 *   clean/smudge filter runs, and the blobs are the bytes that will be committed;
 * - `--no-pager`, `core.pager=cat`: no pager program; `--no-optional-locks`: no index refresh written back;
 * - `--literal-pathspecs`: the user's paths are paths, never pathspec magic.
 * Neither `diff --cached` nor `cat-file` runs hooks. The environment is kept (a commit hook's
 * GIT_INDEX_FILE names the index being committed), with prompts off.
 */
const SAFE_ARGS = ['--no-pager', '--no-optional-locks', '--literal-pathspecs', '-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', '-c', 'core.pager=cat'];

export class GitError extends Error {}

function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', PAGER: 'cat' };
}

/** A staged file: its path relative to the folder git ran in, and the blob the index holds for it. */
export interface StagedEntry {
  path: string;
  blob: string;
}

/**
 * The files whose staged content differs from HEAD (added, copied, modified, renamed, type-changed), under
 * `cwd` and the given paths. Only regular files: symbolic links and submodules hold no text to scan.
 */
export function stagedEntries(cwd: string, paths: readonly string[], env: NodeJS.ProcessEnv): StagedEntry[] {
  const args = [...SAFE_ARGS, 'diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--no-textconv',
    '--diff-filter=ACMRT', '--relative', '--', ...paths];
  const r = childProcess().spawnSync('git', args, { cwd, env: gitEnv(env), maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
  if (r.error) throw new GitError(`cannot run git (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
  if (r.status !== 0) throw new GitError(`git diff --cached failed: ${r.stderr.toString('utf8').trim().split('\n')[0] ?? ''}`);
  return parseRawDiff(r.stdout.toString('utf8'));
}

/** `:old-mode new-mode old-sha new-sha status NUL path NUL`, repeated (`--raw -z --no-renames`). */
export function parseRawDiff(out: string): StagedEntry[] {
  const parts = out.split('\0');
  const entries: StagedEntry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) [A-Z]\d*$/.exec(parts[i]);
    const file = parts[i + 1];
    if (!meta || !file) continue;
    const [, , mode, , blob] = meta;
    // 100644 and 100755 are files; 120000 a symbolic link, 160000 a submodule. An all-zero id is an intent-to-add.
    if ((mode === '100644' || mode === '100755') && !/^0+$/.test(blob)) entries.push({ path: file, blob });
  }
  return entries;
}

/** A blob's bytes, or its size alone when it is larger than the limit (the caller reports it as skipped). */
export type Blob = { data: Buffer; size: number } | { data?: undefined; size: number };

/**
 * Every blob's content through one `git cat-file --batch`, parsed as it streams, so a huge staged file costs
 * its size in a counter, not in memory.
 */
export function readBlobs(cwd: string, blobs: readonly string[], limit: number, env: NodeJS.ProcessEnv): Promise<Map<string, Blob>> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('git', [...SAFE_ARGS, 'cat-file', '--batch'], { cwd, env: gitEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    const parser = new BatchParser(limit);
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => parser.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', (error) => reject(new GitError(`cannot run git (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
    child.on('close', (code) => {
      if (code !== 0) reject(new GitError(`git cat-file failed: ${stderr.trim().split('\n')[0] ?? ''}`));
      else resolve(parser.result);
    });
    // An early exit of git closes stdin under us: the close handler reports it, so the write error is noise.
    child.stdin.on('error', () => undefined);
    child.stdin.end(blobs.map((b) => `${b}\n`).join(''));
  });
}

/** `<oid> <type> <size>\n<bytes>\n` per object, or `<oid> missing\n`. */
class BatchParser {
  readonly result = new Map<string, Blob>();
  private pending: Buffer = Buffer.alloc(0);
  private body?: { oid: string; size: number; keep: boolean; chunks: Buffer[]; left: number };

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.body) {
        const b = this.body;
        const take = Math.min(b.left, buf.length);
        if (b.keep) b.chunks.push(buf.subarray(0, take));
        b.left -= take;
        buf = buf.subarray(take);
        if (b.left > 0) break;
        this.result.set(b.oid, b.keep ? { data: Buffer.concat(b.chunks).subarray(0, b.size), size: b.size } : { size: b.size });
        this.body = undefined;
        continue;
      }
      const nl = buf.indexOf(0x0a);
      if (nl < 0) break;
      const header = buf.subarray(0, nl).toString('utf8');
      buf = buf.subarray(nl + 1);
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!m) continue; // `<oid> missing`: nothing follows; the caller sees no entry.
      const size = Number(m[3]);
      // The content is followed by one newline, read (and dropped) with it.
      this.body = { oid: m[1], size, keep: size <= this.limit, chunks: [], left: size + 1 };
    }
    this.pending = Buffer.from(buf);
  }
}
