/**
 * Python's and Go's counterparts of `platform.ts`'s list: set by the interpreter or toolchain, the framework's
 * own launcher, or the hosting runtime, not by the app's configuration. `DJANGO_SETTINGS_MODULE`, `FLASK_ENV`
 * and `GIN_MODE` pick the framework's mode the way `NODE_ENV` does; Werkzeug's reloader sets `WERKZEUG_*` in
 * the child it starts; Google's runtimes (App Engine, Cloud Run, Cloud Functions) set `GAE_*`, `K_*` and
 * `GOOGLE_CLOUD_PROJECT`; Lambda sets `AWS_LAMBDA_*`; Kubernetes sets `KUBERNETES_SERVICE_*`. pytest owns `PYTEST_*`: it sets
 * `PYTEST_CURRENT_TEST` and `PYTEST_VERSION` in the process it runs, pytest-xdist `PYTEST_XDIST_WORKER` in each worker
 * (FitTrackee's config names a test database per worker), and it reads its own settings there (`PYTEST_ADDOPTS`).
 */
export const POLYGLOT_PLATFORM = new Set([
  'DJANGO_SETTINGS_MODULE', 'FLASK_APP', 'FLASK_ENV', 'FLASK_DEBUG', 'FLASK_RUN_FROM_CLI', 'PYTHONPATH', 'PYTHONUNBUFFERED',
  'PYTHONDONTWRITEBYTECODE', 'VIRTUAL_ENV', 'GOPATH', 'GOROOT', 'GOOS', 'GOARCH', 'GOFLAGS', 'GIN_MODE',
  'GOOGLE_CLOUD_PROJECT', 'K_REVISION', 'K_CONFIGURATION', 'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT',
]);
export const POLYGLOT_PLATFORM_PREFIXES = ['WERKZEUG_', 'GAE_', 'AWS_LAMBDA_', 'PYTEST_'];

export function isPolyglotPlatformVariable(name: string): boolean {
  return POLYGLOT_PLATFORM.has(name) || POLYGLOT_PLATFORM_PREFIXES.some((p) => name.startsWith(p));
}
