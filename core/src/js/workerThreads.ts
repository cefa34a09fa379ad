/**
 * The scripts a module starts as `node:worker_threads` workers (`new Worker(new URL('./worker.js', import.meta.url))`, `new Worker(path.join(__dirname, 'workers', \`${type}.js\`))`),
 * as relative specifiers the program index resolves like imports.
 *
 * Why the program index needs them: Node delivers signals to the main thread only, so a worker thread's servers
 * and queue workers are shut down by the thread that started it (emailengine's `server.js` tells each of its
 * `workers/*.js` to drain on SIGTERM). A worker script belongs to the program of the module that starts it.
 *
 * Read from the text, like the other specifiers of the index: only in a file that names `worker_threads`, and only
 * a first argument that is a path (a BullMQ `new Worker('emails', …)` names a queue, not a file).
 */
export function workerScriptsInText(text: string): string[] {
  if (!text.includes('worker_threads')) return [];
  // `Worker`, or the name it is bound to (`const { Worker: WorkerThread } = …`, `import { Worker as W } …`).
  const names = new Set(['Worker', ...[...text.matchAll(ALIAS)].map((m) => m[1])]);
  const newWorker = new RegExp(`\\bnew\\s+(?:\\w+\\s*\\.\\s*)?(?:${[...names].map((n) => n.replace(/\$/g, '\\$')).join('|')})\\s*\\(\\s*`, 'g');
  const out: string[] = [];
  for (const m of text.matchAll(newWorker)) {
    const script = scriptAt(text, (m.index ?? 0) + m[0].length);
    if (script) out.push(script);
  }
  return out;
}

const ALIAS = /\bWorker\s*(?::|\bas\b)\s*([A-Za-z_$][\w$]*)/g;
/** `new URL('./w.js', import.meta.url)`. */
const URL_ARG = /^new\s+URL\s*\(\s*/;
/** `path.join(__dirname, …)`, `pathlib.resolve(__dirname, …)`, `join(__dirname, …)`. */
const DIRNAME_JOIN = /^(?:\w+\s*\.\s*)?(?:join|resolve)\s*\(\s*__dirname\s*,\s*/;

/** The relative specifier the argument starting at `at` names, if it is a path this can read. */
function scriptAt(text: string, at: number): string | undefined {
  const rest = text.slice(at, at + 600);
  const url = URL_ARG.exec(rest);
  if (url) {
    const lit = literalAt(rest, url[0].length);
    return lit && /^\.{1,2}\//.test(lit.value) ? lit.value : undefined;
  }
  const join = DIRNAME_JOIN.exec(rest);
  if (join) {
    // The segments after `__dirname`, each a literal, up to the closing parenthesis.
    const parts: string[] = [];
    let i = join[0].length;
    for (;;) {
      const lit = literalAt(rest, i);
      if (!lit) return undefined;
      parts.push(lit.value.replace(/^\.\/|\/$/g, ''));
      i = skipBlanks(rest, lit.end);
      if (rest[i] === ')') break;
      if (rest[i] !== ',') return undefined;
      i = skipBlanks(rest, i + 1);
    }
    const joined = parts.filter((p) => p !== '' && p !== '.').join('/');
    return joined.startsWith('../') ? joined : `./${joined}`;
  }
  // A bare relative string (`new Worker('./worker.js')`) is resolved against the process's working directory, which
  // the text does not tell: not followed.
  return undefined;
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/**
 * A string or template literal at `i`: its value, each substitution written `${…}` (whatever it holds, nested
 * templates and braces included), and where it ends.
 */
function literalAt(text: string, i: number): { value: string; end: number } | undefined {
  const quote = text[i];
  if (quote === "'" || quote === '"') {
    const end = text.indexOf(quote, i + 1);
    const value = end < 0 ? undefined : text.slice(i + 1, end);
    return value === undefined || /[\n\\]/.test(value) ? undefined : { value, end: end + 1 };
  }
  if (quote !== '`') return undefined;
  let value = '';
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '`') return { value, end: j + 1 };
    if (c === '\\' || c === '\n') return undefined;
    if (c === '$' && text[j + 1] === '{') {
      const close = substitutionEnd(text, j + 2);
      if (close < 0) return undefined;
      value += '${…}';
      j = close + 1;
      continue;
    }
    value += c;
    j++;
  }
  return undefined;
}

/** The index of the `}` that closes a substitution whose expression starts at `i`, or -1. */
function substitutionEnd(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      const inner = literalAt(text, i);
      if (!inner) return -1;
      i = inner.end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  return -1;
}
