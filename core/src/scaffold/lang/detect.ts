import * as path from 'node:path';
import { envReadsInText } from '../../env/polyglot';
import type { ScaffoldFs } from '../fs';
import { pythonEntryOf, type PythonEntry } from '../python/wiring';
import { goShutdownWiring } from '../go/wiring';
import type { GoFramework, GoProject, ProjectLanguage, PythonFramework, PythonProject } from './types';

const posix = path.posix;
const PY_MANIFESTS = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'uv.lock', 'poetry.lock'];
const MAX_FILES = 400;
const MAX_BYTES = 256 * 1024;
const SKIP = /(^|\/)(\.venv|venv|env|site-packages|vendor|node_modules|tests?|__pycache__)\//;

/**
 * The folder's language as the manifests at its root say: package.json is Node.js (the scaffolds' first language),
 * else a Python manifest, else go.mod. A polyglot workspace is one folder per language: the commands already ask
 * which folder (or pass the folder the explorer's menu was opened on), and the folder decides the variant.
 * `nodeApp`: the package.json starts something (a start script, or a server in the JS code); a package.json that
 * only carries front-end tooling beside a Python or Go app does not make the folder Node.js.
 */
export function detectLanguage(files: readonly string[], nodeApp = true): ProjectLanguage {
  const other = PY_MANIFESTS.some((m) => files.includes(m)) || files.includes('go.mod');
  if (files.includes('package.json') && (nodeApp || !other)) return 'node';
  if (PY_MANIFESTS.some((m) => files.includes(m))) return 'python';
  if (files.includes('go.mod')) return 'go';
  const py = files.filter((f) => f.endsWith('.py')).length;
  const go = files.filter((f) => f.endsWith('.go')).length;
  if (py > 0 && py >= go) return 'python';
  if (go > 0) return 'go';
  return 'node';
}

async function readAll(fs: ScaffoldFs, files: string[]): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const f of files.slice(0, MAX_FILES)) {
    const text = await fs.readFile(f);
    if (text !== undefined && text.length <= MAX_BYTES) out.push([f, text]);
  }
  return out;
}

function addRead(reads: Map<string, boolean>, name: string, required: boolean): void {
  reads.set(name, (reads.get(name) ?? true) && required);
}

const FRAMEWORKS: Array<[PythonFramework, RegExp]> = [
  ['django', /^\s*["']?django\b/im],
  ['fastapi', /^\s*["']?fastapi\b/im],
  ['flask', /^\s*["']?flask\b/im],
  ['starlette', /^\s*["']?starlette\b/im],
  ['aiohttp', /^\s*["']?aiohttp\b/im],
];

/** Python: version, installer, framework, server, the `module:app` target and the env reads. */
export async function detectPython(fs: ScaffoldFs, files: readonly string[]): Promise<PythonProject> {
  const read = async (f: string) => (files.includes(f) ? (await fs.readFile(f)) ?? '' : '');
  // requirements/prod.txt, requirements-prod.txt: the server is often declared only for production.
  const reqs = files.filter((f) => /^requirements([-_.][\w.-]*)?\.(txt|in)$|^requirements\/[\w.-]+\.(txt|in)$/.test(f)).slice(0, 12);
  const manifest = [...await Promise.all(reqs.map(read)), await read('pyproject.toml'), await read('Pipfile'), await read('setup.py')].join('\n');
  const installer: PythonProject['installer'] = files.includes('uv.lock') ? 'uv' : files.includes('poetry.lock') ? 'poetry'
    : files.includes('Pipfile.lock') || files.includes('Pipfile') ? 'pipenv' : files.includes('requirements.txt') ? 'requirements' : 'pip';
  const info: PythonProject = { installer, envReads: [], srcDir: '' };
  const version = (await read('.python-version')).trim().match(/^(\d+\.\d+)/)?.[1]
    ?? (await read('runtime.txt')).match(/python-(\d+\.\d+)/)?.[1]
    ?? manifest.match(/requires-python\s*=\s*["'][^"'\d]*(\d+\.\d+)/)?.[1]
    ?? manifest.match(/python_version\s*=\s*["'](\d+\.\d+)/)?.[1];
  if (version) info.version = version;
  const framework = FRAMEWORKS.find(([, re]) => re.test(manifest))?.[0];
  if (/\bgunicorn\b/i.test(manifest)) info.server = 'gunicorn';
  else if (/\buvicorn\b/i.test(manifest)) info.server = 'uvicorn';

  const sources = await readAll(fs, files.filter((f) => f.endsWith('.py') && !SKIP.test(`${f}`)));
  const reads = new Map<string, boolean>();
  let detected = framework;
  const entries: PythonEntry[] = [];
  for (const [file, text] of sources) {
    for (const r of envReadsInText('python', text)) addRead(reads, r.name, r.required);
    const entry = pythonEntryOf(file, text);
    if (entry) entries.push(entry);
    const mod = file.replace(/\.py$/, '').replace(/\//g, '.').replace(/\.__init__$/, '');
    if (!info.appTarget) {
      const app = text.match(/^(\w+)\s*=\s*(Flask|FastAPI|Starlette)\s*\(/m);
      if (app) {
        info.appTarget = `${mod}:${app[1]}`;
        detected ??= app[2] === 'Flask' ? 'flask' : app[2] === 'FastAPI' ? 'fastapi' : 'starlette';
      }
      const factory = !app && /^def\s+create_app\s*\(/m.test(text) && /\bFlask\s*\(/.test(text);
      if (factory) {
        info.appTarget = `${mod}:create_app()`;
        detected ??= 'flask';
      }
      if (/get_wsgi_application\s*\(/.test(text) && file.endsWith('wsgi.py')) {
        info.appTarget = `${mod}:application`;
        detected ??= 'django';
      }
    }
  }
  if (detected) info.framework = detected;
  info.envReads = [...reads].map(([name, required]) => ({ name, required })).sort((a, b) => a.name.localeCompare(b.name));
  const appFile = info.appTarget?.split(':')[0].replace(/\./g, '/');
  info.srcDir = appFile && appFile.includes('/') && info.framework !== 'django' ? posix.dirname(appFile) : '';
  // `import shutdown` finds the module only beside the file that runs (its folder is the script's path).
  const entry = entries.find((e) => posix.dirname(e.file) === (info.srcDir || '.'));
  if (entry) info.entry = entry;
  return info;
}

/** Go: go.mod's version and module, the main package, the web framework and `os.Getenv` reads. */
export async function detectGo(fs: ScaffoldFs, files: readonly string[]): Promise<GoProject> {
  const gomod = files.includes('go.mod') ? (await fs.readFile('go.mod')) ?? '' : '';
  const info: GoProject = { mainDir: '.', envReads: [] };
  const version = gomod.match(/^go\s+(\d+\.\d+)/m)?.[1];
  if (version) info.version = version;
  const mod = gomod.match(/^module\s+(\S+)/m)?.[1];
  if (mod) info.module = mod;
  const sources = await readAll(fs, files.filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && !SKIP.test(f)));
  const reads = new Map<string, boolean>();
  let mainDir: string | undefined;
  let mainFile: [string, string] | undefined;
  for (const [file, text] of sources) {
    for (const r of envReadsInText('go', text)) addRead(reads, r.name, r.required);
    if (/^package\s+main\b/m.test(text) && /^func\s+main\s*\(\s*\)/m.test(text)) {
      const dir = posix.dirname(file);
      // Prefer the root, then cmd/<name>, then the shallowest.
      if (mainDir === undefined || dir === '.' || (mainDir !== '.' && dir.split('/').length < mainDir.split('/').length)) [mainDir, mainFile] = [dir, [file, text]];
    }
  }
  if (mainDir !== undefined) info.mainDir = mainDir;
  const wiring = mainFile && goShutdownWiring(mainFile[0], mainFile[1], mod);
  if (wiring) info.shutdownWiring = wiring;
  const all = `${gomod}\n${sources.map(([, t]) => t).join('\n')}`;
  const fw: Array<[GoFramework, RegExp]> = [
    ['gin', /github\.com\/gin-gonic\/gin/], ['echo', /github\.com\/labstack\/echo/], ['chi', /github\.com\/go-chi\/chi/],
    ['fiber', /github\.com\/gofiber\/fiber/], ['net/http', /"net\/http"/],
  ];
  const framework = fw.find(([, re]) => re.test(all))?.[0];
  if (framework) info.framework = framework;
  info.envReads = [...reads].map(([name, required]) => ({ name, required })).sort((a, b) => a.name.localeCompare(b.name));
  return info;
}
