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

// Held-out 13 (audit/README.md, "Held-out 13, Python and Go"). An fx app made by a function of the project that returns
// `*fx.App` (`func New() *fx.App { return fx.New(…) }`), which main runs (`app.New().Run()`): fx's App.Run waits for
// SIGINT or SIGTERM and runs the OnStop hooks that shut the server down. And ory/graceful's `Graceful(start, shutdown)`,
// which traps SIGINT and SIGTERM and calls the shutdown function.
const FX_SERVER = `package server

import (
\t"context"
\t"net"
\t"net/http"

\t"go.uber.org/fx"
)

func New(lc fx.Lifecycle) *http.Server {
\ts := &http.Server{Addr: ":3333"}
\tlc.Append(fx.Hook{
\t\tOnStart: func(ctx context.Context) error {
\t\t\tln, err := net.Listen("tcp", s.Addr)
\t\t\tif err != nil {
\t\t\t\treturn err
\t\t\t}
\t\t\tgo func() { _ = s.Serve(ln) }()
\t\t\treturn nil
\t\t},
\t\tOnStop: func(ctx context.Context) error { return s.Shutdown(ctx) },
\t})
\treturn s
}
`;
const FX_APP = (returns: string) => `package app

import (
\t"go.uber.org/fx"

\t"example.com/bm/internal/server"
)

func New() ${returns} {
\treturn fx.New(fx.Provide(server.New))
}
`;
const FX_MAIN = (call: string) => `package main

import "example.com/bm/internal/app"

func main() {
\t${call}
}
`;
const FX_FILES = (returns: string, call: string) => ({ '/ws/go.mod': 'module example.com/bm\n\ngo 1.22\n', '/ws/internal/app/app.go': FX_APP(returns), '/ws/main.go': FX_MAIN(call) });

new RuleTester({ filename: '/ws/internal/server/server.go' }).run(rule, {
  valid: [
    { name: "main runs the project's constructor of an fx app (func New() *fx.App)", code: FX_SERVER, files: FX_FILES('*fx.App', 'app.New().Run()') },
  ],
  invalid: [
    { name: 'the constructor is only started, never run', code: FX_SERVER, files: FX_FILES('*fx.App', '_ = app.New().Start(context.Background())'), errors: [['goMissing', 19, 's.Serve(ln)']], output: null },
    { name: 'main runs something that is no fx app', code: FX_SERVER, files: FX_FILES('*Runner', 'app.New().Run()'), errors: [['goMissing', 19, 's.Serve(ln)']], output: null },
  ],
});

const ORY = (start: string) => `package main

import (
\t"context"
\t"net/http"

\t"github.com/ory/graceful"
)

func main() {
\tsrv := &http.Server{Addr: ":8008"}
\t${start}
}
`;

new RuleTester({ filename: '/ws/cmd/dashboard/main.go' }).run(rule, {
  valid: [
    { name: "ory/graceful's Graceful(start, shutdown)", code: ORY('_ = graceful.Graceful(func() error { return srv.ListenAndServe() }, srv.Shutdown)') },
  ],
  invalid: [
    { name: 'the same server without it', code: ORY('_ = srv.ListenAndServe()\n\t_ = context.Background()\n\t_ = graceful.DefaultShutdownTimeout'), errors: [['goMissing', 12, 'srv.ListenAndServe()']], output: null },
  ],
});

// Held-out 12, fixed with held-out 13 (audit/README.md, "Held-out 13, Python and Go"): the stub OIDC discovery server of a feature-flag server's
// integration tests, kept in the Dagger module the root's dagger.json names (`"source": "build"`): CI pipeline code.
const DISCOVER = 'package main\n\nimport "net/http"\n\nfunc main() {\n\t_ = http.ListenAndServeTLS(":443", "/server.crt", "/server.key", nil)\n}\n';
new RuleTester({ filename: '/ws/build/internal/cmd/discover/main.go' }).run(rule, {
  valid: [
    { name: "a server in the Dagger module's source folder", code: DISCOVER, files: { '/ws/dagger.json': '{"name":"app","sdk":{"source":"go"},"source":"build"}' } },
  ],
  invalid: [
    { name: 'the same without dagger.json', code: DISCOVER, files: {}, errors: [['goMissing', 6, 'http.ListenAndServeTLS(":443", "/server.crt", "/server.key", nil)']], output: null },
    { name: 'dagger.json naming another folder', code: DISCOVER, files: { '/ws/dagger.json': '{"name":"app","source":"ci"}' }, errors: [['goMissing', 6, 'http.ListenAndServeTLS(":443", "/server.crt", "/server.key", nil)']], output: null },
  ],
});
