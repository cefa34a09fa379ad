/**
 * The headers of the blocks around an offset in Go source, innermost first: the text from the start of the
 * line to each unclosed `{` before the offset (`if logFile != "" {`, `func main() {`). Read from the text, not
 * the syntax tree; braces inside strings and comments on the way are skipped.
 */
export function enclosingBlockHeaders(text: string, offset: number): string[] {
  return enclosingBlocks(text, offset).map((b) => b.header);
}

/** The blocks around an offset, innermost first: each header and the offset of its opening `{`. */
function enclosingBlocks(text: string, offset: number): Array<{ header: string; open: number }> {
  const headers: Array<{ header: string; open: number }> = [];
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
      headers.push({ header: text.slice(lineStart, i).trim(), open: i });
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
 * The offset sits in the `default:` clause of a `switch` whose cases name the standard streams
 * (`switch out { case "stdout": … case "stderr": … default: f, _ := os.OpenFile(out, …) }`): a log destination
 * setting that takes a stream or a path, so a file is written only when the operator gives a path.
 */
export function inStreamSwitchDefault(text: string, offset: number): boolean {
  const block = enclosingBlocks(text, offset)[0];
  if (!block || !/^switch\b/.test(block.header)) return false;
  const body = text.slice(block.open + 1, offset);
  if (!/^[ \t]*case\s+(?:"[^"\n]*"\s*,\s*)*"(?:stdout|stderr)"/m.test(body)) return false;
  const labels = [...body.matchAll(/^[ \t]*(case\b[^\n]*|default\s*):/gm)];
  return labels.length > 0 && /^default/.test(labels[labels.length - 1][1]);
}
