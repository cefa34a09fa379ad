// Graceful Shutdown wires itself into the server entry, and the finding it answers goes away in the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openEditor, ours, readDisk, uriOf, waitFor } from './helpers';

const APP = 'wiring-app';
const SIGTERM = 'disposability/missing-sigterm-handler';

async function write(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uriOf(`${APP}/${relative}`), new TextEncoder().encode(text));
}

suite('scaffold wiring', () => {
  suiteTeardown(closeAllEditors);

  test('gracefulShutdown: imported and called in src/server.ts; missing-sigterm-handler goes away', async function () {
    this.timeout(120000);
    await write('package.json', JSON.stringify({ name: 'wired', dependencies: { express: '4' } }));
    await write('package-lock.json', '{}');
    await write('tsconfig.json', '{ "compilerOptions": { "module": "commonjs" } }');
    await write('src/server.ts', "import express from 'express';\n\nconst app = express();\napp.listen(Number(process.env.PORT));\n");
    const { document } = await openEditor(`${APP}/src/server.ts`);
    await waitFor(() => ours(document.uri).some((d) => codeOf(d) === SIGTERM), `the ${SIGTERM} finding`, 30000);
    const result = await vscode.commands.executeCommand<{ written: string[] }>('twelveFactor.scaffold.gracefulShutdown', { folder: uriOf(APP) });
    assert.deepEqual([...result.written].sort(), ['src/server.ts', 'src/shutdown.ts']);
    const server = await readDisk(`${APP}/src/server.ts`);
    assert.equal(server, "import express from 'express';\nimport { gracefulShutdown } from './shutdown';\n\nconst app = express();\nconst server = app.listen(Number(process.env.PORT));\ngracefulShutdown(server);\n");
    await waitFor(() => !ours(document.uri).some((d) => codeOf(d) === SIGTERM), `the ${SIGTERM} finding to go away`, 30000);
  });
});
