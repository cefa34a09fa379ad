import type { PythonFacts } from './types';

/** How Python code reads a required variable: a KeyError at start-up names the missing variable. */
export function pythonEnvRead(name: string): string {
  return `os.environ["${name}"]`;
}

/** `import os`, where the module lacks it: after its imports (or docstring, or shebang), else first. */
export function pythonEnvFix(facts: PythonFacts): { at: number; text: string } | undefined {
  if (facts.imports.get('os') === 'os') return undefined;
  return facts.importInsertAt === 0 ? { at: 0, text: 'import os\n' } : { at: facts.importInsertAt, text: '\nimport os' };
}

/** `import sys`, for a fix that writes to `sys.stdout`. */
export function pythonImportEdit(facts: PythonFacts, module: string): { start: number; end: number; text: string } | undefined {
  if (facts.imports.get(module) === module) return undefined;
  const at = facts.importInsertAt;
  return at === 0 ? { start: 0, end: 0, text: `import ${module}\n` } : { start: at, end: at, text: `\nimport ${module}` };
}
