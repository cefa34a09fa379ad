// A usage sample of a library, shared by the rules that treat it as a developer's tool (missing-sigterm-handler,
// hardcoded-port): it loads the library by its published name, as a user's app would.
export const USAGE_SAMPLE_LIB = { '/ws/packages/uploader/package.json': '{"name":"uploader","main":"uploader.js"}' };
export const usageSample = (name: string): string =>
  `const express = require('express');\nconst uploader = require('${name}')();\n\nconst app = express();\napp.post('/', (req, res) => uploader.copyIn(req, res));\napp.listen(3000);\n`;
