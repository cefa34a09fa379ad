import * as path from 'node:path';
import type { FileKind } from './types';

const BY_EXTENSION: Record<string, FileKind> = {
  '.js': 'js', '.jsx': 'js', '.ts': 'js', '.tsx': 'js', '.mjs': 'js', '.cjs': 'js', '.mts': 'js', '.cts': 'js',
  '.yaml': 'yaml', '.yml': 'yaml',
  '.json': 'json', '.jsonc': 'json', '.json5': 'json',
  '.properties': 'properties', '.ini': 'properties', '.cfg': 'properties', '.conf': 'properties', '.toml': 'properties',
  '.py': 'python', '.pyw': 'python',
  '.go': 'go',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell', '.ksh': 'shell',
};

/** Which reader a file gets, from its name alone (the editor's language id can disagree; the name is what the CLI sees too). */
export function fileKindOf(filePath: string): FileKind {
  const base = path.basename(filePath);
  const lower = base.toLowerCase();
  // The schema of .env files is YAML or JSON, though its name starts like one.
  if (/^\.env\.schema\.(ya?ml|json)$/.test(lower)) return lower.endsWith('.json') ? 'json' : 'yaml';
  // React Native's `.xcode.env` (and its `.local` variant) is a shell script Xcode's build phases source
  // (`export NODE_BINARY=$(command -v node)`), not a dotenv file.
  if (lower === '.xcode.env' || lower === '.xcode.env.local') return 'shell';
  // Not `.env.license` (a REUSE licence sidecar) nor `.env.md`: text about the file, not the file.
  if ((lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env') || lower === '.flaskenv') && !/\.(license|md)$/.test(lower)) return 'env';
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') || lower === 'containerfile') return 'dockerfile';
  if (lower === 'procfile') return 'shell';
  if (lower === '.npmrc' || lower === '.yarnrc' || lower === '.pypirc' || lower === '.netrc') return 'properties';
  return BY_EXTENSION[path.extname(lower)] ?? 'text';
}

/** `#!/usr/bin/env node`, `#!/usr/local/bin/node --harmony`, `#!/usr/bin/env -S node --flags`, also bun, deno, tsx and ts-node. */
const NODE_SHEBANG = /^#![ \t]*\S*\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:node|nodejs|bun|deno|tsx|ts-node)(?:[ \t]|\r?$)/m;

/**
 * The kind of a file from its name and, for a name with no extension, its first line: express-generator's
 * `bin/www` and other `#!/usr/bin/env node` scripts are JavaScript though nothing in the name says so.
 */
export function fileKindOfText(filePath: string, text: string): FileKind {
  const kind = fileKindOf(filePath);
  return kind === 'text' && mayBeNodeScript(filePath) && isNodeShebang(text) ? 'js' : kind;
}

/** Only a name with no extension can be a Node script told apart by its shebang; walkers read just those. */
export function mayBeNodeScript(filePath: string): boolean {
  return path.extname(path.basename(filePath)) === '' && fileKindOf(filePath) === 'text';
}

/** True when the first line is a shebang that runs Node (or a Node-compatible runtime). */
export function isNodeShebang(text: string): boolean {
  if (!text.startsWith('#!')) return false;
  const end = text.indexOf('\n');
  return NODE_SHEBANG.test(end < 0 ? text : text.slice(0, end));
}

/** TypeScript's script kind for a JS-family file, so JSX parses as JSX. */
export function isTsx(filePath: string): boolean {
  return /\.(tsx|jsx)$/i.test(filePath);
}

const LOCKFILES = new Set([
  'package-lock.json', '.package-lock.json', 'npm-shrinkwrap.json', 'deno.lock', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'composer.lock', 'gemfile.lock', 'cargo.lock', 'poetry.lock', 'pipfile.lock', 'go.sum', 'packages.lock.json',
]);

/**
 * Files a package manager writes whole on every install and projects commit as they are: Yarn Plug'n'Play's
 * loader (`.pnp.cjs`, `.pnp.js` before Yarn 3, `.pnp.loader.mjs`) and its data (`.pnp.data.json`), which a
 * zero-install repository tracks. Nobody edits them; the variables they read are Yarn's (`PNP_DEBUG_LEVEL`), not
 * the app's. https://yarnpkg.com/features/pnp
 */
const PACKAGE_MANAGER_OUTPUT = new Set(['.pnp.cjs', '.pnp.js', '.pnp.loader.mjs', '.pnp.data.json']);

/** A file a package manager generates (`PACKAGE_MANAGER_OUTPUT`): read as a generated bundle is. */
export function isPackageManagerOutput(filePath: string): boolean {
  return PACKAGE_MANAGER_OUTPUT.has(path.basename(filePath).toLowerCase());
}

/** Lockfiles hold integrity hashes by the thousand and no secrets worth the noise. */
export function isLockfile(filePath: string): boolean {
  return LOCKFILES.has(path.basename(filePath).toLowerCase());
}

/**
 * Test folders (also a harness named `test-migrations/`, `load-tests/`, a folder whose hyphenated name holds the word
 * (`oauth2-test-server/`, `docker-compose-tests/`) or `e2e` (an end-to-end harness with its mock servers,
 * `e2e-playground/mocks/`; Nx's `apps/web-e2e/`), a smoke test's folder (`smoketest/`, `smoke_tests/`), or ends in `_tests` (`e2e_tests/`, `integration_tests/`, the
 * underscore spelling of Python and of many monorepos' test packages; plural only, since `dispatch_test/` may name a
 * plugin), Playwright's `playwright/`, the folder of Dredd's hooks and test stack (`.dredd/hooks/`, `compose/dredd/`:
 * Dredd tests an HTTP API against its description, https://dredd.org), and benchmarks
 * run by hand: `benchmark/`, `benchmarks/`), Storybook stories (`*.stories.tsx`,
 * `*.story.tsx`: sample data for UI fixtures, never deployed), `*.test.*` / `*.spec.*` / Cypress's `*.cy.*` names, names that start with `test_` / `spec_` (never a name that
 * merely contains them, like `latest_server.js`), and a file named `test.js` / `tests.ts` / `spec.js` beside
 * the code it tests (koa's examples: `app.js` and `test.js` in each folder).
 */
const TEST_PATH = /(^|\/)(test|tests|__tests__|__mocks__|spec|specs|fixtures?|__fixtures__|e2e|smoke[-_]?tests?|cypress|playwright|\.?dredd|benchmarks?|testdata|(?:test|e2e)-[\w.-]+|[\w.-]+-(?:tests?|e2e)(?:-[\w.-]+)?|[\w.-]+_tests)\/|\.(stories|story)\.([cm]?[jt]sx?|mdx)$|\.(spec|test|e2e|cy)\.[cm]?[jt]sx?$|(^|\/)(test|spec)_[^/]*$|_test\.go$/i;
/** `test.js` beside the code; not `config/test.js`, the test environment's configuration (node-config, NodeGoat). */
const TEST_NAME = /(^|\/)(tests?|specs?)\.[cm]?[jt]sx?$/i;
const CONFIG_DIR = /(^|\/)(config|configs|env|envs|environments?)\/[^/]*$/i;
/**
 * A script kept with the project's tools and named as a test of something (`scripts/test-rest-api.ts`,
 * `extra/test-docker.ts`): run by hand against a running instance, never deployed. Only there: `src/utils/test-id.ts`
 * beside the app is the app's code (it makes `data-testid` attributes).
 */
const TEST_SCRIPT = /(^|\/)(scripts?|tools|extra)\/([^/]+\/)*test-[^/]*\.[cm]?[jt]sx?$/i;

/**
 * Test classes and specs of the other languages the secret rule reads, by their conventions: JUnit's
 * `UserServiceTest.java` / `…IT.java`, xUnit's `…Tests.cs` and `Api.Tests/` projects, PHPUnit's `…Test.php`,
 * RSpec's `…_spec.rb` and minitest's `…_test.rb`, pytest's `conftest.py` (fixtures pytest alone loads,
 * wherever they sit) and Django's per-app `tests.py`. Case matters: `Latest.java` is not a test.
 */
const OTHER_LANGUAGE_TEST = /[a-z0-9](?:Tests?|Spec|IT)\.(?:java|kt|groovy|scala|cs|php)$|(?:^|\/)Tests?\.(?:java|kt|cs|php)$|_(?:spec|test)\.rb$|(?:^|\/)[\w.]+\.(?:Tests|UnitTests|IntegrationTests|Specs)\/|(?:^|\/)(?:conftest|tests)\.py$/;

/**
 * Test-runner set-up and tear-down files, which live beside the code rather than in a test folder:
 * `vitest.setup.ts`, `vitestSetup.ts`, `jest.global-setup.ts`, `playwright/global-setup.ts`, CRA's `src/setupTests.ts`. They
 * start mock servers and fixtures for the tests; the platform never runs them.
 */
const TEST_SETUP = /(^|\/)((vitest|jest|playwright|cypress)[.-]?(global[-_.]?)?(setup|teardown)[\w.-]*|global[-_.]?(setup|teardown)|setup[-_.]?tests?|tests?[-_.]?setup)\.[cm]?[jt]sx?$/i;

/**
 * Test code, fixtures, mocks and test set-up: findings there are reported at the configured test-file
 * severity. Give the path relative to the project (or workspace) root: a project kept in a folder named
 * `test` or `e2e` is not test code because of where it sits on someone's disk.
 */
export function isTestFile(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  return TEST_PATH.test(p) || TEST_SETUP.test(p) || TEST_SCRIPT.test(p) || OTHER_LANGUAGE_TEST.test(p) || (TEST_NAME.test(p) && !CONFIG_DIR.test(p));
}

/**
 * A Python settings module of the test environment, by the names Flask and Django projects give it: `test.py` or
 * `testing.py` in a folder of configurations (`configs/test.py`, `settings/testing.py`), or a settings module named for
 * tests (`test_settings.py`, `settings_test.py`, `configuration_testing.py`). The test suite loads it (`create_app(
 * '../configs/test.py')`); a deployment runs with another. Not a test file: what it holds is judged as configuration
 * (a key there may be the one the app ships), only the rules about how the running app keeps its state ask it.
 */
const TEST_ENVIRONMENT_SETTINGS = /(?:^|\/)(?:(?:config|configs|conf|settings|envs?|environments?)\/(?:tests?|testing)|(?:tests?|testing)_(?:settings|config|configuration)|(?:settings|config|configuration)_(?:tests?|testing))\.py$/i;
export function isTestEnvironmentSettings(filePath: string): boolean {
  return TEST_ENVIRONMENT_SETTINGS.test(filePath.replace(/\\/g, '/'));
}

/**
 * A Go file compiled only when a test's build tag is set: its `//go:build` line (before the package clause,
 * https://pkg.go.dev/cmd/go#hdr-Build_constraints) requires a tag that names tests (`e2etest`, `e2e`, `integration`,
 * `test`), so `go build` never compiles it and only a test run with `-tags e2etest` does: the Go spelling of an
 * e2e folder. Not when the constraint holds without the tag (`||`, a negation).
 */
const GO_TEST_TAG = /^(?:tests?|testing|e2e|e2e_?tests?|integration|integration_?tests?|[a-z0-9]+_tests?)$/i;
export function isGoTestBuild(text: string): boolean {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  const m = /^\/\/go:build[ \t]+([^\r\n]+)/m.exec(head);
  if (!m) return false;
  const pkg = /^package[ \t]/m.exec(head);
  if (pkg && pkg.index < m.index) return false;
  const expr = m[1].replace(/\/\/.*$/, '').trim();
  if (/\|\||!/.test(expr)) return false;
  return expr.split('&&').some((t) => GO_TEST_TAG.test(t.replace(/[()]/g, '').trim()));
}

/** The bytes of a file's start that decide whether it is minified. */
const MINIFIED_HEAD = 65536;
/** A minified bundle has a line longer than this. */
const MINIFIED_LINE = 2000;
const SCRIPT_OR_STYLE = /\.(?:js|mjs|cjs|css)$/i;
/** How far into a file a generator's banner is looked for: its first lines. */
const GENERATED_HEAD_LINES = 8;
const GENERATED_HEAD_CHARS = 2048;
/** A tool's "this file is generated" word (`generated by lezer-generator`, `Code generated by protoc-gen-go`). */
const GENERATED_WORD = /\bgenerat(?:ed|or)\b/i;
/** …and its warning not to edit the file: the two together make a generator's banner. */
const DO_NOT_EDIT = /\bDO NOT (?:EDIT|MODIFY)\b|\b(?:shouldn'?t|should not|do not|don'?t|must not) (?:be )?(?:edit|modif|chang)/i;

/**
 * A file whose first lines carry a code generator's banner: Go's `// Code generated … DO NOT EDIT.`
 * (https://go.dev/s/generatedcode), the `@generated` marker, or any "generated … do not edit" pair
 * (`// This file was generated by lezer-generator. You probably shouldn't edit it.`). A generated word alone is not
 * enough: a scaffold "automatically generated by Gitpod. Please adjust to your needs" is the user's to edit.
 */
export function hasGeneratedBanner(text: string): boolean {
  const head = text.slice(0, GENERATED_HEAD_CHARS).split('\n', GENERATED_HEAD_LINES).join('\n');
  return /@generated\b/.test(head) || (GENERATED_WORD.test(head) && DO_NOT_EDIT.test(head));
}

/** A small script or style sheet written on one line this long is a bundler's chunk. */
const SMALL_MINIFIED_LINE = 1024;

/**
 * Minified bundles: long lines and few of them. Judged on the first 64 KiB only, so the check costs the
 * same for a 50 MB file as for a small one.
 */
export function looksMinified(filePath: string, text: string): boolean {
  return minifiedMeasure(filePath, text).minified;
}

/**
 * `looksMinified` with what it measured: `longest`, the longest line of the head (an upper bound of it when
 * derived by `minifiedAfterEdit`), kept so that the next version of the text can often be judged without a read.
 */
export function minifiedMeasure(filePath: string, text: string): { minified: boolean; longest?: number } {
  if (/\.min\.(js|mjs|cjs|css)$/i.test(filePath)) return { minified: true };
  const head = text.length > MINIFIED_HEAD ? text.slice(0, MINIFIED_HEAD) : text;
  // Below 4 KiB only a script or style sheet is measured: a bundler's small chunk (`bat-C397hTD6.js`, one line of
  // 1.8 KiB) is as minified as a large one, while a one-line JSON or YAML file of that size is data to read.
  const small = head.length < 4096;
  if (small && !(SCRIPT_OR_STYLE.test(filePath) && head.length > SMALL_MINIFIED_LINE)) return { minified: false };
  // Line by line with indexOf: a native search, not a JavaScript loop over every character.
  let lines = 0;
  let longest = 0;
  for (let start = 0; start < head.length; lines++) {
    let end = head.indexOf('\n', start);
    if (end < 0) end = head.length;
    if (end - start > longest) longest = end - start;
    start = end + 1;
  }
  // A small script is minified when it is one long line (two with a trailing comment or a final line break).
  if (small) return { minified: lines <= 2 && longest > SMALL_MINIFIED_LINE, longest };
  return { minified: longest > MINIFIED_LINE && head.length / Math.max(lines, 1) > 300, longest };
}

/**
 * The next version's judgement from a version judged not minified, when no line of the new head can be long
 * enough: an edit lengthens a line by at most what it inserts, plus what it removed (characters past the head move
 * into it), plus a whole line when it removed a line break (two lines join). Undefined when it must be measured.
 */
export function minifiedAfterEdit(
  previous: { minified: boolean; longest?: number },
  before: string,
  change: { start: number; end: number; newLength: number },
): { minified: boolean; longest: number } | undefined {
  if (previous.minified || previous.longest === undefined) return undefined;
  if (change.start >= MINIFIED_HEAD) return { minified: false, longest: previous.longest };
  const removed = change.end - change.start;
  // A small text is judged by its own measure (a small script's one long line), cheap to take again.
  if (before.length - removed + change.newLength < 4096) return undefined;
  const joined = removed > 0 && before.slice(change.start, change.end).includes('\n');
  const longest = (joined ? 2 * previous.longest : previous.longest) + change.newLength + removed;
  return longest > MINIFIED_LINE ? undefined : { minified: false, longest };
}

/** NUL bytes in the first 8 KiB: a binary file, which no rule reads. */
export function looksBinary(text: string): boolean {
  // A native search (a loop over 8,192 characters in JavaScript cost a keystroke 0.02 ms).
  return (text.length > 8192 ? text.slice(0, 8192) : text).includes('\0');
}
