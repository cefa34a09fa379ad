/**
 * The headers of the blocks around an offset in Go source, innermost first: the text from the start of the
 * line to each unclosed `{` before the offset (`if logFile != "" {`, `func main() {`). Read from the text, not
 * the syntax tree; braces inside strings and comments on the way are skipped.
 */
export function enclosingBlockHeaders(text: string, offset: number): string[] {
  const headers: string[] = [];
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') continue;
    if (c === '"' || c === '`') {
      // Skip back over a string literal on the same line (a raw string may span lines).
      const open = text.lastIndexOf(c, i - 1);
      if (open >= 0 && (c === '`' || !text.slice(open, i).includes('\n'))) i = open;
      continue;
    }
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth > 0) { depth--; continue; }
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      headers.push(text.slice(lineStart, i).trim());
    }
  }
  return headers;
}

/**
 * `if logFile != "" {`, `if cfg.LogToFile {`, `} else if Server.LogFile != "" {`: a block entered only when a
 * setting named for file logging is given, so the default is the stream (`== ""` or a negation is not).
 */
export function isFileLogSwitch(header: string): boolean {
  if (!/^(?:\}\s*else\s+)?if\b/.test(header) || /==\s*""|!\s*[\w.]*(?:log|file)/i.test(header)) return false;
  return /[\w.]*(?:log_?files?|log_?to_?files?|file_?logs?|file_?logging)\b/i.test(header);
}

/**
 * `if len(o.File.Filename) > 0 {`, `if path != "" && rotate {`: a block entered only when the very path the log
 * file opens is given, whatever the setting is called (oauth2-proxy's `logging_filename`), so without it the
 * logger keeps its stream. A test joined with `||` may enter the block without the path, so it does not count.
 */
export function isPathGivenSwitch(header: string, target: string): boolean {
  if (!/^(?:\}\s*else\s+)?if\b/.test(header) || header.includes('||') || !/^[\w.]+$/.test(target)) return false;
  const t = target.replace(/\./g, '\\.');
  return new RegExp(String.raw`(?:^|[\s(&])(?:len\(\s*${t}\s*\)\s*(?:>\s*0|!=\s*0|>=\s*1)|${t}\s*!=\s*"")`).test(header.replace(/^(?:\}\s*else\s+)?if\s+/, ' '));
}

/**
 * `func LogFile(logger *log.Logger, path string) OptionFn {`, `func WithLogFile(p string) Option {`: a functional
 * option named for file logging (the functional-options pattern: the option applies only when a caller passes
 * it, as a `--log` flag does when set), so the file inside it is the operator's choice, as under `if logFile != ""`.
 */
export function isFileLogOption(header: string): boolean {
  return /^func\s+(?:With|Set|Use)?Log_?File(?:Path|Name)?\s*\([^)]*\)\s*\*?(?:\w+\.)?\w*Opt(?:ion)?s?(?:Fn|Func)?\s*$/i.test(header);
}
