import { rule } from '../../../../core/src/rules/env/syntax';
import { RuleTester } from '../ruleTester';

// Fourth held-out audit set (audit/README.md, "Held-out 4, Node"): create-nocobase-app's `.env.tpl` holds a
// Handlebars placeholder on a line of its own, where the generator writes dotenv lines.
new RuleTester({ filename: '/ws/templates/app/.env.tpl' }).run(rule, {
  valid: [
    { name: 'a Handlebars placeholder line', code: 'APP_ENV=production\n{{{envs}}}\nAPP_PORT=13000\n' },
    { name: 'a Jinja block line', code: '{% for key in keys %}\nAPP_PORT=13000\n{% endfor %}\n' },
  ],
  invalid: [
    {
      name: 'a placeholder inside a key is still a bad key',
      code: 'APP_{{name}}_PORT=13000\n',
      errors: [['IncorrectDelimiter', 1, 'APP_{{name}}_PORT'], ['LowercaseKey', 1, 'APP_{{name}}_PORT']],
      output: null,
      suggestions: ['APP__name__PORT=13000\n', 'APP_{{NAME}}_PORT=13000\n'],
    },
  ],
});

// Fifth held-out set (audit/README.md, "Held-out 5, Python and Go"): a webpack template's `config/dev.env` is a
// JavaScript module read with `require`, not a dotenv file.
new RuleTester({ filename: '/ws/frontend/config/dev.env' }).run(rule, {
  valid: [
    { name: 'module.exports in a file named .env', code: "module.exports = {\n    NODE_ENV: 'development'\n};\n" },
    { name: 'a module with a comment and a require first', code: "// dev overrides\nconst merge = require('webpack-merge');\nmodule.exports = merge(prod, { NODE_ENV: '\"development\"' });\n" },
  ],
  invalid: [
    {
      name: 'a dotenv file whose value mentions module.exports is still judged',
      code: 'NODE_ENV = development\nNOTE="module.exports = {}"\n',
      errors: [['SpaceCharacter', 1, ' = ']],
      output: 'NODE_ENV=development\nNOTE="module.exports = {}"\n',
    },
  ],
});
