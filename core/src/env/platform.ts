import { isPolyglotPlatformVariable } from './platformVariables-polyglot';

/**
 * Variables the app's own configuration does not own. Kept short on purpose: each entry hides a finding,
 * and a name missing here costs one declaration or one suppression.
 */

/**
 * Set by the operating system, the shell, Node and npm, CI, or the hosting platform: code may read them
 * without the project declaring them. `PORT` is not among them: the platform sets it, but the app's
 * contract with the platform is exactly what a declaration documents.
 */
const PLATFORM = new Set([
  // Node's own module search path (read by Node, passed on to the child processes an app starts).
  'NODE_PATH',
  'NODE_ENV', 'NODE_OPTIONS', 'CI', 'HOME', 'PATH', 'PWD', 'USER', 'USERNAME', 'SHELL', 'TZ', 'LANG', 'TERM',
  'TMPDIR', 'TEMP', 'TMP', 'HOSTNAME', 'FORCE_COLOR', 'NO_COLOR', 'VERCEL', 'NETLIFY', 'DYNO', 'K_SERVICE',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_EXECUTION_ENV',
  // Conventions every HTTP client and TLS library reads (curl, undici, OpenSSL), set by the network's owner.
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS',
  // @next/bundle-analyzer's switch, set on the command line of a one-off build (`ANALYZE=true next build`).
  'ANALYZE',
  // Set by Rollup itself while `rollup -w` watches, so a config can tell a watch build from a release build.
  'ROLLUP_WATCH',
  // Set by the framework itself: Next.js names the runtime a module runs in, Expo's Babel preset the platform;
  // the Tauri CLI the address a mobile device reaches the dev server at.
  'NEXT_RUNTIME', 'EXPO_OS', 'TAURI_DEV_HOST',
  // Next.js also names the phase a config or module is loaded in (`phase-production-build`), and npm the folder a
  // script was started from (`INIT_CWD`) for every script it runs. `next dev --turbopack` sets `TURBOPACK=1` for the
  // server it starts (a custom server reads it to start Next the same way).
  'NEXT_PHASE', 'INIT_CWD', 'TURBOPACK',
  // @t3-oss/env's documented switch for builds without the runtime's variables (a Docker build, a lint run:
  // https://env.t3.gg/docs/recipes#skip-validation): set on the build's command line or in the image, never deployed.
  'SKIP_ENV_VALIDATION',
  // The locale and the shell a command-line tool runs in (POSIX locale variables, each shell's own version
  // variable, MSYS2's and Windows' own: `ComSpec`, `PSModulePath`, `USERPROFILE`, `APPDATA`).
  'LC_ALL', 'LC_MESSAGES', 'LC_CTYPE', 'LANGUAGE', 'LOGNAME', 'BASH_VERSION', 'ZSH_VERSION', 'FISH_VERSION', 'MSYSTEM',
  'ComSpec', 'COMSPEC', 'PSModulePath', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'SystemRoot',
  // The XDG Base Directory specification's folders, set by the desktop session or left to their documented
  // defaults (https://specifications.freedesktop.org/basedir-spec/latest/): where a CLI keeps its config.
  'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_DIRS', 'XDG_DATA_DIRS',
  // Set by pm2 in every process it starts: the instance's number in cluster mode (0 on the first), which an app
  // reads to run once-per-deployment work on one instance only
  // (https://pm2.keymetrics.io/docs/usage/environment/#specific-environment-variables).
  'NODE_APP_INSTANCE',
  // Set by systemd in the services it starts (systemd.exec(5), "Environment Variables Set or Propagated by the
  // Service Manager"; sd_notify(3), sd_listen_fds(3)): the readiness socket, the watchdog, socket activation.
  'NOTIFY_SOCKET', 'WATCHDOG_USEC', 'WATCHDOG_PID', 'LISTEN_FDS', 'LISTEN_PID', 'LISTEN_FDNAMES', 'INVOCATION_ID',
  // Read the Docs' own switch in its builds (`READTHEDOCS=True`; its `READTHEDOCS_*` below).
  'READTHEDOCS',
  // Reserved variables the AWS Lambda runtime sets in every function (the handler's name, the code's folder, the
  // trace header; https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime),
  // which Netlify Functions run on too.
  '_HANDLER', '_X_AMZN_TRACE_ID', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'AWS_LAMBDA_RUNTIME_API',
  // Alibaba Cloud Function Compute's runtime variables, set in every instance it starts.
  'FC_RUNTIME_VERSION', 'FC_FUNC_CODE_PATH', 'FC_FUNCTION_NAME', 'FC_SERVICE_NAME', 'FC_FUNCTION_HANDLER', 'FC_REGION', 'FC_ACCOUNT_ID', 'FC_INSTANCE_ID',
]);
// npm and CI runners, hosting platforms (Vercel, Netlify, Railway, Fly, Render, Heroku's dyno metadata,
// Cloud Foundry's `VCAP_*`, OpenShift), Nx's task runner, and Datadog's unified service tags, which the
// agent injects. A Next.js app sees Vercel's system variables again under `NEXT_PUBLIC_VERCEL_`. Read the Docs
// sets `READTHEDOCS_*` in its documentation builds (a Sphinx `conf.py` reads the version being built,
// https://docs.readthedocs.com/platform/stable/reference/environment-variables.html), and Gitpod `GITPOD_*` in its
// workspaces (`GITPOD_WORKSPACE_URL`: a development environment, never a deployment). Turborepo's task runner, as
// Nx's, owns `TURBO_*`: it sets `TURBO_HASH` in every task it runs and reads its own settings (`TURBO_TOKEN`,
// `TURBO_TEAM`; https://turbo.build/repo/docs/reference/system-environment-variables), which a build script reads to
// tell whether turbo started it.
const PLATFORM_PREFIXES = ['npm_', 'VERCEL_', 'NEXT_PUBLIC_VERCEL_', 'GITHUB_', 'RUNNER_', 'NETLIFY_', 'RAILWAY_', 'FLY_', 'RENDER_',
  'HEROKU_', 'VCAP_', 'OPENSHIFT_', 'NX_', 'TURBO_', 'DD_', 'READTHEDOCS_', 'GITPOD_'];
/** Vite's built-ins on `import.meta.env`. */
const VITE_BUILTINS = new Set(['MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR']);

export function isPlatformVariable(name: string, via?: string): boolean {
  if (via !== 'import.meta.env' && isPolyglotPlatformVariable(name)) return true;
  // Proxy variables are read in either case (`https_proxy` is curl's own spelling).
  if (PLATFORM.has(name) || (/_proxy$/.test(name) && PLATFORM.has(name.toUpperCase()))) return true;
  if (PLATFORM_PREFIXES.some((p) => name.startsWith(p))) return true;
  return via === 'import.meta.env' && VITE_BUILTINS.has(name);
}

// Words that say a variable switches the app into a test or mock set-up: the test runner or the developer
// running the suite sets it, never whoever deploys (`HEDGEDOC_TEST_DB_TYPE`, `NEXT_PUBLIC_USE_MOCK_API`).
const TEST_WORDS = new Set(['TEST', 'TESTS', 'TESTING', 'MOCK', 'MOCKS', 'MOCKED', 'E2E', 'CYPRESS', 'PLAYWRIGHT', 'JEST', 'VITEST']);

/** A variable whose name says it belongs to the test harness: `TEST_DB_URL`, `E2E_BASE_URL`, `USE_MOCK_API`. */
export function isTestHarnessVariable(name: string): boolean {
  return name.toUpperCase().split(/_+/).some((w) => TEST_WORDS.has(w));
}

/**
 * Read from the environment by something other than the app's code: Node itself, well-known SDKs and
 * tools (Prisma reads `DATABASE_URL` from `schema.prisma`, the AWS SDK its credentials, `next start` the
 * `PORT`), or the database images of a compose file. A declaration of one of these is not "unused".
 */
const CONSUMED_ELSEWHERE = new Set([
  'NODE_ENV', 'NODE_OPTIONS', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED', 'TZ', 'DEBUG', 'PORT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'DATABASE_URL', 'DIRECT_URL', 'SHADOW_DATABASE_URL',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE',
  'GOOGLE_APPLICATION_CREDENTIALS', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PGSSLMODE',
  'SENTRY_DSN', 'SENTRY_AUTH_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'AUTH_SECRET',
]);
const CONSUMED_PREFIXES = ['POSTGRES_', 'MYSQL_', 'MARIADB_', 'MONGO_INITDB_', 'COMPOSE_', 'DOCKER_'];

export function isConsumedElsewhere(name: string): boolean {
  return CONSUMED_ELSEWHERE.has(name) || CONSUMED_PREFIXES.some((p) => name.startsWith(p)) || isPlatformVariable(name);
}
