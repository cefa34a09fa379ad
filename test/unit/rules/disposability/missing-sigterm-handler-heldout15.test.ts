import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadGo } from '../../go-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);

// Held-out 15, Go (audit/README.md, "Held-out 15, Python and Go"): `main` registers for the signals a helper of another
// package returns (`signal.NotifyContext(ctx, shutdown.GetSignals()...)`), and that helper's list names SIGTERM.
const MAIN = (notify: string) => `package main

import (
\t"context"
\t"net"
\t"net/http"
\t"os/signal"

\t"example.com/proxy/internal/shutdown"
)

func main() {
\tsrv := &http.Server{}
\tln, _ := net.Listen("tcp", ":3000")
\t${notify}
\tdefer stop()
\tgo func() { _ = srv.Serve(ln) }()
\t<-ctx.Done()
\t_ = srv.Shutdown(context.Background())
}
`;
const SIGNALS = (list: string) => `package shutdown

import (
\t"os"
\t"syscall"
)

// GetSignals returns the signals the server shuts down on.
func GetSignals() []os.Signal {
\treturn []os.Signal{${list}}
}
`;
const FILES = (list: string) => ({ '/ws/go.mod': 'module example.com/proxy\n\ngo 1.22\n', '/ws/internal/shutdown/signals.go': SIGNALS(list) });
const SPREAD = 'ctx, stop := signal.NotifyContext(context.Background(), shutdown.GetSignals()...)';

new RuleTester({ filename: '/ws/cmd/proxy/main.go' }).run(rule, {
  valid: [
    { name: "signal.NotifyContext for a helper's list that names SIGTERM", code: MAIN(SPREAD), files: FILES('os.Interrupt, syscall.SIGTERM') },
  ],
  invalid: [
    { name: "the helper's list without SIGTERM", code: MAIN(SPREAD), files: FILES('os.Interrupt, syscall.SIGHUP'), errors: [['goMissing', 17, 'srv.Serve(ln)']], output: null },
    { name: 'SIGTERM named in the program but the call registers for os.Interrupt only', code: MAIN('ctx, stop := signal.NotifyContext(context.Background(), shutdown.Interrupt)'), files: FILES('os.Interrupt, syscall.SIGTERM'), errors: [['goMissing', 17, 'srv.Serve(ln)']], output: null },
  ],
});
