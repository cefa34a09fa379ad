import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Audit (issue 10), held-out 16 (refly): the self-hosting stack lives in the root's `deploy/docker/`. Its
// `docker-compose.yml` extends the services of `docker-compose.services.yml`, which sets `AUTO_SEED_DATA` under
// `environment:` and hands the api `env_file: .env`, copied from `env.example` beside it (`cp env.example .env`).
const EXAMPLE = { '/ws/apps/api/.env.example': 'DATABASE_URL=\n' };
const STACK = 'include:\n  - path: docker-compose.base.yml\nservices:\n  api:\n    extends:\n      file: docker-compose.services.yml\n      service: api\n';
const SERVICES = 'services:\n  api:\n    env_file:\n      - .env\n    environment:\n      - AUTO_SEED_DATA=1\n';

new RuleTester({ filename: '/ws/apps/api/src/main.ts' }).run(rule, {
  valid: [
    {
      name: 'set under environment: of deploy/docker/docker-compose.yml',
      code: 'const seed = process.env.AUTO_SEED_DATA;\n',
      files: { ...EXAMPLE, '/ws/deploy/docker/docker-compose.yml': 'services:\n  api:\n    environment:\n      AUTO_SEED_DATA: "1"\n' },
    },
    {
      name: 'set by the service file the deploy stack extends',
      code: 'const seed = process.env.AUTO_SEED_DATA;\n',
      files: { ...EXAMPLE, '/ws/deploy/docker/docker-compose.yml': STACK, '/ws/deploy/docker/docker-compose.services.yml': SERVICES },
    },
    {
      name: "listed in env.example, the template of the stack's env_file .env",
      code: 'const url = process.env.SANDBOX_URL;\nconst rate = process.env.SANDBOX_RATE;\n',
      files: {
        ...EXAMPLE,
        '/ws/deploy/docker/docker-compose.yml': STACK,
        '/ws/deploy/docker/docker-compose.services.yml': SERVICES,
        '/ws/deploy/docker/env.example': 'SANDBOX_URL=http://sandbox:8080\n# SANDBOX_RATE=0.5\n',
      },
    },
    {
      name: 'listed in the template of a deployment stack env_file (path form)',
      code: 'const k = process.env.WORKER_QUEUE;\n',
      files: { ...EXAMPLE, '/ws/deployment/docker-compose.yml': 'services:\n  api:\n    env_file:\n      - path: ./config/app.env\n', '/ws/deployment/config/app.env.example': 'WORKER_QUEUE=jobs\n' },
    },
  ],
  invalid: [
    {
      name: 'a stack in another folder, a template no env_file names, a service file of another folder and the env_file template of docker/ do not declare',
      code: 'const a = process.env.OTHER_STACK;\nconst b = process.env.LOOSE_TEMPLATE;\nconst c = process.env.FAR_SERVICE;\nconst d = process.env.STORAGE_DIR;\n',
      files: {
        ...EXAMPLE,
        '/ws/deploy/other/docker-compose.yml': 'services:\n  api:\n    environment:\n      - OTHER_STACK=1\n',
        '/ws/deploy/docker/docker-compose.yml': 'services:\n  api:\n    extends:\n      file: ../far/compose.yml\n      service: api\n',
        '/ws/deploy/docker/env.example': 'LOOSE_TEMPLATE=1\n',
        '/ws/deploy/far/compose.yml': 'services:\n  api:\n    environment:\n      - FAR_SERVICE=1\n',
        '/ws/docker/docker-compose.yml': 'services:\n  app:\n    env_file:\n      - .env\n',
        '/ws/docker/.env.example': 'STORAGE_DIR=/app/server/storage\n',
      },
      errors: [['undeclared', 1, 'OTHER_STACK'], ['undeclared', 2, 'LOOSE_TEMPLATE'], ['undeclared', 3, 'FAR_SERVICE'], ['undeclared', 4, 'STORAGE_DIR']],
      output: null,
    },
  ],
});

// Held-out 16 (refly): the desktop start function sets `RF_COLLAB_URL` to a URL with a port a package just found,
// then logs it. A read after such a statement of the same block sees the program's value; one before it, one in a
// function the block declares, and one after `X = resolve(X)` (the deployer's setting made absolute) do not.
new RuleTester({ filename: '/ws/apps/api/src/electron.ts' }).run(rule, {
  valid: [
    {
      name: 'read after the statement that sets it',
      code: "import getPort from 'get-port';\nexport async function start() {\n  const wsPort = await getPort();\n  process.env.RF_COLLAB_URL = `ws://localhost:${wsPort}`;\n  console.log(process.env.RF_COLLAB_URL);\n}\n",
      files: EXAMPLE,
    },
  ],
  invalid: [
    {
      name: 'a read before, in a nested function, or after the setting made absolute is the deployer\'s',
      code: [
        "import getPort from 'get-port';",
        'export async function start() {',
        '  console.log(process.env.EARLY_URL);',
        '  process.env.EARLY_URL = `ws://localhost:${await getPort()}`;',
        '  process.env.STORE = path.resolve(process.env.STORE);',
        '  use(process.env.STORE);',
        '  process.env.LATE_URL = `http://localhost:${await getPort()}`;',
        '  function later() { return process.env.LATE_URL; }',
        '  later();',
        '}',
        '',
      ].join('\n'),
      files: EXAMPLE,
      errors: [['undeclared', 3, 'EARLY_URL'], ['undeclared', 5, 'STORE'], ['undeclared', 8, 'LATE_URL']],
      output: null,
    },
  ],
});
