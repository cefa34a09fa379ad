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
  'NODE_ENV', 'NODE_OPTIONS', 'CI', 'HOME', 'PATH', 'PWD', 'USER', 'USERNAME', 'SHELL', 'TZ', 'LANG', 'TERM',
  'TMPDIR', 'TEMP', 'TMP', 'HOSTNAME', 'FORCE_COLOR', 'NO_COLOR', 'VERCEL', 'NETLIFY', 'DYNO', 'K_SERVICE',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_EXECUTION_ENV',
]);
const PLATFORM_PREFIXES = ['npm_', 'VERCEL_', 'GITHUB_', 'RUNNER_', 'NETLIFY_', 'RAILWAY_', 'FLY_', 'RENDER_'];
/** Vite's built-ins on `import.meta.env`. */
const VITE_BUILTINS = new Set(['MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR']);

export function isPlatformVariable(name: string, via?: string): boolean {
  if (PLATFORM.has(name) || PLATFORM_PREFIXES.some((p) => name.startsWith(p))) return true;
  return via === 'import.meta.env' && VITE_BUILTINS.has(name);
}

/**
 * Read from the environment by something other than the app's code: Node itself, well-known SDKs and
 * tools (Prisma reads `DATABASE_URL` from `schema.prisma`, the AWS SDK its credentials, `next start` the
 * `PORT`), or the database images of a compose file. A declaration of one of these is not "unused".
 */
const CONSUMED_ELSEWHERE = new Set([
  'NODE_ENV', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED', 'TZ', 'DEBUG', 'PORT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'DATABASE_URL', 'DIRECT_URL', 'SHADOW_DATABASE_URL',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE',
  'GOOGLE_APPLICATION_CREDENTIALS', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PGSSLMODE',
  'SENTRY_DSN', 'SENTRY_AUTH_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'AUTH_SECRET',
]);
const CONSUMED_PREFIXES = ['POSTGRES_', 'MYSQL_', 'MARIADB_', 'MONGO_INITDB_', 'COMPOSE_', 'DOCKER_'];

export function isConsumedElsewhere(name: string): boolean {
  return CONSUMED_ELSEWHERE.has(name) || CONSUMED_PREFIXES.some((p) => name.startsWith(p)) || isPlatformVariable(name);
}
