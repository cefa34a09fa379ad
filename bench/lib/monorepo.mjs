// A generated monorepo for the scale measurement: a workspace root and several packages (apps and
// libraries), each with its own package.json and tsconfig, folders a few levels deep, and modules of
// realistic size (40–400 lines, median ~120) that import each other, read the environment, start servers,
// log and now and then hold a secret-looking literal. Deterministic: the same count gives the same tree.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateModule, prng } from './fixture.mjs';

const AREAS = ['api', 'billing', 'auth', 'search', 'orders', 'users', 'reports', 'notify', 'catalog', 'admin', 'jobs', 'web'];
const FOLDERS = ['src', 'src/routes', 'src/services', 'src/lib', 'src/models', 'src/lib/util', 'test'];

/** Writes `files` source files (plus manifests and configs) under `root`; returns the number of source files. */
export function generateMonorepo(root, files, { packages = 12, seed = 3 } = {}) {
  const random = prng(seed);
  // One pool of module bodies of varied length, reused with different names: generation stays fast.
  const bodies = Array.from({ length: 24 }, (_, i) => generateModule(40 + Math.round(360 * Math.pow(random(), 2)), 100 + i));
  const names = Array.from({ length: packages }, (_, i) => `${AREAS[i % AREAS.length]}${i >= AREAS.length ? i : ''}`);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '5.9.3' } }, null, 2));
  writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  writeFileSync(path.join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { strict: true, baseUrl: '.' } }, null, 2));
  let written = 0;
  for (let p = 0; p < names.length; p++) {
    const dir = path.join(root, 'packages', names[p]);
    for (const f of FOLDERS) mkdirSync(path.join(dir, f), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `@mono/${names[p]}`, dependencies: { express: '4.21.0', pino: '9.0.0', '@mono/auth': '*' } }, null, 2));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { paths: { '@/*': ['./src/*'] } } }, null, 2));
    const share = Math.floor(files / names.length) + (p < files % names.length ? 1 : 0);
    for (let i = 0; i < share; i++) {
      const folder = FOLDERS[i % FOLDERS.length];
      // Sub-folders keep each folder at a realistic size (tens of files, not thousands).
      const sub = path.join(dir, folder, `part${Math.floor(i / (FOLDERS.length * 40))}`);
      if (i % (FOLDERS.length * 40) < FOLDERS.length) mkdirSync(sub, { recursive: true });
      const name = folder === 'test' ? `m${i}.test.ts` : `m${i}.ts`;
      const imports = `import { settings as s${i} } from '../m${Math.max(0, i - FOLDERS.length)}';\nimport express from 'express';\n`;
      writeFileSync(path.join(sub, name), imports + bodies[i % bodies.length]);
      written++;
    }
  }
  return written;
}
