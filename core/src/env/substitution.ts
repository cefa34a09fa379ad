import type { EnvEntry } from './scan';

/**
 * `$NAME` and `${NAME}` references in values, as dotenv-expand and docker compose read them: single-quoted
 * values are literal, a backslash escapes the dollar, `${NAME:-default}` and its siblings take a default.
 */

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(?::?[-+?=])[\s\S]*)?$/;

function escaped(value: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && value.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/** Index of the `}` closing a `${` that opens at `open` (nested `${…}` in a default included), or -1. */
function closingBrace(value: string, open: number): number {
  let depth = 0;
  for (let i = open; i < value.length; i++) {
    const c = value[i];
    if (c === '$' && value[i + 1] === '{' && !escaped(value, i)) {
      depth++;
      i++;
    } else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

export interface Substitution {
  /** The referenced name, when the reference is well formed. */
  name?: string;
  /** Offsets in the raw value. */
  start: number;
  end: number;
  malformed: boolean;
}

/** Every reference of a raw value (quotes included, as written). Single-quoted values hold none. */
export function substitutions(rawValue: string): Substitution[] {
  if (rawValue.startsWith("'")) return [];
  const found: Substitution[] = [];
  for (let i = rawValue.indexOf('$'); i >= 0 && i < rawValue.length; i = rawValue.indexOf('$', i + 1)) {
    if (escaped(rawValue, i)) continue;
    const next = rawValue[i + 1] ?? '';
    if (next === '{') {
      const close = closingBrace(rawValue, i);
      if (close < 0) {
        found.push({ start: i, end: rawValue.length, malformed: true });
        break;
      }
      const m = BRACED.exec(rawValue.slice(i + 2, close));
      found.push(m ? { name: m[1], start: i, end: close + 1, malformed: false } : { start: i, end: close + 1, malformed: true });
      // A default may hold references of its own; they are found as the scan goes on inside it.
      if (!m) i = close;
    } else if (NAME_START.test(next)) {
      let j = i + 2;
      while (j < rawValue.length && NAME_CHAR.test(rawValue[j])) j++;
      // `$NAME}`: a closing brace without its opening one.
      if (rawValue[j] === '}') found.push({ start: i, end: j + 1, malformed: true });
      else found.push({ name: rawValue.slice(i + 1, j), start: i, end: j, malformed: false });
      i = j - 1;
    }
  }
  return found;
}

/**
 * Keys whose values refer to each other in a loop of two or more (`A=${B}`, `B=${A}`): expansion can never
 * settle them. A key that refers to itself (`PATH=$PATH:/opt/bin`) reads the inherited value and is fine.
 * Tarjan's algorithm without recursion: linear in keys and references, whatever the input.
 */
export function substitutionCycles(entries: Map<string, EnvEntry>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [key, entry] of entries) {
    edges.set(key, [...new Set(substitutions(entry.rawValue).flatMap((s) => (s.name && s.name !== key && entries.has(s.name) ? [s.name] : [])))]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const successors = edges.get(frame.node) ?? [];
      if (frame.next < successors.length) {
        const w = successors[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(w) as number));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.node) as number));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        if (component.length > 1) cycles.push(component);
      }
    }
  }
  return cycles;
}

/** A loop through a component, from `start` back to it, for the message: `A → B → A`. */
export function cyclePath(component: string[], start: string, entries: Map<string, EnvEntry>): string[] {
  const members = new Set(component);
  const parent = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    for (const s of substitutions(entries.get(node)?.rawValue ?? '')) {
      const next = s.name;
      if (!next || !members.has(next) || next === node) continue;
      if (next === start) {
        const path = [start];
        for (let n: string | undefined = node; n !== undefined && n !== start; n = parent.get(n)) path.splice(1, 0, n);
        path.push(start);
        return path;
      }
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component, start];
}
