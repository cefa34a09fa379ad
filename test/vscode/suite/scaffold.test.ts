// The scaffold commands in a real extension host: each writes its files through one workspace edit, saves
// them, keeps existing files unless asked, merges .env files, and returns { written, skipped }.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, readDisk, uriOf, waitFor } from './helpers';

const APP = 'scaffold-app';
const IDS = ['configModule', 'gracefulShutdown', 'envExample', 'envSchema', 'procfile', 'dockerfile', 'compose', 'logger', 'healthCheck'];

interface ScaffoldResult {
  written: string[];
  skipped: string[];
  error?: string;
}

async function write(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uriOf(`${APP}/${relative}`), new TextEncoder().encode(text));
}

async function run(id: string, arg: object): Promise<ScaffoldResult> {
  const result = await vscode.commands.executeCommand<ScaffoldResult>(`twelveFactor.scaffold.${id}`, arg);
  assert.ok(result, `twelveFactor.scaffold.${id} returns a result`);
  assert.equal(result.error, undefined, result.error);
  return result;
}

suite('scaffold', () => {
  const folder = () => uriOf(APP);

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await write('package.json', JSON.stringify({ name: 'app', scripts: { build: 'tsc', start: 'node dist/server.js' }, dependencies: { express: '4', pg: '8' } }, null, 2));
    await write('package-lock.json', '{}');
    await write('tsconfig.json', '{ "compilerOptions": { "module": "commonjs", "outDir": "dist", "rootDir": "src" } }');
    await write('src/server.ts', [
      "import express from 'express';",
      'const app = express();',
      "const port = Number(process.env.PORT ?? '3000');",
      "const db = process.env.DATABASE_URL;",
      "const signup = process.env.ENABLE_SIGNUP === 'true';",
      'app.listen(port);',
      '',
    ].join('\n'));
  });

  test('every scaffold command is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of IDS) assert.ok(commands.includes(`twelveFactor.scaffold.${id}`), id);
  });

  test('configModule: src/config.ts written and saved, typed from the code', async () => {
    const result = await run('configModule', { folder: folder() });
    assert.deepEqual(result, { written: ['src/config.ts'], skipped: [], folder: folder().toString(), notes: (result as { notes?: string[] }).notes });
    const text = await readDisk(`${APP}/src/config.ts`);
    assert.ok(text?.includes("port: read(problems, 'PORT', env.PORT, port, { fallback: '3000' })"), text);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriOf(`${APP}/src/config.ts`).toString());
    assert.equal(doc?.isDirty ?? false, false, 'saved');
  });

  test('an existing file is kept without overwrite and replaced with overwrite: true', async () => {
    await write('src/logger.ts', 'export const mine = 1;\n');
    assert.deepEqual((await run('logger', { folder: folder() })).skipped, ['src/logger.ts']);
    assert.equal(await readDisk(`${APP}/src/logger.ts`), 'export const mine = 1;\n');
    assert.deepEqual((await run('logger', { folder: folder(), overwrite: true })).written, ['src/logger.ts']);
    await waitFor(async () => (await readDisk(`${APP}/src/logger.ts`))?.includes("from 'pino'"), 'the logger on disk');
  });

  test('envExample merges into an existing .env.example: the user\'s lines stay, missing keys are added', async () => {
    await write('.env.example', '# ours\nPORT=8080\n');
    assert.deepEqual((await run('envExample', { folder: folder() })).written, ['.env.example']);
    const text = (await readDisk(`${APP}/.env.example`)) ?? '';
    assert.ok(text.startsWith('# ours\nPORT=8080\n'), text);
    assert.match(text, /^DATABASE_URL=$/m);
    assert.match(text, /^ENABLE_SIGNUP=false$/m);
    assert.deepEqual((await run('envExample', { folder: folder() })).skipped, ['.env.example'], 'nothing missing the second time');
  });

  test('dockerfile writes Dockerfile and .dockerignore in one edit; compose and the rest run', async () => {
    assert.deepEqual((await run('dockerfile', { folder: folder() })).written, ['Dockerfile', '.dockerignore']);
    assert.match((await readDisk(`${APP}/Dockerfile`)) ?? '', /CMD \["node", "dist\/server\.js"\]/);
    for (const id of ['envSchema', 'procfile', 'compose', 'gracefulShutdown', 'healthCheck']) {
      const result = await run(id, { folder: folder().fsPath });
      assert.ok(result.written.length > 0, `${id} wrote ${JSON.stringify(result)}`);
    }
    assert.equal(await readDisk(`${APP}/Procfile`), 'web: node dist/server.js\n');
  });

  test('one undo takes a scaffold\'s edit back (merge into an open .env.example)', async () => {
    await write('.env.example', 'PORT=1\n');
    const editor = await vscode.window.showTextDocument(uriOf(`${APP}/.env.example`));
    assert.deepEqual((await run('envExample', { folder: folder() })).written, ['.env.example']);
    await waitFor(() => editor.document.getText().includes('DATABASE_URL='), 'the merged keys in the open editor');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === 'PORT=1\n', 'the editor back to the user\'s text');
  });

  /** Runs a command without arguments (interactive) and answers the refactor preview with `action` until it settles. */
  async function interactive(id: string, action: 'refactorPreview.apply' | 'refactorPreview.discard'): Promise<ScaffoldResult & { cancelled?: boolean }> {
    let settled: (ScaffoldResult & { cancelled?: boolean }) | undefined;
    const pending = vscode.commands.executeCommand<ScaffoldResult>(`twelveFactor.scaffold.${id}`).then((r) => (settled = r));
    await waitFor(async () => {
      if (settled) return true;
      // The preview pane is not there at once: try the action until the command settles.
      await Promise.resolve(vscode.commands.executeCommand(action)).catch(() => undefined);
      return settled !== undefined;
    }, `${action} on the preview of ${id}`);
    return pending;
  }

  test('interactive: the refactor preview discarded writes nothing', async () => {
    // The only workspace folder is the root; its package.json gains a start script for these tests.
    await vscode.workspace.fs.writeFile(uriOf('package.json'), new TextEncoder().encode(JSON.stringify({ name: 'root', scripts: { start: 'node server.js' } })));
    // Scaffolds read an open document's text: wait until VS Code's model of package.json has the change.
    await waitFor(async () => (await vscode.workspace.openTextDocument(uriOf('package.json'))).getText().includes('node server.js'), 'package.json reloaded');
    const result = await interactive('procfile', 'refactorPreview.discard');
    assert.deepEqual(result.written, []);
    assert.equal(result.cancelled, true);
    assert.equal(await readDisk('Procfile'), undefined);
  });

  test('interactive: the refactor preview applied writes, saves and opens the main file', async () => {
    const result = await interactive('procfile', 'refactorPreview.apply');
    assert.deepEqual(result.written, ['Procfile']);
    assert.equal(await readDisk('Procfile'), 'web: node server.js\n');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uriOf('Procfile').toString(), 'Procfile in the active editor');
  });
});
