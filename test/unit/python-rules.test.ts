import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { mapHost } from '../../core/src/host';
import { LONG_RUNNING } from '../../core/src/rules/disposability/missing-sigterm-handler-python';
import { FILE_HANDLERS } from '../../core/src/rules/logs/file-logging-python';
import { SESSION_SETTINGS } from '../../core/src/rules/processes/in-memory-session-python';
import { findingsOf, fixPy, loadPython, pythonParses } from './python-helpers';

before(loadPython);

const LOGS = 'logs/file-logging';
const SESSIONS = 'processes/in-memory-session';
const SIGTERM = 'disposability/missing-sigterm-handler';
const ids = (rule: string, text: string, file = 'app/main.py', host?: ReturnType<typeof mapHost>) => findingsOf(rule, file, text, host).map((f) => f.messageId);

describe('logs/file-logging in Python', () => {
  for (const row of FILE_HANDLERS) {
    const imports = 'import logging\nfrom logging.handlers import RotatingFileHandler, TimedRotatingFileHandler, WatchedFileHandler, SysLogHandler, QueueHandler\nfrom concurrent_log_handler import ConcurrentRotatingFileHandler\nfrom logging import StreamHandler\nimport sys\n';
    test(`${row.name}: true example reported`, () => assert.deepEqual(ids(LOGS, imports + row.tp + '\n'), ['pyFileHandler']));
    test(`${row.name}: false example clean`, () => assert.deepEqual(ids(LOGS, imports + row.fp + '\n'), []));
  }
  test('a handler on a stream path is not a file', () => assert.deepEqual(ids(LOGS, "import logging\nh = logging.FileHandler('/dev/stdout')\n"), []));
  test('a handler created only when a file-logging setting is on is opt-in (sir-lancebot); otherwise reported', () => {
    const handler = "logging.handlers.RotatingFileHandler('logs/bot.log', maxBytes=5000)";
    assert.deepEqual(ids(LOGS, `import logging.handlers\ndef setup():\n    if Logging.file_logs:\n        h = ${handler}\n`), []);
    assert.deepEqual(ids(LOGS, `import logging.handlers\nif settings.LOG_TO_FILE and not DEBUG:\n    h = ${handler}\n`), []);
    assert.deepEqual(ids(LOGS, `import logging.handlers\nif not Logging.file_logs:\n    h = ${handler}\n`), ['pyFileHandler']);
    assert.deepEqual(ids(LOGS, `import logging.handlers\nif app.config['LOG_TO_STDOUT']:\n    pass\nelse:\n    h = ${handler}\n`), ['pyFileHandler'], 'the else of a stdout switch writes the file by default');
  });
  test('basicConfig(filename=) is reported; basicConfig(stream=) is not', () => {
    assert.deepEqual(ids(LOGS, "import logging\nlogging.basicConfig(filename='app.log', level=logging.INFO)\n"), ['pyBasicConfigFile']);
    assert.deepEqual(ids(LOGS, 'import logging, sys\nlogging.basicConfig(stream=sys.stdout)\n'), []);
  });
  test('a dictConfig / Django LOGGING handler with a file class is reported', () => {
    const code = "LOGGING = {\n  'version': 1,\n  'handlers': {\n    'file': {'class': 'logging.handlers.RotatingFileHandler', 'filename': '/var/log/app.log'},\n    'console': {'class': 'logging.StreamHandler'},\n  },\n}\n";
    const found = findingsOf(LOGS, 'proj/settings.py', code);
    assert.deepEqual(found.map((f) => [f.messageId, f.data.name, f.data.target]), [['pyDictConfigFile', 'file', '/var/log/app.log']]);
  });
  test('held-out 7: a dictConfig filename that names a file only under a file-logging switch, a stream otherwise, is opt-in', () => {
    const config = (branches: string) => `from logging.config import dictConfig\ndef setup(app):\n${branches}    dictConfig({\n        'version': 1,\n        'handlers': {\n            'file': {'class': 'logging.handlers.RotatingFileHandler', 'filename': log_file},\n        },\n    })\n`;
    const optIn = "    if 'file' in app.config['LOG_HANDLERS']:\n        log_file = app.config['LOG_FILE']\n    else:\n        log_file = '/dev/null'\n";
    assert.deepEqual(ids(LOGS, config(optIn)), []);
    assert.deepEqual(ids(LOGS, config("    if app.config['LOG_TO_FILE']:\n        log_file = app.config['LOG_FILE']\n    else:\n        log_file = os.devnull\n")), []);
    assert.deepEqual(ids(LOGS, config("    if app.debug:\n        log_file = '/dev/null'\n    else:\n        log_file = app.config['LOG_FILE']\n")), ['pyDictConfigFile'], 'a file in production by default');
    assert.deepEqual(ids(LOGS, config("    log_file = app.config['LOG_FILE']\n")), ['pyDictConfigFile']);
    assert.deepEqual(ids(LOGS, config("    if 'file' not in app.config['LOG_HANDLERS']:\n        log_file = app.config['LOG_FILE']\n")), ['pyDictConfigFile'], 'a negated test is no switch');
  });
  test("held-out 9: a project's own handler class named as a file handler, given a filename, writes that file (jumpserver)", () => {
    const config = (handler: string) => `LOG_FILE = os.path.join(LOG_DIR, 'app.log')\nLOGGING = {\n  'version': 1,\n  'handlers': {\n    'file': {${handler}},\n  },\n}\n`;
    const found = findingsOf(LOGS, 'proj/settings/logging.py', config("'class': 'proj.rewriting.logging.DailyTimedRotatingFileHandler', 'when': 'midnight', 'filename': LOG_FILE"));
    assert.deepEqual(found.map((f) => [f.messageId, f.data.name, f.data.handler, f.data.target]), [['pyDictConfigFile', 'file', 'DailyTimedRotatingFileHandler', 'LOG_FILE']]);
    assert.deepEqual(ids(LOGS, config("'class': 'proj.logs.SafeFileHandler'"), 'proj/settings.py'), [], 'without a filename the name alone does not say where it writes');
    assert.deepEqual(ids(LOGS, config("'class': 'proj.logs.ProfileHandler', 'filename': LOG_FILE"), 'proj/settings.py'), [], 'a name that only ends in …fileHandler');
    assert.deepEqual(ids(LOGS, config("'class': 'proj.logs.DailyFileHandler', 'filename': '/dev/stdout'"), 'proj/settings.py'), [], 'on a stream path');
    // logging's own classes, with and without their module (mediacms's and pretalx's Django LOGGING, held-out 5/6).
    for (const cls of ['logging.FileHandler', 'FileHandler', 'logging.handlers.WatchedFileHandler']) {
      assert.deepEqual(ids(LOGS, config(`'class': '${cls}', 'filename': LOG_FILE`), 'proj/settings.py'), ['pyDictConfigFile'], cls);
    }
  });
  test('a dictConfig handler on a stream path writes no file', () => {
    assert.deepEqual(ids(LOGS, "LOGGING = {'version': 1, 'handlers': {'null': {'class': 'logging.FileHandler', 'filename': '/dev/null'}}}\n", 'proj/settings.py'), []);
  });
  test('loguru: a file sink is reported, sys.stdout is not; the fix writes sys.stdout', () => {
    const code = "from loguru import logger\nlogger.add('logs/app.log', rotation='1 day')\n";
    assert.deepEqual(ids(LOGS, code), ['pyLoguruFile']);
    assert.deepEqual(ids(LOGS, 'import sys\nfrom loguru import logger\nlogger.add(sys.stdout)\n'), []);
    // `rotation` is taken only with a file sink (loguru raises TypeError with a stream): the fix drops it.
    const out = fixPy(LOGS, '/ws/log.py', code);
    assert.equal(out.source, 'from loguru import logger\nimport sys\nlogger.add(sys.stdout)\n');
    assert.ok(pythonParses(out.source));
  });
  test("loguru's fix drops every file-only keyword, on one line or several, and keeps the others", () => {
    const code = "from loguru import logger\nlogger.add(\n    'app.log',\n    rotation='1 day',\n    retention='3 months',\n    level='INFO',\n    compression='zip',\n)\n";
    const out = fixPy(LOGS, '/ws/log.py', code);
    assert.equal(out.source, "from loguru import logger\nimport sys\nlogger.add(\n    sys.stdout,\n    level='INFO',\n)\n");
    assert.ok(pythonParses(out.source));
  });
  test('gunicorn accesslog/errorlog paths in gunicorn.conf.py; "-" is stdout; the fix sets "-"', () => {
    const code = "bind = '0.0.0.0:8000'\naccesslog = '/var/log/gunicorn/access.log'\nerrorlog = '-'\n";
    assert.deepEqual(ids(LOGS, code, 'gunicorn.conf.py'), ['pyGunicornLog']);
    assert.deepEqual(ids(LOGS, code, 'app/settings.py'), [], 'only gunicorn config files');
    const out = fixPy(LOGS, '/ws/gunicorn.conf.py', code);
    assert.equal(out.source, "bind = '0.0.0.0:8000'\naccesslog = \"-\"\nerrorlog = '-'\n");
  });
  test('the FileHandler fix writes StreamHandler(sys.stdout) and imports sys', () => {
    const code = "import logging\n\nhandler = logging.FileHandler('app.log')\nlogger.addHandler(handler)\n";
    const out = fixPy(LOGS, '/ws/app.py', code);
    assert.equal(out.source, 'import logging\nimport sys\n\nhandler = logging.StreamHandler(sys.stdout)\nlogger.addHandler(handler)\n');
    assert.ok(pythonParses(out.source));
  });
  test('the fix of an imported handler class imports StreamHandler too', () => {
    const code = "from logging.handlers import RotatingFileHandler\nh = RotatingFileHandler('a.log', maxBytes=10)\n";
    const out = fixPy(LOGS, '/ws/app.py', code);
    assert.equal(out.source, 'from logging.handlers import RotatingFileHandler\nimport sys\nfrom logging import StreamHandler\nh = StreamHandler(sys.stdout)\n');
    assert.ok(pythonParses(out.source));
  });
});

describe('processes/in-memory-session in Python', () => {
  for (const row of SESSION_SETTINGS) {
    test(`${row.messageId}: true example reported`, () => assert.deepEqual(ids(SESSIONS, row.tp + '\n', 'proj/settings.py'), [row.messageId]));
    test(`${row.messageId}: false example clean`, () => assert.deepEqual(ids(SESSIONS, row.fp + '\n', 'proj/settings.py'), []));
  }
  test("app.config['SESSION_TYPE'] and app.config.update(SESSION_TYPE=…) are read", () => {
    assert.deepEqual(ids(SESSIONS, "app.config['SESSION_TYPE'] = 'filesystem'\n"), ['pyFlaskSessionFile']);
    assert.deepEqual(ids(SESSIONS, "app.config.update(SESSION_TYPE='filesystem')\n"), ['pyFlaskSessionFile']);
  });
  test("cachelib counts only over a FileSystemCache", () => {
    assert.deepEqual(ids(SESSIONS, "from cachelib.file import FileSystemCache\nSESSION_TYPE = 'cachelib'\nSESSION_CACHELIB = FileSystemCache('/tmp/s')\n"), ['pyFlaskSessionFile']);
    assert.deepEqual(ids(SESSIONS, "SESSION_TYPE = 'cachelib'\nSESSION_CACHELIB = RedisCache()\n"), []);
  });
  test('Flask default cookie sessions are fine', () => assert.deepEqual(ids(SESSIONS, "app.secret_key = os.environ['K']\nsession['user'] = 1\n"), []));
  test('the fixes switch the store and the result parses', () => {
    const flask = fixPy(SESSIONS, '/ws/config.py', "SESSION_TYPE = 'filesystem'\n", { id: 'session-store-redis' });
    assert.equal(flask.source, "SESSION_TYPE = 'redis'\n");
    const django = fixPy(SESSIONS, '/ws/settings.py', "SESSION_ENGINE = 'django.contrib.sessions.backends.file'\n", { id: 'session-store-db' });
    assert.equal(django.source, "SESSION_ENGINE = 'django.contrib.sessions.backends.db'\n");
    assert.ok(pythonParses(flask.source) && pythonParses(django.source));
  });
});

describe('disposability/missing-sigterm-handler in Python', () => {
  for (const row of LONG_RUNNING) {
    test(`${row.method}: true example reported`, () => assert.deepEqual(ids(SIGTERM, row.tp + '\n'), ['pyMissing']));
    test(`${row.method}: false example clean`, () => assert.deepEqual(ids(SIGTERM, row.fp + '\n'), []));
  }
  test('a while-True consumer loop is reported; a retry loop is not', () => {
    assert.deepEqual(ids(SIGTERM, "import redis\nr = redis.Redis()\nwhile True:\n    job = r.blpop('jobs')\n    handle(job)\n"), ['pyMissing']);
    assert.deepEqual(ids(SIGTERM, 'while True:\n    try:\n        connect()\n        break\n    except OSError:\n        time.sleep(1)\n'), []);
  });
  // Audit (healthchecks, CTFd): a generator reading a socket, and a subscriber loop in a closure spawned as
  // a greenlet inside a gunicorn-served app, are not the process's main loop.
  test("a generator's loop and a closure's loop are not the process's main loop", () => {
    assert.deepEqual(ids(SIGTERM, 'def read(s):\n    while True:\n        ch = s.recv(1)\n        yield ch\n'), []);
    assert.deepEqual(ids(SIGTERM, 'class Bus:\n    def listen(self):\n        def _listen():\n            while True:\n                m = pubsub.get_message()\n        spawn(_listen)\n'), []);
  });
  // Audit (distributed-queue, calibre-web): a worker polling Redis between sleeps is a consumer; a loop that
  // reads a converter's output until `p.poll()` says the child exited waits for a subprocess.
  test('a Redis polling worker is a consumer; a loop waiting for a child process is not', () => {
    const worker = "import redis, time\nr = redis.Redis()\ndef run():\n    while True:\n        job = r.rpop('queue')\n        if not job:\n            time.sleep(0.5)\n";
    assert.deepEqual(ids(SIGTERM, worker), ['pyMissing']);
    assert.deepEqual(ids(SIGTERM, worker.replace('rpop', 'lpop')), ['pyMissing']);
    const child = 'def convert(cmd):\n    p = subprocess.Popen(cmd)\n    while True:\n        out = p.stdout.readlines()\n        if p.poll() is not None:\n            break\n';
    assert.deepEqual(ids(SIGTERM, child), []);
    assert.deepEqual(ids(SIGTERM, 'while True:\n    msg = consumer.poll(1.0)\n    if msg is None:\n        continue\n'), ['pyMissing'], "Kafka's poll is a consumer's");
  });
  // Held-out 4 (searxng): an asyncio loop run in a `threading.Thread(target=…)` function of the served app.
  test("a loop in a thread's target function is not the process's main loop", () => {
    const threaded = 'import asyncio\nimport threading\n\ndef init():\n    def loop_thread():\n        loop = asyncio.new_event_loop()\n        loop.run_forever()\n\n    threading.Thread(target=loop_thread, daemon=True).start()\n';
    assert.deepEqual(ids(SIGTERM, threaded), []);
    const worker = "import threading\nimport redis\nr = redis.Redis()\n\ndef work():\n    while True:\n        job = r.blpop('jobs')\n\nthreading.Thread(target=work).start()\n";
    assert.deepEqual(ids(SIGTERM, worker), []);
    assert.deepEqual(ids(SIGTERM, worker.replace('threading.Thread(target=work).start()', 'work()')), ['pyMissing'], 'the same loop run by the main thread');
    assert.deepEqual(ids(SIGTERM, 'import asyncio\ndef loop_thread():\n    loop = asyncio.new_event_loop()\n    loop.run_forever()\nloop_thread()\n'), ['pyMissing']);
  });
  test('nested forever loops are reported once, as the outer one', () => {
    const found = findingsOf(SIGTERM, 'worker.py', 'def main():\n    while True:\n        p = connect()\n        while True:\n            m = p.get_message()\n');
    assert.deepEqual(found.map((f) => f.range.start.line), [1]);
  });
  test('a SIGTERM handler in the module answers it', () => {
    assert.deepEqual(ids(SIGTERM, 'import signal\nsignal.signal(signal.SIGTERM, stop)\nhttpd.serve_forever()\n'), []);
    assert.deepEqual(ids(SIGTERM, 'from signal import signal, SIGTERM\nsignal(SIGTERM, stop)\nhttpd.serve_forever()\n'), []);
    assert.deepEqual(ids(SIGTERM, 'import signal\nfor s in (signal.SIGTERM, signal.SIGINT):\n    loop.add_signal_handler(s, stop)\nloop.run_forever()\n'), []);
  });
  test('app.run() in the main guard counts only when the Procfile runs the file with python', () => {
    const code = "from flask import Flask\napp = Flask(__name__)\nif __name__ == '__main__':\n    app.run(host='0.0.0.0')\n";
    assert.deepEqual(ids(SIGTERM, code, '/p/app.py', mapHost({ '/p/Procfile': 'web: python app.py\n' }, '/p')), ['pyMissing']);
    assert.deepEqual(ids(SIGTERM, code, '/p/app.py', mapHost({ '/p/Procfile': 'web: gunicorn app:app\n' }, '/p')), []);
    assert.deepEqual(ids(SIGTERM, code, '/p/app.py', mapHost({ '/p/Dockerfile': 'FROM python:3.12\nCMD ["uvicorn", "main:app"]\n' }, '/p')), []);
    assert.deepEqual(ids(SIGTERM, code, '/p/app.py', mapHost({}, '/p')), [], 'no evidence: a development entry');
    assert.deepEqual(ids(SIGTERM, code, '/p/app.py', mapHost({ '/p/Dockerfile': 'CMD ["python", "app.py"]\n' }, '/p')), ['pyMissing']);
    // The script a Procfile or a Dockerfile starts is what runs: `web: sh start.sh`, `ENTRYPOINT ["/opt/app/entrypoint.sh"]`.
    assert.deepEqual(ids(SIGTERM, code, '/p/app.py', mapHost({ '/p/Procfile': 'web: sh start.sh\n', '/p/start.sh': 'python app.py\n' }, '/p')), ['pyMissing']);
    assert.deepEqual(ids(SIGTERM, code, '/p/app.py', mapHost({ '/p/Procfile': 'web: sh start.sh\n', '/p/start.sh': 'exec gunicorn app:app\n' }, '/p')), []);
    // Audit (micro-flask): a service's own Dockerfile in its folder, `ENTRYPOINT ["python"]` with `CMD ["main.py"]`.
    const service = mapHost({ '/p/orders/dockerfile': 'FROM python:3.12\nENTRYPOINT [ "python" ]\nCMD [ "main.py" ]\n' }, '/p');
    assert.deepEqual(ids(SIGTERM, code, '/p/orders/main.py', service), ['pyMissing']);
    assert.deepEqual(ids(SIGTERM, code, '/p/billing/main.py', service), [], "another folder's Dockerfile runs another service");
  });
  test('test code is not judged', () => assert.deepEqual(ids(SIGTERM, 'httpd.serve_forever()\n', 'tests/test_server.py'), []));
});
