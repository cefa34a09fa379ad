import { before } from 'node:test';
import { rule as port } from '../../../core/src/rules/port-binding/hardcoded-port';
import { rule as secret } from '../../../core/src/rules/config/hardcoded-secret';
import { rule as fileLogging } from '../../../core/src/rules/logs/file-logging';
import { loadPython } from '../python-helpers';
import { RuleTester } from './ruleTester';

before(loadPython);

// Tenth held-out audit set (audit/README.md, "Held-out 10, Python"): each valid case was a false positive on a real
// application, as the smallest made-up code that shows it; the invalid ones keep the rules honest on the same shapes.

// A Pyramid app's PasteDeploy settings for the developer's server (`development.ini`, `websocket-dev.ini`) hold the
// local server's `secret_key`; `production.ini` and an app's own `app.ini` are judged as configuration.
const SETTINGS = '[app:main]\nuse = egg:app\n\nsecret_key: zq8xk2plm4nbv7rt1wy9\n';
const named = { errors: [['named', 4, 'zq8xk2plm4nbv7rt1wy9']] as Array<[string, number, string]> };
new RuleTester({ filename: '/ws/conf/development.ini' }).run(secret, {
  valid: [
    { name: "Pyramid's development.ini", code: SETTINGS },
    { name: 'a -dev.ini beside the production one', filename: '/ws/conf/websocket-dev.ini', code: SETTINGS },
    { name: "Pyramid's testing.ini", filename: '/ws/testing.ini', code: SETTINGS },
  ],
  invalid: [
    { name: "Pyramid's production.ini", filename: '/ws/conf/production.ini', code: SETTINGS, ...named },
    { name: 'a name that only contains dev is no development file', filename: '/ws/conf/devices.ini', code: SETTINGS, ...named },
  ],
});

// A gunicorn config for the developer's machine: named so (`gunicorn-dev.conf.py`) or setting `reload = True`,
// which gunicorn documents as intended for development. The config the image runs still binds a literal port.
new RuleTester({ filename: '/ws/conf/gunicorn-dev.conf.py' }).run(port, {
  valid: [
    { name: 'a gunicorn config named for development', code: "bind = '0.0.0.0:5000'\n" },
    { name: 'a -dev config of a second server', filename: '/ws/conf/gunicorn-websocket-dev.conf.py', code: "bind = 'localhost:5001'\nworkers = 2\n" },
    { name: 'a gunicorn config that reloads on code changes', filename: '/ws/conf/gunicorn.conf.py', code: "bind = '0.0.0.0:5000'\nreload = True\n" },
  ],
  invalid: [
    {
      name: "the production websocket server's gunicorn config",
      filename: '/ws/conf/gunicorn-websocket.conf.py',
      code: "bind = '0.0.0.0:5000'\nworkers = 4\n",
      errors: [['pyLiteral', 1, "'0.0.0.0:5000'"]],
      output: "import os\nbind = \"0.0.0.0:\" + os.environ.get(\"PORT\", \"5000\")\nworkers = 4\n",
    },
    {
      name: 'reload switched off is a production config',
      filename: '/ws/gunicorn.conf.py',
      code: "bind = '0.0.0.0:5000'\nreload = False\n",
      errors: [['pyLiteral', 1, "'0.0.0.0:5000'"]],
      output: "import os\nbind = \"0.0.0.0:\" + os.environ.get(\"PORT\", \"5000\")\nreload = False\n",
    },
    {
      name: 'a name that only contains dev is no development config',
      filename: '/ws/gunicorn_devices.py',
      code: "bind = '0.0.0.0:5000'\n",
      errors: [['pyLiteral', 1, "'0.0.0.0:5000'"]],
      output: "import os\nbind = \"0.0.0.0:\" + os.environ.get(\"PORT\", \"5000\")\n",
    },
  ],
});

// Inkeep's AI assistant widget key in a Docusaurus site's plugin options: a public client's key, shipped to every
// browser as Algolia's search-only key is. The same `apiKey` given to anything else is judged as usual.
const WIDGET_KEY = '9f3c1a7e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d';
const widget = (plugin: string, settings = 'baseSettings') =>
  `module.exports = {\n  plugins: [\n    [\n      '${plugin}',\n      {\n        SearchBar: {\n          ${settings}: {\n            apiKey: '${WIDGET_KEY}',\n            primaryBrandColor: '#6851ff',\n          },\n        },\n      },\n    ],\n  ],\n};\n`;
new RuleTester({ filename: '/ws/documentation/docusaurus.config.js' }).run(secret, {
  valid: [
    { name: "Inkeep's Docusaurus plugin settings", code: widget('@inkeep/cxkit-docusaurus') },
    { name: "Inkeep's themeConfig.inkeepConfig", code: `module.exports = {\n  themeConfig: {\n    inkeepConfig: {\n      baseSettings: {\n        apiKey: '${WIDGET_KEY}',\n      },\n    },\n  },\n};\n` },
  ],
  invalid: [
    {
      name: "another plugin's baseSettings.apiKey",
      code: widget('some-search-plugin'),
      errors: [['named', 8, WIDGET_KEY]],
      output: widget('some-search-plugin').replace(`'${WIDGET_KEY}'`, 'process.env.BASE_SETTINGS_API_KEY'),
    },
    {
      name: "an apiKey outside Inkeep's baseSettings",
      code: widget('@inkeep/cxkit-docusaurus', 'serverSettings'),
      errors: [['named', 8, WIDGET_KEY]],
      output: widget('@inkeep/cxkit-docusaurus', 'serverSettings').replace(`'${WIDGET_KEY}'`, 'process.env.SERVER_SETTINGS_API_KEY'),
    },
  ],
});

// A logging configuration in YAML in dictConfig's schema (an app's example `config.yaml` under `logging:`, which every
// install copies and hands to `logging.config.dictConfig`): its file handler writes logs to a file, as in a LOGGING dict.
const LOGGING_YAML = (handler: string, filename: string, top = 'logging:\n    version: 1\n') =>
  `server:\n    port: 8080\n${top}    handlers:\n        file:\n            class: ${handler}\n            filename: ${filename}\n        console:\n            class: logging.StreamHandler\n    root:\n        handlers: [file, console]\n`;
new RuleTester({ filename: '/ws/app/example-config.yaml' }).run(fileLogging, {
  valid: [
    { name: 'a stream handler pointed at stdout', code: LOGGING_YAML('logging.StreamHandler', 'ext://sys.stdout') },
    { name: 'a file handler class writing to /dev/stdout', code: LOGGING_YAML('logging.FileHandler', '/dev/stdout') },
    { name: 'a handlers mapping without version is not a logging configuration', code: LOGGING_YAML('logging.handlers.RotatingFileHandler', './app.log', 'logging:\n') },
  ],
  invalid: [
    {
      name: 'a rotating file handler under logging:',
      code: LOGGING_YAML('logging.handlers.RotatingFileHandler', './app.log'),
      errors: [{ messageId: 'pyDictConfigFile', line: 7, data: { name: 'file', handler: 'RotatingFileHandler', target: './app.log' } }],
      output: null,
    },
    {
      name: 'a logging configuration at the top of its own file',
      filename: '/ws/logging.yaml',
      code: 'version: 1\nhandlers:\n  file:\n    class: logging.FileHandler\n    filename: app.log\nroot:\n  handlers: [file]\n',
      errors: [{ messageId: 'pyDictConfigFile', line: 4, data: { name: 'file', handler: 'FileHandler', target: 'app.log' } }],
      output: null,
    },
  ],
});
