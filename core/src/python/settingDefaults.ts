import type { FileHost } from '../host';
import { pythonModuleCandidates } from './program';

/**
 * Whether a condition that reads an imported setting is on by default: `if settings.enable_log_to_file:` with
 * `from app.settings import settings`, where app/settings.py defines the field as `enable_log_to_file: bool =
 * Field(default=True)` (pydantic), `= True` (a dataclass or a plain class attribute); or `if LOG_TO_FILE:` with
 * `from app.config import LOG_TO_FILE` and `LOG_TO_FILE = True` there. A switch such as `if settings.log_to_file:`
 * makes what it guards opt-in only while its default is off; with a literal `True` default the guarded code runs
 * unless the operator turns it off.
 *
 * Read from the defining module's text, as the program index reads imports (no grammar): every definition of the
 * name in that module must default to `True` (one that differs, in another settings class, leaves it unknown).
 * `imports` maps a local name to its qualified name (`settings` → `app.settings.settings`).
 */
export function importedSwitchOnByDefault(host: FileHost | undefined, file: string, imports: ReadonlyMap<string, string>, header: string): boolean {
  if (!host) return false;
  const m = /^(?:el)?if\s+\(?([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\)?\s*(?:(?:==|is)\s*True\s*)?:/.exec(header);
  if (!m) return false;
  const qualified = imports.get(m[1]);
  if (!qualified || qualified === m[1]) return false;
  const parent = qualified.replace(/\.?[^.]*$/, '');
  // `if LOG_TO_FILE:`: the name itself, defined in the module it comes from. `if settings.x:`: the attribute,
  // defined in the module the object comes from (`settings = Settings()` there), or in the module `settings` is.
  const lookups: Array<[module: string, name: string]> = m[2] === undefined ? [[parent, qualified.split('.').pop() as string]] : [[parent, m[2]], [qualified, m[2]]];
  for (const [module, name] of lookups) {
    if (!module || /^\.*$/.test(module)) continue;
    for (const candidate of pythonModuleCandidates(file, module)) {
      const text = host.readFile(candidate);
      if (text === undefined) continue;
      const verdict = definedTrue(text, name);
      if (verdict !== undefined) return verdict;
      break;
    }
  }
  return false;
}

/** true: every definition of `name` (a class field or a module constant) defaults to `True`; undefined: none there. */
function definedTrue(text: string, name: string): boolean | undefined {
  const definitions = [...text.matchAll(new RegExp(`^[ \\t]*${name}[ \\t]*(?::[^=\\n]*)?=(?!=)[ \\t]*([^\\n]*)`, 'gm'))].map((d) => d[1]);
  if (definitions.length === 0) return undefined;
  return definitions.every((value) => /^(?:True\b|(?:[\w.]+\.)?Field\(\s*(?:default\s*=\s*)?True\b)/.test(value));
}
