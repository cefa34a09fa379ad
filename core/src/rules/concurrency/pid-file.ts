import ts = require('typescript');
import type { FileContext } from '../../context';
import { dottedName, ModuleBindings, unwrap } from '../../js/modules';
import { commandCalls, optionOf, type CommandCall } from '../../js/commands';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'concurrency/pid-file',
  defaultSeverity: 'warning',
  description: 'Processes run in the foreground under a process manager: no PID files, no daemonizing.',
  messages: {
    pidFile: '`{label}` writes a PID file: the process manager (the platform, systemd, Kubernetes) already tracks the process, and a stale file blocks restarts. Run in the foreground and drop the PID file.',
    daemonize: '`{label}` sends the process to the background: the process manager loses it, its logs and its exit status. Run in the foreground and let the platform supervise it.',
  },
  fixable: false,
  kinds: ['js'],
  keywords: ['.pid', 'process.pid', 'daemon', 'detached', 'npid', 'pidfile'],
  // A PID written to a file, a pid-file library, or a process detaching itself; `process.pid` in a log line is neither.
  gate: (text) => /write\w*\s*\([^;]{0,200}(?:\.pid\b|process\.pid)|pid-?file|\bnpid\b|daemon(?:ize\d?)?['"\s(]|detached\s*:\s*true/i.test(text),
};

const WRITERS = /^(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|outputFile|outputFileSync)$/;

export function check(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile) return;
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  const emit = (messageId: string, node: ts.Node, label: string): void =>
    report({ messageId, data: { label }, start: node.getStart(sf), end: node.getEnd(), identity: `${messageId}:${label}` });
  const exits = /\bprocess\.exit\s*\(/.test(context.text);

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const resolved = bindings.resolve(node.expression);
      const callee = unwrap(node.expression);
      const anchor = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
      const label = dottedName(callee) ?? anchor.getText();
      const fn = resolved?.path[resolved.path.length - 1] ?? (ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '');
      const fsWrite = resolved && /^(node:)?fs(\/promises)?$|^fs-extra$|^graceful-fs$/.test(resolved.module) && WRITERS.test(fn);
      if (fsWrite && writesPid(node) && !optIn(node)) emit('pidFile', anchor, label);
      // `daemon()` (npm daemon), daemonize2's `setup({ pidfile })`, npid's `create('/var/run/app.pid')`.
      if (resolved?.module === 'daemon' && (resolved.path.length === 0 || resolved.path[0] === 'daemon')) emit('daemonize', anchor, label);
      if (resolved?.module === 'daemonize2' && fn === 'setup') emit('daemonize', anchor, label);
      if (resolved && /^(npid|pidfile|create-pid-file)$/.test(resolved.module) && (resolved.path.length === 0 || fn === 'create')) emit('pidFile', anchor, label);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  // Re-spawning itself detached and exiting is self-daemonizing: `spawn(process.execPath, process.argv.slice(1), { detached: true })`.
  if (!exits) return;
  for (const call of commandCalls(sf, bindings)) {
    if (!ts.isCallExpression(call.call) || !respawnsItself(call)) continue;
    const detached = optionOf(call, 'detached');
    if (detached?.kind === ts.SyntaxKind.TrueKeyword && /\.unref\s*\(/.test(context.text)) emit('daemonize', call.anchor, call.label);
  }
}

/**
 * Written only under `if (pidFile)`, a setting named for the PID file (`--pidfile`, `PID_FILE`): the operator who
 * passes the path asks for the file (a test harness that kills the server by PID); by default none is written.
 * The same judgement as file logging's opt-in (`if (logFile)`). A negated test (`if (!pidFile)`) is not a switch.
 */
function optIn(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && namesPidFile(parent.expression)) return true;
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

function namesPidFile(condition: ts.Expression): boolean {
  const e = unwrap(condition);
  if (ts.isPrefixUnaryExpression(e)) return false;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return namesPidFile(e.left) || namesPidFile(e.right);
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : ts.isElementAccessExpression(e) && ts.isStringLiteral(e.argumentExpression) ? e.argumentExpression.text : undefined;
  return name !== undefined && /^pid[-_]?file(?:[-_]?path)?$/i.test(name);
}

/** The call writes a `.pid` file or writes `process.pid`. */
function writesPid(call: ts.CallExpression): boolean {
  const [target, data] = call.arguments;
  // `worker-${process.pid}.log` names a file after the process; it is not a PID file.
  if (target && /(?<![A-Za-z])pid[_-]?(file|path)|Pid[_-]?(File|Path)|PID_?(FILE|PATH)|\.pid\b/.test(target.getText().replace(/process\.pid/g, ''))) return true;
  // Only the PID itself: a log line that mentions the PID is not a PID file.
  const text = data?.getText().replace(/\s+/g, '') ?? '';
  return /^(String\(process\.pid\)|process\.pid(\.toString\(\))?|`\$\{process\.pid\}(\\n)?`|process\.pid\+['"`](\\n)?['"`]|['"`]['"`]\+process\.pid)$/.test(text);
}

function respawnsItself(call: CommandCall): boolean {
  const c = call.call as ts.CallExpression;
  const [command, args] = c.arguments;
  if (!command) return false;
  const cmd = command.getText();
  const self = /process\.(execPath|argv0|argv\[0\])/.test(cmd) || /^['"`]node['"`]$/.test(cmd);
  return self && args !== undefined && /process\.argv|__filename|import\.meta\.(url|filename)/.test(args.getText());
}

export const rule: Rule = { meta, check };
