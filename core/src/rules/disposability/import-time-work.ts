import ts = require('typescript');
import type { FileContext } from '../../context';
import { dottedName, ModuleBindings, unwrap } from '../../js/modules';
import { commandCalls, hasShebang, isScriptPath, projectPath } from '../../js/commands';
import type { Report, Rule, RuleMeta } from '../types';
import { listenSites } from '../../js/servers';

export const meta: RuleMeta = {
  id: 'disposability/import-time-work',
  defaultSeverity: 'info',
  description: 'Loading a module does no slow blocking work, so processes start fast.',
  messages: {
    syncCommand: '`{label}` runs `{command}` and blocks while this module loads: every start (and every scale-out) waits for it. Compute it at build time or run it asynchronously after start-up.',
    awaitNetwork: 'This server module awaits `{label}` while it loads: the process cannot start, or restart, faster than the network answers. Fetch it after listening, or lazily.',
  },
  fixable: false,
  kinds: ['js'],
  keywords: ['sync(', 'shelljs', 'await'],
  // Top-level code starts at column 0: an indented `await` is inside a function.
  gate: (text) => /\b(?:execSync|spawnSync|execFileSync)\b|shelljs|^(?:(?:export\s+)?(?:const|let|var)\s[^=\n]*=\s*)?await\b/m.test(text),
};

const HTTP_CLIENTS = /^(axios|got|node-fetch|undici|ky|superagent|needle|request|request-promise(-native)?|cross-fetch|isomorphic-fetch)$/;

export function check(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile || isScriptPath(projectPath(context)) || hasShebang(context.text)) return;
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  const emit = (messageId: string, node: ts.Node, data: Record<string, string>): void =>
    report({ messageId, data, start: node.getStart(sf), end: node.getEnd(), identity: `${messageId}:${data.label}` });

  for (const call of commandCalls(sf, bindings)) {
    if (!call.sync || !atModuleLevel(call.call)) continue;
    const command = call.command.replace(/\s+/g, ' ').trim();
    emit('syncCommand', call.anchor, { label: call.label, command: command.length > 50 ? `${command.slice(0, 47)}…` : command });
  }

  // Top-level await of the network, only in a module that starts a server: elsewhere it may be a script.
  if (!/\bawait\b/.test(context.text) || listenSites(sf, bindings).length === 0) return;
  const visit = (node: ts.Node): void => {
    if (isFunctionScope(node)) return;
    if (ts.isAwaitExpression(node)) {
      // `await fetch(url).then((r) => r.json())`: the request is the innermost call of the chain.
      let e = unwrap(node.expression);
      while (ts.isCallExpression(e)) {
        if (isNetworkCall(e, bindings)) {
          const callee = unwrap(e.expression);
          emit('awaitNetwork', callee, { label: dottedName(callee) ?? callee.getText() });
          break;
        }
        const callee = unwrap(e.expression);
        if (!ts.isPropertyAccessExpression(callee)) break;
        e = unwrap(callee.expression);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function isNetworkCall(call: ts.CallExpression, bindings: ModuleBindings): boolean {
  const resolved = bindings.resolve(call.expression);
  if (resolved) return HTTP_CLIENTS.test(resolved.module);
  const name = dottedName(call.expression);
  return name === 'fetch' || name === 'globalThis.fetch';
}

function isFunctionScope(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || ts.isClassLike(node);
}

/** Runs when the module is loaded: not inside a function or a class body. */
export function atModuleLevel(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (isFunctionScope(n)) return false;
  return true;
}

export const rule: Rule = { meta, check };
