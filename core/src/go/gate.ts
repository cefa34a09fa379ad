/**
 * The cheap test on a Go file's raw text that says whether any Go check could find something in it: only
 * then is the tree-sitter runtime loaded and the file parsed. Each word is one a Go detector needs to see (a
 * secret's name, an env read, a logging or session API, a server start).
 */
const GATE = new RegExp([
  // secrets and env reads
  'secret', 'passw', 'pwd', 'token', 'key', 'credential', 'getenv', 'lookupenv', 'auth', '://',
  // file logging
  'setoutput', 'lumberjack', 'outputpaths', 'zerolog', 'log\\.new\\(', 'slog', '\\.out\\s*=',
  // sessions
  'session', 'scs',
  // servers
  'listenandserve', '\\.serve\\(', '\\.run\\(', '\\.start(?:tls)?\\(', '\\.listen(?:er|tls|mutualtls)?\\(',
  // a setting's default (viper `SetDefault`): where uploads go
  'setdefault',
  // backing-service clients named by their address
  '\\baddrs?\\s*:', 'newdialer', 'newplaindialer', 'sendmail', 'redis\\.dial\\(',
  // database DSNs that are no URL (`host=db.internal user=app`, `app@tcp(db.internal:3306)/shop`)
  '\\bhost(?:addr)?\\s*=', '@tcp6?\\(',
].join('|'), 'i');

/** True when the text could hold a finding of a Go check. */
export function goMayNeedTree(text: string): boolean {
  return GATE.test(text);
}
