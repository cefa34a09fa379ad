import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { waitFor, withSession } from './client';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Every text file of a folder, by relative path (the examples app, copied into the session's workspace). */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

test('the CLI and the editor report the same findings on the examples app', async () => {
  const files = filesOf(path.join(ROOT, 'examples'));
  await withSession({ files }, async (s) => {
    // Program rules judge across modules: wait until the server has indexed the folder.
    await waitFor(() => s.logs.some((l) => /Indexed \d+ modules/.test(l.message)), 'the workspace index');
    const cli = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json'], { cwd: s.folder, encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> };
    const fromCli = report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
    const fromEditor: string[] = [];
    for (const file of new Set(report.findings.map((f) => f.file).concat(['src/server.ts', 'src/config.ts']))) {
      const uri = await s.open(file, files[file], undefined, false);
      for (const d of await s.diagnostics(uri)) fromEditor.push(`${file}:${d.range.start.line + 1} ${String(d.code)}`);
    }
    assert.ok(fromCli.length > 15, `the examples app has findings (${fromCli.length})`);
    assert.deepEqual(fromEditor.sort(), fromCli);
  });
});

test('a SIGTERM handler typed into another open module clears the listen site', async () => {
  const server = "import './lifecycle';\nimport express from 'express';\nconst app = express();\napp.listen(process.env.PORT);\n";
  await withSession({ files: { 'package.json': '{ "dependencies": { "express": "4" } }', 'src/lifecycle.ts': '', 'src/server.ts': server } }, async (s) => {
    const serverUri = await s.open('src/server.ts', server);
    const sigterm = async () => (await s.diagnostics(serverUri)).filter((d) => d.code === 'disposability/missing-sigterm-handler').length;
    await waitFor(async () => (await sigterm()) === 1, 'the finding before the handler exists');
    const lifecycle = await s.open('src/lifecycle.ts', '');
    await s.replaceText(lifecycle, "process.once('SIGTERM', () => process.exit(0));\n");
    // The lifecycle module's analysis updates the index; the listen site is judged again.
    await s.diagnostics(lifecycle);
    await waitFor(async () => (await sigterm()) === 0, 'the finding gone once another module handles SIGTERM');
    await s.replaceText(lifecycle, "process.once('SIGINT', () => process.exit(0));\n");
    await s.diagnostics(lifecycle);
    await waitFor(async () => (await sigterm()) === 1, 'back when the handler is only for SIGINT');
  });
});

test('a handler in a module imported through a tsconfig alias counts; a changed tsconfig is read again', async () => {
  const server = "import { onShutdown } from '@/lib/lifecycle';\nimport express from 'express';\nconst app = express();\nonShutdown(app.listen(process.env.PORT));\n";
  const files = {
    'package.json': '{ "dependencies": { "express": "4" } }',
    'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
    'src/lib/lifecycle.ts': "export function onShutdown(server) {\n  process.on('SIGTERM', () => server.close());\n}\n",
    'src/server.ts': server,
  };
  await withSession({ files }, async (s) => {
    await waitFor(() => s.logs.some((l) => /Indexed \d+ modules/.test(l.message)), 'the workspace index');
    const serverUri = await s.open('src/server.ts', server);
    const sigterm = async () => (await s.diagnostics(serverUri)).filter((d) => d.code === 'disposability/missing-sigterm-handler').length;
    assert.equal(await sigterm(), 0, 'the alias resolves to the module that handles SIGTERM');
    // The alias now points elsewhere: the handler is no longer in the program.
    s.write('tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./other/*"] } } }');
    await s.fileChanged('tsconfig.json');
    await waitFor(async () => (await sigterm()) === 1, 'the finding once the alias no longer reaches the handler');
  });
});

test('the CLI and the editor agree on named secrets in the other formats (Java, C#, XML, PHP, Ruby, Make, Terraform, a Secret)', async () => {
  const files: Record<string, string> = {
    'src/main/java/com/acme/Config.java': 'class Config {\n  String password = "hunter2-Prod";\n}\n',
    'src/Api/Settings.cs': 'var apiKey = "k3y-9f8e7d6c5b4a";\n',
    'src/Api/web.config': '<configuration>\n  <appSettings>\n    <add key="ApiKey" value="k3y-9f8e7d6c5b4a" />\n  </appSettings>\n</configuration>\n',
    'config/services.php': "<?php\ndefine('DB_PASSWORD', 'wp-Pw-7781');\n",
    'config/initializers/mail.rb': "settings = {\n  password: 'smtp-Pw-8812',\n}\n",
    'Makefile': 'REGISTRY_PASSWORD := reg-Pw-9912\n',
    'infra/prod.tfvars': 'db_password = "rds-Pw-5531"\n',
    'deploy/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${Buffer.from('pg-pw-2231').toString('base64')}\n`,
  };
  await withSession({ files }, async (s) => {
    const cli = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json'], { cwd: s.folder, encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> };
    const fromCli = report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
    const fromEditor: string[] = [];
    for (const [file, text] of Object.entries(files)) {
      const uri = await s.open(file, text, undefined, false);
      for (const d of await s.diagnostics(uri)) fromEditor.push(`${file}:${d.range.start.line + 1} ${String(d.code)}`);
    }
    assert.deepEqual(fromCli, Object.keys(files).map((f) => `${f}:${f === 'deploy/secret.yaml' ? 6 : f === 'src/Api/web.config' ? 3 : f.endsWith('.java') || f.endsWith('.php') || f.endsWith('.rb') ? 2 : 1} config/hardcoded-secret`).sort());
    assert.deepEqual(fromEditor.sort(), fromCli);
  });
});
