// A notice page in Go (audit/README.md, "Held-out 5, the false positives left"): a server whose every route answers
// 503 Service Unavailable (or serves the page's static files), started while the program cannot run, is neither the
// app's server (port-binding/hardcoded-port) nor one with requests in flight (disposability/missing-sigterm-handler).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { goFindings, goMain, loadGo } from './go-helpers';

before(loadGo);

const RULES = ['port-binding/hardcoded-port', 'disposability/missing-sigterm-handler'];
const found = (body: string) => RULES.flatMap((rule) => goFindings(rule, '/ws/main.go', goMain(['net/http'], body)).map((f) => f.messageId)).sort();

const NOTICE = '\tw.WriteHeader(http.StatusServiceUnavailable)\n\t\tw.Write(page)';
const server = (handler: string, extra = '') =>
  `mux := http.NewServeMux()\n\tmux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.FS(staticFS))))\n${extra}\tmux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {\n\t${handler}\n\t})\n\n\tserver := http.Server{\n\t\tAddr:    ":8080",\n\t\tHandler: mux,\n\t}\n\tserver.ListenAndServe()`;

describe('a notice page', () => {
  test('every route answers 503 or serves static files: no finding', () => {
    assert.deepEqual(found(server(NOTICE)), []);
    assert.deepEqual(found(`mux := http.NewServeMux()\n\tmux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {\n\t\tw.WriteHeader(503)\n\t})\n\thttp.ListenAndServe(":8080", mux)`), []);
  });
  test('a route that serves the app, or a page that answers 200, is a server', () => {
    assert.deepEqual(found(server(NOTICE, '\tmux.HandleFunc("/api/items", items)\n')), ['goLiteral', 'goMissing']);
    assert.deepEqual(found(server('\tw.WriteHeader(http.StatusOK)\n\t\tw.Write(page)')), ['goLiteral', 'goMissing']);
    assert.deepEqual(found('mux := http.NewServeMux()\n\tmux.Handle("/", http.FileServer(http.Dir("public")))\n\thttp.ListenAndServe(":8080", mux)'), ['goLiteral', 'goMissing']);
  });
});
