import type { Workspace } from './files';

/**
 * How a project says it is built and run, whatever its language: the Procfile's process types, the Makefile's
 * targets and the Dockerfile's command. Read bounded, line by line.
 */

const MAX_TEXT = 1 << 18;

/** Procfile process types and their commands (`web: gunicorn app:app`). */
export function procfileTypes(ws: Workspace): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (ws.read('Procfile') ?? '').slice(0, MAX_TEXT).split(/\r?\n/)) {
    const m = /^([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(line);
    if (m && !out.has(m[1])) out.set(m[1], m[2].trim());
  }
  return out;
}

/** Makefile targets and their recipes (the tab-indented lines under them); pattern and special targets left out. */
export function makeTargets(ws: Workspace): Map<string, string> {
  const out = new Map<string, string>();
  const text = ws.read('Makefile') ?? ws.read('makefile') ?? ws.read('GNUmakefile');
  if (text === undefined) return out;
  let current: string[] = [];
  for (const line of text.slice(0, MAX_TEXT).split(/\r?\n/)) {
    if (line.startsWith('\t')) {
      for (const t of current) out.set(t, `${out.get(t) ?? ''}${line.trim()}\n`);
      continue;
    }
    // Names separated by blanks, then the colon: no two parts of the pattern can take the same blank, so a long line cannot make it backtrack.
    const m = /^([\w.-]+(?:[ \t]+[\w.-]+)*)[ \t]*::?(?!=)/.exec(line.slice(0, 1000));
    current = m ? m[1].split(/\s+/).filter((t) => t && !t.startsWith('.') && !t.includes('%')) : line.trim() === '' || line.startsWith('#') ? current : [];
    for (const t of current) if (!out.has(t)) out.set(t, '');
  }
  return out;
}

/** The Dockerfile's last CMD or ENTRYPOINT (the one that runs), continuation lines joined, and which of the two it is. */
export function dockerCommand(ws: Workspace): { instruction: 'CMD' | 'ENTRYPOINT'; command: string } | undefined {
  const text = ws.read('Dockerfile') ?? ws.read('Containerfile');
  let found: { instruction: 'CMD' | 'ENTRYPOINT'; command: string } | undefined;
  // Joined first, so the CMD of a `HEALTHCHECK … \` continuation is not taken for the image's.
  for (const line of (text ?? '').slice(0, MAX_TEXT).replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const m = /^\s*(CMD|ENTRYPOINT)\s+(.+)$/i.exec(line);
    if (m) found = { instruction: m[1].toUpperCase() as 'CMD' | 'ENTRYPOINT', command: m[2].trim() };
  }
  return found;
}

/** The first target of these names, or whose recipe matches `command`. */
export function makeTarget(targets: Map<string, string>, names: RegExp, command?: RegExp): string | undefined {
  for (const [name, recipe] of targets) if (names.test(name) || (command && command.test(recipe))) return name;
  return undefined;
}
