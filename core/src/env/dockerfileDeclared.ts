import * as path from 'node:path';
import type { FileHost } from '../host';

/**
 * Variables a Dockerfile sets with `ENV` (`ENV NAME=value OTHER=x`, the old `ENV NAME value`, continued lines):
 * the image sets them, not whoever deploys it (anything-llm's `ENV ANYTHING_LLM_RUNTIME=docker`, qinglong's
 * `ENV QL_DIR=/ql`), so a read of one is declared. Looked for in the folders given and their `docker/` folder,
 * where projects keep their image (`docker/Dockerfile`). The production image named as such (`Dockerfile.prod`,
 * `Dockerfile.production`, `prod.Dockerfile`, `production.Dockerfile`) is the main image as well (inbox-zero's
 * `docker/Dockerfile.prod`, hoppscotch's `prod.Dockerfile`). The other images of a project (`Dockerfile.dev`,
 * `alpine.Dockerfile`, saltcorn's `Dockerfile.release`) are not read: the audited apps show them setting a
 * development image's or one edition's values that the deployer of the main image still owes.
 */
export function dockerfileEnvNames(host: FileHost, dirs: readonly string[], runInline?: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const dir of new Set(dirs)) {
    for (const file of [dir, path.join(dir, 'docker')].flatMap((d) => MAIN_IMAGES.map((name) => path.join(d, name)))) {
      let text: string | undefined;
      try {
        text = host.readFile(file);
      } catch {
        text = undefined;
      }
      if (text) for (const name of envInstructionNames(text)) out.add(name);
      if (text && runInline) for (const name of runInlineNames(text)) runInline.add(name);
    }
  }
  return out;
}

const MAIN_IMAGES = ['Dockerfile', 'Dockerfile.prod', 'Dockerfile.production', 'prod.Dockerfile', 'production.Dockerfile'];

/**
 * The names a `RUN` instruction assigns on a command's line (`RUN BUILD_OUTPUT_PATH=dist pnpm run build`, also after
 * `&&` or `;`, and after the instruction's `--mount` options): set for that build command only.
 */
export function runInlineNames(text: string): Set<string> {
  const out = new Set<string>();
  const joined = text.replace(/\\\r?\n(?:[ \t]*#[^\n]*\n)*/g, ' ');
  for (const line of joined.split(/\r?\n/)) {
    const m = /^[ \t]*RUN[ \t]+(?:--[\w-]+(?:=\S*)?[ \t]+)*(.*)$/i.exec(line);
    if (!m) continue;
    for (const command of m[1].split(/&&|\|\||;|\|/)) {
      const words = /^\s*(?:env\s+)?((?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|[^\s"']*)\s+)+)[^\s=]+(?=\s|$)/.exec(command);
      if (words) for (const a of words[1].matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)) out.add(a[1]);
    }
  }
  return out;
}

/** The names every `ENV` instruction of a Dockerfile's text sets. */
export function envInstructionNames(text: string): Set<string> {
  const out = new Set<string>();
  // Continued lines join into one instruction; comments between them are dropped as Docker does.
  const joined = text.replace(/\\\r?\n(?:[ \t]*#[^\n]*\n)*/g, ' ');
  for (const line of joined.split(/\r?\n/)) {
    const m = /^[ \t]*ENV[ \t]+(.*)$/i.exec(line);
    if (!m) continue;
    const body = m[1].trim();
    if (!body.includes('=')) {
      // `ENV NAME value`: one variable, the rest of the line its value.
      const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s/.exec(body);
      if (legacy) out.add(legacy[1]);
      continue;
    }
    for (const a of body.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=(?:"(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) out.add(a[1]);
  }
  return out;
}
