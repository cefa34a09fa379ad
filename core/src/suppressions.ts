import type { LineIndex } from './lineIndex';

/**
 * Disable comments, read from the raw text so they work in every comment syntax we read (`//`, `/* *\/`,
 * `#`): ours, and the markers users of other secret scanners already have in their code.
 */
const DIRECTIVE = /twelve-factor-(disable-next-line|disable-line|disable|enable)\b([^\n\r]*)|gitleaks:allow|pragma:\s*allowlist\s+(nextline\s+)?secret|secretlint-(disable-next-line|disable-line|disable|enable)\b/g;

/** Rules the secret scanners' markers apply to. */

interface LineRule {
  line: number;
  rules: string[] | 'all';
  secretOnly: boolean;
}

interface Block {
  startLine: number;
  endLine: number;
  rules: string[] | 'all';
  secretOnly: boolean;
}

export class Suppressions {
  private readonly lines: LineRule[] = [];
  private readonly blocks: Block[] = [];

  static readonly none = new Suppressions();

  /** Cheap test first: most files hold no directive and pay one indexOf per marker. */
  static parse(text: string, index: LineIndex): Suppressions {
    if (!/twelve-factor-|gitleaks:allow|allowlist|secretlint-/.test(text)) return Suppressions.none;
    const result = new Suppressions();
    const open: Array<{ line: number; rules: string[] | 'all'; secretOnly: boolean }> = [];
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m !== null; m = DIRECTIVE.exec(text)) {
      const line = index.positionAt(m.index).line;
      if (m[1] !== undefined) {
        const rules = parseRuleList(m[2] ?? '');
        if (m[1] === 'disable-next-line') result.lines.push({ line: line + 1, rules, secretOnly: false });
        else if (m[1] === 'disable-line') result.lines.push({ line, rules, secretOnly: false });
        else if (m[1] === 'disable') open.push({ line, rules, secretOnly: false });
        else result.closeBlocks(open, line, rules, false);
      } else if (m[0] === 'gitleaks:allow') {
        result.lines.push({ line, rules: 'all', secretOnly: true });
      } else if (m[0].startsWith('pragma')) {
        result.lines.push({ line: m[3] ? line + 1 : line, rules: 'all', secretOnly: true });
      } else if (m[4] === 'disable-next-line') {
        result.lines.push({ line: line + 1, rules: 'all', secretOnly: true });
      } else if (m[4] === 'disable-line') {
        result.lines.push({ line, rules: 'all', secretOnly: true });
      } else if (m[4] === 'disable') {
        open.push({ line, rules: 'all', secretOnly: true });
      } else {
        result.closeBlocks(open, line, 'all', true);
      }
    }
    for (const o of open) result.blocks.push({ startLine: o.line, endLine: Number.MAX_SAFE_INTEGER, rules: o.rules, secretOnly: o.secretOnly });
    return result;
  }

  private closeBlocks(open: Array<{ line: number; rules: string[] | 'all'; secretOnly: boolean }>, line: number, rules: string[] | 'all', secretOnly: boolean): void {
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i];
      if (o.secretOnly !== secretOnly) continue;
      if (rules !== 'all' && o.rules !== 'all' && !o.rules.some((r) => rules.includes(r))) continue;
      this.blocks.push({ startLine: o.line, endLine: line, rules: o.rules, secretOnly });
      open.splice(i, 1);
    }
  }

  /** `reportsSecrets`: the rule's meta says so, and the secret scanners' directives apply to it too. */
  isSuppressed(ruleId: string, line: number, reportsSecrets = false): boolean {
    const applies = (rules: string[] | 'all', secretOnly: boolean) =>
      (!secretOnly || reportsSecrets) && (rules === 'all' || rules.includes(ruleId));
    for (const l of this.lines) if (l.line === line && applies(l.rules, l.secretOnly)) return true;
    for (const b of this.blocks) if (line >= b.startLine && line <= b.endLine && applies(b.rules, b.secretOnly)) return true;
    return false;
  }
}

/** `rule-a, rule-b -- reason` → ['rule-a', 'rule-b']; nothing named → every rule. Comment closers are dropped. */
function parseRuleList(rest: string): string[] | 'all' {
  const beforeReason = rest.split(/\s--\s|\s--$/)[0].replace(/\*\/.*$|-->.*$/, '');
  const ids = beforeReason.split(/[\s,]+/).filter((s) => /^[a-z0-9-]+\/[a-z0-9-]+$/.test(s));
  return ids.length > 0 ? ids : 'all';
}
