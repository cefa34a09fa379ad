import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { rule } from '../../core/src/rules/port-binding/hardcoded-port';
import { PORT_SERVERS } from '../../core/src/rules/port-binding/hardcoded-port-python';
import { summary } from '../fixtures/workspace/harness';
import { loadPython } from './python-helpers';
import { RuleTester } from './rules/ruleTester';

before(loadPython);

const IMPORTS = 'import os\nimport asyncio\nimport uvicorn\nfrom http.server import HTTPServer\nfrom wsgiref.simple_server import make_server\nfrom waitress import serve\n';

describe('port-binding/hardcoded-port in Python: the server table', () => {
  for (const row of PORT_SERVERS) {
    test(`${row.name}: true example reported`, () => assert.deepEqual(summary(rule, '/ws/app.py', IMPORTS + row.tp + '\n').map((f) => f[0]), ['pyLiteral']));
    test(`${row.name}: false example clean`, () => assert.deepEqual(summary(rule, '/ws/app.py', IMPORTS + row.fp + '\n'), []));
  }
});

new RuleTester({ filename: '/ws/app.py' }).run(rule, {
  valid: [
    { name: 'py: the port read from the environment with a default', code: "import os\napp.run(port=os.environ.get('PORT', 8000))\n" },
    { name: 'py: int(os.getenv) with a default', code: "import os\nuvicorn.run(app, host='0.0.0.0', port=int(os.getenv('PORT', '8000')))\n" },
    { name: 'py: a constant read from the environment', code: "import os\nPORT = int(os.environ['PORT'])\napp.run(port=PORT)\n" },
    { name: 'py: a constant assigned twice is configuration', code: "PORT = 5000\nif os.environ.get('PORT'):\n    PORT = int(os.environ['PORT'])\napp.run(port=PORT)\n" },
    { name: 'py: port 0 asks for a free port', code: "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\n" },
    { name: 'py: asyncio.run runs no server', code: 'import asyncio\nasyncio.run(main(), debug=True)\n' },
    { name: 'py: subprocess.run with a port-looking argument', code: "import subprocess\nsubprocess.run(['redis-server', '--port', '6380'])\n" },
    { name: 'py: a metrics server on its fixed port', code: "metrics_app.run(port=9100)\n" },
    { name: 'py: a test file binds what it likes', filename: '/ws/tests/test_app.py', code: 'app.run(port=5000)\n' },
    { name: 'py: socket.listen takes a backlog, not a port', code: 'import socket\ns = socket.socket()\ns.listen(5)\n' },
    {
      name: 'py: the development server under the main guard when gunicorn serves the app',
      code: "if __name__ == '__main__':\n    app.run(debug=True, port=5000)\n",
      files: { '/ws/Procfile': 'web: gunicorn app:app\n' },
    },
    {
      // Audit (CTFd): the Dockerfile's ENTRYPOINT names a script in the project, and the script runs gunicorn.
      name: "py: the development server when the Dockerfile's entrypoint script runs gunicorn",
      code: "if __name__ == '__main__':\n    app.run(debug=True, host='127.0.0.1', port=4000)\n",
      files: { '/ws/Dockerfile': 'FROM python:3.12\nENTRYPOINT ["/opt/app/docker-entrypoint.sh"]\n', '/ws/docker-entrypoint.sh': '#!/bin/sh\nexec gunicorn "app:create_app()"\n' },
    },
    {
      // Audit (qresp): docker-compose's `command:` runs gunicorn; run.py's app.run is the developer's.
      name: 'py: the development server when the compose file runs gunicorn',
      filename: '/ws/backend/run.py',
      code: "if __name__ == '__main__':\n    app.run(host='0.0.0.0', port=80)\n",
      files: { '/ws/docker-compose.yml': 'services:\n  backend:\n    build: ./backend\n    command: gunicorn -w 4 -b :5000 project:app\n' },
    },
    {
      // Held-out 12 (securedrop): Apache's mod_wsgi serves the app through a `.wsgi` script that imports the module.
      name: 'py: the development server when a mod_wsgi script imports the module',
      filename: '/ws/securedrop/journalist.py',
      code: "if __name__ == '__main__':\n    app.run(debug=True, host='0.0.0.0', port=8081)\n",
      files: { '/ws/securedrop/debian/app-code/var/www/journalist.wsgi': 'import sys\nsys.path.insert(0, "/var/www/securedrop")\nfrom journalist import app as application\n' },
    },
    { name: 'py: gunicorn bind from the environment', filename: '/ws/gunicorn.conf.py', code: "import os\nbind = '0.0.0.0:' + os.environ.get('PORT', '8000')\n" },
    { name: 'py: bind outside a gunicorn config is some other setting', filename: '/ws/settings.py', code: "bind = '0.0.0.0:8000'\n" },
  ],
  invalid: [
    {
      name: 'py: Flask app.run(port=5000)',
      code: "from flask import Flask\napp = Flask(__name__)\napp.run(host='0.0.0.0', port=5000)\n",
      errors: [{ messageId: 'pyLiteral', line: 3, text: '5000', data: { label: 'app.run', port: '5000' } }],
      output: "from flask import Flask\nimport os\napp = Flask(__name__)\napp.run(host='0.0.0.0', port=int(os.environ.get(\"PORT\", \"5000\")))\n",
    },
    {
      name: 'py: app.run with a positional host and port',
      code: "import os\napp.run('0.0.0.0', 5000)\n",
      errors: [['pyLiteral', 2, '5000']],
      output: "import os\napp.run('0.0.0.0', int(os.environ.get(\"PORT\", \"5000\")))\n",
    },
    {
      name: 'py: uvicorn.run under the main guard with no Procfile',
      code: "import uvicorn\n\nif __name__ == '__main__':\n    uvicorn.run('main:app', host='0.0.0.0', port=8000)\n",
      errors: [['pyLiteral', 4, '8000']],
      output: "import uvicorn\nimport os\n\nif __name__ == '__main__':\n    uvicorn.run('main:app', host='0.0.0.0', port=int(os.environ.get(\"PORT\", \"8000\")))\n",
    },
    {
      name: 'py: a module constant',
      code: "import os\nfrom http.server import HTTPServer, SimpleHTTPRequestHandler\nPORT = 8000\nhttpd = HTTPServer(('', PORT), SimpleHTTPRequestHandler)\nhttpd.serve_forever()\n",
      errors: [{ messageId: 'pyConstant', line: 3, text: '8000', data: { name: 'PORT', label: 'HTTPServer' } }],
      output: "import os\nfrom http.server import HTTPServer, SimpleHTTPRequestHandler\nPORT = int(os.environ.get(\"PORT\", \"8000\"))\nhttpd = HTTPServer(('', PORT), SimpleHTTPRequestHandler)\nhttpd.serve_forever()\n",
    },
    {
      name: 'py: socketserver.TCPServer with an address tuple',
      code: "import socketserver\nwith socketserver.TCPServer(('', 9999), Handler) as server:\n    server.serve_forever()\n",
      errors: [['pyLiteral', 2, '9999']],
      output: "import socketserver\nimport os\nwith socketserver.TCPServer(('', int(os.environ.get(\"PORT\", \"9999\"))), Handler) as server:\n    server.serve_forever()\n",
    },
    {
      name: 'py: a socket bound to a fixed port',
      code: "import os\nimport socket\nsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\nsock.bind(('0.0.0.0', 7000))\nsock.listen(5)\n",
      errors: [{ messageId: 'pyLiteral', line: 4, text: '7000', data: { label: 'sock.bind' } }],
      output: "import os\nimport socket\nsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\nsock.bind(('0.0.0.0', int(os.environ.get(\"PORT\", \"7000\"))))\nsock.listen(5)\n",
    },
    {
      name: 'py: aiohttp web.run_app',
      code: "import os\nfrom aiohttp import web\nweb.run_app(app, port=8080)\n",
      errors: [['pyLiteral', 3, '8080']],
      output: "import os\nfrom aiohttp import web\nweb.run_app(app, port=int(os.environ.get(\"PORT\", \"8080\")))\n",
    },
    {
      name: 'py: a port given as a string',
      code: "import os\napp.run(port='5000')\n",
      errors: [['pyLiteral', 2, "'5000'"]],
      output: "import os\napp.run(port=int(os.environ.get(\"PORT\", \"5000\")))\n",
    },
    {
      name: 'py: grpc add_insecure_port',
      code: "import os\nserver.add_insecure_port('[::]:50051')\n",
      errors: [['pyLiteral', 2, "'[::]:50051'"]],
      output: "import os\nserver.add_insecure_port(\"[::]:\" + os.environ.get(\"PORT\", \"50051\"))\n",
    },
    {
      name: 'py: gunicorn bind in gunicorn.conf.py',
      filename: '/ws/gunicorn.conf.py',
      code: "bind = '0.0.0.0:8000'\nworkers = 4\n",
      errors: [{ messageId: 'pyLiteral', line: 1, text: "'0.0.0.0:8000'", data: { label: 'bind', port: '8000' } }],
      output: "import os\nbind = \"0.0.0.0:\" + os.environ.get(\"PORT\", \"8000\")\nworkers = 4\n",
    },
    {
      name: 'py: app.run under the main guard when the Procfile runs the file with python',
      code: "import os\nif __name__ == '__main__':\n    app.run(port=5000)\n",
      files: { '/ws/Procfile': 'web: python app.py\n' },
      errors: [['pyLiteral', 3, '5000']],
      output: "import os\nif __name__ == '__main__':\n    app.run(port=int(os.environ.get(\"PORT\", \"5000\")))\n",
    },
    {
      name: 'py: a mod_wsgi script that imports another module says nothing of this one',
      filename: '/ws/securedrop/journalist.py',
      code: "import os\nif __name__ == '__main__':\n    app.run(port=8081)\n",
      files: { '/ws/securedrop/debian/var/www/source.wsgi': 'from source import app as application\n' },
      errors: [['pyLiteral', 3, '8081']],
      output: "import os\nif __name__ == '__main__':\n    app.run(port=int(os.environ.get(\"PORT\", \"8081\")))\n",
    },
    {
      name: "py: a compose file's other lines (an image named gunicorn) say nothing of how the code runs",
      code: "import os\nif __name__ == '__main__':\n    app.run(port=5000)\n",
      files: { '/ws/docker-compose.yml': 'services:\n  proxy:\n    image: example/gunicorn-proxy\n' },
      errors: [['pyLiteral', 3, '5000']],
      output: "import os\nif __name__ == '__main__':\n    app.run(port=int(os.environ.get(\"PORT\", \"5000\")))\n",
    },
    {
      name: 'py: app.run under the main guard when the script the Procfile starts runs the file with python',
      code: "import os\nif __name__ == '__main__':\n    app.run(port=5000)\n",
      files: { '/ws/Procfile': 'web: sh start.sh\n', '/ws/start.sh': 'python app.py\n' },
      errors: [['pyLiteral', 3, '5000']],
      output: "import os\nif __name__ == '__main__':\n    app.run(port=int(os.environ.get(\"PORT\", \"5000\")))\n",
    },
  ],
});
