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
const PATTERN = /\$\{([A-Za-z_][\w.-]*?)(:-|:=|-|=|:(?![?+]))([^${}\s'"`\\]{1,256})\}/g;

/** The cheap test made before the pattern runs. */
export const INTERPOLATION_DEFAULT_CANDIDATE = /\$\{[A-Za-z_][\w.-]*?(?::?[-=]|:)/;

export function findInterpolationDefaults(text: string): InterpolationDefault[] {
  if (!INTERPOLATION_DEFAULT_CANDIDATE.test(text)) return [];
  const found: InterpolationDefault[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) {
    const start = m.index + 2 + m[1].length + m[2].length;
    found.push({ name: m[1], value: m[3], start, end: start + m[3].length, whole: { start: m.index, end: m.index + m[0].length } });
  }
  return found;
}
