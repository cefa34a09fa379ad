import { rule } from '../../../../core/src/rules/processes/local-uploads';
import { RuleTester } from '../ruleTester';

new RuleTester({ filename: '/ws/src/routes/upload.ts' }).run(rule, {
  valid: [
    { name: 'multer memoryStorage', code: "import multer from 'multer';\nconst upload = multer({ storage: multer.memoryStorage() });\n" },
    { name: 'multer without options (memory)', code: "import multer from 'multer';\nconst upload = multer();\n" },
    { name: 'multer-s3', code: "import multer from 'multer';\nimport multerS3 from 'multer-s3';\nconst upload = multer({ storage: multerS3({ s3, bucket: 'uploads' }) });\n" },
    { name: 'temporary directories', code: "import multer from 'multer';\nimport os from 'node:os';\nmulter({ dest: os.tmpdir() });\nformidable({ uploadDir: '/tmp' });\nconst form = require('formidable')({ uploadDir: path.join(DIR_TEMP, 'x') });\n" },
    { name: 'diskStorage without destination uses the temp dir', code: "import multer from 'multer';\nmulter.diskStorage({ filename: (req, file, cb) => cb(null, file.originalname) });\n" },
    { name: 'express-fileupload in memory', code: "import fileUpload from 'express-fileupload';\napp.use(fileUpload({ limits: { fileSize: 1e6 } }));\napp.use(fileUpload({ useTempFiles: true, tempFileDir: '/tmp/' }));\n" },
    // Held-out 6 (saltcorn's restore and CSV import): moved, read and unlinked by the same handler.
    {
      name: 'an upload moved to a scratch file the handler removes',
      code: "router.post('/restore', async (req, res) => {\n  const newPath = File.get_new_path();\n  await req.files.file.mv(newPath);\n  const err = await restore(newPath);\n  fs.unlink(newPath, function () {});\n});\nrouter.post('/csv', async (req, res) => {\n  const csvPath = File.get_new_path();\n  await req.files.file.mv(csvPath);\n  await Table.create_from_csv(name, csvPath);\n  await fs.promises.rm(csvPath);\n});\n",
    },
    { name: 'unrelated mv', code: "fs.mv(a, b);\nfileSystem.mv('a', 'b');\nthis.files.mv('a', 'b');\n" },
    { name: 'test files are left alone', filename: '/ws/test/upload.test.ts', code: "import multer from 'multer';\nmulter({ dest: 'uploads/' });\n" },
  ],
  invalid: [
    { name: 'multer dest', code: "import multer from 'multer';\nconst upload = multer({ dest: 'uploads/' });\n", errors: [['disk', 2, "'uploads/'"]] },
    { name: 'multer dest via require', code: "const upload = require('multer')({ dest: path.join(__dirname, 'public/uploads') });\n", errors: [['disk', 1, "path.join(__dirname, 'public/uploads')"]] },
    {
      name: 'multer.diskStorage',
      code: "const multer = require('multer');\nconst storage = multer.diskStorage({\n  destination: (req, file, cb) => cb(null, 'uploads/'),\n  filename: (req, file, cb) => cb(null, file.originalname),\n});\nconst upload = multer({ storage });\n",
      errors: [['diskStorage', 2, 'diskStorage']],
    },
    { name: 'formidable uploadDir', code: "import formidable from 'formidable';\nconst form = formidable({ uploadDir: './public/uploads', keepExtensions: true });\n", errors: [['disk', 2, "'./public/uploads'"]] },
    { name: 'new IncomingForm', code: "import { IncomingForm } from 'formidable';\nconst form = new IncomingForm({ multiples: true, uploadDir: './public/uploads' });\n", errors: [['disk', 2, "'./public/uploads'"]] },
    { name: 'formidable v1 property', code: "const formidable = require('formidable');\nconst form = new formidable.IncomingForm();\nform.uploadDir = path.join(process.cwd(), '/uploads');\n", errors: [['disk', 3, "path.join(process.cwd(), '/uploads')"]] },
    { name: 'express-fileupload temp files in the app folder', code: "import fileUpload from 'express-fileupload';\napp.use(fileUpload({ useTempFiles: true, tempFileDir: './uploads' }));\n", errors: [['disk', 2, "'./uploads'"]] },
    {
      name: 'an upload kept for a later request, or another file removed',
      code: "router.post('/preview', async (req, res) => {\n  const newPath = File.get_new_path();\n  await req.files.file.mv(newPath);\n  await previewCSV({ newPath, res });\n});\nrouter.post('/swap', async (req, res) => {\n  const target = File.get_new_path();\n  fs.unlinkSync(oldPath);\n  await req.files.file.mv(target);\n  fs.unlinkSync(oldPath);\n});\n",
      errors: [['moved', 3, 'mv'], ['moved', 9, 'mv']],
    },
    { name: 'express-fileupload mv', code: "app.post('/avatar', (req, res) => {\n  req.files.avatar.mv(`${__dirname}/uploads/${req.files.avatar.name}`);\n});\n", errors: [['moved', 2, 'mv']] },
    { name: 'mv on a file taken from req.files', code: "app.post('/up', async (req, res) => {\n  const { photo } = req.files;\n  await photo.mv('./public/photos/' + photo.name);\n});\n", errors: [['moved', 3, 'mv']] },
  ],
});
