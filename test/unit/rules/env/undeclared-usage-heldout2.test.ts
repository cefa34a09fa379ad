import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Audit (issue 10), second held-out set: postiz-app's root docker-compose.yaml sets MAIN_URL and
// TEMPORAL_ADDRESS under `environment:`, though its root .env.example leaves them out.
const EXAMPLE = { '/ws/.env.example': 'DATABASE_URL=\n' };
const READ = 'const url = process.env.MAIN_URL;\nconst temporal = process.env.TEMPORAL_ADDRESS;\n';
const MAP_FORM = "services:\n  app:\n    image: app\n    environment:\n      # === Required\n      MAIN_URL: 'http://localhost:4007'\n      TEMPORAL_ADDRESS: 'temporal:7233'\n    ports:\n      - 4007:5000\n";
const LIST_FORM = 'services:\n  app:\n    environment:\n      - MAIN_URL=http://localhost:4007\n      - "TEMPORAL_ADDRESS"\n';

new RuleTester({ filename: '/ws/apps/backend/src/main.ts' }).run(rule, {
  valid: [
    { name: 'set by compose environment (map form)', code: READ, files: { ...EXAMPLE, '/ws/docker-compose.yaml': MAP_FORM } },
    { name: 'set by compose environment (list form)', code: READ, files: { ...EXAMPLE, '/ws/compose.yml': LIST_FORM } },
    {
      name: 'an optional setting commented out in compose environment (postiz-app\'s SENTRY_SPOTLIGHT)',
      code: 'const s = process.env.SENTRY_SPOTLIGHT;\n',
      files: { ...EXAMPLE, '/ws/docker-compose.yaml': "services:\n  app:\n    environment:\n      MAIN_URL: 'x'\n      # === Sentry\n      # SENTRY_SPOTLIGHT: '1'\n" },
    },
  ],
  invalid: [
    {
      name: 'a key after the environment block is not declared (ports, volumes)',
      code: 'const p = process.env.ports;\nconst v = process.env.MAIN_URL;\n',
      files: { ...EXAMPLE, '/ws/docker-compose.yml': MAP_FORM.replace("      TEMPORAL_ADDRESS: 'temporal:7233'\n", '') + 'volumes:\n  data: {}\n' },
      errors: [['undeclared', 1, 'ports']],
      output: null,
    },
    {
      name: 'a compose file in an unrelated folder does not declare',
      code: READ,
      files: { ...EXAMPLE, '/ws/deploy/other/docker-compose.yml': MAP_FORM },
      errors: [['undeclared', 1, 'MAIN_URL'], ['undeclared', 2, 'TEMPORAL_ADDRESS']],
      output: null,
    },
  ],
});
