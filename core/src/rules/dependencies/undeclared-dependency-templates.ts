import * as path from 'node:path';
import type { FileHost } from '../../host';
import { foldersUp } from '../../workspace/manifest';
import { matchingEntries } from '../../workspace/filesUnder';
import { PerVersion } from '../../workspace/perVersion';

/**
 * A bundler config the project does not commit but generates from a template it keeps, for folders of its own
 * (WebODM writes every plugin's `public/webpack.config.js` from `app/plugins/templates/webpack.config.js.tmpl`
 * before it builds the plugin). Its `resolve.alias` and `externals` map specifiers the plugin's modules import
 * (`webodm/components/…`, `jquery` as a page global) as a committed config's do, and a template that points
 * `NODE_PATH` at a `node_modules` folder lets those modules resolve from the project's root install.
 */
export interface GeneratedConfigs {
  /** Texts of the templates that name aliases, externals or module folders. */
  readonly texts: readonly string[];
  /** Some template sets `NODE_PATH` to a `node_modules` folder before the build reads its paths. */
  readonly nodePath: boolean;
}

const NONE: GeneratedConfigs = { texts: [], nodePath: false };

/** `webpack.config.js.tmpl`, `webpack.config.js.template`, `rspack.config.ts.in`, `webpack.config.tmpl.js`. */
const TEMPLATE = /^(?:webpack|rspack)(?:\.[\w-]+)?\.config(?:\.[cm]?[jt]s\.(?:tmpl|tpl|template|in|j2|jinja2?|ejs|hbs|mustache)|\.(?:tmpl|tpl|template)\.[cm]?[jt]s)$/;
/** A bundler config committed as such: a folder that has one builds with it, not with a generated one. */
const COMMITTED = /^(?:webpack|rspack|vite)(?:\.[\w-]+)?\.config\.[cm]?[jt]s$/;
const WORDS = /alias|externals|\bmodules\s*:|NODE_PATH/;
const NODE_PATH_TO_MODULES = /process\.env\.NODE_PATH\s*=[^;\n]*node_modules/;
const NOT_SEARCHED = /^(?:node_modules|dist|build|out|coverage|vendor|fixtures?|examples?|bower_components)$|^\./;
const MAX_FOLDERS = 2000;
const MAX_DEPTH = 6;
const MAX_TEMPLATES = 5;
const byRepository = new PerVersion<GeneratedConfigs>();

/**
 * The generated configs that may build the file's folder: the repository's config templates, when no folder
 * between the file and the repository's top holds a committed bundler config (which would build it instead).
 * The top folder's own config builds the app at the top, not a subfolder's separate bundle, so it does not count.
 */
export function generatedConfigsFor(host: FileHost & { readonly version?: number }, file: string): GeneratedConfigs {
  const folders = foldersUp(host, file);
  if (folders.length < 2) return NONE;
  const top = folders[folders.length - 1];
  if (folders.slice(0, -1).some((dir) => matchingEntries(host, dir, COMMITTED).files.length > 0)) return NONE;
  return byRepository.get(host, top, () => templatesUnder(host, top));
}

/** Breadth first from the repository's top: at most MAX_FOLDERS folders, MAX_DEPTH deep, MAX_TEMPLATES kept. */
function templatesUnder(host: FileHost, top: string): GeneratedConfigs {
  const texts: string[] = [];
  let nodePath = false;
  let level = [top];
  let seen = 0;
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && texts.length < MAX_TEMPLATES; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++seen > MAX_FOLDERS) break;
      // Only the template names and the sub-folders are read (and recorded by the CLI's cache): a new file of
      // another name anywhere in the repository changes nothing here.
      const { files, folders } = matchingEntries(host, dir, TEMPLATE);
      for (const f of files) {
        const text = host.readFile(path.join(dir, f));
        if (text === undefined || !WORDS.test(text)) continue;
        texts.push(text);
        nodePath ||= NODE_PATH_TO_MODULES.test(text);
      }
      for (const d of folders.slice().sort()) if (!NOT_SEARCHED.test(d)) next.push(path.join(dir, d));
    }
    level = next;
  }
  return texts.length === 0 ? NONE : { texts, nodePath };
}
