import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/processes/local-uploads';
import { summary } from '../fixtures/workspace/harness';

const RULE = 'processes/local-uploads';
const FILE = '/ws/src/routes/upload.ts';

const invalid: Array<[string, string, Array<[string, number, string]>]> = [
  ['multer dest', "import multer from 'multer';\nconst upload = multer({ dest: 'uploads/' });\n", [['disk', 2, "'uploads/'"]]],
  ['multer dest via require', "const upload = require('multer')({ dest: path.join(__dirname, 'public/uploads') });\n", [['disk', 1, "path.join(__dirname, 'public/uploads')"]]],
  ['multer.diskStorage', "const multer = require('multer');\nconst storage = multer.diskStorage({\n  destination: (req, file, cb) => cb(null, 'uploads/'),\n  filename: (req, file, cb) => cb(null, file.originalname),\n});\nconst upload = multer({ storage });\n",
    [['diskStorage', 2, 'diskStorage']]],
  ['formidable uploadDir', "import formidable from 'formidable';\nconst form = formidable({ uploadDir: './public/uploads', keepExtensions: true });\n", [['disk', 2, "'./public/uploads'"]]],
  ['new IncomingForm', "import { IncomingForm } from 'formidable';\nconst form = new IncomingForm({ multiples: true, uploadDir: './public/uploads' });\n", [['disk', 2, "'./public/uploads'"]]],
  ['formidable v1 property', "const formidable = require('formidable');\nconst form = new formidable.IncomingForm();\nform.uploadDir = path.join(process.cwd(), '/uploads');\n", [['disk', 3, "path.join(process.cwd(), '/uploads')"]]],
  ['express-fileupload temp files in the app folder', "import fileUpload from 'express-fileupload';\napp.use(fileUpload({ useTempFiles: true, tempFileDir: './uploads' }));\n", [['disk', 2, "'./uploads'"]]],
  ['express-fileupload mv', "app.post('/avatar', (req, res) => {\n  req.files.avatar.mv(`${__dirname}/uploads/${req.files.avatar.name}`);\n});\n", [['moved', 2, 'mv']]],
  ['mv on a file taken from req.files', "app.post('/up', async (req, res) => {\n  const { photo } = req.files;\n  await photo.mv('./public/photos/' + photo.name);\n});\n", [['moved', 3, 'mv']]],
];

const valid: Array<[string, string]> = [
  ['multer memoryStorage', "import multer from 'multer';\nconst upload = multer({ storage: multer.memoryStorage() });\n"],
  ['multer without options (memory)', "import multer from 'multer';\nconst upload = multer();\n"],
  ['multer-s3', "import multer from 'multer';\nimport multerS3 from 'multer-s3';\nconst upload = multer({ storage: multerS3({ s3, bucket: 'uploads' }) });\n"],
  ['temporary directories', "import multer from 'multer';\nimport os from 'node:os';\nmulter({ dest: os.tmpdir() });\nformidable({ uploadDir: '/tmp' });\nconst form = require('formidable')({ uploadDir: path.join(DIR_TEMP, 'x') });\n"],
  ['diskStorage without destination uses the temp dir', "import multer from 'multer';\nmulter.diskStorage({ filename: (req, file, cb) => cb(null, file.originalname) });\n"],
  ['express-fileupload in memory', "import fileUpload from 'express-fileupload';\napp.use(fileUpload({ limits: { fileSize: 1e6 } }));\napp.use(fileUpload({ useTempFiles: true, tempFileDir: '/tmp/' }));\n"],
  ['unrelated mv', "fs.mv(a, b);\nfileSystem.mv('a', 'b');\nthis.files.mv('a', 'b');\n"],
];

describe(`${RULE}`, () => {
  for (const [name, code, expected] of invalid) test(`invalid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), expected));
  for (const [name, code] of valid) test(`valid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), []));
  test('test files are left alone', () => {
    assert.deepEqual(summary(rule, '/ws/test/upload.test.ts', "import multer from 'multer';\nmulter({ dest: 'uploads/' });\n"), []);
  });
});
