/**
 * The CLI's entry (`dist/cli.js`): compiles the CLI bundle (`dist/cli-main.js`) with V8's code cache
 * (`codeCache.ts`) and runs it as Node's CommonJS loader would; the TypeScript compiler the bundle loads when a
 * file first needs a syntax tree (`dist/typescript.js`, 3.6 MB) is compiled the same way. Scan workers run the
 * bundle itself.
 *
 * V8 rejects a cache made under other flags (their hash is part of it), and the CLI sets one before it reads the
 * first file (`memory.ts`). So a cache is written under the flags the script was compiled with: the bundle's
 * just before the flag changes (or at exit, when nothing was read), the compiler's at exit (it is loaded only to
 * analyse a file, after the change). A cache is written only when there was none or V8 rejected it.
 */
import * as fs from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';
import * as vm from 'node:vm';
import { codeCacheDir, codeCacheFileName, readCodeCache, writeCodeCache } from './codeCache';
import { BEFORE_V8_FLAGS } from './memory';

/** The content hashes of the bundle and of the compiler, set by the build (scripts/build/cliLoader.mjs). */
declare const CLI_BUNDLE_KEY: string;
declare const TYPESCRIPT_KEY: string;

type Wrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

const dir = codeCacheDir({ env: process.env, platform: process.platform, home: process.env.HOME ?? process.env.USERPROFILE });
const debug = process.env.TWELVE_FACTOR_CODE_CACHE === 'debug';
let flagsChanged = false;
process.once(BEFORE_V8_FLAGS, () => { flagsChanged = true; });

/** Compiles a CommonJS file with its code cache and runs it; returns its module. */
function load(file: string, key: string, requireFn: (bundle: string) => NodeJS.Require): Module {
  let source = fs.readFileSync(file, 'utf8');
  // A file with a shebang: a comment of the same length inside the wrapper.
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const name = codeCacheFileName(path.basename(file, '.js'), key);
  const cachedData = dir ? readCodeCache(dir, name) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (dir && (!cachedData || script.cachedDataRejected)) {
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      writeCodeCache(dir, name, script.createCachedData());
    };
    if (!flagsChanged) process.once(BEFORE_V8_FLAGS, save);
    process.once('exit', save);
  }
  if (debug) process.stderr.write(`twelve-factor: code cache of ${path.basename(file)} ${!dir ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  const loaded = new Module(file, module);
  loaded.filename = file;
  const require = requireFn(file);
  // In Node's module cache as its own loader would put it: a plain `require` of the file gets this instance.
  require.cache[file] = loaded;
  (script.runInThisContext() as Wrapper).call(loaded.exports, loaded.exports, require, loaded, file, path.dirname(file));
  loaded.loaded = true;
  return loaded;
}

const bundle = path.join(__dirname, 'cli-main.js');
const typescriptFile = path.join(__dirname, 'typescript.js');
let typescript: Module | undefined;
load(bundle, CLI_BUNDLE_KEY, (file) => {
  const real = Module.createRequire(file);
  // The bundle loads the compiler by this one specifier (scripts/build/lazyTypescript.mjs).
  const require = (id: string): unknown => (id === './typescript.js' ? (typescript ??= load(typescriptFile, TYPESCRIPT_KEY, Module.createRequire)).exports : real(id));
  return Object.assign(require, real) as NodeJS.Require;
});
