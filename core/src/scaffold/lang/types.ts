import type { PythonEntry } from '../python/wiring';
import type { FileEdits } from '../types';

/** The language of a scaffolded folder: Node.js (package.json), Python or Go. */
export type ProjectLanguage = 'node' | 'python' | 'go';

export type PythonFramework = 'flask' | 'fastapi' | 'django' | 'starlette' | 'aiohttp';

/** What the Python scaffolds adapt to, read from manifests and sources (regex-level, nothing runs). */
export interface PythonProject {
  /** `3.12` from `.python-version`, `runtime.txt` or `requires-python`; undefined when nothing declares it. */
  version?: string;
  /** How dependencies install: the lockfile decides. */
  installer: 'requirements' | 'poetry' | 'uv' | 'pipenv' | 'pip';
  framework?: PythonFramework;
  /** The production server the project depends on. */
  server?: 'gunicorn' | 'uvicorn';
  /** `module:app` (`app:app`, `main:app`, `mysite.wsgi:application`) when found. */
  appTarget?: string;
  /** Variables the code reads (`os.environ["X"]`, `os.getenv("X")`), with whether a default is given. */
  envReads: Array<{ name: string; required: boolean }>;
  /** The folder modules go in ('' = root). */
  srcDir: string;
  /** A file of that folder that runs the process itself (`serve_forever()`, `while True:`): where shutdown is wired in. */
  entry?: PythonEntry;
}

export type GoFramework = 'gin' | 'echo' | 'chi' | 'fiber' | 'net/http';

export interface GoProject {
  /** `1.22` from go.mod's `go` line. */
  version?: string;
  module?: string;
  /** Folder of the `package main` with `func main()` ('.' for the root). */
  mainDir: string;
  framework?: GoFramework;
  envReads: Array<{ name: string; required: boolean }>;
  /** The main file's server start, rewritten to run through the shutdown package (`go/wiring.ts`). */
  shutdownWiring?: FileEdits;
}
