import type { GoCall, GoExpr, GoFacts } from './types';

/**
 * The routes added to a mux (`mux.HandleFunc("/", …)`, `r.Handle(…)`) since it was last bound where a server
 * call or literal at `at` sees it. gofmt indents a nested block deeper, so a binding indented deeper than `at` is
 * another scope's mux. Undefined when the name is not a mux bound in the file.
 */
export function muxRoutes(text: string, facts: GoFacts, arg: GoExpr, at: number): GoCall[] | undefined {
  if (!arg.ident) return undefined;
  const depth = indentAt(text, at);
  const bound = facts.bindings.filter((b) => b.path.length === 1 && b.path[0] === arg.ident && b.start < at && indentAt(text, b.start) <= depth).pop();
  if (!bound) return undefined;
  return facts.calls.filter((c) => c.start > bound.end && c.start < at && c.written === `${arg.ident}.${c.written.split('.').pop()}` && /\.(?:Handle|HandleFunc)$/.test(c.written));
}

/**
 * A mux whose every route answers 503 Service Unavailable or serves static files, and one at least answers 503: a
 * notice page a program shows while it cannot run (an image whose configuration was not migrated tells its
 * users so, then exits). It is not the app's server: nothing is in flight, and the app's own port is elsewhere.
 */
export function servesOnlyNotice(text: string, facts: GoFacts, arg: GoExpr, at: number): boolean {
  const routes = muxRoutes(text, facts, arg, at);
  if (!routes || routes.length === 0) return false;
  const unavailable = (c: GoCall) => /\bhttp\.StatusServiceUnavailable\b|WriteHeader\(\s*503\s*\)/.test(c.args[1]?.text ?? '');
  const files = (c: GoCall) => /\bhttp\.FileServer(?:FS)?\(/.test(c.args[1]?.text ?? '');
  return routes.some(unavailable) && routes.every((c) => unavailable(c) || files(c));
}

/** The leading tabs and spaces of the line holding the offset. */
export function indentAt(text: string, offset: number): number {
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return /^[\t ]*/.exec(line)?.[0].length ?? 0;
}
