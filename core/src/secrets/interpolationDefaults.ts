/**
 * Defaults written into an interpolation: compose and the shell's `${DB_PASSWORD:-s3cret}` (also `-`, `:=`, `=`)
 * and Spring's `${DB_PASSWORD:s3cret}`. The value runs whenever the variable is unset, so it is judged as the
 * default of an environment read in code is (decision 5: one judgement for every default form).
 */
export interface InterpolationDefault {
  /** The variable read: `DB_PASSWORD`, Spring's `spring.datasource.password`. */
  name: string;
  value: string;
  /** Offsets of the default's text. */
  start: number;
  end: number;
  /** Offsets of the whole `${…}`: what `${NAME}` replaces in a compose file. */
  whole: { start: number; end: number };
}

// The default may not hold `$`, braces, quotes or blanks: a nested `${A:-${B}}` or a message is no literal.
// `:?` (fail when unset) and `:+` (the alternative when set) write no default.
// The shell's forms name a plain variable; Spring's `:` form a property too (`${app.jwt.secret:…}`). A Terraform
// expression (`${module.gke-db1.service_account}`) is neither.
const PATTERN = /\$\{(?:([A-Za-z_]\w*)(:-|:=|-|=)|([A-Za-z_][\w.-]*)(:)(?![?+=-]))([^${}\s'"`\\]{1,256})\}/g;
// PowerShell writes a scope or drive before a variable's name in the same braces: `${env:ProgramFiles(x86)}` reads
// the environment variable `ProgramFiles(x86)` (about_Environment_Variables; about_Scopes for `global:`, `script:`…),
// with no default at all.
const POWERSHELL_QUALIFIER = /^(?:env|global|local|script|private|using|variable|function|alias)$/i;

/** The cheap test made before the pattern runs. */
export const INTERPOLATION_DEFAULT_CANDIDATE = /\$\{[A-Za-z_][\w.-]*?(?::?[-=]|:)/;

export function findInterpolationDefaults(text: string): InterpolationDefault[] {
  if (!INTERPOLATION_DEFAULT_CANDIDATE.test(text)) return [];
  const found: InterpolationDefault[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) {
    const name = m[1] ?? m[3];
    const operator = m[2] ?? m[4];
    const value = m[5];
    if (operator === ':' && POWERSHELL_QUALIFIER.test(name)) continue;
    const start = m.index + 2 + name.length + operator.length;
    found.push({ name, value, start, end: start + value.length, whole: { start: m.index, end: m.index + m[0].length } });
  }
  return found;
}
