import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/processes/local-uploads';
import { loadGo } from '../../go-helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);
before(loadPython);

// A setting that picks where uploads go, whose default is the instance's own disk (audit misses: teable's
// `BACKEND_STORAGE_PROVIDER ?? 'local'`, vikunja's `files.type` default `local`). Started without the setting, the
// app keeps every upload on one machine's disk.

const NEST = (def: string) => `import { registerAs } from '@nestjs/config';\n\nexport const storageConfig = registerAs('storage', () => ({\n  provider: (process.env.BACKEND_STORAGE_PROVIDER ${def}) as 'local' | 's3',\n  local: { path: process.env.BACKEND_STORAGE_LOCAL_PATH ?? '.assets/uploads' },\n}));\n`;
const COMPOSE = (value: string) => `services:\n  app:\n    image: app\n    environment:\n      BACKEND_STORAGE_PROVIDER: ${value}\n`;

new RuleTester({ filename: '/ws/src/configs/storage.ts' }).run(rule, {
  valid: [
    { name: 'an object store by default', code: NEST("?? 's3'") },
    { name: 'no default', code: NEST('') },
    { name: 'the root compose file deploys another store', code: NEST("?? 'local'"), files: { '/ws/docker-compose.yml': COMPOSE('minio') } },
    { name: 'not an uploads setting: a log or cache driver', code: "const a = process.env.LOG_FILE_DRIVER || 'file';\nconst b = process.env.CACHE_STORAGE_TYPE ?? 'local';\nconst c = process.env.SESSION_STORAGE || 'local';\n" },
    { name: 'not the disk: a local default of another kind of setting', code: "const region = process.env.STORAGE_REGION || 'local';\nconst mode = process.env.FILE_DRIVER || 's3';\n" },
    // nocobase's client: where the browser keeps its API token, not uploads.
    { name: "the browser's localStorage", code: "const storageType = process.env.API_CLIENT_STORAGE_TYPE || 'localStorage';\n" },
    { name: 'test code', filename: '/ws/test/storage.test.ts', code: NEST("?? 'local'") },
  ],
  invalid: [
    { name: 'the storage provider defaults to the local disk', code: NEST("?? 'local'"), errors: [['localDefault', 4, "'local'"]], output: null },
    {
      name: 'other default forms and names',
      code: "const driver = process.env.FILE_DRIVER || 'disk';\nconst { UPLOAD_STORAGE = 'filesystem' } = process.env;\nconst t = process.env.ATTACHMENTS_STORAGE_TYPE ? process.env.ATTACHMENTS_STORAGE_TYPE : 'local';\n",
      errors: [['localDefault', 1, "'disk'"], ['localDefault', 2, "'filesystem'"], ['localDefault', 3, "'local'"]],
    },
    { name: 'the compose file deploys the local store too', code: NEST("?? 'local'"), files: { '/ws/docker-compose.yml': COMPOSE('local') }, errors: [['localDefault', 4, "'local'"]] },
  ],
});

const KEYS = (def: string) => `package config\n\ntype Key string\n\nconst (\n\tFilesBasePath Key = \`files.basepath\`\n\tFilesType     Key = \`files.type\`\n)\n\nfunc (k Key) setDefault(v interface{}) {}\n\nfunc InitDefaultConfig() {\n\tFilesBasePath.setDefault("files")\n\tFilesType.setDefault("${def}")\n}\n`;
const VIPER = (key: string, value: string) => `package config\n\nimport "github.com/spf13/viper"\n\nfunc Defaults() {\n\tviper.SetDefault("${key}", "${value}")\n}\n`;
const GETENV = (value: string) => `package config\n\nimport "os"\n\nfunc Driver() string {\n\tdriver := os.Getenv("STORAGE_DRIVER")\n\tif driver == "" {\n\t\tdriver = "${value}"\n\t}\n\treturn driver\n}\n`;

new RuleTester({ filename: '/ws/pkg/config/config.go' }).run(rule, {
  valid: [
    { name: "a typed key's default that is an object store", code: KEYS('s3') },
    { name: 'viper: another default', code: VIPER('storage.type', 's3') },
    { name: 'viper: a local default of another setting', code: VIPER('log.type', 'file') },
    { name: 'os.Getenv with an object-store default', code: GETENV('s3') },
    { name: 'Go test code', filename: '/ws/pkg/config/config_test.go', code: VIPER('storage.type', 'local') },
  ],
  invalid: [
    { name: "a typed key's default is the local disk", code: KEYS('local'), errors: [['localDefault', 14, '"local"']], output: null },
    { name: 'viper.SetDefault', code: VIPER('storage.driver', 'filesystem'), errors: [['localDefault', 6, '"filesystem"']] },
    { name: 'os.Getenv with a local default', code: GETENV('local'), errors: [['localDefault', 8, '"local"']] },
  ],
});

// Held-out 15 (audit/README.md, "Held-out 15, Python and Go"): a Django settings module whose data-files storage
// backend defaults to the local disk (mathesar's `DATA_FILES_STORAGE_BACKEND`, Azure only when set).
const DJANGO = (read: string) => `import os\n\nDATA_FILES_STORAGE_BACKEND = ${read}\nif DATA_FILES_STORAGE_BACKEND == 'azure':\n    DEFAULT_FILE_STORAGE = 'storages.backends.azure_storage.AzureStorage'\n`;
new RuleTester({ filename: '/ws/config/settings/common_settings.py' }).run(rule, {
  valid: [
    { name: 'Python: an object store by default', code: DJANGO("os.environ.get('DATA_FILES_STORAGE_BACKEND', 'azure')") },
    { name: 'Python: no default', code: DJANGO("os.environ['DATA_FILES_STORAGE_BACKEND']") },
    { name: 'Python: not an uploads setting (a cache backend)', code: "import os\nCACHE_STORAGE_BACKEND = os.getenv('CACHE_STORAGE_BACKEND', 'local')\n" },
    { name: 'Python: the root compose file deploys another store', code: DJANGO("os.environ.get('DATA_FILES_STORAGE_BACKEND', 'local')"), files: { '/ws/docker-compose.yml': 'services:\n  app:\n    image: app\n    environment:\n      DATA_FILES_STORAGE_BACKEND: azure\n' } },
    { name: 'Python: test code', filename: '/ws/tests/test_settings.py', code: DJANGO("os.environ.get('DATA_FILES_STORAGE_BACKEND', 'local')") },
  ],
  invalid: [
    { name: 'Python: the storage backend defaults to the local disk', code: DJANGO("os.environ.get('DATA_FILES_STORAGE_BACKEND', 'local')"), errors: [['localDefault', 3, "'local'"]], output: null },
    { name: 'Python: os.getenv and another name', code: "import os\nUPLOAD_STORAGE = os.getenv('UPLOAD_STORAGE', 'filesystem')\n", errors: [['localDefault', 2, "'filesystem'"]], output: null },
    // zou: preview files on the disk unless FS_BACKEND names S3 or Swift.
    { name: "Python: a file store's backend under the short name (FS_BACKEND)", code: "import os\nFS_BACKEND = os.getenv('FS_BACKEND', 'local')\n", errors: [['localDefault', 2, "'local'"]], output: null },
  ],
});
