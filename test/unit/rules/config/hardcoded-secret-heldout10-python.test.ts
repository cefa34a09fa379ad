import { rule as secret } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Tenth held-out audit set (audit/README.md, "Held-out 10, Python"): each valid case was a false positive on a real
// application, as the smallest made-up code that shows it; the invalid ones keep the rules honest on the same shapes.

// A Pyramid app's PasteDeploy settings for the developer's server (`development.ini`, `websocket-dev.ini`) hold the
// local server's `secret_key`; `production.ini` and an app's own `app.ini` are judged as configuration.
const SETTINGS = '[app:main]\nuse = egg:app\n\nsecret_key: zq8xk2plm4nbv7rt1wy9\n';
const named = { errors: [['named', 4, 'zq8xk2plm4nbv7rt1wy9']] as Array<[string, number, string]> };
new RuleTester({ filename: '/ws/conf/development.ini' }).run(secret, {
  valid: [
    { name: "Pyramid's development.ini", code: SETTINGS },
    { name: 'a -dev.ini beside the production one', filename: '/ws/conf/websocket-dev.ini', code: SETTINGS },
    { name: "Pyramid's testing.ini", filename: '/ws/testing.ini', code: SETTINGS },
  ],
  invalid: [
    { name: "Pyramid's production.ini", filename: '/ws/conf/production.ini', code: SETTINGS, ...named },
    { name: 'a name that only contains dev is no development file', filename: '/ws/conf/devices.ini', code: SETTINGS, ...named },
  ],
});

// Inkeep's AI assistant widget key in a Docusaurus site's plugin options: a public client's key, shipped to every
// browser as Algolia's search-only key is. The same `apiKey` given to anything else is judged as usual.
const WIDGET_KEY = '9f3c1a7e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d';
const widget = (plugin: string, settings = 'baseSettings') =>
  `module.exports = {\n  plugins: [\n    [\n      '${plugin}',\n      {\n        SearchBar: {\n          ${settings}: {\n            apiKey: '${WIDGET_KEY}',\n            primaryBrandColor: '#6851ff',\n          },\n        },\n      },\n    ],\n  ],\n};\n`;
new RuleTester({ filename: '/ws/documentation/docusaurus.config.js' }).run(secret, {
  valid: [
    { name: "Inkeep's Docusaurus plugin settings", code: widget('@inkeep/cxkit-docusaurus') },
    { name: "Inkeep's themeConfig.inkeepConfig", code: `module.exports = {\n  themeConfig: {\n    inkeepConfig: {\n      baseSettings: {\n        apiKey: '${WIDGET_KEY}',\n      },\n    },\n  },\n};\n` },
  ],
  invalid: [
    {
      name: "another plugin's baseSettings.apiKey",
      code: widget('some-search-plugin'),
      errors: [['named', 8, WIDGET_KEY]],
      output: widget('some-search-plugin').replace(`'${WIDGET_KEY}'`, 'process.env.BASE_SETTINGS_API_KEY'),
    },
    {
      name: "an apiKey outside Inkeep's baseSettings",
      code: widget('@inkeep/cxkit-docusaurus', 'serverSettings'),
      errors: [['named', 8, WIDGET_KEY]],
      output: widget('@inkeep/cxkit-docusaurus', 'serverSettings').replace(`'${WIDGET_KEY}'`, 'process.env.SERVER_SETTINGS_API_KEY'),
    },
  ],
});
