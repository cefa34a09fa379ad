import type { ServerKind } from '../js/servers';
import type { Declarations } from './declared';
import type { ServerWiring } from './wiring';
import type { GoProject, ProjectLanguage, PythonProject } from './lang/types';

/** The scaffolds, by the last segment of their command id (`twelveFactor.scaffold.<id>`). */
export type ScaffoldId =
  | 'configModule' | 'gracefulShutdown' | 'envExample' | 'envSchema' | 'procfile'
  | 'dockerfile' | 'compose' | 'logger' | 'healthCheck';

/** The value types of `.env.schema.yaml` (PRODUCT.md). */
export type EnvType = 'string' | 'url' | 'port' | 'integer' | 'number' | 'boolean' | 'email' | 'enum' | 'json';

export interface SourceLocation {
  /** Relative to the project root, with `/`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** One environment variable the code reads, with what its uses tell about it. */
export interface EnvRead {
  name: string;
  inferredType: EnvType;
  /**
   * The literal fallback the code gives (`|| '3000'`, `?? 3000`, `{ PORT = '3000' } = process.env`), as text.
   * Never a credential: a secret's fallback is dropped, except a connection string's that holds none.
   */
  default?: string;
  secret: boolean;
  /** No default anywhere and no read that tests whether the variable is set. */
  required: boolean;
  /** For `url`: allowed schemes without `:` (from a default like `postgres://…`, or the backing service). */
  protocols?: string[];
  /** For `enum`. */
  values?: string[];
  /** Constraints a schema declares (`string`: lengths and pattern source; `integer`/`number`: range). */
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
  locations: SourceLocation[];
}

export type Framework = 'express' | 'fastify' | 'koa' | 'nest' | 'hapi';

export type ServiceKind = 'postgres' | 'mysql' | 'mongo' | 'redis' | 'rabbitmq' | 'kafka';

/** A backing service the code attaches to, and why we think so. */
export interface BackingService {
  kind: ServiceKind;
  /** Dependencies and variable names that point to it. */
  evidence: string[];
  /** Variables the code reads for it (`DATABASE_URL`, `REDIS_URL`, `PGHOST`). */
  envVars: string[];
}

export interface PackageJson {
  name?: string;
  main?: string;
  type?: string;
  scripts?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** The server the code starts, as `listenSites` finds it. */
export interface DetectedServer {
  file: string;
  kind: ServerKind;
  line: number;
  /** Source text of the receiver (`app`), when the call is on one. */
  receiver?: string;
  /** `app.listen(3000)`: the literal port, when there is one. */
  literalPort?: number;
  /** Where a generated module can be wired in (graceful shutdown). */
  wiring?: ServerWiring;
}

export interface ProjectInfo {
  /** The folder's language (absent: Node.js); Python and Go folders carry their facts. */
  language?: ProjectLanguage;
  python?: PythonProject;
  go?: GoProject;
  typescript: boolean;
  module: 'esm' | 'cjs';
  /**
   * How relative imports end in this project's source: `.js` for ESM that Node resolves itself
   * (JavaScript ESM, TypeScript `node16`/`nodenext`), '' otherwise.
   */
  importExtension: '' | '.js';
  framework?: Framework;
  /** Where modules go: `src` when it exists, else the server's folder, else '' (the root). */
  srcDir: string;
  packageJson?: PackageJson;
  packageManager: 'npm' | 'yarn' | 'pnpm';
  /** The lockfile's name, when there is one. */
  lockfile?: string;
  /** Node's major version from `engines.node`, or 20. */
  nodeMajor: number;
  /** The file `node` runs in production, relative to the root (`dist/src/server.js`). */
  entry?: string;
  /** tsconfig `noPropertyAccessFromIndexSignature`: `env['PORT']`, not `env.PORT`. */
  bracketIndexAccess?: boolean;
  /** tsconfig `outDir`, relative to the root, when the project compiles. */
  outDir?: string;
  server?: DetectedServer;
  envReads: EnvRead[];
  /** `.env.schema.yaml` and `.env.example` as they exist: the env scaffolds compose with them. */
  declared?: Declarations;
  services: BackingService[];
  /** All files seen (relative), for generators that adapt to what exists. */
  files: string[];
}

/** One file a scaffold writes. */
export interface GeneratedFile {
  /** Relative to the project root, with `/`. */
  path: string;
  content: string;
  /** `append-missing-keys`: an existing file gets only the keys it lacks, never a change to its own. */
  merge?: 'append-missing-keys';
}

/** Insertions into a file that exists (wiring a generated module in), checked against `anchor` before they apply. */
export interface FileEdits {
  path: string;
  edits: Array<{ start: number; end: number; text: string }>;
  /** Text expected at an offset: when the file changed since detection, the edits are not applied. */
  anchor: { start: number; text: string };
}

export interface ScaffoldPlan {
  files: GeneratedFile[];
  /** Edits to existing files, applied in the same undoable step as the files. */
  edits?: FileEdits[];
  /** The file to open afterwards. */
  main?: string;
  /** What the user does next (wire the module in), shown after writing; short, plain text. */
  notes: string[];
}
