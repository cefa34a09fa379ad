/**
 * Values that stand in for a secret rather than being one. A finding on `password: 'changeme'` in a
 * template or `${DB_PASSWORD}` in a compose file is noise, and noise is what gets a linter uninstalled.
 */

// Interpolations of other tools: ${VAR}, $VAR, {{ x }}, %VAR%, $(VAR), <your-key>, [TOKEN].
// An opening `${`, `$(` or `{{` counts even unclosed: a pattern may stop inside `${getPassword('db')}`.
const INTERPOLATION = /\$\{|\$\(|\{\{|%[A-Za-z_][\w.]*%|^\$[A-Za-z_]\w*$|^<[^<>]+>$|^\[[A-Za-z_ -]+\]$/;

// Words that mark a value as an example, anywhere in it (case-insensitive).
const MARKER_WORDS = /example|placeholder|changeme|change[-_ ]?me|replace[-_ ]?me|your[-_ ]?(own[-_ ]?)?(api[-_ ]?)?(key|token|secret|password|pass)|(insert|enter|put|add)[-_ ]?(your|the|a)[-_ ]|dummy|redacted|sample|not[-_ ]?a[-_ ]?(real[-_ ]?)?(secret|key|token|password)|fake|xxxx|\*\*\*\*|\.\.\.|todo|fixme|<redacted>/i;

// Whole values that are conventional stand-ins.
const WHOLE_WORDS = new Set([
  'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'key', 'test', 'testing', 'none', 'null',
  'undefined', 'nil', 'true', 'false', 'yes', 'no', 'on', 'off', 'empty', 'default', 'string', 'value', 'foo', 'bar',
  'baz', 'foobar', 'qwerty', 'abc', 'abc123', 'admin', 'user', 'username', 'root', 'guest', 'pass', 'pwd', 'xxx',
  'tbd', 'n/a', 'na', 'required', 'optional', 'hidden', 'private', 'public', 'secret_key', 'your_secret', 'my-secret',
  'mysecret', 'mypassword', 'my-password', 'supersecret', 'super-secret', 'ignored', 'unset', 'bearer', 'basic',
  // Severities: `config/hardcoded-secret: warning` in our own settings is a rule level, not a password.
  'error', 'warning', 'warn', 'info', 'hint', 'debug', 'trace',
  // fetch's `credentials` option: a policy, not a credential.
  'include', 'omit', 'same-origin',
  // A reusable GitHub workflow's `secrets: inherit` passes the caller's secrets on.
  'inherit',
]);

// Tokens that deploy tools replace (`__DB_PASSWORD__`, Azure DevOps `#{DbPassword}#`, `@@DB_PASSWORD@@`, Maven
// `@db.password@`), and references a secret manager resolves at run time: `vault:secret/data/db#password`,
// `projects/acme/secrets/db-password/versions/latest` (Google), `env:CLIENT_SECRET`, `{env:DB_PASSWORD}`.
const DEPLOY_TOKENS = /^(?:__[A-Za-z][\w.-]*__|#\{[^{}]+\}#?|@@[\w.-]+@@|@[A-Za-z][\w.-]*@)$/;
const SECRET_REFERENCES = /^(?:\{?(?:env|vault|ssm|secretsmanager|awssm|gcpsm|azkv|keyvault|sops|file|op):[^\s{}]+\}?|projects\/[^/\s]+\/secrets\/[^/\s]+(?:\/versions\/[^/\s]+)?)$/i;

/** True when the value is empty, one repeated character, an interpolation, or a conventional stand-in. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^(.)\1*$/s.test(v)) return true;
  if (INTERPOLATION.test(v)) return true;
  // Only short values are read for marker words: a long random key holds `todo` or `fake` by chance.
  if (v.length <= 64 && MARKER_WORDS.test(v)) return true;
  if (WHOLE_WORDS.has(v.toLowerCase())) return true;
  if (DEPLOY_TOKENS.test(v) || SECRET_REFERENCES.test(v)) return true;
  // Masked values such as `sk_live_****` or `ghp_xxxxxxxx…` (a long run of one masking character).
  if (/([x*#•_.-])\1{5,}/i.test(v)) return true;
  return false;
}

/** True for SCREAMING_SNAKE names: a value that is the *name* of an environment variable, not its value. */
export function isEnvVarName(value: string): boolean {
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(value) || /^[A-Z]{2,40}$/.test(value);
}
