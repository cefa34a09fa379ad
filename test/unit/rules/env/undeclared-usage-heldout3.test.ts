import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envInstructionNames } from '../../../../core/src/env/dockerfileDeclared';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Audit (issue 10), third held-out set: variables the project's image sets with `ENV` (anything-llm's
// docker/Dockerfile sets ANYTHING_LLM_RUNTIME, qinglong's sets QL_DIR) and a compose file kept in `docker/`.
const EXAMPLE = { '/ws/.env.example': 'DATABASE_URL=\n' };
const READ = 'const runtime = process.env.ANYTHING_LLM_RUNTIME;\nconst dir = process.env.QL_DIR;\n';
const DOCKERFILE = 'FROM node:20\nENV ANYTHING_LLM_RUNTIME=docker \\\n    QL_DIR=/ql\nCMD ["node", "index.js"]\n';

new RuleTester({ filename: '/ws/server/index.js' }).run(rule, {
  valid: [
    { name: 'set by the Dockerfile beside the declaration', code: READ, files: { ...EXAMPLE, '/ws/Dockerfile': DOCKERFILE } },
    { name: 'set by docker/Dockerfile', code: READ, files: { ...EXAMPLE, '/ws/docker/Dockerfile': DOCKERFILE } },
    { name: 'the legacy ENV NAME value form', code: 'const d = process.env.QL_DIR;\n', files: { ...EXAMPLE, '/ws/Dockerfile': 'FROM node\nENV QL_DIR /ql\n' } },
    {
      name: 'set under environment: of docker/docker-compose.yml',
      code: 'const u = process.env.QlBaseUrl;\n',
      files: { ...EXAMPLE, '/ws/docker/docker-compose.yml': 'services:\n  web:\n    environment:\n      - QlBaseUrl=/\n' },
    },
    {
      name: "a tutorial step's snapshot is kept for readers (async-labs/saas's book/10-end-functional/)",
      filename: '/ws/book/10-end/api/server/server.ts',
      code: 'const port = process.env.PORT;\n',
      files: { '/ws/book/10-end/api/.env.example': 'MONGO_URL=\n' },
    },
  ],
  invalid: [
    {
      name: 'a build argument is not an ENV, and a Dockerfile elsewhere does not declare',
      code: READ,
      files: { ...EXAMPLE, '/ws/Dockerfile': 'FROM node\nARG ANYTHING_LLM_RUNTIME=docker\n', '/ws/deploy/other/Dockerfile': DOCKERFILE },
      errors: [['undeclared', 1, 'ANYTHING_LLM_RUNTIME'], ['undeclared', 2, 'QL_DIR']],
      output: null,
    },
  ],
});

test('ENV instructions: several names, quoted values, continued lines, comments between them', () => {
  const text = 'ENV A=1 B="two words" \\\n  # why\n  C=3\nenv D 4 5\nRUN E=1 make\n';
  assert.deepEqual([...envInstructionNames(text)].sort(), ['A', 'B', 'C', 'D']);
});

// Held-out 3 (qinglong): variables the project's own shell scripts export for the programs they start, and
// the assignments its task runner puts before the command (`eval envParam=… numParam=… node task.js`).
const SHARE = 'dir_data=$QL_DIR/data\nexport QL_DATA_DIR="$QL_DIR/data"\nexport dir_scripts=$dir_data/scripts\n  export PREV_NODE_OPTIONS="${NODE_OPTIONS:=}"\n';
const RUNNER = 'run() {\n  eval envParam="${env_param}" numParam="${i}" $timeoutCmd node "$file" &\n}\n';
new RuleTester({ filename: '/ws/back/config.js' }).run(rule, {
  valid: [
    { name: 'exported by a start script under shell/ (values built from other variables)', code: 'const d = process.env.QL_DATA_DIR || process.env.dir_scripts || process.env.PREV_NODE_OPTIONS;\n', files: { ...EXAMPLE, '/ws/shell/share.sh': SHARE } },
    { name: 'exported by docker/docker-entrypoint.sh', code: 'const s = process.env.QL_SCHEDULER;\n', files: { ...EXAMPLE, '/ws/docker/docker-entrypoint.sh': 'if [ -n "$x" ]; then\n    export QL_SCHEDULER="system"\nfi\nexec node app.js\n' } },
    { name: 'set before the command the task runner evaluates', code: 'const p = process.env.envParam;\nconst n = process.env.numParam;\n', files: { ...EXAMPLE, '/ws/shell/otask.sh': RUNNER } },
  ],
  invalid: [
    {
      name: 'an empty export, one passing on the operator\'s value, a plain shell variable, and scripts of tests and dependencies do not declare',
      code: 'const a = process.env.API_KEY;\nconst b = process.env.dir_data;\nconst c = process.env.FIXTURE_VAR;\nconst d = process.env.DEP_VAR;\nconst e = process.env.DB_URL;\n',
      files: {
        ...EXAMPLE,
        '/ws/deploy.sh': 'export API_KEY=\ndir_data=/data\nexport DB_URL="${DB_URL}"\n',
        '/ws/test/setup.sh': 'export FIXTURE_VAR=1\n',
        '/ws/node_modules/x/run.sh': 'export DEP_VAR=1\n',
      },
      errors: [['undeclared', 1, 'API_KEY'], ['undeclared', 2, 'dir_data'], ['undeclared', 3, 'FIXTURE_VAR'], ['undeclared', 4, 'DEP_VAR'], ['undeclared', 5, 'DB_URL']],
      output: null,
    },
  ],
});
