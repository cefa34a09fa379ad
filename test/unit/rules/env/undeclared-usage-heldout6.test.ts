import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { loadGo } from '../../go-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);

// Sixth held-out audit set (audit/README.md, "Held-out 6, Python and Go"): a Go server with a React UI package whose
// committed `.env.production` sets what the UI reads; the root `.env.example` declares the server's variables.
const ROOT = { '/ws/.env.example': 'DB_TYPE=\n', '/ws/ui/package.json': '{ "name": "ui", "scripts": { "build": "react-scripts build" } }\n' };
const READ = 'export const api = process.env.REACT_APP_API_URL;\n';
const reported = (name: string) => ({ errors: [['undeclared', 1, name]] as Array<[string, number, string]>, output: null });

new RuleTester({ filename: '/ws/ui/src/utils/request.ts' }).run(rule, {
  valid: [
    { name: "set by the package's .env.production, which the production build loads", code: READ, files: { ...ROOT, '/ws/ui/.env.production': 'PUBLIC_URL=/\nREACT_APP_API_URL=/\n' } },
    { name: 'set to empty there is set too', code: READ, files: { ...ROOT, '/ws/ui/.env.production': 'REACT_APP_API_URL=\n' } },
  ],
  invalid: [
    { name: 'only .env.development sets it: a production build reads nothing', code: READ, files: { ...ROOT, '/ws/ui/.env.development': 'REACT_APP_API_URL=http://localhost:8080\n' }, ...reported('REACT_APP_API_URL') },
    { name: ".env.production.local is one machine's", code: READ, files: { ...ROOT, '/ws/ui/.env.production.local': 'REACT_APP_API_URL=/\n' }, ...reported('REACT_APP_API_URL') },
    { name: 'a .env.production of a folder without a package.json', filename: '/ws/web/src/request.ts', code: READ, files: { ...ROOT, '/ws/web/.env.production': 'REACT_APP_API_URL=/\n' }, ...reported('REACT_APP_API_URL') },
    {
      name: "Go code is not built by the UI's bundler",
      filename: '/ws/ui/static.go',
      code: 'package ui\n\nimport "os"\n\nvar api = os.Getenv("REACT_APP_API_URL")\n',
      files: { ...ROOT, '/ws/ui/.env.production': 'REACT_APP_API_URL=/\n' },
      errors: [['undeclared', 5, 'REACT_APP_API_URL']],
      output: null,
    },
  ],
});
