/**
 * Wires the shutdown package into the `main` file that starts the HTTP server, read from the text (the scaffolds
 * load no grammar): `http.ListenAndServe(addr, handler)` becomes `shutdown.ListenAndServe(&http.Server{Addr: addr,
 * Handler: handler}, 10*time.Second)`, and `srv.ListenAndServe()` on a `&http.Server{…}` becomes
 * `shutdown.ListenAndServe(srv, 10*time.Second)`; both return an error as before, so what wraps the call
 * (`log.Fatal(…)`, `if err := …; err != nil`) still compiles. The imports go in gofmt order.
 */
import { goImportEdits } from '../../go/edits';
import { goImportSitesInText } from '../../go/program';
import type { FileEdits } from '../types';

export function goShutdownWiring(file: string, text: string, module: string | undefined): FileEdits | undefined {
  // Already handled, or a name `shutdown` of the file's own the package would collide with.
  if (!module || /\bsignal\.Notify/.test(text) || /(?<![.\w])shutdown\b/.test(text)) return undefined;
  const sites = goImportSitesInText(text);
  if (!sites || sites.imports.get('http') !== 'net/http') return undefined;
  const call = replacement(text);
  if (!call) return undefined;
  const imports = goImportEdits(sites, ['time', `${module}/shutdown`]);
  const edits = [...imports, { start: call.start, end: call.end, text: call.text }].sort((a, b) => a.start - b.start);
  return { path: file, edits, anchor: { start: call.start, text: text.slice(call.start, call.end) } };
}

const TIMEOUT = '10*time.Second';

function replacement(text: string): { start: number; end: number; text: string } | undefined {
  const plain = /(?<![\w.])http\.ListenAndServe\(/.exec(text);
  if (plain) {
    const open = plain.index + plain[0].length;
    const args = argumentsAt(text, open);
    if (!args || args.list.length !== 2) return undefined;
    return { start: plain.index, end: args.end, text: `shutdown.ListenAndServe(&http.Server{Addr: ${args.list[0]}, Handler: ${args.list[1]}}, ${TIMEOUT})` };
  }
  for (const m of text.matchAll(/(?<![\w.])(\w+)\.ListenAndServe\(\s*\)/g)) {
    if (new RegExp(`(?<![\\w.])${m[1]}\\s*:?=\\s*&http\\.Server\\{`).test(text)) return { start: m.index, end: m.index + m[0].length, text: `shutdown.ListenAndServe(${m[1]}, ${TIMEOUT})` };
  }
  return undefined;
}

/** The arguments of the call whose `(` ends at `open`, split at its top-level commas, and the offset after its `)`. */
function argumentsAt(text: string, open: number): { list: string[]; end: number } | undefined {
  const list: string[] = [];
  let depth = 0;
  let from = open;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    const c = text[i];
    if (c === '"' || c === '`' || c === "'") {
      const close = c === '`' ? text.indexOf('`', i + 1) : findQuote(text, i, c);
      if (close < 0) return undefined;
      i = close;
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if ((c === ')' || c === '}' || c === ']') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      list.push(text.slice(from, i).trim());
      from = i + 1;
    } else if (c === ')') {
      list.push(text.slice(from, i).trim());
      return { list: list.filter((a, k) => a !== '' || k < list.length - 1), end: i + 1 };
    }
  }
  return undefined;
}

function findQuote(text: string, at: number, quote: string): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}
