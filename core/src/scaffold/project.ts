import * as path from 'node:path';
import * as ts from 'typescript';
import { isTestFile } from '../fileKinds';
import { ModuleBindings } from '../js/modules';
import { listenSites } from '../js/servers';
import { inferEnvReads, parseSource, scanEnvUses, type EnvUse } from './envReads';
import { listFiles, type ListOptions, type ScaffoldFs } from './fs';
import { readDeclarations } from './declared';
import { serverWiring } from './wiring';
import { detectServices } from './services';
import { detectGo, detectLanguage, detectPython } from './lang/detect';
import type { DetectedServer, Framework, PackageJson, ProjectInfo } from './types';

const posix = path.posix;
const SOURCE = /\.(js|jsx|ts|tsx|mjs|cjs|mts|cts)$/i;
const MAX_SOURCE_BYTES = 512 * 1024;

interface TsOptions {
  module?: string;
  moduleResolution?: string;
  outDir?: string;
  rootDir?: string;
  noPropertyAccessFromIndexSignature?: boolean;
}

/**
 * What the scaffolds adapt to, read from one project folder: language, module system, framework, layout,
 * package manager, the server the code starts, the environment variables it reads and the backing services
 * it uses. Syntax only; nothing in the project runs.
 */
export async function detectProject(files: ScaffoldFs, options: ListOptions = {}): Promise<ProjectInfo> {
  const all = await listFiles(files, options);
  const packageJson = parseJson<PackageJson>(await files.readFile('package.json'));
  const runtimeDeps = new Set(Object.keys(packageJson?.dependencies ?? {}));
  const allDeps = new Set([...runtimeDeps, ...Object.keys(packageJson?.devDependencies ?? {})]);
  const tsconfig = all.includes('tsconfig.json') ? await readTsOptions(files, 'tsconfig.json', 0) : undefined;

  const outDir = tsconfig?.outDir;
  const sources = all.filter((f) => SOURCE.test(f) && !/\.d\.[cm]?ts$/i.test(f) && !/\.min\.[cm]?js$/i.test(f) && !isTestFile(f) &&
    !(outDir && (f === outDir || f.startsWith(`${outDir}/`))));
  const tsCount = sources.filter((f) => /\.[cm]?tsx?$/i.test(f)).length;
  const typescript = tsconfig !== undefined ? tsCount > 0 || sources.length === 0 : tsCount > 0 && tsCount >= sources.length - tsCount;

  const moduleKind = moduleSystem(typescript, packageJson, tsconfig);
  const nodeResolution = /^node(16|18|next)$/i;
  const importExtension: '' | '.js' = moduleKind === 'esm' && (!typescript || nodeResolution.test(tsconfig?.module ?? '') || nodeResolution.test(tsconfig?.moduleResolution ?? '')) ? '.js' : '';

  const uses: EnvUse[] = [];
  const servers: Array<DetectedServer & { bindings: ModuleBindings }> = [];
  for (let i = 0; i < sources.length; i += 32) {
    const batch = sources.slice(i, i + 32);
    const texts = await Promise.all(batch.map((f) => files.readFile(f)));
    batch.forEach((file, j) => {
      const text = texts[j];
      if (text === undefined || text.length > MAX_SOURCE_BYTES) return;
      const sf = parseSource(file, text);
      uses.push(...scanEnvUses(sf, file));
      if (!/listen|start|Worker/.test(text)) return;
      const bindings = ModuleBindings.of(sf);
      for (const site of listenSites(sf, bindings)) {
        const line = sf.getLineAndCharacterOfPosition(site.call.getStart(sf)).line + 1;
        const server: DetectedServer & { bindings: ModuleBindings } = { file, kind: site.kind, line, bindings };
        if (site.receiver) server.receiver = site.receiver.getText(sf);
        const wiring = serverWiring(sf, site.call);
        if (wiring) server.wiring = wiring;
        const port = ts.isCallExpression(site.call) ? literalPort(site.call.arguments[0]) : undefined;
        if (port !== undefined) server.literalPort = port;
        servers.push(server);
      }
    });
  }
  const server = pickServer(servers);
  const envReads = inferEnvReads(uses, allDeps);
  const framework = detectFramework(runtimeDeps.size > 0 ? runtimeDeps : allDeps, server?.bindings) ?? detectFramework(allDeps, server?.bindings);

  const lockfile = ['pnpm-lock.yaml', 'yarn.lock', 'package-lock.json', 'npm-shrinkwrap.json'].find((f) => all.includes(f));
  const packageManager = lockfile === 'pnpm-lock.yaml' ? 'pnpm' : lockfile === 'yarn.lock' ? 'yarn' : 'npm';
  const srcDir = sources.some((f) => f.startsWith('src/')) ? 'src' : server ? dirOf(server.file) : '';

  const info: ProjectInfo = {
    typescript,
    module: moduleKind,
    importExtension,
    srcDir,
    packageManager,
    nodeMajor: nodeMajor(packageJson?.engines?.node),
    envReads,
    services: detectServices(allDeps, envReads),
    files: all,
  };
  const declared = await readDeclarations(files, all);
  if (declared.schema || declared.example) info.declared = declared;
  if (framework) info.framework = framework;
  if (packageJson) info.packageJson = packageJson;
  if (lockfile) info.lockfile = lockfile;
  if (typescript && outDir) info.outDir = outDir;
  if (typescript && tsconfig?.noPropertyAccessFromIndexSignature) info.bracketIndexAccess = true;
  if (server) {
    info.server = { file: server.file, kind: server.kind, line: server.line };
    if (server.receiver !== undefined) info.server.receiver = server.receiver;
    if (server.literalPort !== undefined) info.server.literalPort = server.literalPort;
    if (server.wiring) info.server.wiring = server.wiring;
  }
  const entry = entryOf(packageJson, typescript, tsconfig, server?.file, sources);
  if (entry) info.entry = entry;
  const language = detectLanguage(all, server !== undefined || packageJson?.scripts?.start !== undefined);
  if (language === 'python') Object.assign(info, { language, python: await detectPython(files, all) });
  if (language === 'go') Object.assign(info, { language, go: await detectGo(files, all) });
  return info;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The compiler options that matter here, following `extends` (relative files and packages) a few levels. */
async function readTsOptions(files: ScaffoldFs, file: string, depth: number): Promise<TsOptions | undefined> {
  const text = await files.readFile(file);
  if (text === undefined) return undefined;
  // tsconfig is JSON with comments and trailing commas; TypeScript's own reader takes it as it is.
  const parsed = ts.parseConfigFileTextToJson(file, text) as { config?: { extends?: string | string[]; compilerOptions?: Record<string, unknown> } };
  const config = parsed.config ?? {};
  let options: TsOptions = {};
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  if (depth < 4) {
    for (const base of bases) {
      const target = base.startsWith('.')
        ? posix.normalize(posix.join(dirOf(file), base.endsWith('.json') ? base : `${base}.json`))
        : `node_modules/${base.endsWith('.json') ? base : `${base}/tsconfig.json`}`;
      const inherited = await readTsOptions(files, target, depth + 1);
      // Paths in an inherited config are relative to that config's folder; the recursive read resolved them.
      if (inherited) options = { ...options, ...inherited };
    }
  }
  const own = config.compilerOptions ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (str(own.module)) options.module = str(own.module)?.toLowerCase();
  if (str(own.moduleResolution)) options.moduleResolution = str(own.moduleResolution)?.toLowerCase();
  if (str(own.outDir)) options.outDir = relativeToRoot(dirOf(file), str(own.outDir) as string);
  if (str(own.rootDir)) options.rootDir = relativeToRoot(dirOf(file), str(own.rootDir) as string);
  if (typeof own.noPropertyAccessFromIndexSignature === 'boolean') options.noPropertyAccessFromIndexSignature = own.noPropertyAccessFromIndexSignature;
  return options;
}

function relativeToRoot(dir: string, p: string): string {
  const joined = posix.normalize(posix.join(dir, p)).replace(/\/$/, '');
  return joined === '.' ? '' : joined.replace(/^\.\//, '');
}

function dirOf(file: string): string {
  const d = posix.dirname(file);
  return d === '.' ? '' : d;
}

/**
 * ESM or CommonJS as the project's own code is written and run: for JavaScript package.json `type`; for
 * TypeScript the tsconfig `module` (`commonjs` → cjs, `es*`/`preserve` → esm, `node16`/`nodenext` → package.json
 * `type`, unset → cjs, TypeScript's default for current targets' Node projects).
 */
function moduleSystem(typescript: boolean, pkg: PackageJson | undefined, tsOptions: TsOptions | undefined): 'esm' | 'cjs' {
  const typeModule = pkg?.type === 'module';
  if (!typescript) return typeModule ? 'esm' : 'cjs';
  const mod = tsOptions?.module;
  if (!mod) return typeModule ? 'esm' : 'cjs';
  if (mod === 'commonjs' || mod === 'umd' || mod === 'amd') return 'cjs';
  if (/^node(16|18|next)$/.test(mod)) return typeModule ? 'esm' : 'cjs';
  return 'esm';
}

/** `listen(3000)`, `listen({ port: 3000 })`, `listen(Number(process.env.PORT) || 3000)` → 3000. */
function literalPort(arg: ts.Expression | undefined): number | undefined {
  if (!arg) return undefined;
  let found: number | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isNumericLiteral(node)) {
      const n = Number(node.text);
      if (Number.isInteger(n) && n > 0 && n < 65536) found = n;
      return;
    }
    if (ts.isStringLiteral(node) && /^\d{2,5}$/.test(node.text)) {
      const n = Number(node.text);
      if (n > 0 && n < 65536) found = n;
      return;
    }
    // Only what could be the port: not the callback's body.
    if (ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(arg);
  return found;
}

const ENTRY_NAMES = /(^|\/)(server|index|main|app|start|www)\.[cm]?[jt]sx?$/i;

function pickServer<T extends DetectedServer>(servers: T[]): T | undefined {
  const ranked = servers.filter((s) => s.kind !== 'worker');
  const pool = ranked.length > 0 ? ranked : servers;
  return pool.find((s) => ENTRY_NAMES.test(s.file)) ?? pool[0];
}

const FRAMEWORKS: Array<[RegExp, Framework]> = [
  [/^express$/, 'express'],
  [/^fastify$/, 'fastify'],
  [/^koa$/, 'koa'],
  [/^@nestjs\/core$/, 'nest'],
  [/^(@hapi\/hapi|hapi)$/, 'hapi'],
];

function detectFramework(deps: ReadonlySet<string>, serverBindings: ModuleBindings | undefined): Framework | undefined {
  const present = FRAMEWORKS.filter(([re]) => [...deps].some((d) => re.test(d)));
  if (present.length === 0) return undefined;
  // Two frameworks in the dependencies (Nest on express, a migration in progress): the server's file decides.
  if (present.length > 1 && serverBindings) {
    const imported = present.find(([re]) => [...deps].some((d) => re.test(d) && serverBindings.imports(d)));
    if (imported) return imported[1];
  }
  // Nest runs on express or fastify; it is the framework the app is written in.
  return (present.find(([, f]) => f === 'nest') ?? present[0])[1];
}

/** `>=20`, `^18.17.0`, `20.x`, `>= 18 < 23` → the first major named; 20 when there is none. */
export function nodeMajor(range: string | undefined): number {
  const m = range ? /(\d+)/.exec(range) : null;
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 10 && n < 100 ? n : 20;
}

/** `node -r dotenv/config dist/index.js --flag` → `dist/index.js`; undefined when the script does not run node on a file. */
export function nodeScriptTarget(script: string | undefined): string | undefined {
  if (!script) return undefined;
  const tokens = script.split(/\s+/).filter(Boolean);
  const at = tokens.findIndex((t) => t === 'node' || t.endsWith('/node'));
  if (at < 0) return undefined;
  for (let i = at + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '&&' || t === ';' || t === '|') return undefined;
    if (t.startsWith('-')) {
      if (/^(-r|--require|--import|--loader|--experimental-loader|-C|--conditions|--env-file|--title)$/.test(t)) i++;
      continue;
    }
    return t.replace(/^\.\//, '');
  }
  return undefined;
}

/** The file production runs: the start script's `node` target, `main`, or the server compiled into `outDir`. */
function entryOf(pkg: PackageJson | undefined, typescript: boolean, tsOptions: TsOptions | undefined, serverFile: string | undefined, sources: string[]): string | undefined {
  const fromStart = nodeScriptTarget(pkg?.scripts?.start);
  if (fromStart) return fromStart;
  if (pkg?.main && !/\.[cm]?tsx?$/.test(pkg.main)) return pkg.main.replace(/^\.\//, '');
  if (!serverFile) return undefined;
  if (!typescript) return serverFile;
  const outDir = tsOptions?.outDir;
  if (!outDir) return undefined;
  const tsSources = sources.filter((f) => /\.[cm]?tsx?$/.test(f));
  const rootDir = tsOptions?.rootDir ?? commonDir(tsSources);
  const rel = rootDir ? posix.relative(rootDir, serverFile) : serverFile;
  return posix.join(outDir, rel).replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs').replace(/\.tsx$/, '.js');
}

function commonDir(files: string[]): string {
  if (files.length === 0) return '';
  let common = dirOf(files[0]).split('/').filter(Boolean);
  for (const f of files.slice(1)) {
    const parts = dirOf(f).split('/').filter(Boolean);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/');
}
