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
