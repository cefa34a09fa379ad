import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// A server whose `serve_forever` runs in a greenlet the module waits on is the process's server: gevent
// services of a held-out application started `gevent.spawn(server.serve_forever)` then `gevent.joinall` with
// no SIGTERM handler, and the rule, which knew only the call `server.serve_forever()`, missed them.
const SERVICE = 'import gevent\nfrom gevent.pywsgi import WSGIServer\nfrom app import app\n\nif __name__ == "__main__":\n    server = WSGIServer(("0.0.0.0", int(PORT)), app)\n    worker = gevent.spawn(server.serve_forever)\n    gevent.joinall([worker])\n';

// The fix: a handler that exits cleanly, after the imports.
const SHUTDOWN = (imports: string, body: string) =>
  `${imports}import signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\n${body}`;

new RuleTester({ filename: '/ws/service/main.py' }).run(rule, {
  valid: [
    { name: 'a SIGTERM handler stops the server', code: SERVICE.replace('import gevent\n', 'import signal\nimport gevent\n').replace('    gevent.joinall', '    signal.signal(signal.SIGTERM, lambda *_: server.stop())\n    gevent.joinall') },
    { name: 'a side server in a greenlet nothing waits on (the main loop is elsewhere)', code: 'import gevent\n\ndef start_metrics(server):\n    gevent.spawn(server.serve_forever)\n' },
    { name: 'a greenlet spawned for other work', code: 'import gevent\n\njobs = [gevent.spawn(fetch, url) for url in URLS]\ngevent.joinall(jobs)\n' },
    { name: 'test code', filename: '/ws/tests/test_service.py', code: SERVICE },
  ],
  invalid: [
    { name: 'gevent.spawn(server.serve_forever) then gevent.joinall', code: SERVICE, errors: [['pyMissing', 7, 'gevent.spawn(server.serve_forever)']], output: SHUTDOWN('import gevent\nfrom gevent.pywsgi import WSGIServer\nfrom app import app\n', SERVICE.split('from app import app\n\n')[1]) },
    { name: 'a greenlet joined directly', code: 'from gevent import spawn\n\nhttpd = make_server()\nspawn(httpd.serve_forever).join()\n', errors: [['pyMissing', 4, 'spawn(httpd.serve_forever)']], output: SHUTDOWN('from gevent import spawn\n', 'httpd = make_server()\nspawn(httpd.serve_forever).join()\n') },
  ],
});
