import { rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester } from '../ruleTester';

// Sixth held-out audit set (audit/README.md, "Stop 25"). An Nx workspace (nx.json at the root) keeps its
// development tools in the root package.json; a library's own package.json describes the package it publishes.
// Nx runs the library's vite/jest/eslint tasks from the root install, so their configs may import what the root
// declares. The library's source files may not: the published package would lack it.
const LIBRARY = {
  '/ws/package.json': JSON.stringify({ name: 'ws', private: true, devDependencies: { '@nx/vite': '^19.0.0', vite: '^5.0.0', '@nx/jest': '^19.0.0', zod: '^3.0.0' } }),
  '/ws/libs/dto/package.json': JSON.stringify({ name: '@acme/dto', version: '0.0.1', dependencies: { 'nestjs-zod': '^3.0.0' } }),
  '/ws/libs/dto/project.json': JSON.stringify({ name: 'dto', targets: { test: { executor: '@nx/vite:test' } } }),
};
const NX = { ...LIBRARY, '/ws/nx.json': JSON.stringify({ targetDefaults: {} }) };
const VITE_CONFIG = "import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';\nimport { defineConfig } from 'vite';\nexport default defineConfig({ plugins: [nxViteTsPaths()] });\n";

new RuleTester({ filename: '/ws/libs/dto/vite.config.ts', files: NX }).run(rule, {
  valid: [
    { name: "an Nx library's vite config imports the tools the root declares", code: VITE_CONFIG },
    { name: "an Nx library's jest config", filename: '/ws/libs/dto/jest.config.ts', code: "import { getJestProjectsAsync } from '@nx/jest';\nexport default getJestProjectsAsync;\n" },
  ],
  invalid: [
    {
      name: 'without nx.json the root is no task runner: hoisting',
      code: VITE_CONFIG,
      files: LIBRARY,
      errors: [['undeclared', 1, "'@nx/vite/plugins/nx-tsconfig-paths.plugin'"], ['undeclared', 2, "'vite'"]],
    },
    {
      name: "a library's source file imports only what its own package.json declares",
      filename: '/ws/libs/dto/src/index.ts',
      code: "import { z } from 'zod';\nexport const s = z.string();\n",
      errors: [['undeclared', 1, "'zod'"]],
    },
    {
      name: 'a config importing what the root does not declare either',
      code: "import { defineConfig } from 'vite';\nimport dts from 'vite-plugin-dts';\nexport default defineConfig({ plugins: [dts()] });\n",
      errors: [['undeclared', 2, "'vite-plugin-dts'"]],
    },
  ],
});
