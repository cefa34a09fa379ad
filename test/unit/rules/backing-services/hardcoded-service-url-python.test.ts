// backing-services/hardcoded-service-url on Python: the client table's rows, the JavaScript rule's policy
// (localhost and compose-service defaults, env fallbacks, development configs, test files), and the
// `os.environ["NAME"]` fix, whose output the tester parses with the Python grammar.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { rule } from '../../../../core/src/rules/backing-services/hardcoded-service-url';
import { PYTHON_CLIENTS } from '../../../../core/src/rules/backing-services/hardcoded-service-url-python';
import { summary } from '../../../fixtures/workspace/harness';
import { fake } from '../../helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

const IMPORTS = 'import os\nimport redis\nimport pika\nimport psycopg2\nimport smtplib\nfrom pymongo import MongoClient\nfrom kafka import KafkaProducer\nfrom elasticsearch import Elasticsearch\n';

describe('backing-services/hardcoded-service-url in Python: the client table', () => {
  for (const row of PYTHON_CLIENTS) {
    test(`${row.name}: true example reported`, () => assert.equal(summary(rule, '/ws/app.py', `${IMPORTS}${row.tp}\n`).length, 1));
    test(`${row.name}: false example clean`, () => assert.deepEqual(summary(rule, '/ws/app.py', `${IMPORTS}${row.fp}\n`), []));
  }
});

new RuleTester({ filename: '/ws/app.py' }).run(rule, {
  valid: [
    { name: 'py: a localhost fallback of os.environ.get', code: "import os\nDATABASE_URL = os.environ.get('DATABASE_URL', 'postgres://localhost/dev')\n" },
    { name: 'py: a compose-service fallback after `or`', code: "import os\nREDIS_URL = os.getenv('REDIS_URL') or 'redis://redis:6379/0'\n" },
    { name: 'py: django-environ default', code: "import environ\nenv = environ.Env()\nDATABASES = {'default': env.db('DATABASE_URL', default='postgres://localhost/app')}\n" },
    { name: 'py: decouple default', code: "from decouple import config\nBROKER_URL = config('BROKER_URL', default='amqp://localhost//')\n" },
    { name: 'py: a pydantic settings field is a default the environment overrides', code: "from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    database_url: str = 'postgresql://app@localhost/app'\n" },
    { name: 'py: an argparse default', code: "parser.add_argument('--db', default='postgres://localhost/dev', help='database URL')\n" },
    { name: 'py: the development config class may name localhost', code: "class DevelopmentConfig(Config):\n    SQLALCHEMY_DATABASE_URI = 'postgresql://localhost/dev'\n" },
    { name: 'py: a development settings module may name localhost', filename: '/ws/app/settings/dev.py', code: "CELERY_BROKER_URL = 'redis://localhost:6379/0'\n" },
    { name: 'py: a local development settings module (settings/local_dev.py) may name localhost', filename: '/ws/app/settings/local_dev.py', code: "CELERY_BROKER_URL = 'redis://localhost:6379/0'\n" },
    { name: 'py: a project\'s default config (flaskbb configs/default.py) may name localhost', filename: '/ws/flaskbb/configs/default.py', code: "REDIS_URL = 'redis://localhost:6379'\n" },
    { name: 'py: a test file is not reported by default', filename: '/ws/tests/test_db.py', code: "engine = create_engine('postgresql://db.staging.internal/test')\n" },
    { name: 'py: an f-string whose host is a variable', code: "url = f'postgresql://{user}:{password}@{host}:5432/{name}'\n" },
    { name: 'py: concatenation around a variable host', code: "url = 'redis://' + host + ':6379/0'\n" },
    { name: 'py: a scheme alone', code: "if url.startswith('postgres://'):\n    url = url.replace('postgres://', 'postgresql://', 1)\n" },
    { name: 'py: a URL with a password is the secret rule\'s', code: `engine = create_engine('postgresql://app:${fake('Zq8', 'vLm2', 'Rt5')}@db.internal/app')\n` },
    { name: 'py: a log line', code: "logger.info('connecting to redis://cache.internal:6379')\nprint('redis://cache.internal:6379')\n" },
    { name: 'py: placeholders', code: "EXAMPLE = 'postgres://user@host:5432/db'\nOTHER = 'redis://your-redis-host:6379'\n" },
    { name: 'py: the host from the environment', code: "import os\nimport redis\nr = redis.Redis(host=os.environ['REDIS_HOST'], port=6379)\n" },
    { name: 'py: sqlite is a file, not a service', code: "SQLALCHEMY_DATABASE_URI = 'sqlite:///app.db'\n" },
    { name: 'py: a half-typed line', code: "import redis\nr = redis.Redis(host=\n" },
    { name: 'py: the defaults a config generator offers (audit: flaskbb cli/main.py makeconfig)', code: "def make_config():\n    default_conf = {\n        'redis_enabled': False,\n        'redis_uri': 'redis://localhost:6379',\n    }\n" },
    { name: 'py: a Django cache of local memory', code: "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache', 'LOCATION': 'unique-snowflake'}}\n" },
  ],
  invalid: [
    {
      name: 'py: the same localhost broker in the main settings module', filename: '/ws/app/settings/main.py', code: "CELERY_BROKER_URL = 'redis://localhost:6379/0'\n",
      errors: [['pyUrl', 1, "'redis://localhost:6379/0'"]], output: 'import os\nCELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]\n', envOutput: 'CELERY_BROKER_URL=redis://localhost:6379/0\n',
    },
    {
      name: 'py: a remote address in a dict of defaults is a fallback', code: "DEFAULTS = {'broker_url': 'amqp://mq.prod.internal//'}\n",
      errors: [['pyFallback', 1, "'amqp://mq.prod.internal//'"]],
    },
    {
      name: 'py: create_engine with a URL', code: "from sqlalchemy import create_engine\nengine = create_engine('postgresql://app@db.internal/app')\n",
      errors: [['pyUrl', 2, "'postgresql://app@db.internal/app'"]],
      output: "from sqlalchemy import create_engine\nimport os\nengine = create_engine(os.environ[\"DATABASE_URL\"])\n", envOutput: 'DATABASE_URL=postgresql://app@db.internal/app\n',
    },
    {
      name: 'py: redis from_url', code: "import os\nimport redis\nr = redis.Redis.from_url('redis://cache.internal:6379/0')\n",
      errors: [['pyUrl', 3, "'redis://cache.internal:6379/0'"]], output: "import os\nimport redis\nr = redis.Redis.from_url(os.environ[\"REDIS_URL\"])\n",
    },
    {
      name: 'py: SQLAlchemy setting named by its variable, with a driver in the scheme', code: "import os\nSQLALCHEMY_DATABASE_URI = 'mysql+pymysql://app@mysql.internal/app'\n",
      errors: [{ messageId: 'pyUrl', line: 2, data: { env: 'SQLALCHEMY_DATABASE_URI', host: 'mysql.internal' } }],
      output: "import os\nSQLALCHEMY_DATABASE_URI = os.environ[\"SQLALCHEMY_DATABASE_URI\"]\n",
    },
    {
      name: 'py: Celery broker_url in a dict', code: "import os\napp.conf.update({'broker_url': 'amqp://guest@rabbit.internal//'})\n",
      errors: [['pyUrl', 2, "'amqp://guest@rabbit.internal//'"]], output: "import os\napp.conf.update({'broker_url': os.environ[\"BROKER_URL\"]})\n",
    },
    {
      name: 'py: a remote fallback of os.environ.get loses its default', code: "import os\nREDIS_URL = os.environ.get('REDIS_URL', 'redis://cache.prod.internal:6379')\n",
      errors: [['pyFallback', 2, "'redis://cache.prod.internal:6379'"]], output: "import os\nREDIS_URL = os.environ[\"REDIS_URL\"]\n",
    },
    {
      name: 'py: a remote default of a config library is reported without a fix', code: "from decouple import config\nBROKER_URL = config('BROKER_URL', default='amqp://mq.prod.internal//')\n",
      errors: [['pyFallback', 2, "'amqp://mq.prod.internal//'"]],
    },
    {
      name: 'py: an f-string with the credentials from variables and the host written down', code: "url = f'postgresql://{user}:{password}@db.internal:5432/app'\n",
      errors: [['pyUrl', 1, "f'postgresql://{user}:{password}@db.internal:5432/app'"]],
    },
    {
      name: 'py: localhost in the production config class', code: "class ProductionConfig(Config):\n    SQLALCHEMY_DATABASE_URI = 'postgresql://localhost/prod'\n",
      errors: [['pyUrl', 2, "'postgresql://localhost/prod'"]], output: "import os\nclass ProductionConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ[\"SQLALCHEMY_DATABASE_URI\"]\n",
    },
    {
      name: 'py: redis.Redis on a compose service name (audit: jmeisele/micro-flask)', code: "from redis import Redis\nredis = Redis(host='redis', port=6379)\n",
      errors: [['pyHost', 2, "'redis'"]], output: "from redis import Redis\nimport os\nredis = Redis(host=os.environ[\"REDIS_HOST\"], port=6379)\n",
    },
    {
      name: 'py: pika on a compose service name (audit: jmeisele/micro-flask)', code: "import pika\nconnection = pika.BlockingConnection(pika.ConnectionParameters(host='rabbitmq-server'))\n",
      errors: [['pyHost', 2, "'rabbitmq-server'"]], output: "import pika\nimport os\nconnection = pika.BlockingConnection(pika.ConnectionParameters(host=os.environ[\"AMQP_HOST\"]))\n",
    },
    {
      name: 'py: Django DATABASES HOST', code: "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'HOST': 'db.internal',\n    }\n}\n",
      errors: [['pyHost', 4, "'db.internal'"]], output: "import os\nDATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'HOST': os.environ[\"DB_HOST\"],\n    }\n}\n",
    },
  ],
});

// Held-out 13 (djangoproject.com): settings read from the deployment's own secrets file (`SECRETS = json.load(handle)`),
// here or in the settings module a production module star-imports; `SECRETS.get(key, default)`'s default is that
// file's fallback, judged as an env read's: a local one is fine, a remote one is still reported.
const SECRETS_MODULE = 'import json\ntry:\n    with open("/srv/conf/secrets.json") as handle:\n        SECRETS = json.load(handle)\nexcept OSError:\n    SECRETS = {}\n';
const CACHES = (url: string) => `CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": SECRETS.get("cache_url", "${url}")}}\n`;
new RuleTester({ filename: '/ws/project/settings/common.py' }).run(rule, {
  valid: [
    { name: "py: a local default of what json.load read from the secrets file", code: SECRETS_MODULE + CACHES('redis://localhost:6379') },
    {
      name: 'py: the same read in a module that star-imports the settings that load it',
      filename: '/ws/project/settings/prod.py',
      code: 'from .common import *\n' + CACHES('redis://localhost:6379/2'),
      files: { '/ws/project/settings/common.py': SECRETS_MODULE },
    },
  ],
  invalid: [
    { name: 'py: a remote default of the secrets file is still written down', code: SECRETS_MODULE + CACHES('redis://cache.prod.internal:6379'), errors: [['pyFallback', 7, '"redis://cache.prod.internal:6379"']] },
    { name: 'py: .get on a dict the module builds itself is no file read', code: 'SECRETS = dict(cache_url=None)\n' + CACHES('redis://localhost:6379'), errors: [['pyUrl', 2, '"redis://localhost:6379"']], output: 'import os\nSECRETS = dict(cache_url=None)\n' + CACHES('XX').replace('"XX"', 'os.environ["REDIS_URL"]') },
    {
      name: 'py: a star import of a module that loads no file',
      filename: '/ws/project/settings/prod.py',
      code: 'from .common import *\n' + CACHES('redis://localhost:6379/2'),
      files: { '/ws/project/settings/common.py': 'SECRETS = {}\n' },
      errors: [['pyUrl', 2, '"redis://localhost:6379/2"']],
      output: 'from .common import *\nimport os\n' + CACHES('XX').replace('"XX"', 'os.environ["REDIS_URL"]'),
    },
  ],
});

// An f-string made of the module's own constants is the one address they spell (lemur's Docker configuration builds
// its Celery broker URL from `REDIS_HOST` and `REDIS_PORT`); a part the environment or the code decides is not.
new RuleTester({ filename: '/ws/docker/app.conf.py' }).run(rule, {
  valid: [
    { name: 'py: an f-string part read from the environment', code: "import os\nREDIS_HOST = os.getenv('REDIS_HOST', 'cache.internal')\nBROKER_URL = f'redis://{REDIS_HOST}:6379'\n" },
    { name: 'py: an f-string part bound twice', code: "REDIS_HOST = 'cache.internal'\nif PROD:\n    REDIS_HOST = other\nBROKER_URL = f'redis://{REDIS_HOST}:6379'\n" },
    { name: 'py: an f-string part that is an expression', code: "REDIS_HOST = 'cache.internal'\nBROKER_URL = f'redis://{REDIS_HOST.lower()}:6379'\n" },
  ],
  invalid: [
    {
      name: 'py: an f-string of two module constants',
      code: "REDIS_HOST = 'cache.internal'\nREDIS_PORT = 6379\nCELERY_BROKER_URL = f'redis://{REDIS_HOST}:{REDIS_PORT}'\n",
      errors: [['pyUrl', 3, "f'redis://{REDIS_HOST}:{REDIS_PORT}'"]],
      output: "import os\nREDIS_HOST = 'cache.internal'\nREDIS_PORT = 6379\nCELERY_BROKER_URL = os.environ[\"CELERY_BROKER_URL\"]\n",
      envOutput: 'CELERY_BROKER_URL=redis://cache.internal:6379\n',
    },
  ],
});

// Held-out 15 (audit/README.md, "Held-out 15, Python and Go"): scripts a CI workflow runs to set up the job's database
// container (FitTrackee's `db/create_ci_test_db.py`): `postgres` is the service container's name on the job's network.
const CI_DB = "import psycopg2\nconn = psycopg2.connect(host='postgres', dbname='postgres', user='postgres')\n";
new RuleTester({ filename: '/ws/db/create_ci_test_db.py' }).run(rule, {
  valid: [
    { name: "py: a CI script on the job's service container", code: CI_DB },
    { name: 'py: a script under .github/', filename: '/ws/.github/scripts/setup_db.py', code: CI_DB },
  ],
  invalid: [
    { name: 'py: the same connection in a script the app runs', filename: '/ws/db/create_db.py', code: CI_DB, errors: [['pyHost', 2, "'postgres'"]], output: "import psycopg2\nimport os\nconn = psycopg2.connect(host=os.environ[\"DB_HOST\"], dbname='postgres', user='postgres')\n" },
    { name: 'py: a remote host in a CI script', code: CI_DB.replace("'postgres', dbname", "'db.prod.acme.io', dbname"), errors: [['pyHost', 2, "'db.prod.acme.io'"]], output: "import psycopg2\nimport os\nconn = psycopg2.connect(host=os.environ[\"DB_HOST\"], dbname='postgres', user='postgres')\n" },
  ],
});
