import { roleOfContext } from '../../workspace/roles';
import type { FileContext } from '../../context';
import { inThreadTarget, threadTargets } from '../../python/blocks';
import { runsDirectly } from '../../python/launch';
import type { PyCall, PythonFacts } from '../../python/types';
import type { EditFix } from '../../fixes/types';
import type { ModuleFacts, Report } from '../types';
import { pythonHandlesSigterm } from '../../python/program';
import { sigtermFix } from './sigterm-fix-python';

export const PYTHON_SIGTERM_MESSAGES: Record<string, string> = {
  pyMissing: '`{label}` runs a {what}, but no module of this program handles SIGTERM (`signal.signal(signal.SIGTERM, …)` or `loop.add_signal_handler`): work in flight dies on every deploy.',
};

/** The raw-text test before the rule runs on a Python file. */
export const PYTHON_SIGTERM_GATE = /serve_forever|run_forever|start_consuming|while\s+(?:True|1)\s*:|\.run(?:_app)?\(|\bdiscord\b|\bbottle\b|\bwaitress\b/;

/** Keywords the engine tests (lower case) before the gate. */
export const PYTHON_SIGTERM_KEYWORDS = ['serve_forever', 'run_forever', 'start_consuming', 'while', '.run(', '.run_app(', 'discord', 'bottle', 'waitress'];

/**
 * What keeps a Python process running: each row a method and what it runs, with a true and a false example
 * (checked by the tests). A row with a `library` is a client of that library that runs until it is stopped,
 * matched only in a module that imports the library, on a receiver that is no imported module
 * (`asyncio.run` is not discord's `run`) and not on `self` or `super()` (a subclass's own `start`). `awaited`
 * rows count only where the call is awaited in a module that runs the event loop itself (`asyncio.run(…)`,
 * `run_until_complete`): discord.py's `await bot.start()` in a launcher, not a cog's paginator
 * `await pages.start()` nor a `tasks.loop`'s `reminder.start()`. Clients that stop cleanly on SIGTERM by
 * themselves are left out: python-telegram-bot's `run_polling` and aiogram's `start_polling` handle it by
 * default, Celery's worker does a warm shutdown.
 */
export const LONG_RUNNING: Array<{ method: string; what: string; tp: string; fp: string; library?: string; awaited?: boolean; module?: string; ownServer?: RegExp }> = [
  { method: 'serve_forever', what: 'server', tp: 'httpd.serve_forever()', fp: 'httpd.handle_request()' },
  { method: 'run_forever', what: 'event loop', tp: 'loop.run_forever()', fp: 'loop.run_until_complete(main())' },
  { method: 'start_consuming', what: 'message consumer', tp: 'channel.start_consuming()', fp: 'channel.basic_publish(body=b"x")' },
  // discord.py 2: `start` logs in and keeps the gateway open until closed; `run` wraps it in `asyncio.run`
  // and stops only on Ctrl-C (1.x also closed on SIGTERM; 2.0, of 2022, no longer does).
  { method: 'start', library: 'discord', awaited: true, what: 'Discord client',
    tp: 'import asyncio\nimport discord\nasync def main(bot):\n    await bot.start(TOKEN)\nasyncio.run(main(Bot()))',
    fp: 'import discord\nasync def show(ctx, pages):\n    await pages.start(ctx)' },
  // Bottle's `run()` starts the chosen server adapter (wsgiref by default, waitress, cheroot, paste…) and blocks
  // until it ends; it catches only KeyboardInterrupt (https://bottlepy.org/docs/dev/api.html#bottle.run). A row with
  // a `module` is that module's function, called through it (`bottle.run(…)`, also when `bottle` is imported inside
  // the function that calls it) or imported by name (`from bottle import run`). `server='gunicorn'` hands the app to
  // gunicorn's master, which stops its workers gracefully on SIGTERM.
  { method: 'run', module: 'bottle', ownServer: /^gunicorn$/, what: 'Bottle server',
    tp: "import bottle\nbottle.run(app, host='0.0.0.0', port=8080)", fp: "import bottle\nbottle.run(app, host='0.0.0.0', server='gunicorn')" },
  // waitress's `serve(app, …)` runs its server until the process ends and installs no signal handler
  // (https://docs.pylonsproject.org/projects/waitress/en/stable/api.html): SIGTERM's default action ends the process
  // with its requests. Called through the module or imported by name (`from waitress import serve`).
  { method: 'serve', module: 'waitress', what: 'waitress server',
    tp: "import waitress\nwaitress.serve(app, host='0.0.0.0', port=8080)", fp: "import waitress\nserver = waitress.create_server(app)" },
  { method: 'run', library: 'discord', what: 'Discord client',
    tp: 'import discord\nclient = discord.Client(intents=intents)\nclient.run(TOKEN)', fp: 'import asyncio\nimport discord\nasyncio.run(main())' },
];

/** The row of LONG_RUNNING this call matches, if any. */
function longRunning(call: PyCall, facts: PythonFacts, text: string): (typeof LONG_RUNNING)[number] | undefined {
  return LONG_RUNNING.find((r) => {
    if (r.method !== call.method) return false;
    if (r.module) {
      const named = `${r.module}.${r.method}`;
      const server = call.kwargs.server?.string?.value;
      return (call.callee === named || call.written === named) && !(r.ownServer && server !== undefined && r.ownServer.test(server));
    }
    if (!r.library) return true;
    const library = r.library;
    const imported = [...facts.imports.values()].some((m) => m === library || m.startsWith(`${library}.`));
    const receiver = facts.imports.get(call.written.split('.')[0]);
    const onModule = receiver !== undefined && receiver !== library && !receiver.startsWith(`${library}.`);
    if (!imported || !call.written.includes('.') || onModule || /^(?:self|cls|super\(\))\./.test(call.written)) return false;
    return !r.awaited || (/\bawait\s+$/.test(text.slice(Math.max(0, call.start - 16), call.start)) && runsEventLoop(facts));
  });
}

/** The module drives an event loop itself: `asyncio.run(main())`, `loop.run_until_complete(main())`. */
function runsEventLoop(facts: PythonFacts): boolean {
  return facts.calls.some((c) => c.callee === 'asyncio.run' || c.method === 'run_until_complete');
}

/**
 * Calls inside a `while True:` loop that make it a consumer or worker, not a retry loop: blocking reads, and
 * Redis's non-blocking pops, which a worker calls between sleeps (`job = r.rpop('queue')`).
 */
const CONSUMER_CALLS = /^(?:poll|consume|get_message|receive_messages?|blpop|brpop|brpoplpush|blmove|rpop|lpop|rpoplpush|lmove|bzpopmin|bzpopmax|xread|xreadgroup|accept|recv|recvfrom|listen|fetch_messages|dequeue|reserve)$/;

/** `p.poll() is not None`: a subprocess's exit status, so the loop waits for a child to finish. */
const CHILD_EXIT_TEST = /^\s*(?:is\s+not\s+None|!=\s*None|is\s+None|==\s*None)/;

/**
 * `state = conn.poll()` … `if state == POLL_OK: break`: the loop ends when the poll says the one operation it
 * waits for is done (a psycopg2 asynchronous query, a child process), so it is a wait inside a call, not a
 * worker's main loop. A consumer's loop breaks on a stop flag, never on what its poll returned.
 */
function breaksOnResult(text: string, call: PyCall, loop: { start: number; end: number }): boolean {
  const lineStart = text.lastIndexOf('\n', call.start - 1) + 1;
  const target = /^\s*([A-Za-z_]\w*)\s*=\s*$/.exec(text.slice(lineStart, call.start))?.[1];
  if (!target) return false;
  const body = text.slice(call.end, loop.end);
  return new RegExp(String.raw`\b(?:el)?if\s+(?:not\s+)?${target}\b[^\n:]*:\s*(?:#[^\n]*)?(?:\n\s*)?break\b`).test(body);
}

/**
 * The loop gives up at a deadline: an `if` that compares a timeout, the time left or a deadline (`if time.time() -
 * start > timeout:`, `if time_left <= 0:`) and then returns or raises. A wait with a time limit inside a call
 * (a child process's exit, one reply on a socket, a shell channel's prompt), not a worker's main loop, which runs
 * until it is stopped. Only `return` and `raise`: a `break` may leave an inner loop alone.
 */
function endsAtDeadline(text: string, loop: { start: number; end: number }): boolean {
  const body = text.slice(loop.start, loop.end);
  for (const m of body.matchAll(/\b(?:el)?if\s+([^\n]*?):[ \t]*(?:#[^\n]*)?(?:\n[ \t]*)?(?:return|raise)\b/g)) {
    if (/[<>]/.test(m[1]) && /(?:timeout|time_?left|deadline)/i.test(m[1])) return true;
  }
  return false;
}

export function checkSigtermPython(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile) return;
  const facts = context.python;
  if (!facts || handlesSigterm(facts, context.text)) return;
  // Another module of the program registers the handler (`signals.py` imported by the entry module, or a
  // `setup_signals()` of another module called at start-up): judged from the program when an index knows it.
  if (context.program?.programModules().some((m) => m.facts.includes(PY_HANDLES_SIGTERM))) return;
  const sites: Array<{ start: number; end: number; label: string; what: string }> = [];
  // A loop run in a `threading.Thread(target=…)` function is a thread of a process whose main is elsewhere
  // (searxng's asyncio loop thread inside the uWSGI-served app).
  const targets = threadTargets(facts);
  for (const call of facts.calls) {
    const row = longRunning(call, facts, context.text);
    if (row && !inThreadTarget(context.text, call.start, targets) && !(row.method === 'serve_forever' && servesLoopback(call, facts))) sites.push({ start: call.start, end: call.end, label: short(call.written || call.method), what: row.what });
  }
  // A greenlet running a server's `serve_forever` that the module then waits on (`gevent.spawn(server.serve_forever)`
  // and `gevent.joinall([…])`): the process's main loop handed to a greenlet, still the program's server.
  if (facts.calls.some((c) => c.method === 'joinall' || c.method === 'join')) {
    for (const call of facts.calls) {
      if (call.method === 'spawn' && /^\w+(?:\.\w+)*\.serve_forever$/.test(call.args[0]?.text ?? '') && !inThreadTarget(context.text, call.start, targets)) {
        sites.push({ start: call.start, end: call.end, label: short(context.text.slice(call.start, call.end)), what: 'server' });
      }
    }
  }
  for (const loop of facts.foreverLoops) {
    // A generator's loop, a closure's (a thread's or greenlet's body in a served app), or a loop inside
    // another forever loop (reported once, as the outer one) is not the process's main loop.
    if (loop.functions > 1 || facts.yields.some((y) => y > loop.start && y < loop.end) || inThreadTarget(context.text, loop.start, targets)) continue;
    if (facts.foreverLoops.some((o) => o !== loop && o.start < loop.start && loop.end <= o.end)) continue;
    if (endsAtDeadline(context.text, loop)) continue;
    const consumer = facts.calls.find((c) => c.start > loop.start && c.end <= loop.end && CONSUMER_CALLS.test(c.method)
      && !(c.method === 'poll' && c.args.length === 0 && (CHILD_EXIT_TEST.test(context.text.slice(c.end, c.end + 20)) || breaksOnResult(context.text, c, loop))));
    if (consumer) sites.push({ start: loop.start, end: loop.start + 'while True'.length, label: 'while True', what: `loop over \`${short(consumer.written)}\`` });
    else {
      const child = supervisedChild(facts, loop);
      if (child) sites.push({ start: loop.start, end: loop.start + 'while True'.length, label: 'while True', what: `supervisor loop over \`${short(child.written)}\`` });
    }
  }
  const entry = runsDirectly(context);
  if (entry) {
    for (const call of facts.calls) {
      if (call.inMainGuard && isAppRun(call)) sites.push({ start: call.start, end: call.end, label: short(call.written), what: 'development server as the production entry point' });
    }
  }
  // A copy of someone else's library kept in the project (a single-file framework with its own distribution
  // metadata, `bottle.py`): its servers run inside the program that calls it, which is judged instead.
  if (sites.length > 0 && roleOfContext(context).role === 'vendored') return;
  const seen = new Set<number>();
  for (const s of sites) {
    if (seen.has(s.start)) continue;
    seen.add(s.start);
    report({ messageId: 'pyMissing', data: { label: s.label, what: s.what }, start: s.start, end: s.end, identity: `pyMissing:${s.label}`, fixes: (): EditFix[] => sigtermFix(facts, context.text) });
  }
}

/**
 * `httpd = HTTPServer(('localhost', port), Handler)` then `httpd.serve_forever()`: a server bound to a loopback
 * address written in its constructor (a developer's webhook printer, a local callback receiver) takes no deploy
 * traffic from outside the machine, so a SIGTERM cuts no user's request (as the Go rule's loopback listeners).
 */
function servesLoopback(call: PyCall, facts: PythonFacts): boolean {
  const receiver = call.written.slice(0, -'.serve_forever'.length);
  if (!/^[A-Za-z_]\w*$/.test(receiver)) return false;
  const bound = [...facts.assignments].reverse().find((a) => a.path.length === 1 && a.path[0] === receiver && a.start < call.start);
  const made = bound?.value.call !== undefined ? facts.calls[bound.value.call] : undefined;
  const address = made ? (made.args[0] ?? made.kwargs.server_address) : undefined;
  const host = address?.elements?.[0]?.string;
  return host !== undefined && !host.interpolated && /^(?:localhost|127(?:\.\d{1,3}){3}|::1)$/.test(host.value);
}

/**
 * A supervisor's loop: `while True:` starts a child process (`multiprocessing.Process(target=server.run)`, also
 * through `import multiprocessing as mp`) and waits on it or on an event before starting the next one. SIGTERM
 * ends the parent at once; the child it started is never told to stop, and dies with its work when the platform
 * kills what is left.
 */
function supervisedChild(facts: PythonFacts, loop: { start: number; end: number }): PyCall | undefined {
  const inLoop = (c: PyCall) => c.start > loop.start && c.end <= loop.end;
  const child = facts.calls.find((c) => inLoop(c) && /^multiprocessing\.(?:context\.)?Process$/.test(c.callee));
  return child && facts.calls.some((c) => inLoop(c) && (c.method === 'join' || c.method === 'wait')) ? child : undefined;
}

const PY_HANDLES_SIGTERM = 'py-handles-sigterm';

/** What a Python module tells the program index (read from its text: the index loads no grammar). */
export function summarizePython(text: string): ModuleFacts {
  return { facts: pythonHandlesSigterm(text) ? [PY_HANDLES_SIGTERM] : [] };
}

/** `signal.signal(signal.SIGTERM, stop)`, `signal(SIGTERM, stop)`, `loop.add_signal_handler(signal.SIGTERM, …)`. */
function handlesSigterm(facts: PythonFacts, text: string): boolean {
  const registers = facts.calls.filter((c) => c.callee === 'signal.signal' || c.method === 'add_signal_handler');
  // The signal named in the call, or in a loop over the signals to handle (`for s in (SIGTERM, SIGINT): …`).
  return registers.some((c) => /SIGTERM/.test(c.args[0]?.text ?? '')) || (registers.length > 0 && /\bSIGTERM\b/.test(text));
}

/** `app.run()`, `socketio.run(app)`, `web.run_app(app)`: a framework's own server started by the file. */
function isAppRun(call: PyCall): boolean {
  return /^(?:\w+\.)?run$/.test(call.written) && !/^(?:asyncio|uvicorn|hypercorn|trio|anyio|unittest|pytest)\./.test(call.callee) || /(?:^|\.)run_app$/.test(call.written);
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
