import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadGo } from '../../go-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);

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
