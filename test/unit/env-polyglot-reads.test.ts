import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { envFactsOf, envReadAtIn, envReadsInText, envReadsOf, typedEnvName } from '../../core/src/env/polyglot';
import { loadGo } from './go-helpers';
import { loadPython } from './python-helpers';

before(async () => {
  await loadPython();
  await loadGo();
});

/** Each site as `name@text-at-offsets[ write]`: the offsets are the name's, between its quotes. */
function sites(file: string, text: string): string[] {
  return envReadsOf(new FileContext(file, text)).reads.map((r) => `${r.name}@${text.slice(r.start, r.end)}${r.write ? ' write' : ''}`);
}

test('Python: os.environ, os.getenv and the names imported from os', () => {
  const text = [
    'import os',
    'from os import environ, getenv',
    "a = os.environ['A']",
    'b = os.environ.get("B", "x")',
    "c = os.getenv('C')",
    "d = os.getenv('D', 'dflt') or 'other'",
    "e = environ['E']",
    "f = getenv('F')",
    "g = environ.get('G')",
    '',
  ].join('\n');
  assert.deepEqual(sites('/ws/app.py', text), ['A@A', 'B@B', 'C@C', 'D@D', 'E@E', 'F@F', 'G@G']);
});

test('Python: setdefault, assignment and del are writes; a computed name makes the reads dynamic', () => {
  const text = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\nos.environ['A'] = '1'\ndel os.environ['B']\nif os.environ['C'] == 'x': pass\nv = os.environ[name]\n";
  assert.deepEqual(sites('/ws/manage.py', text), ['DJANGO_SETTINGS_MODULE@DJANGO_SETTINGS_MODULE write', 'A@A write', 'B@B write', 'C@C']);
  assert.equal(envReadsOf(new FileContext('/ws/manage.py', text)).dynamic, true);
});

test('Python: django-environ, environs and python-decouple reads', () => {
  const django = "import environ\nenv = environ.Env(DEBUG=(bool, False))\nDEBUG = env('DEBUG')\nSECRET = env.str('SECRET_KEY')\nDATABASES = {'default': env.db()}\nenv.read_env('.env')\n";
  assert.deepEqual(sites('/ws/settings.py', django), ['DEBUG@DEBUG', 'SECRET_KEY@SECRET_KEY', 'DATABASE_URL@env.db']);
  const environs = "from environs import Env\nenv = Env()\nenv.read_env()\nPORT = env.int('PORT', 8000)\n";
  assert.deepEqual(sites('/ws/config.py', environs), ['PORT@PORT']);
  const decouple = "from decouple import config, Csv\nDEBUG = config('DEBUG', default=False, cast=bool)\nHOSTS = config('ALLOWED_HOSTS', cast=Csv())\n";
  assert.deepEqual(sites('/ws/settings.py', decouple), ['DEBUG@DEBUG', 'ALLOWED_HOSTS@ALLOWED_HOSTS']);
  // `config(...)` of something else, and `env('X')` of an object no reader built, are not env reads.
  assert.deepEqual(sites('/ws/app.py', "from app import config\nenv = make()\nconfig('DEBUG')\nenv('X')\n"), []);
});

test('Go: os.Getenv and os.LookupEnv read, os.Setenv and os.Unsetenv write', () => {
  const text = 'package main\n\nimport "os"\n\nfunc main() {\n\tport := os.Getenv("PORT")\n\tif v, ok := os.LookupEnv(`DEBUG`); ok {\n\t\t_ = v\n\t}\n\tos.Setenv("TZ", "UTC")\n\tos.Unsetenv("OLD")\n\t_ = port\n}\n';
  assert.deepEqual(sites('/ws/main.go', text), ['PORT@PORT', 'DEBUG@DEBUG', 'TZ@TZ write', 'OLD@OLD write']);
});

test('summaries name what Python and Go read, and pydantic settings fields', () => {
  assert.deepEqual(envFactsOf(new FileContext('/ws/a.py', "import os\nos.getenv('A')\nos.environ['B'] = 'x'\n")), ['env-read:A', 'env-read:B']);
  const pydantic = 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    database_url: str\n    debug: bool = False\n';
  assert.deepEqual(envFactsOf(new FileContext('/ws/s.py', pydantic)), ['env-mention:DATABASE_URL', 'env-mention:DEBUG']);
  assert.deepEqual(envFactsOf(new FileContext('/ws/m.go', 'package m\nimport "os"\nvar p = os.Getenv("PORT")\n')), ['env-read:PORT']);
});

test('the read under the cursor, and the name being typed', () => {
  const text = "import os\nkey = os.environ.get('API_KEY')\n";
  const at = text.indexOf('API_KEY') + 2;
  assert.deepEqual(envReadAtIn(new FileContext('/ws/a.py', text), at), { name: 'API_KEY', start: text.indexOf('API_KEY'), end: text.indexOf('API_KEY') + 7 });
  assert.equal(envReadAtIn(new FileContext('/ws/a.py', text), 2), undefined);
  assert.equal(typedEnvName('python', "x = os.environ['DA"), 'DA');
  assert.equal(typedEnvName('python', 'x = os.getenv("'), '');
  assert.equal(typedEnvName('python', "x = environ.get('"), '');
  assert.equal(typedEnvName('python', "x = open('"), undefined);
  assert.equal(typedEnvName('go', 'p := os.Getenv("PO'), 'PO');
  assert.equal(typedEnvName('go', 'p := fmt.Sprintf("'), undefined);
  assert.equal(typedEnvName('js', 'const a = process.env.'), '');
});

test('from the text alone (the scaffolds): which reads need the variable set, writes left out', () => {
  const python = [
    "a = os.environ['A']",
    "b = os.environ.get('B')",
    "c = os.getenv('C', 'x')",
    "os.environ.setdefault('S', '1')",
    "d = env('D')",
    "e = env.int('E', default=3)",
    "f = config('F')",
    '',
  ].join('\n');
  assert.deepEqual(envReadsInText('python', python).map((r) => `${r.name}${r.required ? '!' : '?'}`), ['A!', 'B?', 'C?', 'D!', 'E?', 'F!']);
  const go = 'a := os.Getenv("A")\nb, ok := os.LookupEnv("B")\nos.Setenv("S", "1")\n';
  assert.deepEqual(envReadsInText('go', go).map((r) => `${r.name}${r.required ? '!' : '?'}`), ['A!', 'B?']);
});
