import { createHash } from './lazyModules';
import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { ResolvedConfig } from './config';
import { FileContext } from './context';
import { analyze } from './engine';
import { rules as allRules } from './rules';
import type { Finding } from './types';

/** How much of a large `.env` is held in memory at once. */
const CHUNK = 1024 * 1024;

/**
 * The secrets of a `.env` too large to analyse whole. Passing it over would hide exactly what the file is
 * for (issue 11), so it is read in line-aligned chunks and the secret rules run on each; the findings'
 * positions are those in the whole file. Only the rules that report secrets run: the other `.env` checks need the whole
 * file (duplicates, order) and are reported as skipped by the caller.
 */
export function scanLargeEnv(file: string, options: { config: ResolvedConfig; relativePath: string; gitIgnored: boolean }): Finding[] {
  const rules = allRules.filter((r) => r.meta.reportsSecrets === true && r.meta.kinds.includes('env'));
  if (rules.length === 0) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let line = 0;
  let offset = 0;
  const run = (piece: string) => {
    const context = new FileContext(file, piece, { gitIgnored: options.gitIgnored, relativePath: options.relativePath });
    const result = analyze(context, { config: options.config, relativePath: options.relativePath, rules, maxFileSize: Infinity });
    for (const f of result.findings) {
      f.range = { start: { line: f.range.start.line + line, character: f.range.start.character }, end: { line: f.range.end.line + line, character: f.range.end.character } };
      f.start += offset;
      f.end += offset;
      // Occurrences are counted per chunk; a repeat in a later chunk gets a fingerprint of its own.
      while (seen.has(f.fingerprint)) f.fingerprint = createHash('sha256').update(`${f.fingerprint}|next`).digest('hex').slice(0, 32);
      seen.add(f.fingerprint);
      findings.push(f);
    }
    line += context.lines.range(piece.length, piece.length).start.line;
    offset += piece.length;
  };
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK);
    let carry = '';
    for (let n = fs.readSync(fd, buffer, 0, CHUNK, null); n > 0; n = fs.readSync(fd, buffer, 0, CHUNK, null)) {
      carry += decoder.write(buffer.subarray(0, n));
      const cut = carry.lastIndexOf('\n');
      // A line longer than a few chunks is cut anyway: memory stays bounded whatever the file holds.
      if (cut < 0 && carry.length < 4 * CHUNK) continue;
      const end = cut < 0 ? carry.length : cut + 1;
      run(carry.slice(0, end));
      carry = carry.slice(end);
    }
    carry += decoder.end();
    if (carry.length > 0) run(carry);
  } finally {
    fs.closeSync(fd);
  }
  return findings;
}
