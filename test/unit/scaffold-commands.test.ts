import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { URI } from 'vscode-uri';
import { detectProject, mapScaffoldFs, scaffoldById, type Scaffold } from '../../core/src/scaffold';
import { SCAFFOLD_CATALOG, scaffoldCommandId } from '../../core/src/scaffold/catalog';
import { applyTextEdits } from '../../core/src/scaffold/merge';
import { CONFLICT_CHOICES, type ConflictAnswer, type FileChange, type FolderRef, type ScaffoldHost } from '../../client/src/scaffold/host';
import type { EntryKind } from '../../core/src/safeFs';
import { runOptions, runScaffold, toFolderUri } from '../../client/src/scaffold/run';
import { readFixture as fixture } from './scaffold-fixtures';

const REPO = path.resolve(__dirname, '../../..');
const WS = 'file:///ws';

/** VS Code as the commands see it, in memory: files by URI, and a log of every question and edit. */
class FakeHost implements ScaffoldHost {
  readonly files = new Map<string, string>();
  folders: FolderRef[] = [{ uri: WS, name: 'ws' }];
  overwriteAnswer: ConflictAnswer = 'keep';
  /** The refactor preview's outcome: apply all, or discard. */
  previewDiscards = false;
  readonly log: string[] = [];
  readonly edits: Array<{ changes: FileChange[]; preview: boolean; label: string }> = [];
  readonly opened: string[] = [];
  readonly saved: string[] = [];

  constructor(files: Record<string, string> = {}, root = WS) {
    for (const [rel, text] of Object.entries(files)) this.files.set(`${root}/${rel}`, text);
  }
  text(rel: string, root = WS): string | undefined {
    return this.files.get(`${root}/${rel}`);
  }
  workspaceFolders(): FolderRef[] {
    return this.folders;
  }
  async pickFolder(folders: FolderRef[]): Promise<FolderRef | undefined> {
    this.log.push(`pick ${folders.map((f) => f.name).join(',')}`);
    return folders[1];
  }
  async readFile(uri: string): Promise<string | undefined> {
    return this.files.get(uri);
  }
  /** Paths that are links, FIFOs… on this fake disk (by URI); the rest is what `files` holds. */
  readonly kinds = new Map<string, EntryKind>();
  async entryKind(uri: string): Promise<EntryKind> {
    const kind = this.kinds.get(uri);
    if (kind) return kind;
    if (this.files.has(uri)) return 'file';
    return [...this.files.keys()].some((k) => k.startsWith(`${uri}/`)) ? 'directory' : 'missing';
  }
  async readDirectory(uri: string): Promise<Array<{ name: string; directory: boolean }>> {
    const prefix = `${uri.replace(/\/$/, '')}/`;
    const seen = new Map<string, boolean>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      seen.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
    }
    return [...seen].map(([name, directory]) => ({ name, directory }));
  }
  async confirmOverwrite(paths: string[]): Promise<ConflictAnswer> {
    this.log.push(`confirm ${paths.join(',')}`);
    return this.overwriteAnswer;
  }
  fileName: string | undefined;
  async askFileName(suggested: string): Promise<string | undefined> {
    this.log.push(`name ${suggested}`);
    return this.fileName ?? suggested;
  }
  async applyChanges(changes: FileChange[], options: { preview: boolean; label: string }): Promise<boolean> {
    this.edits.push({ changes, ...options });
    if (options.preview && this.previewDiscards) return true;
    for (const c of changes) {
      if (c.kind === 'create' && this.files.has(c.uri)) continue; // ignoreIfExists
      this.files.set(c.uri, c.kind === 'edit' ? applyTextEdits(c.existing, c.edits) : c.content);
    }
    return true;
  }
  async documentText(uri: string): Promise<string | undefined> {
    return this.files.get(uri);
  }
  async saveFiles(uris: string[]): Promise<void> {
    this.saved.push(...uris);
  }
  async openFile(uri: string): Promise<void> {
    this.opened.push(uri);
  }
  async showMessage(kind: string, message: string): Promise<string | undefined> {
    this.log.push(`${kind}: ${message}`);
    return undefined;
  }
  async copyToClipboard(): Promise<void> {}
  async withProgress<T>(_title: string, task: () => Promise<T>): Promise<T> {
    return task();
  }
}

const scaffold = (id: string): Scaffold => {
  const s = scaffoldById(id);
  assert.ok(s, id);
  return s;
};

describe('scaffold commands: the catalog', () => {
  test('ids and titles are PRODUCT.md\'s', () => {
    assert.deepEqual(SCAFFOLD_CATALOG.map((s) => [scaffoldCommandId(s.id), s.title]), [
      ['twelveFactor.scaffold.configModule', 'Scaffold: Config Module'],
      ['twelveFactor.scaffold.gracefulShutdown', 'Scaffold: Graceful Shutdown'],
      ['twelveFactor.scaffold.envExample', 'Scaffold: .env.example from Code'],
      ['twelveFactor.scaffold.envSchema', 'Scaffold: .env Schema from Code'],
      ['twelveFactor.scaffold.procfile', 'Scaffold: Procfile'],
      ['twelveFactor.scaffold.dockerfile', 'Scaffold: Dockerfile'],
      ['twelveFactor.scaffold.compose', 'Scaffold: docker-compose for Backing Services'],
      ['twelveFactor.scaffold.logger', 'Scaffold: Stdout Logger'],
      ['twelveFactor.scaffold.healthCheck', 'Scaffold: Health Check Endpoint'],
    ]);
  });
});

describe('scaffold commands: arguments', () => {
  test('no argument or a Uri (explorer menu): interactive; an object: no prompts', () => {
    assert.deepEqual(runOptions(undefined), { overwrite: false, interactive: true });
    const uri = URI.file('/ws/api');
    assert.deepEqual(runOptions(uri), { folder: 'file:///ws/api', overwrite: false, interactive: true });
    assert.deepEqual(runOptions({}), { overwrite: false, interactive: false });
    assert.deepEqual(runOptions({ folder: uri, overwrite: true }), { folder: 'file:///ws/api', overwrite: true, interactive: false });
    assert.deepEqual(runOptions({ overwrite: 'yes' }), { overwrite: false, interactive: false }, 'only `true` overwrites');
  });

  test('folder as a path or a URI string', () => {
    assert.equal(toFolderUri('/ws/api'), 'file:///ws/api');
    assert.equal(toFolderUri('vscode-remote://ssh-remote%2Bbox/home/me/api'), 'vscode-remote://ssh-remote%2Bbox/home/me/api');
    assert.equal(toFolderUri(42), undefined);
  });
});

describe('scaffold commands: writing', () => {
  test('argument object, new file: written in one edit without preview, saved, nothing opened or asked', async () => {
    const host = new FakeHost(fixture('ts-esm-express'));
    const result = await runScaffold(host, scaffold('configModule'), runOptions({}));
    assert.deepEqual(result.written, ['src/config.ts']);
    assert.deepEqual(result.skipped, []);
    assert.equal(result.folder, WS);
    assert.equal(host.edits.length, 1);
    assert.equal(host.edits[0].preview, false);
    assert.equal(host.edits[0].changes[0].kind, 'create');
    assert.deepEqual(host.saved, [`${WS}/src/config.ts`]);
    assert.deepEqual(host.opened, []);
    assert.deepEqual(host.log, []);
    assert.ok(host.text('src/config.ts')?.includes('export function loadConfig('));
  });

  test('argument object, file exists: kept, no question', async () => {
    const host = new FakeHost({ ...fixture('ts-esm-express'), 'src/config.ts': 'export const mine = 1;\n' });
    const result = await runScaffold(host, scaffold('configModule'), runOptions({}));
    assert.deepEqual(result, { written: [], skipped: ['src/config.ts'], folder: WS, notes: result.notes });
    assert.equal(host.text('src/config.ts'), 'export const mine = 1;\n');
    assert.equal(host.edits.length, 0);
    assert.deepEqual(host.log, []);
  });

  // Issue 11: a repository's `src/config.ts` can be a link to a file outside it, or `src` a link to a folder
  // elsewhere: the scaffold refuses to write through it, says why, and leaves it as it is, even with overwrite.
  for (const [what, uri, kind] of [['the file is a link', `${WS}/src/config.ts`, 'symlink'], ['a folder on the way is a link', `${WS}/src`, 'symlink'],
    ['the file is a FIFO', `${WS}/src/config.ts`, 'other']] as const) {
    test(`${what}: refused, unchanged, reported`, async () => {
      const host = new FakeHost({ ...fixture('ts-esm-express'), 'src/config.ts': 'export const mine = 1;\n' });
      host.kinds.set(uri, kind);
      const result = await runScaffold(host, scaffold('configModule'), runOptions({ overwrite: true }));
      assert.deepEqual(result.written, []);
      assert.deepEqual(result.skipped, ['src/config.ts']);
      assert.equal(result.refused?.length, 1);
      assert.match(result.refused?.[0] ?? '', kind === 'symlink' ? /symbolic link/ : /not a regular file/);
      assert.equal(host.edits.length, 0);
      assert.equal(host.text('src/config.ts'), 'export const mine = 1;\n');
    });
  }

  test('argument object with overwrite: true: replaced', async () => {
    const host = new FakeHost({ ...fixture('ts-esm-express'), 'src/config.ts': 'export const mine = 1;\n' });
    const result = await runScaffold(host, scaffold('configModule'), runOptions({ overwrite: true }));
    assert.deepEqual(result.written, ['src/config.ts']);
    assert.equal(host.edits[0].changes[0].kind, 'replace');
    assert.ok(host.text('src/config.ts')?.includes('loadConfig'));
  });

  test('interactive, file exists: asks (modal); "Keep Existing" writes only the new files', async () => {
    const host = new FakeHost({ ...fixture('ts-esm-express'), Dockerfile: 'FROM scratch\n' });
    const result = await runScaffold(host, scaffold('dockerfile'), runOptions(undefined));
    assert.deepEqual(host.log.filter((l) => l.startsWith('confirm')), ['confirm Dockerfile']);
    assert.deepEqual(result.written, ['.dockerignore']);
    assert.deepEqual(result.skipped, ['Dockerfile']);
    assert.equal(host.text('Dockerfile'), 'FROM scratch\n');
    assert.equal(host.edits[0].preview, true, 'interactive runs go through the refactor preview');
    assert.deepEqual(host.opened, [`${WS}/.dockerignore`]);
  });

  test('"Keep Existing" is the first button (the default); "Overwrite" comes last', () => {
    assert.deepEqual(CONFLICT_CHOICES.map((c) => c.answer), ['keep', 'rename', 'overwrite']);
  });

  test('interactive, "Save Under Another Name": the new version beside the existing file, which stays', async () => {
    const host = new FakeHost({ ...fixture('ts-esm-express'), 'src/config.ts': 'export const config = { mine: true };\n' });
    host.overwriteAnswer = 'rename';
    const result = await runScaffold(host, scaffold('configModule'), runOptions(undefined));
    assert.ok(host.log.includes('name src/config.generated.ts'), host.log.join('\n'));
    assert.deepEqual(result.written, ['src/config.generated.ts']);
    assert.equal(host.text('src/config.ts'), 'export const config = { mine: true };\n');
    assert.match(host.text('src/config.generated.ts') ?? '', /export function loadConfig/);
  });

  test('interactive, "Overwrite": one edit with both files; the main file opens; notes shown', async () => {
    const host = new FakeHost({ ...fixture('ts-esm-express'), Dockerfile: 'FROM scratch\n' });
    host.overwriteAnswer = 'overwrite';
    const result = await runScaffold(host, scaffold('dockerfile'), runOptions(undefined));
    assert.deepEqual(result.written.sort(), ['.dockerignore', 'Dockerfile']);
    assert.equal(host.edits.length, 1);
    assert.deepEqual(host.edits[0].changes.map((c) => `${c.kind} ${c.path}`), ['create .dockerignore', 'replace Dockerfile']);
    assert.deepEqual(host.opened, [`${WS}/Dockerfile`]);
    assert.match(host.text('Dockerfile') ?? '', /^# syntax=docker\/dockerfile:1/);
  });

  test('interactive, the question dismissed: nothing written', async () => {
    const host = new FakeHost({ ...fixture('ts-esm-express'), Dockerfile: 'FROM scratch\n' });
    host.overwriteAnswer = 'cancel';
    const result = await runScaffold(host, scaffold('dockerfile'), runOptions(undefined));
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.written, []);
    assert.equal(host.edits.length, 0);
    assert.equal(host.text('.dockerignore'), undefined);
  });

  test('interactive, the preview discarded: reported as not written', async () => {
    const host = new FakeHost(fixture('ts-esm-express'));
    host.previewDiscards = true;
    const result = await runScaffold(host, scaffold('logger'), runOptions(undefined));
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.written, []);
    assert.deepEqual(result.skipped, ['src/logger.ts']);
    assert.deepEqual(host.saved, []);
  });

  test('.env.example exists: merged (insertions only), never replaced, no question even interactively', async () => {
    const existing = '# mine\nPORT=9999\n';
    const host = new FakeHost({ ...fixture('ts-esm-express'), '.env.example': existing });
    const result = await runScaffold(host, scaffold('envExample'), runOptions(undefined));
    assert.deepEqual(result.written, ['.env.example']);
    assert.equal(host.edits[0].changes[0].kind, 'edit');
    assert.ok(!host.log.some((l) => l.startsWith('confirm')));
    const text = host.text('.env.example') ?? '';
    assert.ok(text.startsWith(existing));
    assert.ok(!/^PORT=8080$/m.test(text), 'the user\'s PORT stays the only one');
    assert.match(text, /^DATABASE_URL=$/m);
    // Once more: nothing is missing now.
    const again = await runScaffold(host, scaffold('envExample'), runOptions({}));
    assert.deepEqual(again, { written: [], skipped: ['.env.example'], folder: WS, notes: again.notes });
  });

  test('compose: docker-compose.yml and the credentials merged into .env.example, one edit', async () => {
    const host = new FakeHost({ ...fixture('ts-esm-express'), '.env.example': 'PORT=8080\n' });
    const result = await runScaffold(host, scaffold('compose'), runOptions({}));
    assert.deepEqual(result.written, ['docker-compose.yml', '.env.example']);
    assert.equal(host.edits.length, 1);
    assert.match(host.text('.env.example') ?? '', /^PORT=8080\n[\s\S]*^POSTGRES_PASSWORD=$/m);
  });
});

describe('scaffold commands: folders', () => {
  test('the `folder` argument wins (a subfolder of a monorepo)', async () => {
    const host = new FakeHost(fixture('koa-esm'), `${WS}/packages/ledger`);
    const result = await runScaffold(host, scaffold('procfile'), runOptions({ folder: '/ws/packages/ledger' }));
    assert.deepEqual(result.written, ['Procfile']);
    assert.equal(host.text('Procfile', `${WS}/packages/ledger`), 'web: node lib/app.js\nrelease: pnpm migrate\n');
  });

  test('several workspace folders: a quick pick', async () => {
    const host = new FakeHost(fixture('js-cjs-fastify'), 'file:///b');
    host.folders = [{ uri: 'file:///a', name: 'a' }, { uri: 'file:///b', name: 'b' }];
    const result = await runScaffold(host, scaffold('procfile'), runOptions({}));
    assert.deepEqual(host.log, ['pick a,b']);
    assert.equal(result.folder, 'file:///b');
    assert.equal(host.text('Procfile', 'file:///b'), 'web: node index.js\nworker: node lib/worker.js\n');
  });

  test('nothing to generate: a warning, no edit, the command still resolves', async () => {
    const host = new FakeHost({ 'package.json': '{}' });
    const result = await runScaffold(host, scaffold('procfile'), runOptions(undefined));
    assert.deepEqual(result.written, []);
    assert.equal(host.edits.length, 0);
    assert.match(host.log[0], /^warning: .*nothing to generate/);
  });

  test('no folder open: an error, nothing written', async () => {
    const host = new FakeHost();
    host.folders = [];
    const result = await runScaffold(host, scaffold('procfile'), runOptions(undefined));
    assert.equal(result.error, 'no workspace folder');
    assert.deepEqual(result.written, []);
    assert.match(host.log[0], /^error: .*open a folder first/);
  });

  test('every scaffold runs on every fixture without throwing and writes what it generates', async () => {
    for (const name of ['ts-esm-express', 'js-cjs-fastify', 'koa-esm']) {
      for (const { id } of SCAFFOLD_CATALOG) {
        const host = new FakeHost(fixture(name));
        const s = scaffold(id);
        const result = await runScaffold(host, s, runOptions({}));
        const plan = s.generate(await detectProject(mapScaffoldFs(fixture(name))));
        // Files it writes, and existing files it wires the new module into.
        const planned = [...plan.files.map((f) => f.path), ...(plan.edits ?? []).map((e) => e.path)];
        assert.deepEqual([...result.written, ...result.skipped].sort(), [...new Set(planned)].sort(), `${name} ${id}`);
        assert.equal(result.error, undefined);
      }
    }
  });
});

describe('scaffold commands: a polyglot workspace', () => {
  const files: Record<string, string> = {
    'api/requirements.txt': 'flask\ngunicorn\n',
    'api/app.py': 'from flask import Flask\n\napp = Flask(__name__)\n',
    'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n',
    'svc/main.go': 'package main\n\nfunc main() {}\n',
    'svc/Dockerfile': 'FROM scratch\n',
  };
  const dockerfile = scaffoldById('dockerfile') as Scaffold;

  test('the folder the command runs on decides the variant; an existing Dockerfile is kept', async () => {
    const host = new FakeHost(files);
    const api = await runScaffold(host, dockerfile, runOptions({ folder: `${WS}/api` }));
    assert.deepEqual(api.written.sort(), ['.dockerignore', 'Dockerfile']);
    assert.match(host.text('api/Dockerfile') ?? '', /^FROM python:\$\{PYTHON_VERSION\}-slim$/m);
    const svc = await runScaffold(host, dockerfile, runOptions({ folder: `${WS}/svc` }));
    assert.deepEqual(svc.written, ['.dockerignore']);
    assert.deepEqual(svc.skipped, ['Dockerfile']);
    assert.equal(host.text('svc/Dockerfile'), 'FROM scratch\n');
    assert.match(host.text('svc/.dockerignore') ?? '', /^\.env$/m);
  });
});
