import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Fourth held-out audit set (audit/README.md, "Held-out 4, Node"): a command-line tool reads the shell it runs in
// (nocobase's CLI: `BASH_VERSION`, `ZSH_VERSION`, `ComSpec`, `LC_ALL`), and the Tauri CLI sets TAURI_DEV_HOST.
const EXAMPLE = { '/ws/.env.example': 'DATABASE_URL=\n' };

new RuleTester({ filename: '/ws/packages/cli/src/lib/session.ts', files: EXAMPLE }).run(rule, {
  valid: [
    { name: "the shell's and the locale's own variables", code: 'const shell = process.env.ZSH_VERSION ?? process.env.BASH_VERSION ?? process.env.ComSpec;\nconst lang = process.env.LC_ALL || process.env.LC_MESSAGES;\n' },
    { name: "Windows' user folders", code: 'const home = process.env.USERPROFILE || process.env.APPDATA;\n' },
    {
      name: "a service's own README below the workspace's .env.example (hoppscotch's webapp-server/README.md)",
      filename: '/ws/packages/webapp-server/internal/config/config.ts',
      code: 'const port = process.env.WEBAPP_SERVER_PORT;\n',
      files: { ...EXAMPLE, '/ws/packages/webapp-server/README.md': '| Variable | Description |\n|---|---|\n| `WEBAPP_SERVER_PORT` | Server port |\n' },
    },
    { name: 'set by the Tauri CLI', filename: '/ws/packages/desktop/vite.config.ts', code: 'const host = process.env.TAURI_DEV_HOST;\n' },
  ],
  invalid: [
    {
      name: 'a README in a sibling folder declares nothing for this one',
      filename: '/ws/packages/api/src/config.ts',
      code: 'const port = process.env.WEBAPP_SERVER_PORT;\n',
      files: { ...EXAMPLE, '/ws/packages/webapp-server/README.md': '| Variable | Description |\n|---|---|\n| `WEBAPP_SERVER_PORT` | Server port |\n' },
      errors: [['undeclared', 1, 'WEBAPP_SERVER_PORT']],
      output: null,
    },
    {
      name: "a tool's own variable that merely ends like a shell's is still undeclared",
      code: 'const v = process.env.APP_BASH_VERSION;\n',
      errors: [['undeclared', 1, 'APP_BASH_VERSION']],
      output: null,
    },
  ],
});
