import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { declaredInRst, isDocumentationFile } from '../../../../core/src/env/docDeclared';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Tenth held-out audit set (audit/README.md, "Held-out 10, Python"): a Django app documents every variable its
// settings read in a Sphinx configuration reference (`docs/…/index.rst`), as a definition list of names in code.
// reStructuredText is documentation as Markdown is: its own declaring forms count, prose mentions do not.
const ROOT = { '/ws/.env.example': 'DEBUG=\n' };
const READ = 'import environ\nenv = environ.Env()\nLOG_DIR = env.str("LOG_DIR", "/tmp/logs")\n';
const reported = { errors: [['undeclared', 3, 'LOG_DIR']] as Array<[string, number, string]>, output: null };
const page = (rst: string) => ({ ...ROOT, '/ws/docs/admin/configuration/index.rst': rst });

new RuleTester({ filename: '/ws/src/app/settings.py' }).run(rule, {
  valid: [
    { name: 'a definition-list term in code over its definition', code: READ, files: page('Options\n=======\n\n`LOG_DIR`:\n    Where the logs go.\n') },
    { name: 'a literal ``NAME`` term with a classifier', code: READ, files: page('``LOG_DIR`` : path\n   Where the logs go.\n') },
    { name: "Sphinx's envvar directive", code: READ, files: page('.. envvar:: LOG_DIR\n\n   Where the logs go.\n') },
    { name: 'a NAME= line in a literal block', code: READ, files: page('Write an env file::\n\n    LOG_DIR=/var/log/app\n') },
    { name: 'a NAME= line in a code-block directive', code: READ, files: page('.. code-block:: bash\n\n   export LOG_DIR=/var/log/app\n') },
    { name: 'a name its sentence calls an environment variable', code: READ, files: page('Set the ``LOG_DIR`` environment variable to move them.\n') },
    { name: 'a README.rst at the root', code: READ, files: { ...ROOT, '/ws/README.rst': '.. envvar:: LOG_DIR\n' } },
  ],
  invalid: [
    { name: 'a prose mention does not declare', code: READ, files: page('The app writes its logs to ``LOG_DIR`` every night.\n'), ...reported },
    { name: 'a term without an indented definition is no definition list', code: READ, files: page('`LOG_DIR`\n\nWhere the logs go.\n'), ...reported },
    { name: 'a change log page does not declare', code: READ, files: { ...ROOT, '/ws/docs/changelog.rst': '``LOG_DIR``\n   New setting.\n' }, ...reported },
    { name: 'a term inside a literal block is code, not a definition', code: READ, files: page('Example::\n\n    `LOG_DIR`:\n        x\n'), ...reported },
    { name: 'a Markdown page does not read the reStructuredText forms', code: READ, files: { ...ROOT, '/ws/docs/config.md': '.. envvar:: LOG_DIR\n' }, ...reported },
  ],
});

test('reStructuredText pages are documentation; their change logs are not', () => {
  assert.equal(isDocumentationFile('/ws/docs/admin/configuration/index.rst'), true);
  assert.equal(isDocumentationFile('/ws/README.rst'), true);
  assert.equal(isDocumentationFile('/ws/docs/changelog.rst'), false);
});

test('each reStructuredText form gives the line it declares on', () => {
  const names = declaredInRst('Run::\n\n    A_B=1\n\n.. envvar:: C\n\n`D`:\n    d\n\n.. note::\n\n   Set the ``E`` environment variable.\n');
  assert.deepEqual([...names], [['A_B', 2], ['C', 4], ['D', 6], ['E', 11]]);
});

// A hang guard, not a time budget (see undeclared-usage-docs.test.ts): a linear parse of these pages is quick.
test('hostile reStructuredText pages are parsed without a blow-up', { timeout: 60_000 }, () => {
  const line = (s: string) => `${s.repeat(Math.ceil(4000 / s.length))}\n`;
  const pages = [line('``A``').repeat(250), line('`A` :').repeat(250), line('.. envvar:: A ').repeat(250), `x::\n${line('  A=').repeat(250)}`, line('the environment variable ``A`` ').repeat(250)];
  for (const p of pages) assert.ok(declaredInRst(p).size < 10_000, 'a bounded set of names per page');
});
