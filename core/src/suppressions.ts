import type { LineIndex } from './lineIndex';

/**
 * Disable comments, read from the raw text so they work in every comment syntax we read (`//`, `/* *\/`,
 * `#`): ours, and the markers users of other secret scanners already have in their code.
 */
const DIRECTIVE = /twelve-factor-(disable-next-line|disable-line|disable|enable)\b([^\n\r]*)|gitleaks:allow|pragma:\s*allowlist\s+(nextline\s+)?secret|secretlint-(disable-next-line|disable-line|disable|enable)\b|#\s*nosec\b([^\n\r]*)|eslint-(disable-next-line|disable-line|disable|enable)\b([^\n\r]*)/g;

// ESLint's rules for the check `dependencies/undeclared-dependency` makes: disabling one of them by name says the
// developer chose to import a package the manifest does not declare (ntfy's service worker, on workbox-* that
// vite-plugin-pwa brings). A bare `eslint-disable` names no rule and silences nothing of ours.
const ESLINT_UNDECLARED = /(?:^|[\s,])(?:import|import-x)\/no-extraneous-dependencies\b|(?:^|[\s,])n(?:ode)?\/no-extraneous-(?:import|require)\b/;
const UNDECLARED = ['dependencies/undeclared-dependency'];

/** What every directive holds: a text without one has none (`Suppressions.none`). */
const MARKER = /twelve-factor-|gitleaks:allow|allowlist|secretlint-|nosec|no-extraneous-/;
const MARKER_REACH = 'twelve-factor-'.length - 1;

// Bandit's hardcoded-password tests: `# nosec B105` silences a secret, `# nosec B608` (SQL) does not.
const BANDIT_SECRET_TESTS = /\bB10[567]\b|hardcoded_password/;

/**
 * Why a finding is not shown: the directive that silenced it, as SARIF's `suppressions[]` records it
 * (kind `inSource`), with the text after ` -- ` as the justification people audit.
 */
export interface Suppression {
  kind: 'inSource';
  /** The marker as written: `twelve-factor-disable-next-line`, `gitleaks:allow`, `pragma: allowlist secret`, `nosec`… */
  directive: string;
  /** The reason after ` -- ` in our own directives; absent when none was given. */
  justification?: string;
  /** Zero-based line of the directive. */
  line: number;
}

interface LineRule {
  line: number;
  rules: string[] | 'all';
  secretOnly: boolean;
  by: Suppression;
}

interface Block {
  startLine: number;
  endLine: number;
  rules: string[] | 'all';
  secretOnly: boolean;
  by: Suppression;
}

type Open = { line: number; rules: string[] | 'all'; secretOnly: boolean; by: Suppression };

export class Suppressions {
  private readonly lines: LineRule[] = [];
  private readonly blocks: Block[] = [];

  static readonly none = new Suppressions();
  /** Texts read for directives in this process (tests count a keystroke's work). */
  static textsRead = 0;

  /** Cheap test first: most files hold no directive and pay one indexOf per marker. */
  static parse(text: string, index: LineIndex): Suppressions {
    Suppressions.textsRead++;
    if (!MARKER.test(text)) return Suppressions.none;
    const result = new Suppressions();
    const open: Open[] = [];
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m !== null; m = DIRECTIVE.exec(text)) {
      const line = index.positionAt(m.index).line;
      const by = (directive: string, rest?: string): Suppression => {
        const justification = rest === undefined ? undefined : reasonOf(rest);
        return justification ? { kind: 'inSource', directive, justification, line } : { kind: 'inSource', directive, line };
      };
      if (m[1] !== undefined) {
        const rules = parseRuleList(m[2] ?? '');
        const directive = by(`twelve-factor-${m[1]}`, m[2] ?? '');
        if (m[1] === 'disable-next-line') result.lines.push({ line: line + 1, rules, secretOnly: false, by: directive });
        else if (m[1] === 'disable-line') result.lines.push({ line, rules, secretOnly: false, by: directive });
        else if (m[1] === 'disable') open.push({ line, rules, secretOnly: false, by: directive });
        else result.closeBlocks(open, line, rules, false);
      } else if (m[6] !== undefined) {
        const named = ESLINT_UNDECLARED.test((m[7] ?? '').split(/\s--\s/)[0]);
        const directive = by(`eslint-${m[6]}`);
        if (m[6] === 'enable') {
          // `eslint-enable` with no rule re-enables them all: it ends the ESLint blocks, not ours.
          const eslintOpen = open.filter((o) => o.by.directive === 'eslint-disable');
          if (named || !/[\w-]+\/[\w-]+/.test(m[7] ?? '')) result.closeBlocks(eslintOpen, line, UNDECLARED, false);
          for (let i = open.length - 1; i >= 0; i--) if (open[i].by.directive === 'eslint-disable' && !eslintOpen.includes(open[i])) open.splice(i, 1);
        } else if (!named) continue;
        else if (m[6] === 'disable-next-line') result.lines.push({ line: line + 1, rules: UNDECLARED, secretOnly: false, by: directive });
        else if (m[6] === 'disable-line') result.lines.push({ line, rules: UNDECLARED, secretOnly: false, by: directive });
        else open.push({ line, rules: UNDECLARED, secretOnly: false, by: directive });
      } else if (m[0] === 'gitleaks:allow') {
        result.lines.push({ line, rules: 'all', secretOnly: true, by: by(m[0]) });
      } else if (m[5] !== undefined) {
        // Python's `# nosec` (bandit): the line was reviewed for security; with test ids, only the password tests count.
        const ids = m[5].split(/\s--\s|#/)[0];
        if (!/\bB\d{3}\b|\b[a-z]+_[a-z_]+\b/.test(ids) || BANDIT_SECRET_TESTS.test(ids)) {
          result.lines.push({ line, rules: 'all', secretOnly: true, by: by('nosec') });
        }
      } else if (m[0].startsWith('pragma')) {
        result.lines.push({ line: m[3] ? line + 1 : line, rules: 'all', secretOnly: true, by: by(m[0].replace(/\s+/g, ' ')) });
      } else if (m[4] === 'disable-next-line') {
        result.lines.push({ line: line + 1, rules: 'all', secretOnly: true, by: by(m[0]) });
      } else if (m[4] === 'disable-line') {
        result.lines.push({ line, rules: 'all', secretOnly: true, by: by(m[0]) });
      } else if (m[4] === 'disable') {
        open.push({ line, rules: 'all', secretOnly: true, by: by(m[0]) });
      } else {
        result.closeBlocks(open, line, 'all', true);
      }
    }
    for (const o of open) result.blocks.push({ startLine: o.line, endLine: Number.MAX_SAFE_INTEGER, rules: o.rules, secretOnly: o.secretOnly, by: o.by });
    return result;
  }

  /**
   * Whether a marker overlaps `[start, end)` of the text (an edit's new characters, or the place where characters
   * were deleted): after an edit of a text without any, a marker anywhere else was there before.
   */
  static markerNear(text: string, start: number, end: number): boolean {
    return MARKER.test(text.slice(Math.max(0, start - MARKER_REACH), end + MARKER_REACH));
  }

  private closeBlocks(open: Open[], line: number, rules: string[] | 'all', secretOnly: boolean): void {
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i];
      if (o.secretOnly !== secretOnly) continue;
      if (rules !== 'all' && o.rules !== 'all' && !o.rules.some((r) => rules.includes(r))) continue;
      this.blocks.push({ startLine: o.line, endLine: line, rules: o.rules, secretOnly, by: o.by });
      open.splice(i, 1);
    }
  }

  /** `reportsSecrets`: the rule's meta says so, and the secret scanners' directives apply to it too. */
  isSuppressed(ruleId: string, line: number, reportsSecrets = false): boolean {
    return this.suppressionOf(ruleId, line, reportsSecrets) !== undefined;
  }

  /** The directive that silences `ruleId` on `line` (a line directive before an enclosing block), if any. */
  suppressionOf(ruleId: string, line: number, reportsSecrets = false): Suppression | undefined {
    const applies = (rules: string[] | 'all', secretOnly: boolean) =>
      (!secretOnly || reportsSecrets) && (rules === 'all' || rules.includes(ruleId));
    for (const l of this.lines) if (l.line === line && applies(l.rules, l.secretOnly)) return l.by;
    for (const b of this.blocks) if (line >= b.startLine && line <= b.endLine && applies(b.rules, b.secretOnly)) return b.by;
    return undefined;
  }
}

/**
 * The reason after ` -- `, without a comment closer (`*\/`, `-->`), on one line and capped: it goes into
 * SARIF and reports verbatim, so it must stay a short human note, whatever the line holds.
 */
function reasonOf(rest: string): string | undefined {
  const at = rest.search(/\s--\s/);
  if (at < 0) return undefined;
  const reason = rest.slice(at).replace(/^\s--\s/, '').replace(/\s*(\*\/|-->).*$/, '').trim();
  return reason.length === 0 ? undefined : reason.length > 200 ? `${reason.slice(0, 199)}…` : reason;
}

/** `rule-a, rule-b -- reason` → ['rule-a', 'rule-b']; nothing named → every rule. Comment closers are dropped. */
function parseRuleList(rest: string): string[] | 'all' {
  const beforeReason = rest.split(/\s--\s|\s--$/)[0].replace(/\*\/.*$|-->.*$/, '');
  const ids = beforeReason.split(/[\s,]+/).filter((s) => /^[a-z0-9-]+\/[a-z0-9-]+$/.test(s));
  return ids.length > 0 ? ids : 'all';
}
