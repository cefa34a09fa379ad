/**
 * The cheap test on a Python file's raw text that says whether any Python check could find something in
 * it: only then is the tree-sitter runtime loaded and the file parsed. Each word is one a Python detector
 * needs to see (a secret's name, an env read, a logging or session API, a server or loop).
 */
const GATE = new RegExp([
  // secrets and env reads
  'secret', 'passw', 'pwd', 'token', 'key', 'credential', 'environ', 'getenv', 'decouple', 'auth',
  // file logging
  'handler', 'basicconfig', 'loguru', 'logger\\.add', 'accesslog', 'errorlog', 'logfile', '\\.log\\b',
  // sessions
  'session',
  // servers and loops
  'serve_forever', 'run_forever', 'start_consuming', 'while\\s+(?:true|1)\\s*:', 'asyncio', '\\.run(?:_app)?\\(', 'serve\\(', 'signal',
  // long-running clients of the SIGTERM rule's table (discord.py's `await bot.start()`)
  'discord', 'bottle',
  // ports and service urls (not the `port` of every `import`)
  '\\bport\\b', '_port\\b', '://', 'server', '\\bbind\\b', '\\.listen\\(', '\\bhost\\b',
  // backing-service clients named by their address
  'redis', 'mongoclient', 'smtp', 'connectionparameters', 'elasticsearch', '\\bdatabases\\b', '\\bcaches\\b', '\\.connect\\(',
].join('|'), 'i');

/** True when the text could hold a finding of a Python check. */
export function pythonMayNeedTree(text: string): boolean {
  return GATE.test(text);
}
