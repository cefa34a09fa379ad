import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadGo } from '../../go-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);

// Tenth held-out audit set (audit/README.md, "Held-out 10, Go").

// A `/*` inside a raw string (a regular expression) opened no comment: the index took the rest of the file for one and
// missed the signal.NotifyContext after it.
const REGEXP = (signals: string) => `package main

import (
\t"context"
\t"net/http"
\t"os/signal"
\t"regexp"
\t"syscall"
)

var prefix = regexp.MustCompile(\`^\\/*(.*?)\\/*$\`)

func main() {
\tctx, cancel := signal.NotifyContext(context.Background(), ${signals})
\tdefer cancel()
\tserver := &http.Server{Addr: ":4747"}
\tgo func() {
\t\t<-ctx.Done()
\t\t_ = server.Shutdown(context.Background())
\t}()
\t_ = server.ListenAndServe()
}
`;

// An fx app made by the project's own constructor around fx.New: fx's App.Run waits for SIGINT or SIGTERM and runs the
// OnStop hooks. net.Listen opens a listener and starts nothing; fiber's Listener serves on it.
const FX = (run: string) => `package main

import (
\t"context"
\t"net"

\t"github.com/gofiber/fiber/v2"
\t"go.uber.org/fx"

\t"example.com/backend/internal/app"
)

func Run() {
\t${run}
}

func run(api *fiber.App, lc fx.Lifecycle) {
\tlc.Append(fx.Hook{
\t\tOnStart: func(ctx context.Context) error {
\t\t\tln, err := net.Listen("tcp", ":9010")
\t\t\tif err != nil {
\t\t\t\treturn err
\t\t\t}
\t\t\tgo func() { _ = api.Listener(ln) }()
\t\t\treturn nil
\t\t},
\t\tOnStop: func(ctx context.Context) error { return api.Shutdown() },
\t})
}
`;

new RuleTester({ filename: '/ws/cmd/gonic/main.go' }).run(rule, {
  valid: [
    { name: 'signal.NotifyContext for SIGTERM after a raw string holding /*', code: REGEXP('syscall.SIGINT, syscall.SIGTERM') },
  ],
  invalid: [
    { name: 'the same with SIGINT only', code: REGEXP('syscall.SIGINT'), errors: [['goMissing', 21, 'server.ListenAndServe()']], output: null },
  ],
});

new RuleTester({ filename: '/ws/cmd/app/server/server.go' }).run(rule, {
  valid: [
    { name: "fx options given to the project's constructor, then Run()", code: FX('app.New(fx.Invoke(run)).Run()') },
    { name: 'over several lines', code: FX('app.New(\n\t\tapp.Declare(app.EnvServer),\n\t\tfx.Invoke(run),\n\t).Run()') },
  ],
  invalid: [
    {
      name: 'the app started, never run: the fiber Listener is reported, net.Listen is not',
      code: FX('_ = app.New(fx.Invoke(run)).Start(context.Background())'),
      errors: [['goMissing', 24, 'api.Listener(ln)']],
      output: null,
    },
    {
      name: 'Run() on a call given no fx option',
      code: FX('app.New(app.Declare(app.EnvServer)).Run()\n\t_ = fx.Invoke(run)'),
      errors: [['goMissing', 25, 'api.Listener(ln)']],
      output: null,
    },
  ],
});

// vikunja's veans CLI: an OAuth loopback listener served in a goroutine and shut down, deferred, when the login flow
// returns. Its life is one call of the flow's function, not the process's.
const LOOPBACK = (stop: string, fn = 'login') => `package main

import (
\t"context"
\t"net"
\t"net/http"
)

func main() {
\t_ = ${fn}(context.Background())
}

func ${fn}(ctx context.Context) error {
\tlistener, err := net.Listen("tcp", "127.0.0.1:0")
\tif err != nil {
\t\treturn err
\t}
\tserver := &http.Server{Handler: callback()}
\tgo func() { _ = server.Serve(listener) }()
${stop}
\treturn waitForCode(ctx)
}
`;
const MAIN_LOOPBACK = `package main

import (
\t"context"
\t"net"
\t"net/http"
)

func main() {
\tctx := context.Background()
\tlistener, _ := net.Listen("tcp", ":8080")
\tserver := &http.Server{Handler: api()}
\tgo func() { _ = server.Serve(listener) }()
\tdefer server.Close()
\t<-ctx.Done()
}
`;
const DEFERRED = '\tdefer func() {\n\t\tshutdownCtx, cancel := context.WithTimeout(ctx, time.Second)\n\t\tdefer cancel()\n\t\t_ = server.Shutdown(shutdownCtx)\n\t}()';
new RuleTester({ filename: '/ws/cmd/cli/main.go' }).run(rule, {
  valid: [
    { name: 'a deferred closure shuts the listener down when the flow returns', code: LOOPBACK(DEFERRED) },
    { name: 'a deferred Close', code: LOOPBACK('\tdefer server.Close()') },
  ],
  invalid: [
    { name: 'a Shutdown that is not deferred runs only if reached', code: LOOPBACK('\t_ = server.Shutdown(ctx)'), errors: [['goMissing', 19, 'server.Serve(listener)']], output: null },
    { name: 'the same in main, which returns only when the process ends', code: MAIN_LOOPBACK, errors: [['goMissing', 13, 'server.Serve(listener)']], output: null },
  ],
});
