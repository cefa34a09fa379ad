// `npm run demo`: build the three bundles, scan the bundled examples/ app with the CLI (its findings are
// the point, so exit code 1 is expected), and package the extension as a .vsix.
import { execFileSync, spawnSync } from 'node:child_process';

const node = process.execPath;
execFileSync(node, ['esbuild.mjs', '--production'], { stdio: 'inherit' });

console.log('\n$ twelve-factor scan examples\n');
const scan = spawnSync(node, ['../dist/cli.js', 'scan', '.'], { cwd: 'examples', stdio: 'inherit' });
if (scan.status !== 0 && scan.status !== 1) {
  console.error(`the scan failed (exit ${scan.status})`);
  process.exit(scan.status ?? 2);
}

console.log('\n$ vsce package\n');
execFileSync(node, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '-o', 'twelve-factor.vsix'], { stdio: 'inherit' });
