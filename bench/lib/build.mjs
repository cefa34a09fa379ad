// The build the bench measures. What ships is the production build: `npm pack` runs `prepack`, `node esbuild.mjs
// --production` (minified, no source maps), and the CLI users install is that `dist/cli.js`. The development build
// (`node esbuild.mjs`, `npm run build`) carries every comment and readable names: 0.98 MB of CLI bundle against
// 0.57 MB, and a 9.1 MB `dist/typescript.js` against 3.6 MB, which V8 compiles at start-up or keeps in the heap
// for lazy compilation. `--dev-build` measures the development build (readable `--cpu-prof` profiles).
import { spawnSync } from 'node:child_process';

/** Builds `dist/` in `repo`: the production build unless `dev`. Throws when esbuild fails. */
export function buildDist(repo, { dev = false } = {}) {
  const args = dev ? ['esbuild.mjs'] : ['esbuild.mjs', '--production'];
  const build = spawnSync(process.execPath, args, { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
  return `node ${args.join(' ')}`;
}
