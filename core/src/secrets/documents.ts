import * as path from 'node:path';
import type { FileHost } from '../host';
import { foldersUp } from '../workspace/manifest';

/**
 * Files and places that show secrets rather than hold them: example files (`.env.example`), documentation
 * (Markdown, API descriptions) and comments. There a value is reported only when it looks like a real
 * secret, since samples and placeholders are what those places are for.
 */

// `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `config.example.js`, `settings.json.example`,
// `app.sample.yml`: the word after a dot (`example.js` is a module named example, not an example of one).
// Also after `_` or `-` for example and sample (`config_example.json`, yapi's): `email_template.js` is a template.
const EXAMPLE_FILE = /\.(?:example|sample|template|dist|default)(?:\.[\w-]+)?$|[_-](?:example|sample)\.[\w-]+$|^(?:example|sample|template)s?[-_.]/i;
// Folders that hold examples, templates, documentation or a development set-up, compose files (also the
// variants kept together in a `docker-compose/` folder: `contrib/docker-compose/caddy.yml`) and Vagrant
// set-ups (a `Vagrantfile`, provisioning scripts under `vagrant/`), whose database passwords are those of a
// container or a virtual machine on the developer's machine; a Gitpod workspace (`.gitpod.yml`) is a development
// container like `.devcontainer/`. Also HTTP request collections (`api.http`,
// `remark.rest` for the REST Client and JetBrains HTTP clients): requests shown to a reader, like API documentation.
// Component demos (`demos/`, as dumi and other documentation tools keep them beside a component) are documentation
// too, and a developer environment's definition (devenv's `devenv.nix`, `shell.nix` for nix-shell, a Gitpod
// workspace's `.gitpod.yml`) sets up the developer's machine as a dev container does.
const SHOWCASE_PATH = /(?:^|\/)(?:examples?|samples?|templates?|docs?|demos?|dev|\.devcontainer|\.?vagrant)\/|(?:^|\/)(?:devenv|shell)\.nix$|(?:^|\/)\.gitpod\.ya?ml$|(?:^|\/)(?:docker-)?compose[^/]*\.ya?ml$|(?:^|\/)(?:docker-)?compose\/[^/]+\.ya?ml$|(?:^|\/)Vagrantfile$|(?:^|\/)\.env\.(?:dev|development|local\.example)$|\.(?:http|rest)$/i;
// Places whose credentials are throwaway by design: CI service containers (also a `.ci/` folder's compose files, and
// anything else under `.github/`, such as the env file a CI compose stack loads: standardnotes' `.github/ci.env`),
// test helper packages (Go's `internal/testutil/`), smoke tests (`smoketest/setup.sh` makes a throwaway database), seed
// data, mocks, vendored code (and Yarn's own releases and plugins under `.yarn/`), test configuration (`.env.test`,
// `env-vars-testing.conf`, a test runner's `playwright.config.ts`). Judged like test code.
const FIXTURE_PATH = new RegExp([
  String.raw`(?:^|/)\.github/|(?:^|/)\.ci/|(?:^|/)(?:\.gitlab-ci|\.travis|azure-pipelines|bitbucket-pipelines|\.drone)\.ya?ml$|(?:^|/)\.circleci/`,
  String.raw`(?:^|/)(?:seeds?|seeders|seeding|factories|mocks?|__mocks__|test[-_]?utils?|test[-_]?helpers?|testing|smoke[-_]?tests?|vendor|vendors|third[-_]party|bower_components|\.yarn)/`,
  // Test data and test machines: Go's `testdata/`, a `PrepareTestData` utility, a NixOS `testVm/`.
  String.raw`(?:^|[/._-])(?:prepare)?test[-_]?data(?:[/._-]|$)|(?:^|/)test[-_]?vms?/`,
  // Also the settings of an end-to-end run, named for the runner or the browser grid it drives
  // (`settings.protractor.js`, `settings.browserstack.js`, `config.e2e.json`).
  String.raw`(?:^|/)[^/]*[._-](?:test|testing|mock|fixture|ci|e2e|protractor|browserstack|saucelabs)(?:[._-][^/]*)?$`,
  // A module named for mock data (`src/mock.ts`, `mocks.js`) beside the code its tests import it into, and one named
  // for test helpers or fixtures (`src/backend/testUtil.ts`, `db/fixtures.ts`): the logins of the users tests create.
  String.raw`(?:^|/)mocks?\.[cm]?[jt]sx?$|(?:^|/)(?:test[-_]?(?:utils?|helpers?)|fixtures?)\.[cm]?[jt]sx?$`,
  // The compose stack integration or end-to-end tests run against (`docker-compose.integration.yml`), and the one a
  // developer runs on their machine (`docker-compose.dev.yml`, `compose.local.yaml`, `dev-compose.yaml`): its
  // logins are the bundled containers' own.
  String.raw`(?:^|/)(?:docker-)?compose[._-](?:integration|e2e|dev|development|local)(?:[._-][^/]*)?\.ya?ml$`,
  String.raw`(?:^|/)(?:dev|development|local)[._-](?:docker-)?compose(?:[._-][^/]*)?\.ya?ml$`,
  // A local development server (`src/server-dev.ts`, `dev-server.js`), a Django development or CI settings module
  // (`settings/development.py`, `settings/ci.py`, `settings_local.py`) or a Flask app's (`configs/development.py`,
  // `config/test.py`: the module `FLASK_CONF` or `app.config.from_object(…)` picks for a developer or the tests;
  // the shipped defaults module is judged as configuration) and a script that starts a database
  // container on the developer's machine (`scripts/docker-postgres.sh`): their logins are the container's.
  // The project's development scripts (`scripts/dev/`, `dev-scripts/`: seeding a local database, sending a
  // local instance a sample webhook) fill their payloads with made-up tokens and ids.
  String.raw`(?:^|/)[^/]*[._-]dev\.[cm]?[jt]sx?$|(?:^|/)(?:settings|configs?|conf)[/_](?:dev|development|local|local_dev|ci|test|testing)\.py$|(?:^|/)dev[-_.]server\.[cm]?[jt]sx?$|(?:^|/)scripts?/docker[-_][^/]*\.sh$`,
  String.raw`(?:^|/)scripts?/dev/|(?:^|/)dev[-_]scripts?/`,
  // A PasteDeploy settings file for the developer's server or the tests (Pyramid's `development.ini` and
  // `testing.ini`, as its project template makes them beside `production.ini`; `websocket-dev.ini`): its
  // `secret_key` is the local server's.
  String.raw`(?:^|/)(?:development|dev|local|testing|test)\.ini$|(?:^|/)[^/]*[._-](?:dev|development|local)\.ini$`,
  // The test environment's file of a per-environment configuration folder (node-config's `config/test.json` and
  // `config/test.toml`, loaded when NODE_ENV=test): the values the test suite runs with, like a `.env.test`.
  String.raw`(?:^|/)(?:config|configs|conf|environments?)/(?:test|testing)\.(?:toml|json5?|ya?ml|ini)$`,
  // A test runner's configuration (`playwright.config.mjs`, `playwright.smoke.config.ts`, `vitest.config.ts`,
  // `jest.config.js`, `karma.conf.js`, `wdio.conf.ts`): the defaults it hands the app it starts for the tests
  // (`AUTH_SECRET: process.env.AUTH_SECRET ?? "secret"`) are the test run's, like a `.env.test`.
  String.raw`(?:^|/)(?:playwright|vitest|jest|cypress|karma|wdio)(?:[._-][^/]*)?\.(?:config|conf)\.[cm]?[jt]sx?$`,
].join('|'), 'i');
const DOC_FILE = /\.(?:md|mdx|markdown|rst|adoc|txt)$/i;

/** The file's own name says it is an example: `.env.example`, `*.example.*`, `.env.sample`, `.env.template`. */
export function isExampleFile(path: string): boolean {
  return EXAMPLE_FILE.test(path.replace(/\\/g, '/').split('/').pop() ?? '');
}

/** Example files, documentation and places that show a set-up rather than run one: only real-looking values count. */
export function isShowcase(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return isExampleFile(p) || isDocumentation(p) || SHOWCASE_PATH.test(p);
}

/** CI files, seeds, mocks, vendored code and test configuration: name-based findings there are fixtures. */
export function isFixturePath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  // `test.js` beside the code is a test; under `config/` (`config/env/test.js`) it configures the test environment.
  return FIXTURE_PATH.test(p) || (/(?:^|\/)(?:tests?|spec)\.[cm]?[jt]sx?$/i.test(p) && !/(?:^|\/)(?:config|env|environments?)\//i.test(p));
}

/** Prose documentation: README.md, docs in reStructuredText or AsciiDoc, plain text notes. */
export function isDocumentation(path: string): boolean {
  return DOC_FILE.test(path);
}

// A request or response recorded for an API's documentation (`doc/api/v1/users/http/post-res-201.json`): a JSON or
// YAML file in an `api` folder (or one named for HTTP or REST) under the documentation.
const API_SAMPLE_FILE = /(?:^|\/)(?:docs?|documentation)\/(?:[^/]+\/)*(?:api|apis|http|rest)(?:[-_][^/]*)?\/(?:[^/]+\/)*[^/]+\.(?:json|ya?ml)$/i;

/** A request or response sample of an API's documentation: its tokens are samples for readers, as an OpenAPI example's. */
export function isApiSampleFile(path: string): boolean {
  return API_SAMPLE_FILE.test(path.replace(/\\/g, '/'));
}

/** An OpenAPI or Swagger description: its examples are samples for readers, not credentials. */
export function isApiDescription(text: string, kind: string): boolean {
  if (kind !== 'yaml' && kind !== 'json') return false;
  return /^\s*["']?(?:openapi|swagger)["']?\s*:/m.test(text.length > 4096 ? text.slice(0, 4096) : text);
}

/**
 * Whether the offset sits in a comment: a `//`, `#` or JSDoc `*` line, or inside `/* … *\/`. Read from the
 * text around the offset, not from a parse: good enough to tell a sample in documentation from code.
 */
export function inComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/^\s*(?:\/\/|#|\*|\/\*)/.test(before) || /(?:^|[\s;,)}])\/\/[^'"`]*$/.test(before)) return true;
  const open = text.lastIndexOf('/*', offset);
  return open >= 0 && text.lastIndexOf('*/', offset) < open;
}

/**
 * A code template the build copies to its real name is the configuration that runs: mirotalk's Dockerfile
 * does `COPY ./app/src/config.template.js ./app/src/config.js`, its `prestart` script `cp` the same. Only code
 * templates (`*.template.js`): a `cp .env.example .env` is a developer's first step, not a deployment.
 */
export function isCopiedIntoPlace(host: FileHost, file: string): boolean {
  const base = path.basename(file);
  if (!/\.(?:example|sample|template|dist|default)\.[cm]?[jt]s$/i.test(base)) return false;
  const name = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const copy = new RegExp(`(?:^|\\s)(?:COPY|ADD|cp)\\s+(?:--[\\w=-]+\\s+)*["']?[\\w./-]*${name}["']?\\s+\\S`, 'm');
  for (const dir of foldersUp(host, file).slice(0, 6)) {
    for (const candidate of ['Dockerfile', 'package.json']) {
      const text = host.readFile(path.join(dir, candidate));
      if (text !== undefined && copy.test(text)) return true;
    }
  }
  return false;
}

// What a page saved from a website says of where it came from: its canonical address, its Open Graph URL, or the
// mark a browser's "Save page as" leaves (`<!-- saved from url=(0042)https://… -->`).
const PAGE_ORIGIN = /<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']?https?:\/\/|<link\b[^>]*\bhref=["']?https?:\/\/[^>]*\brel=["']?canonical\b|<meta\b[^>]*\bproperty=["']?og:url["']?[^>]*\bcontent=["']?https?:\/\/|<!--\s*saved from url=/i;

/**
 * A web page saved from a site (an HTML document that names its address on the web): what that site served to
 * every visitor, kept as test data for a scraper or a parser. The links in it are the site's, not the project's.
 */
export function isSavedWebPage(path: string, text: string): boolean {
  if (!/\.x?html?$/i.test(path)) return false;
  return PAGE_ORIGIN.test(text.length > 262144 ? text.slice(0, 262144) : text);
}

// Prose that presents what follows as a sample: "For example, in the following URL", "you will get something
// like this:", "Your new URL should look like:", "Here's an example:".
const EXAMPLE_INTRO = /\b(?:for example|for instance|e\.g\.|an example|something like|should look like|looks like|look like this)\b/i;

/** Whether the prose just before the offset (a paragraph's reach) introduces the value as an example. */
export function introducedAsExample(text: string, offset: number): boolean {
  return EXAMPLE_INTRO.test(text.slice(Math.max(0, offset - 400), offset));
}

// Prose that tells the reader to put their own value in: "substituting your own value for the password", "replace
// it with your own secret", "choose a strong password", "use a unique password".
const OWN_VALUE_INTRO = /\b(?:substitut(?:e|ing)|replac(?:e|ing)|chang(?:e|ing)|choos(?:e|ing)|us(?:e|ing)|pick(?:ing)?|generat(?:e|ing))\b[^.\n]{0,40}?\b(?:your\s+own|(?:a|an)\s+(?:strong|secure|unique|random|different|new)\b)/i;

/** Whether the prose just before the offset (a paragraph's reach) tells the reader to use a value of their own. */
export function toldToUseOwnValue(text: string, offset: number): boolean {
  return OWN_VALUE_INTRO.test(text.slice(Math.max(0, offset - 400), offset));
}

// Language codes that name translation files (`de.json`, `en-US.yml`, `messages.fr.json`): the common ones, so
// that `ci.yml` or `db.json` are not mistaken for one.
const LANGUAGES = 'en|de|fr|es|it|pt|nl|sv|da|nb|nn|no|fi|pl|cs|sk|sl|hu|ro|bg|ru|uk|el|tr|ar|he|fa|hi|bn|ja|ko|zh|vi|th|id|ms|ca|eu|gl|hr|sr|lt|lv|et|is|ga|cy|sq|mk|af|sw|ta|te|ur|fil|tl';
const TRANSLATION_FILE = new RegExp(
  String.raw`(?:^|[\/])(?:locales?|i18n|intl|l10n|lang|langs|languages?|translations?)(?:[-_](?:resources?|messages|strings|bundles?|data|files))?[\/]|(?:^|[\/.])(?:${LANGUAGES})(?:[-_][A-Za-z]{2,4})?\.(?:json|ya?ml)$`,
  'i',
);

/**
 * Translation files: under `locales/`, `i18n/`, `lang/`, `language/` (NodeBB), `translations/` (also with a word
 * saying what the folder keeps: `i18n-resources/`, `locales_data/`), or named by a language.
 */
export function isTranslationFile(path: string): boolean {
  return TRANSLATION_FILE.test(path);
}
