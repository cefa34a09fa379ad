import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadGo } from '../../go-helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);
before(loadPython);

// Ninth held-out audit set (audit/README.md, "Held-out 9, Python and Go"): hay-kot/httpkit's graceful runner wraps
// the context its plugins get in signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM) when it starts, unless
// WithSignals picks other signals; the server's plugin shuts it down when that context ends.
const RUNNER = (options = '') => `package main

import (
\t"context"
\t"net/http"

\t"github.com/hay-kot/httpkit/graceful"
)

func run() error {
\trunner := graceful.NewRunner(${options})
\trunner.AddFunc("server", func(ctx context.Context) error {
\t\tsrv := http.Server{Addr: ":7745"}
\t\tgo func() {
\t\t\t<-ctx.Done()
\t\t\t_ = srv.Shutdown(context.Background())
\t\t}()
\t\treturn srv.ListenAndServe()
\t})
\treturn runner.Start(context.Background())
}
`;
new RuleTester({ filename: '/ws/backend/app/api/main.go' }).run(rule, {
  valid: [
    { name: "httpkit's graceful runner registers SIGINT and SIGTERM", code: RUNNER() },
    { name: 'with a timeout option too', code: RUNNER('graceful.WithTimeout(10)') },
  ],
  invalid: [
    {
      name: 'a runner told to watch other signals',
      code: RUNNER('graceful.WithSignals(os.Interrupt)'),
      errors: [['goMissing', 18, 'srv.ListenAndServe()']],
      output: null,
    },
    {
      name: 'another package with a graceful.NewRunner of its own',
      code: RUNNER().replace('github.com/hay-kot/httpkit/graceful', 'example.com/kit/graceful'),
      errors: [['goMissing', 18, 'srv.ListenAndServe()']],
      output: null,
    },
  ],
});

// Python: a `while True:` that gives up at a deadline (returns or raises once a timeout has passed) is a wait with a
// time limit inside a call, not a worker's main loop; a thread's `run` method runs in a thread of a process whose
// main is elsewhere (ArchiveBox's `Process.wait`, jumpserver's ping reply and event-loop thread).
const PY_SHUTDOWN = (imports: string, body: string) =>
  `${imports}import signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\n${body}`;
const WAIT = (check: string, exit: string) => `def wait(proc, timeout):\n    start = time.time()\n    while True:\n        code = proc.poll()\n        if code == 0:\n            print(code)\n        ${check}\n            ${exit}\n        time.sleep(0.5)\n`;
const PING = (check: string) => `def receive_one(sock, timeout):\n    time_left = timeout\n    while True:\n        packet, addr = sock.recvfrom(1024)\n        if packet:\n            print(packet)\n        time_left -= 1\n        ${check}\n            return None\n`;
const THREAD = (base: string, method: string) => `import asyncio\n\n\nclass EventLoopThread(${base}):\n    def __init__(self):\n        super().__init__()\n        self._loop = asyncio.new_event_loop()\n\n    def ${method}(self):\n        asyncio.set_event_loop(self._loop)\n        self._loop.run_forever()\n`;
const withTime = (body: string) => `import time\n\n\n${body}`;
new RuleTester({ filename: '/ws/app/machine/models.py' }).run(rule, {
  valid: [
    { name: 'a poll loop that raises once the timeout has passed', code: withTime(WAIT('if time.time() - start > timeout:', 'raise TimeoutError("still running")')) },
    { name: 'a read loop that returns when no time is left', code: withTime(PING('if time_left <= 0:')) },
    { name: 'an event loop in the run method of a threading.Thread subclass', code: THREAD('threading.Thread', 'run') },
    { name: 'the same with Thread imported by name', code: THREAD('Thread', 'run') },
  ],
  invalid: [
    {
      name: 'a poll loop whose timeout check only logs',
      code: withTime(WAIT('if time.time() - start > timeout:', 'print("slow")')),
      errors: [['pyMissing', 6, 'while True']],
      output: PY_SHUTDOWN('import time\n', WAIT('if time.time() - start > timeout:', 'print("slow")')),
    },
    {
      name: 'a read loop that returns on something other than a deadline',
      code: withTime(PING('if time_left == "done":'.replace('time_left', 'status'))),
      errors: [['pyMissing', 6, 'while True']],
      output: PY_SHUTDOWN('import time\n', PING('if status == "done":')),
    },
    {
      name: 'another method of the thread class',
      code: THREAD('threading.Thread', 'serve'),
      errors: [['pyMissing', 11, 'self._loop.run_forever()']],
      output: PY_SHUTDOWN('import asyncio\n', THREAD('threading.Thread', 'serve').replace('import asyncio\n\n\n', '')),
    },
    {
      name: 'a run method of a class that is no thread',
      code: THREAD('object', 'run'),
      errors: [['pyMissing', 11, 'self._loop.run_forever()']],
      output: PY_SHUTDOWN('import asyncio\n', THREAD('object', 'run').replace('import asyncio\n\n\n', '')),
    },
  ],
});

// pocket-id: the root command's context is go-kit's `signals.SignalContext(ctx)`, by Go's convention a context cancelled
// on SIGINT and SIGTERM, which the service runner shuts the server down on.
const ROOT = (made: string) => `package main

import (
\t"context"
\t"net/http"

\t"github.com/italypaleale/go-kit/signals"
)

func main() {
\tctx := ${made}
\tsrv := &http.Server{Addr: ":1411"}
\tgo func() {
\t\t<-ctx.Done()
\t\t_ = srv.Shutdown(context.Background())
\t}()
\t_ = srv.ListenAndServe()
}
`;
new RuleTester({ filename: '/ws/backend/cmd/main.go' }).run(rule, {
  valid: [{ name: "a package's SignalContext", code: ROOT('signals.SignalContext(context.Background())') }],
  invalid: [
    {
      name: 'a context of another kind',
      code: ROOT('signals.WithValue(context.Background())'),
      errors: [['goMissing', 17, 'srv.ListenAndServe()']],
      output: null,
    },
  ],
});
