import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadGo } from '../../go-helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);
before(loadPython);

// Sixth held-out audit set (audit/README.md, "Held-out 6, Python and Go"). Go: a program that hands its servers to
// a runner which registers for SIGTERM itself (appleboy/graceful's manager, pacman's application, kratos, fx)
// handles it, though no file of the program calls signal.Notify.
const GRACEFUL = `package main

import (
\t"context"
\t"net/http"

\t"github.com/appleboy/graceful"
)

func main() {
\tm := graceful.NewManager()
\tsrv := &http.Server{Addr: ":8088"}
\tm.AddRunningJob(func(ctx context.Context) error {
\t\treturn srv.ListenAndServe()
\t})
\t<-m.Done()
}
`;
const PACMAN = `package main

import (
\t"context"

\t"github.com/gin-gonic/gin"
\t"github.com/segmentfault/pacman"
)

func main() {
\tapp := pacman.NewApp(pacman.WithServer(newServer(gin.New())))
\tif err := app.Run(context.Background()); err != nil {
\t\tpanic(err)
\t}
}
`;
new RuleTester({ filename: '/ws/main.go' }).run(rule, {
  valid: [
    { name: "appleboy/graceful's manager registers SIGINT and SIGTERM", code: GRACEFUL },
    { name: "pacman's application registers SIGTERM in Run", code: PACMAN },
    {
      name: 'fx.New(…).Run() waits for SIGTERM',
      code: 'package main\n\nimport (\n\t"net/http"\n\n\t"go.uber.org/fx"\n)\n\nfunc serve(srv *http.Server) {\n\tgo srv.ListenAndServe()\n}\n\nfunc main() {\n\tfx.New(fx.Invoke(serve)).Run()\n}\n',
    },
  ],
  invalid: [
    {
      name: 'the package imported but its runner never made',
      code: GRACEFUL.replace('\tm := graceful.NewManager()\n', '\tm := newManager()\n\t_ = graceful.ErrNoJob\n'),
      errors: [['goMissing', 15, 'srv.ListenAndServe()']],
      output: null,
    },
    {
      name: 'another package with a NewApp of its own',
      code: PACMAN.replace(/pacman/g, 'appkit'),
      errors: [['goMissing', 12, 'app.Run(context.Background())']],
      output: null,
    },
  ],
});

// Python: a server bound to a loopback address written in its constructor takes no deploy traffic (a developer's
// webhook printer run as a management command, stopped with Ctrl-C).
const RECEIVER = (host: string) =>
  `from http.server import BaseHTTPRequestHandler, HTTPServer\n\n\ndef handle(port):\n    httpd = HTTPServer((${host}, port), BaseHTTPRequestHandler)\n    try:\n        httpd.serve_forever()\n    except KeyboardInterrupt:\n        pass\n`;
const SHUTDOWN = (imports: string, body: string) =>
  `${imports}import signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\n${body}`;
new RuleTester({ filename: '/ws/app/management/commands/webhook_receiver.py' }).run(rule, {
  valid: [
    { name: "a server on ('localhost', port)", code: RECEIVER("'localhost'") },
    { name: "a server on ('127.0.0.1', port)", code: RECEIVER('"127.0.0.1"') },
  ],
  invalid: [
    {
      name: "a server on ('0.0.0.0', port) takes outside traffic",
      code: RECEIVER("'0.0.0.0'"),
      errors: [['pyMissing', 7, 'httpd.serve_forever()']],
      output: SHUTDOWN('from http.server import BaseHTTPRequestHandler, HTTPServer\n', RECEIVER("'0.0.0.0'").split('HTTPServer\n\n\n')[1]),
    },
    {
      name: 'a server on an address from the settings',
      code: RECEIVER('HOST'),
      errors: [['pyMissing', 7, 'httpd.serve_forever()']],
      output: SHUTDOWN('from http.server import BaseHTTPRequestHandler, HTTPServer\n', RECEIVER('HOST').split('HTTPServer\n\n\n')[1]),
    },
  ],
});

// A supervisor's loop that runs the server in a child process and starts it again after each restart (a miss on
// a held-out application): SIGTERM ends the parent, and the child is never told to stop.
const SUPERVISOR = (body: string) =>
  `import multiprocessing as mp\n\nimport uvicorn\n\nrestart = mp.Event()\n\n\ndef main():\n    while True:\n        server = uvicorn.Server(uvicorn.Config("app:app"))\n${body}\n`;
const START = '        process = mp.Process(target=server.run)\n        process.start()\n';
new RuleTester({ filename: '/ws/app/server.py' }).run(rule, {
  valid: [
    { name: 'a loop that starts a child process and never waits on it is no supervisor', code: SUPERVISOR(`${START}        break`) },
    { name: 'a loop that waits without a child process', code: SUPERVISOR('        restart.wait()\n        restart.clear()') },
  ],
  invalid: [
    {
      name: 'a child process started, then the loop waits for the restart event',
      code: SUPERVISOR(`${START}        restart.wait()\n        process.terminate()\n        process.join()`),
      errors: [['pyMissing', 9, 'while True']],
      output: `import multiprocessing as mp\n\nimport uvicorn\nimport signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\nrestart = mp.Event()\n\n\ndef main():\n    while True:\n        server = uvicorn.Server(uvicorn.Config("app:app"))\n${START}        restart.wait()\n        process.terminate()\n        process.join()\n`,
    },
    {
      name: 'from multiprocessing import Process, joined',
      code: 'from multiprocessing import Process\n\n\ndef main():\n    while True:\n        p = Process(target=serve)\n        p.start()\n        p.join()\n',
      errors: [['pyMissing', 5, 'while True']],
      output: 'from multiprocessing import Process\nimport signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\ndef main():\n    while True:\n        p = Process(target=serve)\n        p.start()\n        p.join()\n',
    },
  ],
});
