// `npm run demo`: build the three bundles, scan the bundled examples/ app with the CLI (its findings are
// the point, so exit code 1 is expected), and package the extension as a .vsix.
import { execFileSync, spawnSync } from 'node:child_process';

const node = process.execPath;
execFileSync(node, ['esbuild.mjs', '--production'], { stdio: 'inherit' });

console.log([
  '',
  'examples/ is a small Express app that breaks the twelve factors ON PURPOSE (see examples/README.md):',
  'every finding below is planted, every credential is synthetic, and exit code 1 is the expected result.',
  '',
  '$ twelve-factor scan examples',
  '',
].join('\n'));
const scan = spawnSync(node, ['../dist/cli.js', 'scan', '.'], { cwd: 'examples', stdio: 'inherit' });
if (scan.status === 1) console.log('\nThose are the planted problems: the demo passes when the scan finds them (exit 1).');
if (scan.status !== 0 && scan.status !== 1) {
  console.error(`the scan failed (exit ${scan.status})`);
  process.exit(scan.status ?? 2);
}

console.log('\n$ vsce package\n');
execFileSync(node, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '-o', 'twelve-factor.vsix'], { stdio: 'inherit' });
