/**
 * The CLI's entry (`dist/cli.js`): compiles the CLI bundle (`dist/cli-main.js`) with V8's code cache
 * (`codeCache.ts`) and runs it as Node's CommonJS loader would. The cache is written once per bundle and Node
 * version: at exit, or — on a run that analyses files — just before the heap is tuned (`memory.ts`), because
 * V8 rejects a cache made after a flag changed (the flag hash is part of it). Scan workers run the bundle itself.
 */
import * as fs from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';
import * as vm from 'node:vm';
import { codeCacheDir, codeCacheFileName, readCodeCache, writeCodeCache } from './codeCache';
import { BEFORE_V8_FLAGS } from './memory';

/** The bundle's content hash, set by the build (scripts/build/cliLoader.mjs). */
declare const CLI_BUNDLE_KEY: string;

const bundle = path.join(__dirname, 'cli-main.js');
let source = fs.readFileSync(bundle, 'utf8');
// A bundle built with a shebang: a comment of the same length inside the wrapper.
if (source.startsWith('#!')) source = `//${source.slice(2)}`;

const dir = codeCacheDir({ env: process.env, platform: process.platform, home: process.env.HOME ?? process.env.USERPROFILE });
const name = codeCacheFileName(CLI_BUNDLE_KEY);
const cachedData = dir ? readCodeCache(dir, name) : undefined;
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
if (dir && (!cachedData || script.cachedDataRejected)) {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    writeCodeCache(dir, name, script.createCachedData());
  };
  process.once(BEFORE_V8_FLAGS, save);
  process.once('exit', save);
}
if (process.env.TWELVE_FACTOR_CODE_CACHE === 'debug') {
  process.stderr.write(`twelve-factor: code cache ${!dir ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
}

const main = new Module(bundle, module);
main.filename = bundle;
main.loaded = true;
const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
wrapper.call(main.exports, main.exports, Module.createRequire(bundle), main, bundle, path.dirname(bundle));
