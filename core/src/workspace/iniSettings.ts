import { isFixturePath, isShowcase } from '../secrets/documents';

/** One `key = value` of an INI file, with the `[section]` it is under and where its value is. */
export interface IniEntry {
  section: string;
  key: string;
  value: string;
  start: number;
  end: number;
}

/**
 * The `key = value` pairs of an INI file (`app.ini`, Python's `logging.config.fileConfig` format): `[section]`
 * headers, `=` or `:` between key and value, `;` and `#` comments on their own line. Continuation lines and
 * interpolation are not followed: a setting the rules read is one word on one line.
 */
export function iniEntries(text: string): IniEntry[] {
  const entries: IniEntry[] = [];
  let section = '';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    const header = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[;#].*)?$/.exec(line);
    const pair = header ? null : /^(\s*)([\w.-]+)(\s*[=:]\s*)(.*?)\s*$/.exec(line);
    if (header) section = header[1];
    else if (pair && !/^\s*[;#]/.test(line)) {
      // An unquoted value ends before an inline comment (` ; …`, ` # …`).
      const value = pair[4].replace(/\s+[;#].*$/, '');
      const at = start + pair[1].length + pair[2].length + pair[3].length;
      entries.push({ section, key: pair[2], value, start: at, end: at + value.length });
    }
    start = end + 1;
  }
  return entries;
}

type IniRule = 'logs/file-logging' | 'processes/in-memory-session' | 'processes/local-uploads';

/**
 * Settings of a shipped INI configuration that make the app keep state or logs on its own disk: data as a table,
 * each row with a configuration that is reported (`tp`) and one that is not (`fp`), run by the tests.
 * - The `app.ini` family (Gogs, Gitea, Forgejo and the apps that copy its layout, ezbookkeeping's
 *   `conf/ezbookkeeping.ini`): `[log] MODE` lists its outputs (`console, file`); `[session] PROVIDER` is where
 *   sessions live (`memory` is the process's own map); `[storage]`/`[attachment]` `STORAGE_TYPE` (or `type`) is
 *   where uploads go (`local`, `local_filesystem`: the instance's disk).
 * - Python's `logging.config.fileConfig` format (`[handler_file] class = handlers.RotatingFileHandler`), which
 *   `alembic.ini`, PasteDeploy's `production.ini` and `logging.conf` files use.
 */
export const INI_SETTINGS: ReadonlyArray<{
  rule: IniRule;
  messageId: string;
  section: RegExp;
  key: RegExp;
  value: RegExp;
  tp: string;
  fp: string;
}> = [
  {
    rule: 'logs/file-logging', messageId: 'iniLogMode', section: /^log$/i, key: /^mode$/i, value: /(?:^|[\s,])file(?:$|[\s,])/i,
    tp: '[log]\nMODE = console, file\n', fp: '[log]\nMODE = console\n',
  },
  {
    rule: 'logs/file-logging', messageId: 'iniLogHandler', section: /^handler_/i, key: /^class$/i,
    value: /^(?:logging\.)?(?:handlers\.)?(?:FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler)$/,
    tp: "[handler_file]\nclass = handlers.RotatingFileHandler\nargs = ('app.log', 'a', 1000000, 5)\n", fp: '[handler_console]\nclass = StreamHandler\nargs = (sys.stdout,)\n',
  },
  {
    rule: 'processes/in-memory-session', messageId: 'iniSessionMemory', section: /^session$/i, key: /^provider$/i, value: /^memory$/i,
    tp: '[session]\nPROVIDER = memory\n', fp: '[session]\nPROVIDER = redis\n',
  },
  {
    rule: 'processes/local-uploads', messageId: 'iniLocalStorage', section: /^(?:storage|attachment)$/i, key: /^(?:storage_)?type$/i, value: /^local(?:_filesystem)?$/i,
    tp: '[storage]\ntype = local_filesystem\n', fp: '[storage]\ntype = minio\n',
  },
];

/** Keywords (lower case) the engine tests before a rule reads an INI file. */
export function iniKeywords(rule: IniRule): string[] {
  return rule === 'logs/file-logging' ? ['[log]', 'filehandler'] : rule === 'processes/in-memory-session' ? ['[session]'] : ['[storage]', '[attachment]'];
}

const parsed = new WeakMap<object, IniEntry[]>();

/** A setting of `INI_SETTINGS` found, for its rule to report. */
export interface IniFinding {
  messageId: string;
  data: Record<string, string>;
  start: number;
  end: number;
  identity: string;
}

/**
 * The rule's rows of `INI_SETTINGS` in an INI file the app runs with: not a test file, an example,
 * documentation, a test's or a developer's configuration (`app.example.ini`, `development.ini`, `testing.ini`),
 * where the setting shows a choice rather than makes it.
 */
export function iniSettings(file: { path: string; text: string; isTestFile: boolean }, rule: IniRule): IniFinding[] {
  if (!/\.(?:ini|cfg|conf)$/i.test(file.path) || file.isTestFile || isShowcase(file.path) || isFixturePath(file.path)) return [];
  const rows = INI_SETTINGS.filter((r) => r.rule === rule);
  // Three rules read the same file: its pairs are parsed once per version (a file context is one version).
  let entries = parsed.get(file);
  if (!entries) parsed.set(file, (entries = iniEntries(file.text)));
  const found: IniFinding[] = [];
  for (const e of entries) {
    const row = rows.find((r) => r.section.test(e.section) && r.key.test(e.key) && r.value.test(e.value));
    if (!row) continue;
    const args = row.messageId === 'iniLogHandler' ? entries.find((a) => a.section === e.section && /^args$/i.test(a.key)) : undefined;
    const target = args ? /^\(\s*(['"])([^'"]+)\1/.exec(args.value)?.[2] : undefined;
    found.push({
      messageId: row.messageId,
      data: { section: e.section, setting: `${e.key} = ${e.value}`, name: e.section.replace(/^handler_/i, ''), handler: e.value.split('.').pop() ?? e.value, target: target ?? 'a file' },
      start: e.start, end: e.end, identity: `${row.messageId}:${e.section}`,
    });
  }
  return found;
}
