import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/logs/file-logging';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Fifth held-out set (audit/README.md, "Held-out 5, Python and Go"): a logging setup that adds a FileHandler only
// `if filename:` (the value of a `--log-file` option, none by default) writes to the stream unless the operator
// asks for a file.
const SETUP = (guard: string) => `import logging\nimport sys\n\ndef init_logging(level, filename=None):\n    logger = logging.getLogger()\n    logger.addHandler(logging.StreamHandler(sys.stdout))\n    ${guard}\n        logger.addHandler(logging.FileHandler(filename))\n`;

new RuleTester({ filename: '/ws/pkg/__main__.py' }).run(rule, {
  valid: [
    { name: 'if filename: FileHandler(filename)', code: SETUP('if filename:') },
    { name: 'if filename is not None: FileHandler(filename)', code: SETUP('if filename is not None:') },
  ],
  invalid: [
    { name: 'the guard tests another name', code: SETUP('if verbose:'), errors: [['pyFileHandler', 8, 'logging.FileHandler(filename)']], output: SETUP('if verbose:').replace('FileHandler(filename)', 'StreamHandler(sys.stdout)') },
    { name: 'a literal path under the guard', code: SETUP('if filename:').replace('FileHandler(filename)', "FileHandler('app.log')"), errors: [['pyFileHandler', 8, "logging.FileHandler('app.log')"]], output: SETUP('if filename:').replace('FileHandler(filename)', 'StreamHandler(sys.stdout)') },
  ],
});

// Sixth held-out set (audit/README.md, "Stop 25"): loguru sinks on a `pathlib.Path` under a file-logging switch
// whose default is a field of the settings module (`enable_log_to_file: bool = Field(default=True)`): files by
// default. A switch defaulting to off keeps the sink opt-in, for loguru as for logging's FileHandler.
const SETTINGS = (value: string) => ({
  '/ws/app/settings.py': `from pydantic import Field\nfrom pydantic_settings import BaseSettings\n\nclass LogSettings(BaseSettings):\n    enable_log_to_file: bool = ${value}\n    log_rotation: str = Field(default="100 MB")\n\nsettings = LogSettings()\n`,
});
const LOGURU = (sink: string) => `from pathlib import Path\nfrom loguru import logger\nfrom app.settings import settings\n\ndef configure():\n    if settings.enable_log_to_file:\n        logger.add(${sink}, rotation=settings.log_rotation)\n`;
const PATH_SINK = 'Path(settings.data_folder, "logs", "app.log")';

new RuleTester({ filename: '/ws/app/utils/logger.py', files: SETTINGS('Field(default=True)') }).run(rule, {
  valid: [
    { name: 'loguru under a file-logging switch that defaults to off (pydantic Field)', code: LOGURU("'logs/app.log'"), files: SETTINGS('Field(default=False)') },
    { name: 'loguru under a file-logging switch that defaults to off (plain value)', code: LOGURU(PATH_SINK), files: SETTINGS('False') },
    { name: 'a switch whose settings module is not in the project stays opt-in', code: LOGURU(PATH_SINK), files: {} },
  ],
  invalid: [
    {
      name: "loguru's Path sink under a switch another module defaults to True (Field(default=True))",
      code: LOGURU(PATH_SINK),
      errors: [['pyLoguruFile', 7, `logger.add(${PATH_SINK}, rotation=settings.log_rotation)`]],
      output: LOGURU('sys.stdout').replace('import settings\n', 'import settings\nimport sys\n').replace(', rotation=settings.log_rotation', ''),
    },
    {
      name: 'a FileHandler under a switch another module defaults to True (plain value)',
      code: 'import logging\nimport sys\nfrom app.settings import settings\n\nif settings.enable_log_to_file:\n    logging.getLogger().addHandler(logging.FileHandler("app.log"))\n',
      files: SETTINGS('True'),
      errors: [['pyFileHandler', 6, 'logging.FileHandler("app.log")']],
      output: 'import logging\nimport sys\nfrom app.settings import settings\n\nif settings.enable_log_to_file:\n    logging.getLogger().addHandler(logging.StreamHandler(sys.stdout))\n',
    },
    {
      name: 'an os.path.join sink with no switch',
      code: 'import os\nfrom loguru import logger\n\nlogger.add(os.path.join(LOG_DIR, "app.log"))\n',
      errors: [['pyLoguruFile', 4, 'logger.add(os.path.join(LOG_DIR, "app.log"))']],
      output: 'import os\nfrom loguru import logger\nimport sys\n\nlogger.add(sys.stdout)\n',
    },
  ],
});

// Held-out 13 (audit/README.md, "Held-out 13, Python and Go"): a path read from the configuration and tested
// before the handler is made (`if conf.get("general", "log-file"):`, a commenting server's empty default), and a
// LOGGING dict whose `filename` is an env read defaulting to /dev/null (a monitoring server's `LOG_FILE`): no file
// unless the operator names one.
const CONF_GUARD = (guard: string) => `import logging\nimport sys\n\ndef main(conf):\n    logger = logging.getLogger("app")\n    ${guard}\n        handler = logging.FileHandler(conf.get("general", "log-file"))\n        logger.addHandler(handler)\n`;
const DICT = (filename: string) => `import os\n\nLOGGING = {\n    'version': 1,\n    'handlers': {\n        'log_file': {\n            'class': 'logging.handlers.RotatingFileHandler',\n            'filename': ${filename},\n            'maxBytes': 1024,\n        },\n    },\n}\n`;

new RuleTester({ filename: '/ws/app/__init__.py' }).run(rule, {
  valid: [
    { name: 'the configured path is tested before FileHandler(conf.get(…))', code: CONF_GUARD('if conf.get("general", "log-file"):') },
    { name: "the same test in the other quotes and spacing", code: CONF_GUARD("if conf.get('general','log-file'):") },
    { name: 'if args.log_file: FileHandler(args.log_file)', code: 'import logging\n\ndef setup(args):\n    if args.log_file:\n        logging.getLogger().addHandler(logging.FileHandler(args.log_file))\n' },
    { name: "a LOGGING handler's filename from the env, /dev/null by default", code: DICT("os.environ.get('LOG_FILE', '/dev/null')") },
    { name: 'FileHandler on an env read that defaults to os.devnull', code: 'import logging\nimport os\n\nlogging.getLogger().addHandler(logging.FileHandler(os.getenv("LOG_FILE", os.devnull)))\n' },
  ],
  invalid: [
    {
      name: 'the guard tests another setting',
      code: CONF_GUARD('if conf.get("general", "debug"):'),
      errors: [['pyFileHandler', 7, 'logging.FileHandler(conf.get("general", "log-file"))']],
      output: CONF_GUARD('if conf.get("general", "debug"):').replace('FileHandler(conf.get("general", "log-file"))', 'StreamHandler(sys.stdout)'),
    },
    { name: "a LOGGING handler's filename from the env with a file by default", code: DICT("os.environ.get('LOG_FILE', '/var/log/app.log')"), errors: [['pyDictConfigFile', 7, "'logging.handlers.RotatingFileHandler'"]] },
    { name: "a LOGGING handler's filename from the env with no default", code: DICT("os.environ['LOG_FILE']"), errors: [['pyDictConfigFile', 7, "'logging.handlers.RotatingFileHandler'"]] },
  ],
});
