import * as path from 'node:path';
import type { FileHost } from '../host';
import { environmentNames } from './composeDeclared';
import { filesUnder, listing } from '../workspace/filesUnder';
import { PerVersion } from '../workspace/perVersion';

/**
 * Documentation as declaration: a project that documents its settings in its own Markdown (GrowthBook's
 * `docs/self-host/env.mdx`, a README's table of variables) has told whoever deploys it what to set, even with
 * no `.env.example` entry. A name counts as declared only where the page presents it as a setting:
 * - a table cell that is the name and nothing else: `| \`NAME\` | … |`;
 * - a `NAME=value` line in a fenced code block (also `export NAME=`, `- NAME=`, `docker run -e NAME=`), or a
 *   key under `environment:` in a fenced compose snippet;
 * - a list item or heading that starts with the name in code or bold: `- **NAME** - …`, `### \`NAME\``.
 * A mention in running prose does not declare, and change logs (`CHANGELOG.md`, `docs/releases/…`) never do:
 * they say what changed, not what to set.
 *
 * reStructuredText pages (`.rst`, Sphinx: most Python projects' documentation) have their own forms, read by
 * `declaredInRst`: Sphinx's `.. envvar:: NAME` directive, a definition-list term that is the name in code
 * (`` `NAME`: `` or ``` ``NAME`` ``` over an indented definition, as a configuration reference lists its
 * settings), a `NAME=value` line in a literal or code block, and the sentence form above.
 *
 * Which documentation: the README files and the `docs/`, `doc/`, `documentation/` trees of the folders from the
 * nearest declaration file's up to the workspace root, and there a monorepo's documentation site (`apps/docs/`,
 * `packages/docs/`, Docusaurus' `website/`). Bounded: at most MAX_FILES pages per tree, pages over
 * MAX_BYTES are skipped, every pattern runs in time linear in the line, and each page is parsed once per text.
 */

export interface DocDeclaration {
  file: string;
  /** 0-based line of the first declaring line. */
  line: number;
}

export type DocsHost = FileHost & { readonly version?: number };

const MAX_BYTES = 1024 * 1024;
const MAX_FILES = 2000;
const MAX_DEPTH = 8;
const MAX_LINE = 4096;
const MAX_PARAGRAPH_LINES = 64;
/** A compose snippet longer than this is not a snippet: its `environment:` keys are not read (bounded work). */
const MAX_SNIPPET_LINES = 500;
const DOC_TREES = ['docs', 'doc', 'documentation'];
/** A monorepo's documentation site, kept as a package of its own: `apps/docs/content/…`, Docusaurus' `website/`. */
const DOC_SITES = [['apps', 'docs'], ['apps', 'documentation'], ['packages', 'docs'], ['website']];
const DOC_PAGE = /\.(?:md|mdx|markdown|rst)$/i;
const README = /^readme(?:\.[\w-]+)?\.(?:md|mdx|markdown|rst)$/i;
const RST_PAGE = /\.rst$/i;
// Release notes say what changed, not what to set: their files and folders are not read.
const CHANGE_LOG = /^(?:change[-_]?log|changes|history|news|release[-_]?notes|releases?|upgrad(?:e|ing)|migrat(?:e|ion|ions|ing))(?:[-_.].*)?$/i;
const SKIPPED_FOLDER = /^(?:node_modules|\..*)$/;

/** Whether a change to this file can change what the documentation declares (the server re-judges env reads). */
export function isDocumentationFile(file: string): boolean {
  const base = path.basename(file);
  return DOC_PAGE.test(base) && !CHANGE_LOG.test(base);
}

const parsed = new Map<string, { text: string; names: Map<string, number> }>();
const MAX_PARSED = 4096;
const results = new PerVersion<Map<string, DocDeclaration>>();

/** Names the documentation of these folders declares, each with the page and line that first declares it. */
export function documentedNames(host: DocsHost, dirs: readonly string[]): Map<string, DocDeclaration> {
  return results.get(host, dirs.join('\0'), () => collect(host, dirs));
}

function collect(host: DocsHost, dirs: readonly string[]): Map<string, DocDeclaration> {
  const out = new Map<string, DocDeclaration>();
  const add = (file: string) => {
    let text: string | undefined;
    try {
      text = host.readFile(file);
    } catch {
      text = undefined;
    }
    if (text === undefined || text.length > MAX_BYTES) return;
    for (const [name, line] of namesOf(file, text)) if (!out.has(name)) out.set(name, { file, line });
  };
  for (const dir of new Set(dirs)) {
    const entries = listing(host, dir);
    for (const f of entries.files.filter((n) => README.test(n)).sort()) add(path.join(dir, f));
    for (const tree of DOC_TREES) if (entries.folders.includes(tree)) for (const f of pagesUnder(host, path.join(dir, tree))) add(f);
    for (const [top, site] of DOC_SITES) {
      if (!entries.folders.includes(top)) continue;
      if (site !== undefined && !listing(host, path.join(dir, top)).folders.includes(site)) continue;
      for (const f of pagesUnder(host, path.join(dir, top, site ?? ''))) add(f);
    }
  }
  return out;
}

/** The documentation pages of one tree, breadth first, in a stable order; at most MAX_FILES. */
function pagesUnder(host: DocsHost, top: string): string[] {
  return filesUnder(host, top, (f) => DOC_PAGE.test(f) && !CHANGE_LOG.test(f), { maxDepth: MAX_DEPTH, maxFiles: MAX_FILES, skip: (d) => SKIPPED_FOLDER.test(d) || CHANGE_LOG.test(d) });
}

function namesOf(file: string, text: string): Map<string, number> {
  const hit = parsed.get(file);
  if (hit && hit.text === text) return hit.names;
  const names = RST_PAGE.test(file) ? declaredInRst(text) : declaredIn(text);
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(file, { text, names });
  return names;
}

const NAME = '[A-Z][A-Z0-9_]*';
// Any indent: MDX pages indent fences inside components and list items.
const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)/;
const TABLE_CELL = new RegExp(`^(?:\`|\\*\\*|__)?(${NAME})(?:\`|\\*\\*|__)?$`);
// `NAME=value`, `export NAME=`, `- NAME=` (a compose list), `set NAME=`; `# NAME=` as `.env.example` shows an optional one;
// `"NAME=value",` as an element of a JSON argument list (an MCP client's `"args": ["run", "-e", "NAME=…"]`).
const ASSIGNMENT_LINE = new RegExp(`^[ \\t]*(?:#[ \\t]*)?(?:export[ \\t]+|set[ \\t]+|-[ \\t]+["']?|["'])?(${NAME})=`);
// A JSON `"env": {` object in a fenced block: the environment an MCP client, a VS Code launch configuration or a
// process manager hands to the program (`"mcpServers": {"x": {"command": "npx", "env": {"NAME": "…"}}}`).
const JSON_ENV_OPEN = /"(?:env|environment)"[ \t]*:[ \t]*\{/;
// A JSON string or a brace: strings are read whole, so a value holding braces or quoted keys
// (`"{\\"CF-Access-Client-Id\\": \\"…\\"}"`) neither moves the depth nor declares.
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|[{}]/g;
const JSON_COLON = /^[ \t]*:/;
const JSON_NAME = new RegExp(`^"(${NAME})"$`);
const DOCKER_ENV = new RegExp(`(?:^|[ \\t])(?:-e|--env)[ \\t]+["']?(${NAME})=`, 'g');
// A list item or heading that starts with the name in code or bold (`**\`NAME\`**` too), optionally `NAME=value`.
const ITEM_START = /^[ \t]*(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t]+(?:\[[ xX]\][ \t]+)?/;
const BOLD_NAME = new RegExp(`^(\\*\\*|__)\`?(${NAME})(?:=[^\`*_\\s]*)?\`?\\1`);
const CODE_NAME = new RegExp(`^\`(${NAME})(?:=[^\`]*)?\``);
// In running text, only an assignment in code (`NAME=value`: what to type) or a name in code or bold that its
// own sentence calls an environment variable ("set the `SSO_CONFIG` environment variable") declares.
const CODE_ASSIGNMENT = new RegExp(`\`(${NAME})=[^\`]{0,200}\``, 'g');
// A sentence that names the `.env` file as the place ("Set `DISABLE_TELEMETRY` in your server or docker .env
// settings") calls the name an environment variable too.
const ENV_VARIABLE = /\benv(?:ironment)?[ _-]?var(?:iable)?s?\b|(?:^|[\s(`'"])\.env\b/i;
const SET_APART = new RegExp(`(?:\`|\\*\\*)(${NAME})(?:\`|\\*\\*)`, 'g');
const SENTENCE_BREAK = /[.!?:;]\s+/g;
const HEADING = /^[ \t]{0,3}#{1,6}[ \t]/;
const PLAIN_HEADING = new RegExp(`^[ \\t]{0,3}#{1,6}[ \\t]+(${NAME})[ \\t]*(?:#+[ \\t]*)?$`);

/** The names one page declares, each with its first declaring line (0-based). */
export function declaredIn(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: string, line: number) => {
    if (!out.has(name)) out.set(name, line);
  };
  const lines = text.split(/\r?\n/);
  // `envDepth`: the brace depth inside a JSON `"env": {` object of the fence (0 outside one).
  let fence: { marker: string; yaml: boolean; start: number; envDepth: number } | undefined;
  // The lines of the paragraph being read: a sentence may wrap ("a **PORT** environment variable set,\nset **BACKEND_PORT**").
  let paragraph: number[] = [];
  const flush = () => {
    if (paragraph.length > 0) sentenceNames(lines, paragraph, add);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].length > MAX_LINE ? lines[i].slice(0, MAX_LINE) : lines[i];
    const open = FENCE.exec(line);
    if (!fence && (open || line.trim() === '' || line.trim().startsWith('|') || ITEM_START.test(line) || paragraph.length >= MAX_PARAGRAPH_LINES)) flush();
    if (fence) {
      if (open && open[1][0] === fence.marker[0] && open[1].length >= fence.marker.length && open[2] === '') {
        // A compose snippet's `environment:` keys, read with the compose reader.
        if (fence.yaml && i - fence.start < MAX_SNIPPET_LINES) for (const n of environmentNames(lines.slice(fence.start + 1, i).join('\n'))) add(n, fence.start + 1);
        fence = undefined;
        continue;
      }
      const m = ASSIGNMENT_LINE.exec(line);
      if (m) add(m[1], i);
      for (const d of line.matchAll(DOCKER_ENV)) add(d[1], i);
      fence.envDepth = jsonEnvKeys(line, fence.envDepth, (name) => add(name, i));
      continue;
    }
    if (open) {
      fence = { marker: open[1], yaml: /^(?:ya?ml|docker-compose)$/i.test(open[2]), start: i, envDepth: 0 };
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('|')) {
      for (const cell of trimmed.split('|')) {
        const m = TABLE_CELL.exec(cell.trim());
        if (m) add(m[1], i);
      }
      continue;
    }
    const item = ITEM_START.exec(line);
    if (item) {
      // Only a name set apart declares: a plain `- NAME` list is as often a list of anything else.
      const rest = line.slice(item[0].length);
      const name = BOLD_NAME.exec(rest)?.[2] ?? CODE_NAME.exec(rest)?.[1] ?? PLAIN_HEADING.exec(line)?.[1];
      if (name) add(name, i);
    }
    if (line.includes('`')) for (const m of line.matchAll(CODE_ASSIGNMENT)) add(m[1], i);
    // A heading is a paragraph of its own: "## Environment variables" says nothing about the sentence below it.
    if (trimmed !== '' && !HEADING.test(line)) paragraph.push(i);
  }
  flush();
  return out;
}

/**
 * The keys of a JSON `"env": {…}` object, one fenced line at a time: `depth` is the object's brace depth at the
 * start of the line (0 outside one); returns it at the end of the line. Only the object's own keys (depth 1)
 * declare.
 */
function jsonEnvKeys(line: string, depth: number, add: (name: string) => void): number {
  let from = 0;
  if (depth === 0) {
    const open = JSON_ENV_OPEN.exec(line);
    if (!open) return 0;
    from = open.index + open[0].length;
    depth = 1;
  }
  JSON_TOKEN.lastIndex = from;
  for (let m = JSON_TOKEN.exec(line); m; m = JSON_TOKEN.exec(line)) {
    const token = m[0];
    if (token === '{') depth++;
    else if (token === '}') {
      if (--depth === 0) return 0;
    } else if (depth === 1 && JSON_COLON.test(line.slice(JSON_TOKEN.lastIndex, JSON_TOKEN.lastIndex + 16))) {
      const key = JSON_NAME.exec(token);
      if (key) add(key[1]);
    }
  }
  return depth;
}

/**
 * Names in code or bold that their own sentence, within one paragraph, calls an environment variable. One pass
 * over the paragraph: sentences and line starts are walked alongside the matches (linear in its length).
 */
function sentenceNames(lines: string[], paragraph: number[], add: (name: string, line: number) => void): void {
  const text = paragraph.map((i) => lines[i].slice(0, MAX_LINE)).join('\n');
  if (!ENV_VARIABLE.test(text)) return;
  const ends: number[] = [];
  for (const m of text.matchAll(SENTENCE_BREAK)) ends.push(m.index + m[0].length);
  ends.push(text.length);
  const mentions: boolean[] = [];
  let from = 0;
  for (const end of ends) {
    mentions.push(ENV_VARIABLE.test(text.slice(from, end)));
    from = end;
  }
  let sentence = 0;
  let line = 0;
  let lineEnd = text.indexOf('\n');
  for (const m of text.matchAll(SET_APART)) {
    while (ends[sentence] <= m.index) sentence++;
    while (lineEnd >= 0 && lineEnd < m.index) {
      line++;
      lineEnd = text.indexOf('\n', lineEnd + 1);
    }
    if (mentions[sentence]) add(m[1], paragraph[line]);
  }
}

// Sphinx's directive for an environment variable (https://www.sphinx-doc.org/en/master/usage/domains/standard.html).
const RST_ENVVAR = new RegExp(`^[ \\t]*\\.\\.[ \\t]+envvar::[ \\t]+(${NAME})[ \\t]*$`);
// A definition-list term that is the name in code (the default role's `NAME` or a literal ``NAME``), optionally
// followed by a colon or a ` : classifier`; the definition is the next line, indented deeper.
const RST_TERM = new RegExp(`^([ \\t]*)(\`{1,2})(${NAME})\\2[ \\t]*(?::.*)?$`);
// A literal block follows a paragraph ending in `::`; a code block is a `code-block`/`code`/`sourcecode` directive.
// Other directives (`.. note::`) hold ordinary text, read as such.
const RST_DIRECTIVE = /^[ \t]*\.\.[ \t]/;
const RST_CODE_DIRECTIVE = /^[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode)::/;
const RST_LITERAL_END = /::[ \t]*$/;
const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;

/** The names one reStructuredText page declares, each with its first declaring line (0-based). */
export function declaredInRst(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: string, line: number) => {
    if (!out.has(name)) out.set(name, line);
  };
  const lines = text.split(/\r?\n/).map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
  // `literal`: the indent of the line that opened the literal or code block being read.
  let literal: number | undefined;
  let paragraph: number[] = [];
  const flush = () => {
    if (paragraph.length > 0) sentenceNames(lines, paragraph, add);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (literal !== undefined) {
      if (indentOf(line) > literal) {
        const m = ASSIGNMENT_LINE.exec(line);
        if (m) add(m[1], i);
        for (const d of line.matchAll(DOCKER_ENV)) add(d[1], i);
        continue;
      }
      literal = undefined;
    }
    const envvar = RST_ENVVAR.exec(line);
    if (envvar) add(envvar[1], i);
    const term = RST_TERM.exec(line);
    const next = lines[i + 1];
    if (term && next !== undefined && next.trim() !== '' && indentOf(next) > term[1].length) add(term[3], i);
    if (paragraph.length >= MAX_PARAGRAPH_LINES) flush();
    paragraph.push(i);
    if (RST_CODE_DIRECTIVE.test(line) || (RST_LITERAL_END.test(line) && !RST_DIRECTIVE.test(line))) {
      flush();
      literal = indentOf(line);
    }
  }
  flush();
  return out;
}
